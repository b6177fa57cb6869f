import { expect, test, type Page } from '@playwright/test';
import { openApp } from './fixtures/app';
import { collectErrors } from './fixtures/console';

// e2e/fixtures/xss-project.json: a `question -> answer` program whose demos and dataset cells
// hold these strings. The sim copies a demo's answer when the question matches, so model
// replies carry them too.
const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
const question = (i: number) => `Ticket ${i}: ${IMG} ${SCRIPT}`;
const answer = (i: number) => `Reply ${i}: ${IMG}${SCRIPT}`;

/** Nothing ran, and no element was made from the text: it is only text. */
async function expectInert(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.locator('script').evaluateAll((nodes) => nodes.filter((n) => n.textContent?.includes('__pwned')).length)).toBe(0);
}

test('dataset cells and model replies holding HTML render as inert text everywhere', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openApp(page);
  await page.getByLabel('Import project file').setInputFiles('e2e/fixtures/xss-project.json');
  await expect(page.getByLabel('Open project')).toHaveText('Injection test');

  // The grid.
  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.getByRole('textbox', { name: 'question of row-1', exact: true })).toHaveValue(question(1));
  await expect(page.getByRole('textbox', { name: 'answer of row-2', exact: true })).toHaveValue(answer(2));
  await expectInert(page);

  // Run with input: the inputs, the exact messages (with the demos) and the reply.
  await page.getByRole('group', { name: 'Predict node qa' }).getByText('qa', { exact: true }).click();
  await page.getByRole('button', { name: 'Run with input…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run qa with input' });
  await dialog.getByLabel('Fill from a dataset row').selectOption('row-1');
  await expect(dialog.getByLabel('question (str)')).toHaveValue(question(1));
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(dialog.getByRole('region', { name: 'Messages of call 1' })).toContainText(question(2));
  await expect(dialog.getByRole('region', { name: 'Raw reply of call 1' })).toContainText(answer(1));
  await expect(dialog.getByRole('region', { name: 'Result' })).toContainText(answer(1));
  await expect(dialog.getByText(answer(1), { exact: true }).first()).toBeVisible();
  await expectInert(page);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // An optimization: the trial's demos, its per-example results and their replayed replies.
  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.getByRole('button', { name: 'Optimize', exact: true }).click();
  const optimize = page.getByRole('dialog', { name: 'Optimize' });
  await optimize.getByLabel('Optimizer', { exact: true }).selectOption('labeled-fewshot');
  await optimize.getByRole('button', { name: 'Start optimization' }).click();
  await expect(optimize).toBeHidden();
  await expect(page.getByLabel('Final score')).toBeVisible({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Inspect trial 0' }).click();
  const changes = page.getByRole('group', { name: 'Candidate changes' });
  await expect(changes).toContainText(IMG);
  const results = page.getByRole('table', { name: 'Per-example results' });
  await results.getByRole('button', { name: /^Show messages for / }).first().click();
  const replayed = page.getByRole('region', { name: /^Messages for / });
  await expect(replayed.getByRole('region', { name: 'Raw reply of call 1' })).toContainText(`${IMG}${SCRIPT}`);
  await expectInert(page);

  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});
