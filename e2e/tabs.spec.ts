import { expect, test } from '@playwright/test';
import { openApp } from './fixtures/app';
import { collectErrors } from './fixtures/console';
import { finishedProgram, NO_FAULTS, runHistory, setSimFaults, startOptimization, useSimProvider } from './fixtures/runs';

// Two tabs of one browser share IndexedDB and Web Locks: one tab runs a run, the other sees it
// as running elsewhere, watches its progress live, and cannot resume or cancel it.
test.afterEach(async () => {
  await setSimFaults(NO_FAULTS);
});

test('a second tab watches the first tab\'s run live and cannot start it again', async ({ context }) => {
  test.setTimeout(300_000);
  await setSimFaults({ ...NO_FAULTS, latencyMs: 80 });
  const first = await context.newPage();
  const errors = collectErrors(first);
  await openApp(first);
  await useSimProvider(first);
  await startOptimization(first, { optimizer: 'random-search', seed: 4, concurrency: 2, config: { num_candidate_programs: 8 } });
  await expect(first.getByRole('table', { name: 'Trials' }).getByRole('row').nth(1)).toBeVisible({ timeout: 120_000 });

  const second = await context.newPage();
  errors.push(...collectErrors(second));
  await openApp(second);
  await second.getByRole('tab', { name: 'Runs' }).click();
  const history = await runHistory(second);
  const row = history.getByRole('row').filter({ hasText: 'random-search' });
  await expect(row).toContainText('running in another tab');
  // Not interrupted: no Resume, so this tab cannot start the same run a second time.
  await expect(row.getByRole('button', { name: /^Resume/ })).toHaveCount(0);

  await row.getByRole('button', { name: /^Watch run / }).click();
  await expect(second.getByRole('status').filter({ hasText: 'Running in another tab' })).toBeVisible();
  const watched = second.getByRole('region', { name: 'Current run' });
  await expect(watched.getByRole('button', { name: 'Cancel run' })).toHaveCount(0);
  // Its progress arrives from the other tab's writes: more trials show up here as they are stored.
  const trialRows = watched.getByRole('table', { name: 'Trials' }).getByRole('row');
  const seen = await trialRows.count();
  await expect.poll(() => trialRows.count(), { timeout: 120_000 }).toBeGreaterThan(seen);

  // The owning tab can cancel; it lets it finish instead, and the watcher sees the end.
  await expect(first.getByRole('button', { name: 'Cancel run' })).toBeVisible();
  await finishedProgram(first, 200_000);
  await expect(row).toContainText('finished', { timeout: 15_000 });
  expect(errors).toEqual([]);
});
