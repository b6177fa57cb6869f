import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp } from './fixtures/app';
import { collectErrors } from './fixtures/console';

interface DroppedFile {
  name: string;
  type: string;
  text: string;
}

const fixture = async (name: string, type: string): Promise<DroppedFile> => ({ name, type, text: await readFile(`e2e/fixtures/${name}`, 'utf8') });

/** The dashed area around the file input labelled `label`. */
const zoneOf = (page: Page, label: string) => page.getByLabel(label, { exact: true }).locator('xpath=ancestor::div[contains(@class, "upload-area")][1]');

/** Drags `files` over `zone` (it lights up), then drops them, as the browser does for a drag from the desktop. */
async function dropFiles(page: Page, zone: Locator, files: DroppedFile[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([f.text], f.name, { type: f.type }));
    return transfer;
  }, files);
  await zone.dispatchEvent('dragover', { dataTransfer });
  await expect(zone).toHaveClass(/\bdragging\b/);
  await zone.dispatchEvent('drop', { dataTransfer });
  await expect(zone).not.toHaveClass(/\bdragging\b/);
}

test('dropping files: several Markdown files make one corpus; the dataset area takes the first file', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByRole('tab', { name: 'Data' }).click();

  const corpora = page.getByRole('region', { name: 'Corpora' });
  const guide = await fixture('corpus-guide.md', 'text/markdown');
  const notes: DroppedFile = { name: 'notes.md', type: 'text/markdown', text: '# Notes\n\nKeep the receipt.\n' };
  await dropFiles(page, zoneOf(page, 'Upload corpus (text, Markdown, CSV, JSON or JSONL)'), [guide, notes]);
  await expect(corpora.getByRole('list', { name: 'Corpora' }).getByRole('listitem').filter({ hasText: 'corpus-guide +1' })).toContainText('4 passages');

  const csv = await fixture('additions-renamed.csv', 'text/csv');
  const malformed = await fixture('malformed.csv', 'text/csv');
  await dropFiles(page, zoneOf(page, 'Upload dataset (CSV, JSON or JSONL)'), [csv, malformed]);
  await expect(page.getByRole('region', { name: 'Map columns' })).toContainText('12 rows, 3 columns');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});
