import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../db';
import type { ProviderRecord } from '../providers/presets';
import { versionNumbers } from './GraphVersions';
import { resumeKeyFor } from './run-liveness';
import { storedProgress } from './WatchedRun';

const saved: ProviderRecord[] = [
  { id: 'p-remote', name: 'Remote', baseURL: 'https://api.example.com/v1', models: ['m'], remember: false },
  { id: 'p-kept', name: 'Kept', baseURL: 'https://kept.example.com/v1', models: ['m'], remember: true, apiKey: 'sk-remembered-000000' },
];
const runWith = (provider: Record<string, unknown>): Pick<RunRecord, 'command'> => ({ command: { type: 'optimize', provider } });

describe('resumeKeyFor', () => {
  it('finds the key in this tab\'s memory, then a remembered one, and asks only when a remote provider has none', () => {
    expect(resumeKeyFor(runWith({ kind: 'http', baseURL: 'https://api.example.com/v1' }), saved, { 'p-remote': 'sk-session-111111' })).toEqual({ key: 'sk-session-111111', missing: false });
    expect(resumeKeyFor(runWith({ kind: 'http', baseURL: 'https://kept.example.com/v1' }), saved, {})).toEqual({ key: 'sk-remembered-000000', missing: false });
    expect(resumeKeyFor(runWith({ kind: 'http', baseURL: 'https://api.example.com/v1' }), saved, {})).toEqual({ missing: true });
    expect(resumeKeyFor(runWith({ kind: 'http', baseURL: 'https://unknown.example.com/v1' }), saved, {})).toEqual({ missing: true });
    // A server on this machine and the Demo provider need no key.
    expect(resumeKeyFor(runWith({ kind: 'http', baseURL: 'http://127.0.0.1:8788/v1' }), saved, {})).toEqual({ missing: false });
    expect(resumeKeyFor(runWith({ kind: 'demo', taskModel: 'sim-1' }), saved, {})).toEqual({ missing: false });
  });
});

describe('storedProgress', () => {
  const usage = { trials: 3, calls: 30, cachedCalls: 10, totalTokens: 900 };
  it('measures a watched run against its plan, and is complete once it has ended', () => {
    const plan = { taskRuns: 0, taskCalls: 60, promptCalls: 20, notes: [] } as unknown as RunRecord['plan'];
    expect(storedProgress({ usage, plan, status: 'running' })).toMatchObject({ calls: 30, cachedCalls: 10, tokens: 900, fraction: 0.5 });
    expect(storedProgress({ usage, plan: undefined, status: 'running' }).fraction).toBe(0);
    expect(storedProgress({ usage, plan, status: 'finished' }).fraction).toBe(1);
  });

  it('counts what the run saved as spent (calls outside trials included) over its trials\' totals', () => {
    const plan = { taskRuns: 0, taskCalls: 60, promptCalls: 20, notes: [] } as unknown as RunRecord['plan'];
    const spent = { calls: 50, tokens: 1500, cost: 0.01 };
    expect(storedProgress({ usage, plan, status: 'running', spent })).toMatchObject({ calls: 50, cachedCalls: 10, tokens: 1500, cost: 0.01, fraction: 0.75 });
  });
});

describe('versionNumbers', () => {
  it('numbers versions from 1 in pinning order', () => {
    expect([...versionNumbers([{ id: 'a' }, { id: 'b' }])]).toEqual([['a', 1], ['b', 2]]);
  });
});
