import { expect, test } from '@playwright/test';
import { openApp } from './fixtures/app';
import { collectErrors } from './fixtures/console';
import { finishedProgram, NO_FAULTS, resetSimStats, runHistory, setSimFaults, simStats, startOptimization, useSimProvider } from './fixtures/runs';

// A run survives a reload: it shows as interrupted, Resume replays its finished calls from the
// LM cache, and it ends with the program an uninterrupted run with the same seed finds.
const RUN = { optimizer: 'random-search', seed: 11, concurrency: 2, config: { num_candidate_programs: 2 } };

test.afterEach(async () => {
  await setSimFaults(NO_FAULTS);
});

test('reload mid-run, Resume: the same compiled program, and no finished call sent twice', async ({ browser }) => {
  test.setTimeout(420_000);
  await setSimFaults({ ...NO_FAULTS, latencyMs: 80 });

  // The reference: the same run, uninterrupted, in a browser profile of its own (its own cache).
  const reference = await browser.newContext();
  const refPage = await reference.newPage();
  await openApp(refPage);
  await useSimProvider(refPage);
  await resetSimStats();
  await startOptimization(refPage, RUN);
  const expected = await finishedProgram(refPage, 180_000);
  const referenceRequests = (await simStats()).chatCompletions;
  await reference.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = collectErrors(page);
  await openApp(page);
  await useSimProvider(page);
  await resetSimStats();
  await startOptimization(page, RUN);
  // Reload once a few trials are stored: the worker dies with the page, mid-run.
  await expect(page.getByRole('table', { name: 'Trials' }).getByRole('row').nth(2)).toBeVisible({ timeout: 120_000 });
  const beforeReload = await simStats();
  expect(beforeReload.chatCompletions).toBeLessThan(referenceRequests);
  await page.reload();

  await page.getByRole('tab', { name: 'Runs' }).click();
  const history = await runHistory(page);
  const row = history.getByRole('row').filter({ hasText: 'random-search' });
  await expect(row).toContainText('interrupted', { timeout: 15_000 });
  await row.getByRole('button', { name: /^Resume / }).click();
  const program = await finishedProgram(page, 180_000);
  expect(program).toEqual(expected);

  // Finished calls came from the cache: at most the uninterrupted run's requests plus those in
  // flight when the page went away. A call holds its concurrency slot until its reply is in the
  // cache, so at most `concurrency` calls were either at the sim or having their reply stored.
  const total = (await simStats()).chatCompletions;
  test.info().annotations.push({ type: 'requests', description: `reference ${referenceRequests}, before reload ${beforeReload.chatCompletions} (${beforeReload.inFlight} in flight), total ${total}` });
  expect(total).toBeLessThanOrEqual(referenceRequests + RUN.concurrency);
  // The resumed run says so itself: the calls finished before the reload were cache hits.
  const progress = await page.getByRole('region', { name: 'Current run' }).locator('.run-progress').innerText();
  expect(Number(/\((\d+) cached\)/.exec(progress)?.[1] ?? 0)).toBeGreaterThan(0);
  await expect(row).toContainText('finished');
  expect(errors).toEqual([]);
  await context.close();
});
