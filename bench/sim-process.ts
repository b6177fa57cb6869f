import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export interface SimProcess {
  url: string;
  stats(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The simulated LM in its own process, so the benchmark's CPU figures are the engine's alone
 * and the sim's work does not steal the engine's event loop.
 */
export async function startSimProcess(args: string[] = []): Promise<SimProcess> {
  const port = await freePort();
  const bin = fileURLToPath(new URL('../bin/prompt-studio.mjs', import.meta.url));
  const child = spawn(process.execPath, [bin, 'sim', '--port', String(port), ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the sim exited early: ${stderr}`);
    try {
      const res = await fetch(`${base}/stats`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the sim did not start within 30 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `${base}/v1`,
    stats: async () => (await (await fetch(`${base}/stats`)).json()) as Record<string, unknown>,
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
