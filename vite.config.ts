import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cspPlugin } from './src/app/sandbox/vite-csp.js';

export default defineConfig({
  plugins: [react(), cspPlugin()],
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
});
