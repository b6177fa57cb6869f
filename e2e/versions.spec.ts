import { expect, test } from '@playwright/test';
import { openApp } from './fixtures/app';
import { collectErrors } from './fixtures/console';
import { runHistory } from './fixtures/runs';

// Every run pins the graph it ran on. Restoring that version after an edit puts the old graph
// back on the canvas as one undoable step.
test('edit the graph after a run, restore the run\'s graph version, then undo the restore', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await openApp(page);
  const canvas = page.getByRole('application', { name: 'Program graph' });
  await expect(canvas.getByRole('group', { name: 'Predict node add', exact: true })).toBeVisible();

  // A quick run on the Demo provider pins the graph as version 1.
  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.getByRole('button', { name: 'Optimize', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Optimize' });
  await dialog.getByLabel('Optimizer', { exact: true }).selectOption('labeled-fewshot');
  await dialog.getByRole('button', { name: 'Start optimization' }).click();
  await expect(dialog).toBeHidden();
  const history = await runHistory(page);
  await expect(history.getByRole('row').filter({ hasText: 'labeled-fewshot' })).toContainText('finished', { timeout: 90_000 });

  // Edit the graph: rename the module.
  await canvas.getByRole('group', { name: 'Predict node add', exact: true }).getByText('add', { exact: true }).click();
  const name = page.getByRole('textbox', { name: 'Module name' });
  await expect(name).toHaveValue('add');
  await name.fill('adder');
  await name.press('Enter');
  await expect(canvas.getByRole('group', { name: 'Predict node adder' })).toBeVisible();
  await expect(canvas.getByRole('group', { name: 'Predict node add', exact: true })).toHaveCount(0);

  // Restore the version the run used: the canvas shows the graph as it was.
  await page.getByText(/^Graph versions \(1\)$/).click();
  const versions = page.getByRole('list', { name: 'Graph versions' });
  await expect(versions.getByRole('listitem')).toHaveCount(1);
  await expect(versions.getByRole('listitem')).toContainText('1 run');
  await versions.getByRole('button', { name: 'Restore graph version 1' }).click();
  await expect(canvas.getByRole('group', { name: 'Predict node add', exact: true })).toBeVisible();
  await expect(canvas.getByRole('group', { name: 'Predict node adder' })).toHaveCount(0);

  // The restore is one step in the undo history: Undo brings the edit back, Redo the restore.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(canvas.getByRole('group', { name: 'Predict node adder' })).toBeVisible();
  await expect(canvas.getByRole('group', { name: 'Predict node add', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(canvas.getByRole('group', { name: 'Predict node add', exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});
