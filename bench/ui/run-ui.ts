/**
 * The UI step of `npm run bench`: builds the studio (dist-bench) and the bench-only chart page
 * (dist-bench/bench-chart), runs the bench Playwright config, and collects the figures its tests
 * report. The build folder is removed afterwards (they would otherwise be linted).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Figure } from '../results';

const root = fileURLToPath(new URL('../../', import.meta.url));

function run(command: string, args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output += String(chunk);
      process.stdout.write(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** The scripts and module preloads index.html names: what the initial route loads before any lazy chunk. */
function staticInitialJs(dist: string): Figure {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const paths = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((m) => m[1] as string);
  const bytes = paths.reduce((sum, p) => sum + gzipSync(readFileSync(join(dist, p))).length, 0);
  return {
    benchmark: 'first-load JavaScript (gzip), scripts and modulepreloads of index.html',
    measured: `${(bytes / 1024).toFixed(1)} KB`,
    bound: '350 KB',
    ratio: bytes / 1024 / 350,
    budget: 1,
    note: `${paths.length} files`,
  };
}

export async function runUiBench(): Promise<{ figures: Figure[]; notes: string[] }> {
  const dist = join(root, 'dist-bench');
  const out = join(mkdtempSync(join(tmpdir(), 'bench-ui-')), 'figures.jsonl');
  const env = { BENCH_DIST: dist, BENCH_UI_OUT: out };
  try {
    const build = await run('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir'], env);
    if (build.code !== 0) throw new Error(`vite build failed (exit ${build.code})`);
    const chart = await run('npx', ['vite', 'build', '--config', 'bench/ui/vite.chart.config.ts'], env);
    if (chart.code !== 0) throw new Error(`the chart page's vite build failed (exit ${chart.code})`);
    const figures: Figure[] = [staticInitialJs(dist)];
    const started = Date.now();
    const tests = await run('npx', ['playwright', 'test', '-c', 'bench/ui/playwright.bench.config.ts'], env);
    if (existsSync(out)) {
      for (const line of readFileSync(out, 'utf8').split('\n')) if (line.trim()) figures.push(JSON.parse(line) as Figure);
    }
    const failed = tests.output.split('\n').filter((l) => /✘|\d+\) .*›/.test(l)).map((l) => l.trim());
    const notes = [
      `Chromium (${process.env.CHROMIUM_PATH || '/usr/bin/chromium'}) headless, software rendering (--disable-gpu), 1440×900; the UI tests took ${((Date.now() - started) / 1000).toFixed(0)} s.`,
      'Frame times are rAF-to-rAF intervals recorded in the page while Playwright moves the mouse; long tasks come from PerformanceObserver("longtask").',
      ...(tests.code === 0 ? [] : ['', `**Some UI measurements failed to run** (Playwright exit ${tests.code}); their figures are missing above:`, '', ...failed.map((l) => `- ${l}`)]),
    ];
    return { figures, notes };
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
}
