import { expect, test } from '@playwright/test';
import { openSample } from './fixtures/app';
import { collectErrors } from './fixtures/console';

test.use({ viewport: { width: 1600, height: 1000 } });

test('a Retrieve node set to embedding search runs alone and in an evaluation on the Demo provider', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await openSample(page, 'Multi-hop questions (RAG)');

  // The search mode and model come from the node's schema, with their help.
  await page.getByRole('group', { name: 'Retrieve node retrieve', exact: true }).click();
  const settings = page.getByRole('group', { name: 'Retrieve settings' });
  const mode = settings.getByRole('combobox', { name: 'search', exact: true });
  await expect(mode).toHaveValue('');
  await expect(mode.getByRole('option', { name: 'default bm25' })).toBeAttached();
  await expect(mode).toHaveAccessibleDescription(/provider's embeddings/);
  await mode.selectOption('embedding');
  const model = settings.getByRole('textbox', { name: 'embeddingModel', exact: true });
  await model.fill('sim-embed');
  await model.press('Enter');
  await expect(model).toHaveValue('sim-embed');

  // Run alone: the page embeds the corpus through the Demo provider and ranks by cosine.
  await page.getByRole('button', { name: 'Run with input…' }).click();
  const run = page.getByRole('dialog', { name: 'Run retrieve with input' });
  await run.getByLabel('query (str)').fill('Acme Labs founded by');
  await run.getByRole('button', { name: 'Run', exact: true }).click();
  const alone = run.getByRole('list', { name: 'Steps' });
  await expect(alone.getByRole('heading', { name: 'Step 1 · retrieve · retrieved 3 passages' })).toBeVisible({ timeout: 60_000 });
  await expect(alone.getByRole('list', { name: 'Passages retrieved by retrieve', exact: true }).getByRole('listitem')).toHaveCount(3);
  await run.getByRole('button', { name: 'Close' }).click();

  // An evaluation in the run worker: every example searches by embeddings, none fails.
  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.getByLabel('Evaluate on').selectOption('dev');
  await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
  await expect(page.getByLabel('Evaluation score')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('region', { name: 'Current run' })).toContainText('(0 errors');

  expect(errors).toEqual([]);
});
