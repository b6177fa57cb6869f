import { expect, test } from '@playwright/test';
import { openApp } from './fixtures/app';
import { collectErrors } from './fixtures/console';

test.use({ viewport: { width: 1600, height: 1000 } });

test("ReAct's tools editor: add, check the parameters are JSON, edit, remove, undo", async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByLabel('Import project file').setInputFiles('e2e/fixtures/react-tools.json');
  await expect(page.getByLabel('Open project')).toHaveText('Agent with tools');
  await page.getByRole('dialog', { name: 'Run the code in this project?' }).getByRole('button', { name: 'Keep disabled' }).click();

  await page.getByRole('group', { name: 'ReAct node agent', exact: true }).click();
  const settings = page.getByRole('group', { name: /^ReAct.* settings$/ });
  await expect(settings.getByLabel('max_iters', { exact: true })).toHaveValue('5');
  const tools = settings.getByRole('group', { name: 'Tools' });
  await expect(tools.getByLabel('Name of tool 1')).toHaveValue('lookup');
  await expect(tools.getByLabel('Code of lookup')).toHaveValue('return word.toUpperCase();');

  await tools.getByRole('button', { name: 'Add tool' }).click();
  await expect(tools.getByLabel('Name of tool 2')).toHaveValue('tool_2');
  const parameters = tools.getByLabel('Parameters of tool_2 (JSON Schema)');
  await parameters.fill('{"type": "object", "properties": ');
  await tools.getByLabel('Name of tool 2').click();
  await expect(tools.getByRole('alert')).toContainText('tool_2: parameters are not valid JSON');
  await parameters.fill('{"type": "object", "properties": {"n": {"type": "integer"}}}');
  await tools.getByLabel('Name of tool 2').click();
  await expect(tools.getByRole('alert')).toHaveCount(0);

  // A name that is not a Python identifier is refused by the module's own schema, naming the tool.
  await tools.getByLabel('Name of tool 2').fill('add one');
  await tools.getByLabel('Name of tool 2').press('Enter');
  await expect(tools.getByRole('alert')).toContainText('tools: 1.name: a tool name must be a Python identifier');
  await tools.getByLabel('Name of tool 2').fill('add_one');
  await tools.getByLabel('Name of tool 2').press('Enter');
  await expect(tools.getByRole('alert')).toHaveCount(0);

  await tools.getByRole('button', { name: 'Remove add_one' }).click();
  await expect(tools.getByLabel('Name of tool 2')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(tools.getByLabel('Name of tool 2')).toHaveValue('add_one');
  expect(errors).toEqual([]);
});

test('a ReAct run shows its trajectory step by step: thought, tool, args, observation', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByLabel('Import project file').setInputFiles('e2e/fixtures/react-tools.json');
  await expect(page.getByLabel('Open project')).toHaveText('Agent with tools');
  await page.getByRole('dialog', { name: 'Run the code in this project?' }).getByRole('button', { name: 'Enable code' }).click();

  await page.getByRole('group', { name: 'ReAct node agent', exact: true }).click();
  await page.getByRole('button', { name: 'Run with input…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run agent with input' });
  await dialog.getByLabel('question (str)').fill('Look up the word harbor');
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  const steps = dialog.getByRole('list', { name: 'Steps' });
  const call = steps.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /· tool lookup/ }) });
  await expect(call).toContainText('Observation', { timeout: 30_000 });
  await expect(call).toContainText('LOOK UP THE WORD HARBOR');
  const first = steps.getByRole('listitem').first();
  await expect(first).toContainText('Thought');
  await expect(first).toContainText('I should call lookup');
  await expect(first.getByRole('definition').filter({ hasText: '"word"' })).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Result' })).toContainText('LOOK UP THE WORD HARBOR');
  await page.screenshot({ path: 'e2e/output/screenshots/react-trajectory.png' });
  expect(errors).toEqual([]);
});
