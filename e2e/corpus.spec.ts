import { expect, test } from '@playwright/test';
import { openApp } from './fixtures/app';
import { collectErrors } from './fixtures/console';

const UPLOAD = 'Upload corpus (text, Markdown, CSV, JSON or JSONL)';

test('upload a Markdown and a CSV corpus, browse, search and delete', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByRole('tab', { name: 'Data' }).click();
  const panel = page.getByRole('region', { name: 'Corpora' });
  const list = panel.getByRole('list', { name: 'Corpora' });

  // Markdown: one passage per paragraph, under its heading.
  await panel.getByLabel(UPLOAD).setInputFiles('e2e/fixtures/corpus-guide.md');
  await expect(list.getByRole('listitem').filter({ hasText: 'corpus-guide' })).toContainText('3 passages');
  const guide = page.getByRole('region', { name: 'Corpus corpus-guide' });
  await expect(guide.getByRole('status', { name: 'Passage range' })).toHaveText('Passages 1–3 of 3');
  await expect(guide.getByRole('list', { name: 'Passages' })).toContainText('Troubleshooting');

  // A CSV whose text sits in "body": the missing default column is named, then the chosen one works.
  // The input takes a new file once the previous upload has finished indexing.
  await expect(panel.getByLabel(UPLOAD)).toBeEnabled();
  await panel.getByLabel(UPLOAD).setInputFiles('e2e/fixtures/corpus-cities.csv');
  await expect(panel.getByRole('alert')).toContainText('corpus-cities.csv, line 1: no column "text"');
  await panel.getByLabel('Text column').fill('body');
  await expect(panel.getByLabel(UPLOAD)).toBeEnabled();
  await panel.getByLabel(UPLOAD).setInputFiles('e2e/fixtures/corpus-cities.csv');
  await expect(list.getByRole('listitem').filter({ hasText: 'corpus-cities' })).toContainText('4 passages');
  await expect(panel.getByRole('alert')).toHaveCount(0);

  // BM25 over the stored index, in the worker.
  const cities = page.getByRole('region', { name: 'Corpus corpus-cities' });
  const search = cities.getByRole('search', { name: 'Search corpus-cities' });
  await search.getByLabel('Search query').fill('Which city lies on the Tiber?');
  await search.getByLabel('k', { exact: true }).fill('1');
  await search.getByRole('button', { name: 'Search' }).click();
  const results = search.getByRole('list', { name: 'Search results' }).getByRole('listitem');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText('Rome is the capital of Italy and lies on the Tiber.');

  // Delete asks first; cancel keeps it, confirm removes it.
  await panel.getByRole('button', { name: 'Delete corpus corpus-guide' }).click();
  const confirm = panel.getByRole('group', { name: 'Confirm deleting corpus-guide' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await panel.getByRole('button', { name: 'Delete corpus corpus-guide' }).click();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).not.toContainText('corpus-guide');

  // Stored, not just shown: a reload lists the remaining corpus with its count.
  await page.reload();
  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.getByRole('list', { name: 'Corpora' }).getByRole('listitem')).toContainText('4 passages');
  await page.screenshot({ path: 'e2e/output/screenshots/corpus.png' });
  expect(errors).toEqual([]);
});
