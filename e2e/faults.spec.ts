import { expect, test } from '@playwright/test';
import { openApp } from './fixtures/app';
import { collectErrors } from './fixtures/console';
import { finishedProgram, NO_FAULTS, resetSimStats, setSimFaults, simStats, startOptimization, useSimProvider } from './fixtures/runs';

// Faults never change what a run finds: 5xx and 429 storms are retried (429s also lower the
// concurrency for a while), and going offline pauses the run until the network is back.
const RUN = { optimizer: 'random-search', seed: 9, concurrency: 3, config: { num_candidate_programs: 1 } };

test.afterEach(async () => {
  await setSimFaults(NO_FAULTS);
});

test('20 % 5xx, 10 % 429 and a spell offline: the run finishes with the same program as without faults', async ({ browser }) => {
  test.setTimeout(420_000);
  await setSimFaults({ ...NO_FAULTS, latencyMs: 60 });
  const clean = await browser.newContext();
  const cleanPage = await clean.newPage();
  await openApp(cleanPage);
  await useSimProvider(cleanPage);
  await startOptimization(cleanPage, RUN);
  const expected = await finishedProgram(cleanPage, 200_000);
  await clean.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = collectErrors(page);
  await openApp(page);
  await useSimProvider(page);
  await setSimFaults({ ...NO_FAULTS, latencyMs: 60, rate5xx: 0.2, rate429: 0.1, retryAfterSeconds: 0.05, faultSeed: 5 });
  await resetSimStats();
  await startOptimization(page, RUN);
  await expect(page.getByRole('table', { name: 'Trials' }).getByRole('row').nth(1)).toBeVisible({ timeout: 120_000 });

  // Offline: calls already sent may land, nothing new leaves, and the run does not fail.
  await context.setOffline(true);
  await page.waitForTimeout(500);
  const paused = (await simStats()).chatCompletions;
  await page.waitForTimeout(3_000);
  expect((await simStats()).chatCompletions).toBe(paused);
  await expect(page.getByRole('region', { name: 'Current run' }).getByRole('button', { name: 'Cancel run' })).toBeVisible();
  await context.setOffline(false);

  const program = await finishedProgram(page, 240_000);
  expect(program).toEqual(expected);
  const { statuses } = await simStats();
  expect(statuses['500'] ?? 0).toBeGreaterThan(0);
  expect(statuses['429'] ?? 0).toBeGreaterThan(0);
  expect(errors).toEqual([]);
  await context.close();
});
