import { expect, test } from '@playwright/test';
import { openApp } from './fixtures/app';
import { collectErrors } from './fixtures/console';

const UPLOAD = 'Upload dataset (CSV, JSON or JSONL)';

test('upload a CSV, map its columns, split it and edit a cell', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByRole('tab', { name: 'Data' }).click();

  await page.getByLabel(UPLOAD).setInputFiles('e2e/fixtures/additions-renamed.csv');
  const mapper = page.getByRole('region', { name: 'Map columns' });
  await expect(mapper).toContainText('12 rows, 3 columns');
  await mapper.getByLabel('Input a (int)').selectOption('x');
  await mapper.getByLabel('Input b (int)').selectOption('y');
  await mapper.getByLabel('Label sum (int)').selectOption('total');
  await mapper.getByRole('button', { name: 'Save dataset' }).click();

  await expect(page.getByLabel('Dataset', { exact: true })).toHaveValue(/.+/);
  await expect(page.getByRole('textbox', { name: 'a of row-1', exact: true })).toHaveValue('251');
  await expect(page.getByRole('textbox', { name: 'sum of row-1', exact: true })).toHaveValue('571');

  const split = page.getByRole('group', { name: 'Split' });
  await split.getByLabel('Train %').fill('50');
  await split.getByLabel('Dev %').fill('25');
  await split.getByLabel('Test %').fill('25');
  await split.getByRole('button', { name: 'Split' }).click();
  await expect(split.getByLabel('Split counts')).toHaveText('train 6 · dev 3 · test 3');

  const cell = page.getByRole('textbox', { name: 'sum of row-2', exact: true });
  await cell.fill('999');
  await cell.press('Enter');
  // Remount the panel: the value must come back from IndexedDB, not from the input's own state.
  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.getByRole('textbox', { name: 'sum of row-2', exact: true })).toHaveValue('999');

  await page.screenshot({ path: 'e2e/output/screenshots/data.png' });
  expect(errors).toEqual([]);
});

test('a malformed CSV shows an error naming the line and row', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByLabel(UPLOAD).setInputFiles('e2e/fixtures/malformed.csv');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('malformed.csv, line 4');
  await expect(alert).toContainText('row 3');
  expect(errors).toEqual([]);
});
