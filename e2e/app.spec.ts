import { expect, test } from '@playwright/test';

test('the built app opens on its main landmark without console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto('/');
  await expect(page.getByRole('main', { name: 'Studio' })).toBeVisible();
  await expect(page).toHaveTitle('Prompt Studio');
  expect(errors).toEqual([]);
});
