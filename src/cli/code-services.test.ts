import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArithmetic } from '../sim';
import { startSimServer } from '../sim/server';
import { saveProject } from '../core/formats/project';
import { graphFromSignature } from '../core/program/build';
import { parseSignature } from '../core/signature';
import type { Io } from './io';
import { main } from './main';

function captureIo() {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: Io = {
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    env: {},
    readFile: async (path) => new Uint8Array(await readFile(path)),
    stopSignal: () => new AbortController().signal,
  };
  return { io, stdout, stderr };
}

let dir: string;
let sim: Awaited<ReturnType<typeof startSimServer>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prompt-studio-code-'));
  sim = await startSimServer({});
  await writeFile(join(dir, 'add.jsonl'), generateArithmetic(6, 3).map((r) => JSON.stringify(r)).join('\n'));
  await writeFile(join(dir, 'metric.js'), 'return Number(pred.sum) === Number(gold.sum) ? { score: 1, feedback: "ok" } : 0;');
});

afterAll(() => sim.close());

const evalArgs = (...more: string[]) => [
  'eval', '--signature', 'a: int, b: int -> sum: int', '--data', join(dir, 'add.jsonl'), '--metric', 'custom', '--base-url', sim.url, '--model', 'sim-1', '--no-cache', ...more,
];

describe('prompt-studio eval --metric custom', () => {
  it('scores with the code in --metric-code, run in the Node sandbox', async () => {
    const { io, stdout } = captureIo();
    expect(await main(evalArgs('--metric-code', join(dir, 'metric.js')), io)).toBe(0);
    expect(stdout.join('\n')).toMatch(/^score: \d+\.\d\d% on 6 examples \(0 errors\) — metric custom$/);
    expect(stdout.join('\n')).not.toMatch(/^score: 0\.00%/);
  });

  it('scores code that tries the network 0, sends nothing, and still finishes', async () => {
    let hits = 0;
    const target = createServer((_req, res) => (hits++, res.end('1')));
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const { port } = target.address() as AddressInfo;
    await writeFile(join(dir, 'net.js'), `await fetch("http://127.0.0.1:${port}/"); return 1;`);
    try {
      const { io, stdout } = captureIo();
      expect(await main(evalArgs('--metric-code', join(dir, 'net.js')), io)).toBe(0);
      expect(stdout.join('\n')).toContain('score: 0.00% on 6 examples (0 errors)');
      expect(hits).toBe(0);
    } finally {
      target.close();
    }
  });

  it('asks for the code when none is given', async () => {
    const { io, stderr } = captureIo();
    expect(await main(evalArgs(), io)).toBe(2);
    expect(stderr.join('\n')).toContain('--metric custom needs its code: --metric-code FILE');
  });
});

describe('prompt-studio run with a Code node', () => {
  const project = async (file: string, code: string) => {
    const graph = graphFromSignature(parseSignature('text -> cleaned'), { type: 'Code', name: 'clean', config: { code, timeoutMs: 300 } });
    await writeFile(join(dir, file), saveProject({ name: 'code', graph, datasets: [], settings: {} }));
    return ['run', '--project', join(dir, file), '--inputs', '{"text": "  hi  "}', '--base-url', sim.url, '--model', 'sim-1', '--no-cache'];
  };

  it('runs the node in the Node sandbox', async () => {
    const { io, stdout } = captureIo();
    expect(await main(await project('clean.json', 'return { cleaned: text.trim() };'), io)).toBe(0);
    expect(JSON.parse(stdout.join('\n'))).toMatchObject({ outputs: { cleaned: 'hi' } });
  });

  it('ends an endless loop with the node\u2019s timeout', async () => {
    const { io, stdout } = captureIo();
    expect(await main(await project('spin.json', 'while (true) {}'), io)).toBe(1);
    expect(JSON.parse(stdout.join('\n'))).toMatchObject({ error: expect.stringContaining("code node 'clean' timed out after 300 ms") });
  });
});
