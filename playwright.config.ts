import { defineConfig } from '@playwright/test';

import { DIST_DIR, PREVIEW_PORT, SIM_PORT } from './e2e/ports';

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.E2E_OUTPUT ?? 'e2e/output/results',
  fullyParallel: false,
  // Two cores: one browser at a time keeps timings honest.
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PREVIEW_PORT}`,
    browserName: 'chromium',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: [
    {
      command: `npx vite preview --port ${PREVIEW_PORT} --strictPort --host 127.0.0.1 --outDir ${DIST_DIR}`,
      url: `http://127.0.0.1:${PREVIEW_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `node bin/prompt-studio.mjs sim --port ${SIM_PORT}`,
      url: `http://127.0.0.1:${SIM_PORT}/stats`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
