import { expect, test } from '@playwright/test';
import { openApp } from './fixtures/app';
import { collectErrors } from './fixtures/console';

test('the built app opens on its main landmark without console errors', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await expect(page.getByRole('main', { name: 'Studio' })).toBeVisible();
  await expect(page).toHaveTitle('Prompt Studio');
  expect(errors).toEqual([]);
});
