// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Import direction (DESIGN.md): core <- db <- worker <- app; cli -> core; sim stands alone. */
const layer = (from, forbidden, extraPatterns = []) => ({
  files: [`src/${from}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbidden.map((dir) => ({
            group: [`**/${dir}`, `**/${dir}/**`, `src/${dir}/**`],
            message: `src/${from} must not import src/${dir} (see DESIGN.md, "Imports point one way").`,
          })),
          ...extraPatterns,
        ],
      },
    ],
  },
});

const noUi = [
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@xyflow/*', 'zustand', 'zustand/*', 'zundo', '@tanstack/*', 'uplot'], message: 'The engine knows nothing of the page (STYLE.md 1).' },
  { group: ['dexie', 'dexie-*', 'fake-indexeddb', 'fake-indexeddb/*', 'comlink'], message: 'The engine knows nothing of storage or workers (STYLE.md 1).' },
  { group: ['node:*', 'fs', 'path', 'http', 'os', 'child_process'], message: 'core runs in the page too: pass host capabilities in (STYLE.md 5).' },
];

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', '.claude/', 'node_modules/', 'test-results/', 'playwright-report/', 'e2e/output/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  { ...layer('core', ['db', 'worker', 'app', 'cli', 'sim'], noUi), ignores: ['src/core/**/*.test.ts', 'src/core/**/test-support/**'] },
  // Core's tests may start the sim (the test double) and use Node.
  { ...layer('core', ['db', 'worker', 'app', 'cli'], noUi.slice(0, 2)), files: ['src/core/**/*.test.ts', 'src/core/**/test-support/**'] },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts', 'src/core/**/test-support/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'navigator', 'process', 'Buffer', 'require'].map((name) => ({
          name,
          message: `core runs in the page, a worker and Node alike: no '${name}' (STYLE.md 1, 5).`,
        })),
      ],
    },
  },
  layer('db', ['worker', 'app', 'cli', 'sim'], [noUi[0]]),
  // The worker may import src/sim: its pure model is the offline Demo provider.
  layer('worker', ['app', 'cli'], [noUi[0]]),
  layer('cli', ['db', 'worker', 'app'], [noUi[0], noUi[1]]),
  layer('sim', ['core', 'db', 'worker', 'app', 'cli'], [noUi[0], noUi[1]]),
);
