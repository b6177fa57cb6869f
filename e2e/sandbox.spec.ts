import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './fixtures/app';
import { collectErrors } from './fixtures/console';
import { PREVIEW_PORT, SIM_PORT } from './ports';

const APP = `http://127.0.0.1:${PREVIEW_PORT}/`;
const SIM = `http://127.0.0.1:${SIM_PORT}`;
/** A URL the code tries to reach: the sim counts every /v1 request, so a leak shows in /stats. */
const TARGET = `${SIM}/v1/models`;

async function simRequests(): Promise<number> {
  const stats = (await (await fetch(`${SIM}/stats`)).json()) as { requests: number };
  return stats.requests;
}

/** Every request that gets through (a CSP-refused one never finishes) must go to the app itself. */
function watchRequests(page: Page): string[] {
  const foreign: string[] = [];
  page.on('requestfinished', (request) => {
    const url = request.url();
    if (!url.startsWith(APP) && !url.startsWith('blob:') && !url.startsWith('data:')) foreign.push(url);
  });
  return foreign;
}

async function openRuns(page: Page) {
  await openApp(page);
  await page.getByRole('tab', { name: 'Runs' }).click();
}

async function evaluateWith(page: Page, code: string) {
  await page.getByLabel('Metric', { exact: true }).selectOption('custom');
  await page.getByLabel('Custom metric code').fill(code);
  await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
  const score = page.getByLabel('Evaluation score');
  await expect(score).toBeVisible({ timeout: 60_000 });
  await page.getByText('Per-example results', { exact: true }).click();
  return score;
}

const feedback = (page: Page) => page.getByRole('table', { name: 'Per-example results' });

test('the custom metric scores an evaluation on the Demo provider in the sandbox', async ({ page }) => {
  const errors = collectErrors(page);
  const foreign = watchRequests(page);
  const before = await simRequests();
  await openRuns(page);
  const score = await evaluateWith(page, 'return { score: pred.sum === gold.sum ? 1 : 0.25, feedback: `checked ${gold.a} + ${gold.b}` };');
  const value = Number(await score.textContent());
  expect(value).toBeGreaterThanOrEqual(0.25);
  expect(value).toBeLessThanOrEqual(1);
  await expect(feedback(page)).toContainText('checked 11 + 43');
  expect(await simRequests()).toBe(before);
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
});

test('metric code that reaches for the network fails those examples, sends nothing, and the run finishes', async ({ page }) => {
  const foreign = watchRequests(page);
  const before = await simRequests();
  await openRuns(page);
  // The prototypes' fetch and importScripts dodge the friendly overrides: the sandbox page's CSP
  // (which its worker inherits) is what stops them, and the sim's request count proves it.
  const code = [
    'const refused = [];',
    `try { await WorkerGlobalScope.prototype.fetch.call(self, "${TARGET}"); } catch (e) { refused.push("fetch"); }`,
    `try { WorkerGlobalScope.prototype.importScripts.call(self, "${TARGET}?script"); } catch (e) { refused.push("importScripts"); }`,
    'if (refused.length < 2) return { score: 1, feedback: "the network was reachable" };',
    `await fetch("${TARGET}");`,
    'return 1;',
  ].join('\n');
  const score = await evaluateWith(page, code);
  await expect(score).toHaveText('0.000');
  await expect(feedback(page)).toContainText('custom metric failed: fetch is not allowed: sandboxed code has no network access');
  await expect(feedback(page)).not.toContainText('the network was reachable');

  // The sandbox page itself (not only its worker): fetch, XHR, WebSocket and images are all refused by its CSP.
  const sandbox = page.frames().find((f) => f.url().endsWith('/sandbox/runner.html'));
  expect(sandbox).toBeDefined();
  const outcomes = await sandbox!.evaluate(async (target) => {
    const out: string[] = [];
    try {
      await fetch(target);
      out.push('fetch went through');
    } catch {
      out.push('fetch refused');
    }
    const xhr = await new Promise<string>((resolve) => {
      const request = new XMLHttpRequest();
      request.onload = () => resolve('xhr went through');
      request.onerror = () => resolve('xhr refused');
      try {
        request.open('GET', target);
        request.send();
      } catch {
        resolve('xhr refused');
      }
    });
    out.push(xhr);
    const ws = await new Promise<string>((resolve) => {
      try {
        const socket = new WebSocket(target.replace('http', 'ws'));
        socket.onopen = () => resolve('ws went through');
        socket.onerror = () => resolve('ws refused');
      } catch {
        resolve('ws refused');
      }
    });
    out.push(ws);
    const img = await new Promise<string>((resolve) => {
      const image = new Image();
      image.onload = () => resolve('img went through');
      image.onerror = () => resolve('img refused');
      image.src = `${target}?img`;
    });
    out.push(img);
    out.push(typeof (globalThis as { importScripts?: unknown }).importScripts === 'undefined' ? 'no importScripts in a window' : 'importScripts exists');
    // An opaque origin: the studio's page, storage and globals are out of reach.
    try {
      (window.parent as unknown as { __pwned: number }).__pwned = 1;
      out.push(`parent reachable: ${window.parent.document.title}`);
    } catch {
      out.push('parent refused');
    }
    try {
      out.push(`storage reachable: ${localStorage.length}`);
    } catch {
      out.push('storage refused');
    }
    return out;
  }, TARGET);
  expect(outcomes).toEqual(['fetch refused', 'xhr refused', 'ws refused', 'img refused', 'no importScripts in a window', 'parent refused', 'storage refused']);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await simRequests()).toBe(before);
  expect(foreign).toEqual([]);
});

test('an endless loop in the metric times out that example and the run still finishes', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  await openRuns(page);
  // Only the first dev example (11 + 43) spins; the sandbox is replaced and the rest score 1.
  const score = await evaluateWith(page, 'if (gold.a === 11) { while (true) {} }\nreturn true;');
  await expect(feedback(page).getByRole('cell', { name: 'custom metric timed out after 2000 ms' })).toHaveCount(1);
  // Every other example was scored by the code (the Demo model fumbles a few replies: those are program errors).
  expect(Number(await score.textContent())).toBeGreaterThan(0.5);
  // The page stayed responsive throughout: the loop ran in the sandbox's own worker.
  await expect(page.getByRole('button', { name: 'Evaluate', exact: true })).toBeEnabled();
  expect(errors).toEqual([]);
});

test('an imported project that carries code asks before enabling it, and runs refuse while it is disabled', async ({ page }) => {
  test.setTimeout(90_000);
  await openRuns(page);
  const sample = JSON.parse(await readFile('public/samples/add-two-numbers.json', 'utf8')) as Record<string, unknown>;
  const file = { ...sample, name: 'Imported with code', settings: { ...(sample.settings as object), metric: 'custom', metricConfig: { code: 'return { score: 0.5, feedback: "imported code ran" };' } } };
  await page.getByLabel('Import project file').setInputFiles({ name: 'with-code.prompt-studio.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });

  const dialog = page.getByRole('dialog', { name: 'Run the code in this project?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Code in this project' })).toContainText('custom metric');
  await expect(dialog.getByRole('list', { name: 'Code in this project' })).toContainText('imported code ran');
  await dialog.getByRole('button', { name: 'Keep disabled' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Open project')).toHaveText('Imported with code');

  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
  await expect(page.getByLabel('Evaluation score')).toHaveText('0.000', { timeout: 60_000 });
  await page.getByText('Per-example results', { exact: true }).click();
  await expect(feedback(page)).toContainText('code in this project is disabled');

  // The choice is remembered: a reload does not ask again, and "Review code…" enables it.
  await page.reload();
  await expect(page.getByLabel('Open project')).toHaveText('Imported with code');
  await page.getByRole('tab', { name: 'Runs' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Review code…' }).click();
  await dialog.getByRole('button', { name: 'Enable code' }).click();
  await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
  await expect(page.getByLabel('Evaluation score')).not.toHaveText('0.000', { timeout: 60_000 });
  const results = feedback(page);
  if (!(await results.isVisible())) await page.getByText('Per-example results', { exact: true }).click();
  await expect(results).toContainText('imported code ran');
  await expect(results).not.toContainText('code in this project is disabled');
});
