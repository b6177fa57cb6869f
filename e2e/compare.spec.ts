import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openApp } from './fixtures/app';
import { collectErrors } from './fixtures/console';

async function optimize(page: Page, optimizer: string) {
  await page.getByRole('button', { name: 'Optimize', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Optimize' });
  await dialog.getByLabel('Optimizer', { exact: true }).selectOption(optimizer);
  await expect(dialog.getByRole('region', { name: 'Plan' })).toContainText('LM calls');
  await dialog.getByRole('button', { name: 'Start optimization' }).click();
  await expect(dialog).toBeHidden();
  // Optimize is disabled while a run is going; enabled again means it has ended.
  await expect(page.getByRole('button', { name: 'Optimize', exact: true })).toBeEnabled({ timeout: 90_000 });
}

test('compare runs: two optimizations of the sample overlay their curves on one chart', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByRole('tab', { name: 'Runs' }).click();

  await optimize(page, 'bootstrap-fewshot');
  await optimize(page, 'labeled-fewshot');

  await page.getByText(/^Run history \(2\)/).click();
  const history = page.getByRole('table', { name: 'Run history' });
  await expect(history.getByRole('cell', { name: 'finished' })).toHaveCount(2);
  const compare = page.getByRole('button', { name: /^Compare selected/ });
  await expect(compare).toBeDisabled();
  await history.getByRole('checkbox', { name: /^Compare bootstrap-fewshot, seed 0, / }).check();
  await history.getByRole('checkbox', { name: /^Compare labeled-fewshot, seed 0, / }).check();
  await compare.click();

  const region = page.getByRole('region', { name: 'Run comparison' });
  const chart = region.getByRole('figure', { name: 'Compared scores per trial' });
  await expect(chart).toHaveAttribute('data-series', '2');
  await expect(chart.locator('canvas')).toHaveCount(1);
  const legend = region.getByRole('list', { name: 'Compared runs' }).getByRole('listitem');
  await expect(legend).toHaveCount(2);
  await expect(legend.nth(0)).toContainText('bootstrap-fewshot, seed 0');
  await expect(legend.nth(1)).toContainText('labeled-fewshot, seed 0');
  await region.screenshot({ path: 'e2e/output/screenshots/compare-runs.png' });

  await region.getByRole('button', { name: 'Close run comparison' }).click();
  await expect(region).toBeHidden();
  expect(errors).toEqual([]);
});
