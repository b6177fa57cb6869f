import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimServer } from '../sim/server';
import { generateArithmetic, generateClassification } from '../sim';
import { main } from './main';
import { captureIo } from './test-support';

let dir: string;
let sim: Awaited<ReturnType<typeof startSimServer>>;
const KEY = 'sk-test-very-secret-4242';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prompt-studio-cli-'));
  sim = await startSimServer({ requireKey: KEY });
  const rows = generateArithmetic(30, 7);
  await writeFile(join(dir, 'add.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
  await writeFile(join(dir, 'empty.csv'), '');
  await writeFile(join(dir, 'latin1.csv'), Buffer.from([0x61, 0x2c, 0x62, 0x2c, 0x73, 0x75, 0x6d, 0x0a, 0x31, 0x2c, 0xe9, 0x2c, 0x33, 0x0a]));
  await writeFile(join(dir, 'nosum.csv'), 'a,b\n1,2\n');
  await writeFile(join(dir, 'noa.csv'), 'x,b,sum\n1,2,3\n');
  await writeFile(join(dir, 'demos.json'), JSON.stringify([{ a: 1, b: 2, sum: 3 }]));
  const tickets = generateClassification(50, 9).map((r) => JSON.stringify(r));
  await writeFile(join(dir, 'train.jsonl'), tickets.slice(0, 20).join('\n'));
  await writeFile(join(dir, 'dev.jsonl'), tickets.slice(20).join('\n'));
});

afterAll(async () => {
  await sim.close();
});

const evalArgs = (data: string, ...more: string[]) => [
  'eval', '--signature', 'a: int, b: int -> sum: int', '--data', join(dir, data), '--metric', 'exact-match', '--base-url', sim.url, '--model', 'sim-1',
  ...(more.includes('--cache-dir') ? [] : ['--no-cache']),
  ...more,
];

describe('prompt-studio', () => {
  it('prints usage, and refuses an unknown command with exit 2', async () => {
    const io = captureIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('prompt-studio inspect');
    const bad = captureIo();
    expect(await main(['frobnicate'], bad)).toBe(2);
    expect(bad.stderr[0]).toContain("unknown command 'frobnicate'");
  });

  it('inspect prints the exact messages as JSON, with demos from a file', async () => {
    const io = captureIo();
    const code = await main(['inspect', '--signature', 'a: int, b: int -> sum: int', '--demos', join(dir, 'demos.json'), '--inputs', '{"a": 2, "b": 3}'], io);
    expect(code).toBe(0);
    const printed = JSON.parse(io.stdout.join('\n'));
    expect(printed.predictor).toBe('predict');
    expect(printed.messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(printed.messages[0].content).toMatch(/^Your input fields are:\n1\. `a` \(int\)/);
    expect(printed.messages[3].content).toContain('[[ ## a ## ]]\n2');
  });

  it('inspect names a malformed signature or inputs', async () => {
    const io = captureIo();
    expect(await main(['inspect', '--signature', 'a, b sum', '--inputs', '{}'], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain("expected '->'");
    const io2 = captureIo();
    expect(await main(['inspect', '--signature', 'a -> b', '--inputs', '{not json'], io2)).toBe(2);
    expect(io2.stderr.join('\n')).toContain('--inputs is not valid JSON');
  });

  it('eval runs the program against the sim and prints the score last', async () => {
    const io = captureIo({ OPENAI_API_KEY: KEY });
    const code = await main(evalArgs('add.jsonl', '--concurrency', '4'), io);
    expect(io.stderr.join('\n')).toContain('eval: 30/30 done');
    expect(code).toBe(0);
    const last = io.stdout.at(-1) ?? '';
    expect(last).toMatch(/^score: \d+\.\d\d% on 30 examples \(\d+ errors\) — metric exact-match$/);
    expect(io.stderr.join('\n')).not.toContain(KEY);
  });

  it('eval caches on disk: a rerun makes no provider calls', async () => {
    const before = sim.stats().chatCompletions;
    const first = captureIo({ OPENAI_API_KEY: KEY });
    expect(await main(evalArgs('add.jsonl', '--cache-dir', join(dir, 'disk-cache')), first)).toBe(0);
    const afterFirst = sim.stats().chatCompletions;
    expect(afterFirst).toBeGreaterThan(before);
    const second = captureIo({ OPENAI_API_KEY: KEY });
    expect(await main(evalArgs('add.jsonl', '--cache-dir', join(dir, 'disk-cache')), second)).toBe(0);
    expect(sim.stats().chatCompletions).toBe(afterFirst);
    expect(second.stdout.at(-1)).toBe(first.stdout.at(-1));
  });

  it('eval never prints a wrong key, even when the provider refuses it', async () => {
    const io = captureIo();
    const code = await main(evalArgs('add.jsonl', '--api-key', 'sk-wrong-key-9999', '--max-errors', '2'), io);
    expect(code).toBe(1);
    const all = [...io.stdout, ...io.stderr].join('\n');
    expect(all).not.toContain('sk-wrong-key-9999');
    expect(all).toContain('stopped early (max-errors)');
  });

  it('eval names what is wrong with a data file', async () => {
    const cases: [string, RegExp][] = [
      ['empty.csv', /empty\.csv.*empty/i],
      ['latin1.csv', /latin1\.csv.*UTF-8/i],
      ['nosum.csv', /no label column/],
      ['noa.csv', /has no column 'a'/],
      ['missing.csv', /does not exist|no such file|ENOENT/i],
    ];
    for (const [file, pattern] of cases) {
      const io = captureIo({ OPENAI_API_KEY: KEY });
      const code = await main(evalArgs(file), io);
      expect(code, file).toBe(1);
      expect(io.stderr.join('\n'), file).toMatch(pattern);
    }
  });

  const ticketSignature = "text -> label: Literal['billing', 'shipping', 'technical', 'account']";
  const optimizeArgs = (...more: string[]) => ['optimize', '--optimizer', 'labeled-fewshot', '--config', '{"k": 3}', '--signature', ticketSignature, '--train', join(dir, 'train.jsonl'), '--dev', join(dir, 'dev.jsonl'), '--metric', 'exact-match', '--base-url', sim.url, '--model', 'sim-1', '--seed', '1', '--no-cache', ...more];

  it('optimize prints the plan, trials, and last the baseline and final dev scores; writes DSPy JSON', async () => {
    const out = join(dir, 'compiled.json');
    const io = captureIo({ OPENAI_API_KEY: KEY });
    const code = await main(optimizeArgs('--out', out), io);
    expect(io.stderr.join('\n')).toContain('plan:');
    expect(code).toBe(0);
    expect(io.stderr.join('\n')).toMatch(/trial 0 \[full\]/);
    expect(io.stdout.at(-1)).toMatch(/^baseline dev \d+\.\d\d% → final dev \d+\.\d\d% \(labeled-fewshot, val \d+\.\d\d%, 1 trials\)$/);
    const compiled = JSON.parse(await readFile(out, 'utf8'));
    expect(compiled.predict.demos).toHaveLength(3);
    expect(Object.keys(compiled.metadata.dependency_versions)).toEqual(['python', 'dspy', 'cloudpickle']);

    const run = captureIo({ OPENAI_API_KEY: KEY });
    expect(await main(['run', '--signature', ticketSignature, '--program', out, '--inputs', '{"text": "I was charged twice for my order"}', '--base-url', sim.url, '--model', 'sim-1', '--no-cache'], run)).toBe(0);
    const printed = JSON.parse(run.stdout.join('\n'));
    expect(['billing', 'shipping', 'technical', 'account']).toContain(printed.outputs.label);
    expect(printed.trace[0].calls[0].messages).toHaveLength(2 + 2 * 3);
  });

  it('optimize --dry-run prints the plan without calling the provider, and names a bad config', async () => {
    const before = sim.stats().requests;
    const io = captureIo();
    expect(await main(optimizeArgs('--dry-run'), io)).toBe(0);
    expect(JSON.parse(io.stdout.join('\n'))).toMatchObject({ taskCalls: 20 + 2 * 30, promptCalls: 0 });
    expect(sim.stats().requests).toBe(before);
    const bad = captureIo({ OPENAI_API_KEY: KEY });
    const args = optimizeArgs();
    args[args.indexOf('{"k": 3}')] = '{"k": "many"}';
    expect(await main(args, bad)).toBe(1);
    expect(bad.stderr.join('\n')).toContain('config k:');
  });
});

