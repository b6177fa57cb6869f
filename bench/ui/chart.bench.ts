/** The live chart with 5,000 trials: time to append one point (budget 4 ms). */
import { expect, test } from '@playwright/test';
import { percentile, report } from './probes';

test('the score chart with 5,000 trials: time to append a point', async ({ page }) => {
  await page.goto('/bench-chart/');
  const chart = page.getByRole('figure', { name: 'Score per trial' });
  await expect(chart).toHaveAttribute('data-points', '5000');
  await expect(chart.locator('canvas')).toHaveCount(1);
  // A few appends first, so the figure is not the JIT's first compile.
  await page.evaluate(() => window.__chart?.append(5));
  const times = await page.evaluate(() => window.__chart?.append(50) ?? Promise.resolve([] as number[]));
  await expect(chart).toHaveAttribute('data-points', '5055');
  const p95 = percentile(times, 95);
  report({
    benchmark: 'live chart with 5,000 trials: time to append a point (p95 of 50)',
    measured: `${p95.toFixed(2)} ms`,
    bound: '4 ms',
    ratio: p95 / 4,
    budget: 1,
    note: `median ${percentile(times, 50).toFixed(2)} ms; React commit + uPlot redraw`,
  });
});
