import { expect, test, type Page } from '@playwright/test';
import { openApp } from './fixtures/app';
import { collectErrors } from './fixtures/console';

async function openStorage(page: Page) {
  await page.getByRole('button', { name: 'Storage', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Storage' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('the Storage dialog shows persistence, usage and the LM cache, and Clear empties the cache', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  await openApp(page);

  let dialog = await openStorage(page);
  // Whatever the browser decided, the dialog names it and says what it means.
  await expect(dialog.getByLabel('Persistence state')).toHaveText(/^(Persistent|Not persistent|Unknown)$/);
  await expect(dialog.getByRole('region', { name: 'Persistence' })).toContainText(/keep|delete|cannot say/);
  await expect(dialog.getByLabel('Storage usage')).toHaveText(/^Using \S+ \S+ of \S+ \S+ \((<1|\d+)%\)$/);
  await expect(dialog.getByLabel('LM cache size')).toHaveText('Empty');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // An evaluation on the Demo provider fills the cache.
  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
  await expect(page.getByLabel('Evaluation score')).toBeVisible({ timeout: 60_000 });

  dialog = await openStorage(page);
  await expect(dialog.getByLabel('LM cache size')).toHaveText(/^\d+ responses?, about \d+(\.\d)? (KB|MB)$/);
  const cache = dialog.getByRole('region', { name: 'LM cache' });
  await cache.getByRole('button', { name: 'Clear LM cache' }).click();
  // A confirmation first; Cancel keeps everything.
  const confirm = cache.getByRole('group', { name: 'Confirm clearing the LM cache' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByLabel('LM cache size')).not.toHaveText('Empty');
  await cache.getByRole('button', { name: 'Clear LM cache' }).click();
  await confirm.getByRole('button', { name: 'Yes, clear it' }).click();
  await expect(cache.getByRole('status')).toHaveText(/^Cleared \d+ cached responses?\.$/);
  await expect(dialog.getByLabel('LM cache size')).toHaveText('Empty');

  // Reopened, it reads the database again: still empty.
  await dialog.getByRole('button', { name: 'Close' }).click();
  dialog = await openStorage(page);
  await expect(dialog.getByLabel('LM cache size')).toHaveText('Empty');
  expect(errors).toEqual([]);
});

test('a full disk: the save error says so and offers to clear the LM cache; once there is space the edit saves', async ({ page }) => {
  const errors = collectErrors(page);
  // Every IndexedDB write outside the LM cache fails as a full disk does, while `__diskFull` is set.
  await page.addInitScript(() => {
    const flags = window as unknown as { __diskFull?: boolean };
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
        if (flags.__diskFull && this.name !== 'lmCache') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      };
    }
  });
  await openApp(page);
  await page.evaluate(() => {
    (window as unknown as { __diskFull?: boolean }).__diskFull = true;
  });

  await page.getByRole('group', { name: 'Predict node add' }).getByText('add', { exact: true }).click();
  const moduleName = page.getByRole('textbox', { name: 'Module name' });
  await moduleName.fill('adder');
  await moduleName.press('Enter');
  const alert = page.getByRole('alert').filter({ hasText: 'Browser storage is full' });
  await expect(alert).toContainText('Nothing was written');
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Not saved');
  await alert.getByRole('button', { name: 'Clear LM cache' }).click();
  await alert.getByRole('group', { name: 'Confirm clearing the LM cache' }).getByRole('button', { name: 'Yes, clear it' }).click();
  await expect(alert.getByRole('status')).toHaveText(/^Cleared \d+ cached responses?\.$/);

  // With space again, the next edit saves the pending change too.
  await page.evaluate(() => {
    (window as unknown as { __diskFull?: boolean }).__diskFull = false;
  });
  await moduleName.fill('adder2');
  await moduleName.press('Enter');
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('All changes saved');
  await page.reload();
  await expect(page.getByRole('group', { name: 'Predict node adder2' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a trial the browser cannot store: the run view says so and offers to clear the LM cache', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  // Runs store their trials from the run worker, where init scripts do not reach: the worker's
  // own script gets a prelude that makes every write to the trials store fail as a full disk does.
  await page.route('**/assets/run-worker-*.js', async (route) => {
    const response = await route.fetch();
    const prelude = `(() => {
      for (const method of ['put', 'add']) {
        const original = IDBObjectStore.prototype[method];
        IDBObjectStore.prototype[method] = function (...args) {
          if (this.name === 'trials') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return original.apply(this, args);
        };
      }
    })();\n`;
    await route.fulfill({ response, body: prelude + (await response.text()) });
  });
  await openApp(page);

  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.getByRole('button', { name: 'Optimize', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Optimize' });
  await dialog.getByLabel('Optimizer', { exact: true }).selectOption('bootstrap-fewshot');
  await dialog.getByRole('button', { name: 'Start optimization' }).click();
  await expect(dialog).toBeHidden();

  const run = page.getByRole('region', { name: 'Current run' });
  const alert = run.getByRole('alert').filter({ hasText: 'Browser storage is full' });
  await expect(alert).toContainText(/could not save run \S+: Browser storage is full/, { timeout: 90_000 });
  await expect(alert).toContainText('The LM cache is usually the largest thing stored and is safe to clear.');
  // The run itself goes on to its end: only storing its trials failed.
  await expect(page.getByRole('button', { name: 'Optimize', exact: true })).toBeEnabled({ timeout: 90_000 });
  await expect(page.getByLabel('Final score')).toBeVisible();

  await alert.getByRole('button', { name: 'Clear LM cache' }).click();
  await alert.getByRole('group', { name: 'Confirm clearing the LM cache' }).getByRole('button', { name: 'Yes, clear it' }).click();
  await expect(alert.getByRole('status')).toHaveText(/^Cleared [1-9]\d* cached responses?\.$/);
  const storage = await openStorage(page);
  await expect(storage.getByLabel('LM cache size')).toHaveText('Empty');
  expect(errors).toEqual([]);
});
