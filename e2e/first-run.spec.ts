import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { openApp } from './fixtures/app';
import { collectErrors } from './fixtures/console';

test('first run: the sample optimizes with BootstrapFewShot on the Demo provider, shows its prompts and exports DSPy JSON', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await openApp(page);

  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.getByRole('button', { name: 'Optimize', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Optimize' });
  await dialog.getByLabel('Optimizer', { exact: true }).selectOption('bootstrap-fewshot');
  await expect(dialog.getByRole('region', { name: 'Plan' })).toContainText('LM calls');
  await dialog.getByRole('button', { name: 'Start optimization' }).click();
  await expect(dialog).toBeHidden();

  const final = page.getByLabel('Final score');
  await expect(final).toBeVisible({ timeout: 90_000 });
  const baseline = Number(await page.getByLabel('Baseline score').textContent());
  const optimized = Number(await final.textContent());
  expect(optimized).toBeGreaterThan(baseline);

  const chart = page.getByRole('figure', { name: 'Score per trial' });
  expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(0);
  await expect(chart.locator('canvas')).toHaveCount(1);
  await expect(page.getByRole('table', { name: 'Trials' }).getByRole('row').nth(1)).toBeVisible();

  await page.getByRole('button', { name: 'Inspect trial 0' }).click();
  const changes = page.getByRole('group', { name: 'Candidate changes' });
  await expect(changes.getByRole('region', { name: 'Predictor add' })).toContainText(/Demos: [1-9]\d* added/);
  await expect(page.getByRole('table', { name: 'Per-example results' }).getByRole('row').nth(1)).toBeVisible();
  // An example's exact messages and raw reply, replayed from the LM cache at no cost.
  await page.getByRole('table', { name: 'Per-example results' }).getByRole('button', { name: /^Show messages for / }).first().click();
  const replayed = page.getByRole('region', { name: /^Messages for / });
  await expect(replayed).toContainText('From the LM cache');
  await expect(replayed.getByRole('region', { name: 'Messages of call 1' })).toContainText('Your input fields are:');
  await expect(replayed.getByRole('region', { name: 'Raw reply of call 1' })).toContainText('[[ ## sum ## ]]');

  await page.screenshot({ path: 'e2e/output/screenshots/first-run.png' });

  // The optimized prompt, read without running it: demos in place, inputs as placeholders.
  await page.getByRole('button', { name: 'View prompts' }).click();
  const prompts = page.getByRole('dialog', { name: /^Prompts of / });
  const prompt = prompts.getByRole('region', { name: 'Prompt of add' });
  await expect(prompt).toContainText('Your input fields are:');
  await expect(prompt).toContainText('[[ ## a ## ]]\n{a}');
  // The system message, at least one demo pair, and the request.
  expect(await prompt.locator('pre').count()).toBeGreaterThanOrEqual(4);
  await page.screenshot({ path: 'e2e/output/screenshots/prompts.png' });
  const promptsDownload = page.waitForEvent('download');
  await prompts.getByRole('button', { name: 'Download prompts (.md)' }).click();
  const markdown = await readFile(await (await promptsDownload).path(), 'utf8');
  expect(markdown).toContain('## add');
  expect(markdown).toContain('### assistant');
  await prompts.getByRole('button', { name: 'Close' }).click();
  await expect(prompts).toBeHidden();

  // Applying the result is one undoable step on the graph.
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Apply to graph' }).click();
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeEnabled();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Redo', exact: true })).toBeEnabled();
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeEnabled();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export DSPy JSON' }).click();
  const file = await (await download).path();
  const program = JSON.parse(await readFile(file, 'utf8')) as Record<string, Record<string, unknown>>;
  const add = program['add'] as Record<string, unknown>;
  expect(Array.isArray(add['traces'])).toBe(true);
  expect(Array.isArray(add['train'])).toBe(true);
  expect((add['demos'] as unknown[]).length).toBeGreaterThan(0);
  const signature = add['signature'] as { instructions: string; fields: { prefix: string; description: string }[] };
  expect(typeof signature.instructions).toBe('string');
  expect(signature.fields.map((f) => f.prefix)).toEqual(['A:', 'B:', 'Sum:']);
  expect('lm' in add).toBe(true);
  expect(program['metadata']?.['dependency_versions']).toHaveProperty('dspy');

  // The run was stored as it happened: after a reload it reopens from history with its scores.
  await page.reload();
  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.getByText(/^Run history/).click();
  await page.getByRole('table', { name: 'Run history' }).getByRole('button', { name: /^Open run / }).first().click();
  await expect(page.getByLabel('Final score')).toHaveText(optimized.toFixed(3));
  await expect(page.getByRole('table', { name: 'Trials' }).getByRole('row').nth(1)).toBeVisible();

  expect(errors).toEqual([]);
});
