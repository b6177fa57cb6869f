import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { openApp } from './fixtures/app';
import { collectErrors } from './fixtures/console';
import { SIM_URL } from './ports';

const KEY = 'sk-e2e-very-secret-4242';

async function simRequests(): Promise<number> {
  const stats = (await (await fetch(SIM_URL.replace(/\/v1$/, '/stats'))).json()) as Record<string, unknown>;
  return Number(stats['chatCompletions']);
}

test('an HTTP provider with a key: test, list models, evaluate; the key never reaches the project file', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  await openApp(page);

  await page.getByRole('button', { name: 'Providers' }).click();
  const dialog = page.getByRole('dialog', { name: 'Providers' });
  const form = dialog.getByRole('form', { name: 'Add provider' });
  await form.getByLabel('Name').fill('Local sim');
  await form.getByLabel('Base URL').fill(SIM_URL);
  await form.getByLabel('API key').fill(KEY);
  await form.getByRole('button', { name: 'Save provider' }).click();
  await expect(dialog.getByRole('radio', { name: 'Local sim' })).toBeChecked();
  await expect(form.getByLabel('API key')).toHaveValue('');
  await expect(dialog.getByLabel('API key status')).toContainText('this session only');

  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('status', { name: 'Connection status' })).toHaveText(/Connected: \d+ models/);
  await dialog.getByLabel('Task model').selectOption('sim-1');
  expect(await page.content()).not.toContain(KEY);
  await dialog.getByRole('button', { name: 'Close' }).click();

  const before = await simRequests();
  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
  await expect(page.getByLabel('Evaluation score')).toBeVisible({ timeout: 60_000 });
  expect(await simRequests()).toBeGreaterThan(before);
  await page.screenshot({ path: 'e2e/output/screenshots/provider.png' });

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Project file (.json)' }).click();
  const text = await readFile(await (await download).path(), 'utf8');
  expect(JSON.parse(text)).toHaveProperty('format', 'prompt-studio/project');
  expect(text).not.toContain(KEY);
  expect(errors).toEqual([]);
});
