/**
 * A bench-only Vite build of one page that mounts the studio's ScoreChart, so the chart can be
 * driven with 5,000 trials without shipping benchmark code in the app.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./chart/', import.meta.url));
// Built into a folder of the studio's bench build, so one preview server serves both pages.
const outDir = join(process.env.BENCH_DIST ?? fileURLToPath(new URL('../../dist-bench/', import.meta.url)), 'bench-chart');

export default defineConfig({
  root,
  base: '/bench-chart/',
  plugins: [react()],
  build: { target: 'es2022', outDir, emptyOutDir: true },
});
