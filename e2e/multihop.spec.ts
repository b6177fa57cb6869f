import { expect, test } from '@playwright/test';
import { openSample } from './fixtures/app';
import { collectErrors } from './fixtures/console';

test.use({ viewport: { width: 1600, height: 1000 } });

test('the multi-hop RAG sample: zero-shot is low, BootstrapFewShot lifts it, and an example shows its retrievals', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await openSample(page, 'Multi-hop questions (RAG)');

  // The Retrieve node's settings come from its schema: the bundled corpus is chosen, k is 3.
  await page.getByRole('group', { name: 'Retrieve node retrieve', exact: true }).click();
  const settings = page.getByRole('group', { name: 'Retrieve settings' });
  await expect(settings.getByLabel('Corpus')).toHaveValue('multihop-world');
  await expect(settings.getByRole('option', { name: /Multi-hop world \(\d+ passages\)/ })).toBeAttached();
  await expect(settings.getByLabel('k', { exact: true })).toHaveValue('3');
  // A non-LM node has no model or temperature to set.
  await expect(page.getByLabel('Temperature')).toHaveCount(0);
  await expect(page.getByLabel('Instructions', { exact: true })).toHaveCount(0);
  // Run alone, it searches the stored corpus and shows the passages it found.
  await page.getByRole('button', { name: 'Run with input…' }).click();
  const run = page.getByRole('dialog', { name: 'Run retrieve with input' });
  await run.getByLabel('query (str)').fill('Acme Labs founded by');
  await run.getByRole('button', { name: 'Run', exact: true }).click();
  const alone = run.getByRole('list', { name: 'Steps' });
  await expect(alone.getByRole('heading', { name: 'Step 1 · retrieve · retrieved 3 passages' })).toBeVisible({ timeout: 30_000 });
  await expect(alone.getByRole('list', { name: 'Passages retrieved by retrieve', exact: true }).getByRole('listitem')).toHaveCount(3);
  await run.getByRole('button', { name: 'Close' }).click();

  // Zero-shot on the dev split.
  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.getByLabel('Evaluate on').selectOption('dev');
  await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
  const evaluation = page.getByLabel('Evaluation score');
  await expect(evaluation).toBeVisible({ timeout: 60_000 });
  // Every example ran through both retrievals: a low score, not failures.
  await expect(page.getByRole('region', { name: 'Current run' })).toContainText('(0 errors');
  const zeroShot = Number(await evaluation.textContent());
  expect(zeroShot).toBeLessThan(0.5);

  // BootstrapFewShot with a small budget.
  await page.getByRole('button', { name: 'Optimize', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Optimize' });
  await dialog.getByLabel('Optimizer', { exact: true }).selectOption('bootstrap-fewshot');
  await dialog.getByLabel('max_labeled_demos', { exact: true }).fill('0');
  await dialog.getByRole('button', { name: 'Start optimization' }).click();
  await expect(dialog).toBeHidden();
  const final = page.getByLabel('Final score');
  await expect(final).toBeVisible({ timeout: 120_000 });
  const baseline = Number(await page.getByLabel('Baseline score').textContent());
  const optimized = Number(await final.textContent());
  expect(baseline).toBeCloseTo(zeroShot, 2);
  console.log(`multi-hop dev in the studio: zero-shot ${zeroShot} → ${optimized}`);
  expect(optimized).toBeGreaterThan(zeroShot + 0.2);

  // One example step by step: the query writer, each retrieval with its passages, the answer.
  await page.getByRole('button', { name: 'Inspect trial 0' }).click();
  const results = page.getByRole('table', { name: 'Per-example results' });
  await results.getByRole('button', { name: /^Show messages for / }).first().click();
  const steps = page.getByRole('list', { name: /^Steps for / });
  await expect(steps.getByRole('heading', { name: /· generate_query$/ })).toBeVisible();
  await expect(steps.getByRole('heading', { name: 'Step 2 · retrieve · retrieved 3 passages' })).toBeVisible();
  await expect(steps.getByRole('list', { name: 'Passages retrieved by retrieve', exact: true }).getByRole('listitem')).toHaveCount(3);
  await expect(steps.getByRole('list', { name: 'Passages retrieved by retrieve_more' }).getByRole('listitem')).toHaveCount(3);
  await expect(steps.getByRole('heading', { name: /· answer_question\.predict$/ })).toBeVisible();
  await page.screenshot({ path: 'e2e/output/screenshots/multihop.png' });

  expect(errors).toEqual([]);
});
