import { expect, test } from '@playwright/test';
import { openApp } from './fixtures/app';
import { collectErrors } from './fixtures/console';

test.use({ viewport: { width: 1600, height: 1000 } });

test('a Code node that throws, loops or calls fetch fails only its example, with a clear message, and the run finishes', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByLabel('Import project file').setInputFiles('e2e/fixtures/code-failures.json');
  await expect(page.getByLabel('Open project')).toHaveText('Code that fails');
  // Imported code waits for the user's yes.
  const trust = page.getByRole('dialog', { name: 'Run the code in this project?' });
  await expect(trust.getByRole('list', { name: 'Code in this project' })).toContainText('while (true)');
  await trust.getByRole('button', { name: 'Enable code' }).click();
  await expect(trust).toBeHidden();

  // The Code node's code is a labelled monospace editor built from its config schema.
  await page.getByRole('group', { name: 'Code node act', exact: true }).click();
  const settings = page.getByRole('group', { name: 'Code settings' });
  const code = settings.getByLabel('Code of act');
  await expect(code).toHaveValue(/the input asked me to fail/);
  expect(await code.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i);
  await expect(settings.getByLabel('timeoutMs', { exact: true })).toHaveValue('1000');

  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.getByLabel('Evaluate on').selectOption('dev');
  await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
  await expect(page.getByLabel('Evaluation score')).toHaveText('0.250', { timeout: 60_000 });
  const current = page.getByRole('region', { name: 'Current run' });
  await expect(current).toContainText('on 4 examples (3 errors');
  await expect(current.getByRole('heading', { level: 3 })).toContainText('finished');
  await current.getByText('Per-example results', { exact: true }).click();
  const results = page.getByRole('table', { name: 'Per-example results' });
  await expect(results.getByRole('row', { name: /row-1/ })).toContainText('1.00');
  await expect(results.getByRole('row', { name: /row-2/ })).toContainText('the input asked me to fail');
  await expect(results.getByRole('row', { name: /row-3/ })).toContainText('timed out after 1000 ms');
  await expect(results.getByRole('row', { name: /row-4/ })).toContainText('fetch is not allowed: sandboxed code has no network access');
  expect(errors).toEqual([]);
});
