/**
 * The studio's UI budgets, measured in Chromium against the production build (bench/run.ts
 * builds it and reads the figures these tests report). Not part of `npm test`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { largeCsv, largeProject } from './fixtures';
import { installProbes, longTasks, percentile, report, resetLongTasks, startFrames, stopFrames } from './probes';
import { BENCH_DIST, BENCH_SIM_URL } from './ports';

const ms = (x: number) => `${x.toFixed(1)} ms`;
/** How long the optimization is watched at most. */
const WINDOW_MS = 150_000;

async function openStudio(page: Page): Promise<void> {
  await installProbes(page);
  await page.goto('/');
  await expect(page.getByLabel('Open project')).toHaveText('Add two numbers', { timeout: 30_000 });
}

test('first load: JavaScript gzip and time to interactive on the sample project', async ({ page }) => {
  const scripts = new Set<string>();
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname.endsWith('.js')) scripts.add(url.pathname);
  });
  await installProbes(page);
  await page.goto('/');
  // Interactive: the sample graph is drawn and its node answers to the pointer.
  const node = page.getByRole('group', { name: 'Predict node add' });
  await node.waitFor({ state: 'visible', timeout: 30_000 });
  const visibleAt = await page.evaluate(() => performance.now());
  await node.click();
  const tasks = await longTasks(page);
  const gz = [...scripts].map((path) => ({ path, bytes: gzipSync(readFileSync(join(BENCH_DIST, path))).length }));
  const total = gz.reduce((s, f) => s + f.bytes, 0);
  const workers = gz.filter((f) => /worker/i.test(f.path)).reduce((s, f) => s + f.bytes, 0);
  report({
    benchmark: 'first-load JavaScript (gzip), every script fetched until the sample graph is interactive',
    measured: `${(total / 1024).toFixed(1)} KB`,
    bound: '350 KB',
    ratio: total / 1024 / 350,
    budget: 1,
    note: `${gz.length} scripts, of which workers ${(workers / 1024).toFixed(1)} KB`,
  });
  report({
    benchmark: 'time to interactive, sample project (navigation → graph drawn and clickable)',
    measured: ms(visibleAt),
    bound: '—',
    ratio: visibleAt,
    note: `${tasks.length} long tasks during load, longest ${ms(Math.max(0, ...tasks))}; no budget in the issue`,
  });
});

test('canvas with 300 nodes and 400 edges: frame time while dragging a node and while panning', async ({ page }) => {
  test.setTimeout(120_000);
  await openStudio(page);
  const file = largeProject(298, 400);
  await page.getByLabel('Import project file', { exact: true }).setInputFiles({ name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  const projects = page.getByRole('list', { name: 'Projects' });
  await projects.getByRole('button', { name: file.name, exact: true }).click();
  await expect(page.getByLabel('Open project')).toHaveText(file.name);
  await page.getByRole('group', { name: 'Predict node step1', exact: true }).waitFor({ state: 'attached', timeout: 30_000 });
  const drawn = await page.locator('.react-flow__node').count();
  const edgesDrawn = await page.locator('.react-flow__edge').count();

  // A node whose middle is on screen and not covered (after fit-view the first ones can be off the
  // pane): a drag that starts anywhere else moves nothing and would time idle frames.
  const grab = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
    if (!pane) return null;
    for (const el of document.querySelectorAll('.react-flow__node')) {
      const r = el.getBoundingClientRect();
      const [x, y] = [r.left + r.width / 2, r.top + Math.min(12, r.height / 2)];
      const inside = x > pane.left + 40 && x < pane.right - 300 && y > pane.top + 40 && y < pane.bottom - 200;
      if (inside && el.contains(document.elementFromPoint(x, y))) return { x, y, id: el.getAttribute('data-id') ?? '' };
    }
    return null;
  });
  if (!grab) throw new Error('no node on screen to drag');
  const dragged = page.locator(`.react-flow__node[data-id="${grab.id}"]`);
  const before = await dragged.boundingBox();
  await startFrames(page);
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) await page.mouse.move(grab.x + i * 4, grab.y + i * 2);
  await page.mouse.up();
  const drag = await stopFrames(page);
  const after = await dragged.boundingBox();
  const moved = before && after ? Math.hypot(after.x - before.x, after.y - before.y) : 0;
  if (moved < 100) throw new Error(`the drag moved node ${grab.id} by ${moved.toFixed(0)} px: it timed idle frames`);
  // Let the drop's work (saving the graph, undo history) finish outside the pan's frames.
  await page.waitForTimeout(1000);

  // An empty point of the pane: dragging there pans the viewport.
  const pane = await page.evaluate(() => {
    const el = document.querySelector('.react-flow__pane');
    const r = el?.getBoundingClientRect();
    if (!r) return null;
    for (let y = r.top + 20; y < r.bottom; y += 7) {
      for (let x = r.left + 20; x < r.right; x += 7) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });
  if (!pane) throw new Error('no empty point on the pane to pan from');
  await startFrames(page);
  await page.mouse.move(pane.x, pane.y);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) await page.mouse.move(pane.x + i * 3, pane.y + i * 2);
  await page.mouse.up();
  const pan = await stopFrames(page);
  // rAF intervals of an on-time frame jitter around 16.7 ms by a fraction of a millisecond; a
  // dropped frame doubles the interval. The budget allows the jitter (5 %), not a dropped frame.
  const note = (frames: number[]) => `${frames.length} frames, median ${ms(percentile(frames, 50))}, max ${ms(Math.max(...frames))}; ${drawn} nodes and ${edgesDrawn} edges drawn; budget ratio 1.05 allows vsync jitter`;
  const dragNote = `${note(drag)}; node ${grab.id} moved ${moved.toFixed(0)} px`;
  report({ benchmark: 'canvas 300 nodes / 400 edges: frame time p95 while dragging a node', measured: ms(percentile(drag, 95)), bound: '16.7 ms', ratio: percentile(drag, 95) / 16.7, budget: 1.05, note: dragNote });
  report({ benchmark: 'canvas 300 nodes / 400 edges: frame time p95 while panning', measured: ms(percentile(pan, 95)), bound: '16.7 ms', ratio: percentile(pan, 95) / 16.7, budget: 1.05, note: note(pan) });
});

test('importing a 100,000-row CSV into IndexedDB through the UI', async ({ page }) => {
  test.setTimeout(180_000);
  await openStudio(page);
  await page.getByRole('tab', { name: 'Data' }).click();
  // A file on disk, as a user picks one: given a buffer, Playwright rebuilds the file inside the
  // page from base64 one character at a time, a 600 ms task of its own on the main thread.
  const csv = join(mkdtempSync(join(tmpdir(), 'bench-csv-')), 'additions-100k.csv');
  writeFileSync(csv, largeCsv(100_000));
  await resetLongTasks(page);
  const t0 = Date.now();
  await page.getByLabel('Upload dataset (CSV, JSON or JSONL)').setInputFiles(csv);
  const mapper = page.getByRole('region', { name: 'Map columns' });
  await expect(mapper).toContainText('100000 rows', { timeout: 60_000 });
  const parsed = Date.now() - t0;
  const t1 = Date.now();
  await mapper.getByRole('button', { name: 'Save dataset' }).click();
  await expect(page.getByRole('textbox', { name: 'a of row-1', exact: true })).toBeVisible({ timeout: 120_000 });
  const saved = Date.now() - t1;
  const tasks = await longTasks(page);
  const longest = Math.max(0, ...tasks);
  const total = parsed + saved;
  report({ benchmark: 'import a 100,000-row CSV into IndexedDB: time', measured: `${total} ms`, bound: '5000 ms', ratio: total / 5000, budget: 1, note: `read and parse ${parsed} ms, save ${saved} ms (the column mapping click in between is not counted)` });
  report({ benchmark: 'import a 100,000-row CSV: main thread longest task', measured: ms(longest), bound: '100 ms', ratio: longest / 100, budget: 1, note: `${tasks.length} long tasks (> 50 ms)` });
});

test('a 2,000-call optimization on the sim at 0 ms latency: main-thread long tasks', async ({ page }) => {
  test.setTimeout(240_000);
  await openStudio(page);
  await page.getByRole('button', { name: 'Providers' }).click();
  const dialog = page.getByRole('dialog', { name: 'Providers' });
  const form = dialog.getByRole('form', { name: 'Add provider' });
  await form.getByLabel('Name').fill('Bench sim');
  await form.getByLabel('Base URL').fill(BENCH_SIM_URL);
  await form.getByLabel('API key').fill('sk-bench-sim');
  await form.getByRole('button', { name: 'Save provider' }).click();
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('status', { name: 'Connection status' })).toHaveText(/Connected/);
  await dialog.getByLabel('Task model').selectOption('sim-1');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.getByRole('button', { name: 'Optimize', exact: true }).click({ timeout: 20_000 });
  const optimize = page.getByRole('dialog', { name: 'Optimize' });
  // RandomSearch with 30 candidates on the sample's 30 train / 30 dev rows plans ≈2,000 calls.
  await optimize.getByLabel('Optimizer', { exact: true }).selectOption('random-search');
  await optimize.getByLabel('num_candidate_programs', { exact: true }).fill('30');
  const plan = (await optimize.getByRole('region', { name: 'Plan' }).textContent()) ?? '';
  const stats = async () => Number(((await (await fetch(BENCH_SIM_URL.replace(/\/v1$/, '/stats'))).json()) as Record<string, unknown>).chatCompletions);
  const before = await stats();
  await resetLongTasks(page);
  const t0 = Date.now();
  await optimize.getByRole('button', { name: 'Start optimization' }).click();
  // The measurement window is capped so `npm run bench` stays within ten minutes; an
  // unfinished run is reported as such, with the long tasks seen so far (a lower bound).
  const finished = await page
    .getByLabel('Final score')
    .waitFor({ state: 'visible', timeout: WINDOW_MS })
    .then(() => true)
    .catch(() => false);
  const wall = Date.now() - t0;
  const calls = (await stats()) - before;
  const tasks = await longTasks(page);
  report({
    benchmark: 'a 2,000-call optimization on the sim at 0 ms latency: main-thread long tasks over 50 ms',
    measured: `${tasks.length} tasks`,
    bound: '0 tasks',
    ratio: tasks.length,
    budget: 0,
    note:
      `RandomSearch, 30 candidates (plan ${/≈\d+ LM calls/.exec(plan)?.[0] ?? 'unknown'}); ${calls} calls reached the sim in ${(wall / 1000).toFixed(0)} s` +
      `${finished ? '' : ` — the run had not finished when the ${WINDOW_MS / 1000} s window closed`}${tasks.length ? `; longest ${ms(Math.max(...tasks))}` : ''}`,
  });
});
