import { expect, test } from '@playwright/test';
import { openApp } from './fixtures/app';
import { collectErrors } from './fixtures/console';

const MULTIHOP = 'Multi-hop questions (RAG)';

test('an existing user gets a missing sample back with "Add sample projects", once', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const projects = page.getByRole('list', { name: 'Projects' });
  const project = (name: string) => projects.getByRole('button', { name, exact: true });

  // A user from before the multi-hop sample shipped: it is not in their list, and a reload
  // does not seed it again (samples are seeded once).
  await page.getByRole('button', { name: `Delete ${MULTIHOP}` }).click();
  await page.getByRole('group', { name: `Confirm deleting ${MULTIHOP}` }).getByRole('button', { name: 'Delete' }).click();
  await expect(project(MULTIHOP)).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Open project')).toHaveText('Add two numbers');
  await expect(project(MULTIHOP)).toHaveCount(0);

  const status = page.getByRole('status', { name: 'Sample projects' });
  await page.getByRole('button', { name: 'Add sample projects' }).click();
  await expect(status).toHaveText(`Added sample project: "${MULTIHOP}". Already here: "Add two numbers", "Classify support tickets".`);
  await expect(project(MULTIHOP)).toBeVisible();
  await expect(projects.getByRole('listitem')).toHaveCount(3);

  // It opens as the seeded sample does, with its graph and its bundled corpus.
  await project(MULTIHOP).click();
  await expect(page.getByLabel('Open project')).toHaveText(MULTIHOP);
  await expect(page.getByRole('group', { name: 'Retrieve node retrieve', exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.getByRole('region', { name: 'Corpora' }).getByRole('list', { name: 'Corpora' }).getByRole('listitem')).toHaveCount(1);

  // A second click adds nothing.
  await page.getByRole('button', { name: 'Add sample projects' }).click();
  await expect(status).toHaveText('Every sample project is already here ("Add two numbers", "Classify support tickets", "Multi-hop questions (RAG)").');
  await expect(projects.getByRole('listitem')).toHaveCount(3);
  expect(errors).toEqual([]);
});
