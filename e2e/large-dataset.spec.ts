import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openApp } from './fixtures/app';
import { collectErrors } from './fixtures/console';
import { largeCsv } from '../bench/ui/fixtures';

test('a 100,000-row CSV: imported and split in the worker, edited by row, read only on demand by the Runs tab and by Run with input', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  // A file on disk, not a buffer: Playwright would otherwise decode the bytes in the page itself.
  const dir = mkdtempSync(join(tmpdir(), 'large-dataset-'));
  const file = join(dir, 'additions-100k.csv');
  writeFileSync(file, largeCsv(100_000));
  await openApp(page);
  await page.getByRole('tab', { name: 'Data' }).click();

  await page.getByLabel('Upload dataset (CSV, JSON or JSONL)').setInputFiles(file);
  const mapper = page.getByRole('region', { name: 'Map columns' });
  await expect(mapper).toContainText('100000 rows', { timeout: 60_000 });
  // Parsed: the browser has read the file.
  rmSync(dir, { recursive: true, force: true });
  await mapper.getByRole('button', { name: 'Save dataset' }).click();
  await expect(page.getByRole('textbox', { name: 'a of row-1', exact: true })).toHaveValue('0', { timeout: 60_000 });
  await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '100001');

  const split = page.getByRole('group', { name: 'Split' });
  await expect(split.getByLabel('Split counts')).toHaveText('train 0 · dev 0 · test 0 · unassigned 100000');
  await split.getByRole('button', { name: 'Split' }).click();
  await expect(split.getByLabel('Split counts')).toHaveText('train 60000 · dev 20000 · test 20000', { timeout: 60_000 });

  // A cell edit finds its row by id without reading the other pages, and survives a remount.
  const cell = page.getByRole('textbox', { name: 'sum of row-2', exact: true });
  await cell.fill('12345');
  await cell.press('Enter');
  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.getByRole('button', { name: 'Optimize' }).click();
  await expect(page.getByRole('dialog')).toContainText('60000 train, 20000 dev examples', { timeout: 60_000 });
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.getByRole('textbox', { name: 'sum of row-2', exact: true })).toHaveValue('12345');

  // "Run with input" fills from any row by its number (one page read), past the first 500 it lists.
  await page.getByRole('group', { name: 'Predict node add' }).getByText('add', { exact: true }).click();
  await page.getByRole('button', { name: 'Run with input…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run add with input' });
  await dialog.getByLabel('Row number').fill('54321');
  await dialog.getByRole('button', { name: 'Fill from row number' }).click();
  await expect(dialog.getByLabel('a (int)')).toHaveValue(String((54320 * 7919) % 1000));
  await expect(dialog.getByLabel('b (int)')).toHaveValue(String((54320 * 104729) % 1000));
  await dialog.getByLabel('Row number').fill('100001');
  await dialog.getByLabel('Row number').press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('has rows 1 to 100000; "100001" is not one of them');
  await expect(dialog.getByRole('region', { name: 'Result' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  expect(errors).toEqual([]);
});
