import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp } from './fixtures/app';
import { collectErrors } from './fixtures/console';

test.use({ viewport: { width: 1600, height: 1000 } });

/** Drags from one handle to another with real mouse moves, as a person connects ports. */
async function connect(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('a handle to connect is not on screen');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
}

const handle = (page: Page, label: string) => page.getByLabel(label, { exact: true });

test('build a ChainOfThought → Predict program from scratch, edit signatures, refuse a bad edge, undo and redo', async ({ page }) => {
  const errors = collectErrors(page);

  await openApp(page);
  // First run: both samples exist and "Add two numbers" is open.
  const projects = page.getByRole('list', { name: 'Projects' });
  await expect(projects.getByRole('button', { name: 'Add two numbers', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(projects.getByRole('button', { name: 'Classify support tickets', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Predict node add' })).toBeVisible();

  await page.getByRole('button', { name: 'New project' }).click();
  await expect(page.getByLabel('Open project')).toHaveText('Untitled project');
  const pane = page.getByRole('application', { name: 'Program graph' });
  const box = await pane.boundingBox();
  if (!box) throw new Error('the canvas is not on screen');

  // Drag two modules from the palette onto the canvas.
  await page.getByRole('button', { name: 'Add Chain of Thought' }).dragTo(pane, { targetPosition: { x: box.width * 0.3, y: box.height * 0.15 } });
  await page.getByRole('button', { name: 'Add Predict' }).dragTo(pane, { targetPosition: { x: box.width * 0.55, y: box.height * 0.55 } });
  await expect(page.getByRole('group', { name: 'ChainOfThought node cot' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Predict node predict' })).toBeVisible();
  // A problem names its node; clicking it selects that node.
  await page.getByRole('button', { name: "'cot': input 'question' is not connected" }).click();
  await expect(page.getByRole('textbox', { name: 'Module name' })).toHaveValue('cot');

  // Wire Input → cot → predict → Output through the handles.
  await connect(page, handle(page, 'output question on Input'), handle(page, 'input question on cot'));
  await connect(page, handle(page, 'output answer on cot'), handle(page, 'input question on predict'));
  await connect(page, handle(page, 'output answer on predict'), handle(page, 'input answer on Output'));
  await expect(page.getByRole('group', { name: 'Edge cot.answer to predict.question' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'No problems' })).toBeVisible();

  // The one-line form: add a typed input; the field list follows.
  await page.getByRole('group', { name: 'Predict node predict' }).getByText('predict', { exact: true }).click();
  const signature = page.getByRole('textbox', { name: 'Signature' });
  await signature.fill('question, draft: int -> answer');
  await signature.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Type of input field draft' })).toHaveValue('int');
  await expect(page.getByRole('button', { name: "'predict': input 'draft' is not connected" })).toBeVisible();

  // A str output cannot feed an int input: refused, with the reason shown.
  await connect(page, handle(page, 'output reasoning on cot'), handle(page, 'input draft on predict'));
  await expect(page.getByRole('alert').filter({ hasText: "type mismatch: 'cot'.reasoning is str but 'predict'.draft expects int" })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Edge cot.reasoning to predict.draft' })).toHaveCount(0);

  // The field form: retype draft as str; the one-line form follows.
  const draftType = page.getByRole('combobox', { name: 'Type of input field draft' });
  await draftType.fill('str');
  await draftType.press('Enter');
  await expect(signature).toHaveValue('question, draft -> answer');

  // A malformed line shows the parser's message and leaves the fields alone.
  await signature.fill('question, draft answer');
  await signature.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: "expected '->'" })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Name of input field draft' })).toBeVisible();
  await signature.press('Escape');

  await connect(page, handle(page, 'output reasoning on cot'), handle(page, 'input draft on predict'));
  const lastEdge = page.getByRole('group', { name: 'Edge cot.reasoning to predict.draft' });
  await expect(lastEdge).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'No problems' })).toBeVisible();

  // Undo and redo the last edge from the keyboard.
  await page.getByRole('heading', { name: 'Inspector' }).click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(lastEdge).toHaveCount(0);
  await expect(page.getByRole('button', { name: "'predict': input 'draft' is not connected" })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(lastEdge).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'No problems' })).toBeVisible();

  // Renaming a field keeps the edge bound to it.
  await page.getByRole('group', { name: 'Predict node predict' }).getByText('predict', { exact: true }).click();
  const draftName = page.getByRole('textbox', { name: 'Name of input field draft' });
  await draftName.fill('notes');
  await draftName.press('Enter');
  await expect(signature).toHaveValue('question, notes -> answer');
  const renamedEdge = page.getByRole('group', { name: 'Edge cot.reasoning to predict.notes' });
  await expect(renamedEdge).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'No problems' })).toBeVisible();

  // Duplicate and delete are graph edits too.
  await page.getByRole('group', { name: 'ChainOfThought node cot' }).getByText('cot', { exact: true }).click();
  await page.keyboard.press('ControlOrMeta+d');
  const copy = page.getByRole('group', { name: 'ChainOfThought node cot_2' });
  await expect(copy).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(copy).toHaveCount(0);
  await expect(renamedEdge).toBeVisible();

  await page.getByRole('button', { name: 'Fit View' }).click();
  await page.screenshot({ path: 'e2e/output/screenshots/editor.png' });

  // Autosaved: after a reload the same program comes back.
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('All changes saved');
  await page.reload();
  await expect(page.getByLabel('Open project')).toHaveText('Untitled project');
  await expect(page.getByRole('group', { name: 'Edge cot.reasoning to predict.notes' })).toBeVisible();

  expect(errors).toEqual([]);
});

test('projects: rename, duplicate, delete with confirmation, export and import; one module run alone and its prompt viewed; theme remembered', async ({ page }) => {
  const errors = collectErrors(page);

  await openApp(page);
  const projects = page.getByRole('list', { name: 'Projects' });
  const project = (name: string) => projects.getByRole('button', { name, exact: true });
  await expect(project('Add two numbers')).toHaveAttribute('aria-current', 'page');

  await page.getByRole('button', { name: 'Rename Add two numbers' }).click();
  const nameBox = page.getByRole('textbox', { name: 'New name for Add two numbers' });
  await nameBox.fill('Sums');
  await nameBox.press('Enter');
  await expect(page.getByLabel('Open project')).toHaveText('Sums');

  await page.getByRole('button', { name: 'Duplicate Sums' }).click();
  await expect(project('Sums (copy)')).toHaveAttribute('aria-current', 'page');
  await page.getByRole('button', { name: 'Delete Sums (copy)' }).click();
  await page.getByRole('group', { name: 'Confirm deleting Sums (copy)' }).getByRole('button', { name: 'Delete' }).click();
  await expect(project('Sums (copy)')).toHaveCount(0);

  // Export the project file, then import it back as a second project.
  await project('Sums').click();
  await expect(page.getByLabel('Open project')).toHaveText('Sums');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Project file (.json)' }).click();
  const text = readFileSync(await (await download).path(), 'utf8');
  const file = JSON.parse(text) as { name: string; datasets: unknown[]; graph: { nodes: unknown[] } };
  expect(file.name).toBe('Sums');
  expect(file.graph.nodes).toHaveLength(3);
  expect(file.datasets.length).toBeGreaterThan(0);
  const importer = page.getByLabel('Import project file', { exact: true });
  await importer.setInputFiles({ name: 'sums.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(project('Sums')).toHaveCount(2);
  await importer.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"other"}') });
  await expect(page.getByRole('alert').filter({ hasText: 'broken.json: not a Prompt Studio project' })).toBeVisible();

  // Dark theme, remembered across a reload (checked at the end).
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  // Run one module alone on the Demo provider: the exact messages and the raw reply are shown.
  await page.getByRole('group', { name: 'Predict node add' }).getByText('add', { exact: true }).click();
  await page.getByRole('button', { name: 'Run with input…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run add with input' });
  await dialog.getByLabel('a (int)').fill('2');
  await dialog.getByLabel('b (int)').fill('3');
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(dialog.getByRole('region', { name: 'Messages of call 1' })).toContainText('[[ ## a ## ]]');
  await expect(dialog.getByRole('region', { name: 'Raw reply of call 1' })).toContainText('[[ ## sum ## ]]');

  await page.screenshot({ path: 'e2e/output/screenshots/editor-run-dark.png' });

  // Or fill the inputs from a dataset row.
  await dialog.getByLabel('Fill from a dataset row').selectOption('row-1');
  await expect(dialog.getByLabel('a (int)')).not.toHaveValue('2');
  await expect(dialog.getByLabel('a (int)')).toHaveValue(/^\d+$/);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The module's prompt as the graph stands, without running it.
  await page.getByRole('button', { name: 'View prompt', exact: true }).click();
  const promptDialog = page.getByRole('dialog', { name: 'Prompt of add, as the graph stands' });
  await expect(promptDialog.getByRole('region', { name: 'Prompt of add' })).toContainText('Your input fields are:');
  await expect(promptDialog.getByRole('region', { name: 'Prompt of add' })).toContainText('[[ ## b ## ]]\n{b}');
  await promptDialog.getByRole('button', { name: 'Close' }).click();
  await expect(promptDialog).toBeHidden();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  expect(errors).toEqual([]);
});
