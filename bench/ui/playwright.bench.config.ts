/**
 * The UI benchmark's own Playwright config (not part of `npm test`): Debian's Chromium against
 * the production build in BENCH_DIST (with the chart page in its bench-chart/ folder) and a sim at 0 ms.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { BENCH_DIST, BENCH_PREVIEW_PORT, BENCH_SIM_PORT } from './ports';

const root = fileURLToPath(new URL('../../', import.meta.url));

export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  outputDir: process.env.BENCH_OUTPUT ?? '/tmp/prompt-studio-bench-ui',
  fullyParallel: false,
  // Two cores: one browser at a time keeps timings honest.
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${BENCH_PREVIEW_PORT}`,
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: [
    {
      command: `npx vite preview --port ${BENCH_PREVIEW_PORT} --strictPort --host 127.0.0.1 --outDir ${BENCH_DIST}`,
      url: `http://127.0.0.1:${BENCH_PREVIEW_PORT}`,
      reuseExistingServer: false,
      cwd: root,
      timeout: 60_000,
    },
    {
      command: `node bin/prompt-studio.mjs sim --port ${BENCH_SIM_PORT} --latency-ms 0`,
      url: `http://127.0.0.1:${BENCH_SIM_PORT}/stats`,
      reuseExistingServer: false,
      cwd: root,
      timeout: 60_000,
    },
  ],
});
