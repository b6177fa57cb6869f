import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimServer, type SimServer } from '../server';
import { parseFaultSettings } from './faults';

describe('parseFaultSettings', () => {
  it('accepts rates, durations and a seed, and names the field that is wrong', () => {
    expect(parseFaultSettings('{"rate5xx": 0.2, "rate429": 0.1, "retryAfterSeconds": 0.05}', {})).toEqual({ ok: true, settings: { rate5xx: 0.2, rate429: 0.1, retryAfterSeconds: 0.05 } });
    expect(parseFaultSettings('{"rate5xx": 2}', {})).toEqual({ ok: false, error: "field 'rate5xx' must be between 0 and 1, got 2" });
    expect(parseFaultSettings('{"rate5xx": "high"}', {})).toEqual({ ok: false, error: `field 'rate5xx' must be a number, got "high"` });
    expect(parseFaultSettings('{"rate_5xx": 0.1}', {})).toMatchObject({ ok: false, error: expect.stringContaining("unknown field 'rate_5xx'") });
    expect(parseFaultSettings('{"rate429": 0.6}', { rate5xx: 0.5 })).toMatchObject({ ok: false, error: expect.stringContaining('must not exceed 1') });
    expect(parseFaultSettings('[1]', {})).toMatchObject({ ok: false });
    expect(parseFaultSettings('{', {})).toMatchObject({ ok: false, error: expect.stringContaining('not valid JSON') });
  });
});

describe('POST /faults on the HTTP sim', () => {
  let sim: SimServer;
  const root = () => sim.url.replace(/\/v1$/, '');
  const chat = () =>
    fetch(`${sim.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'sim-1', messages: [{ role: 'user', content: 'hi' }] }) });

  beforeAll(async () => {
    sim = await startSimServer({ rate429: 0.1 });
  });
  afterAll(() => sim.close());

  it('shows the faults in effect, changes them while running, and rejects bad input with a 400', async () => {
    expect(await (await fetch(`${root()}/faults`)).json()).toMatchObject({ rate429: 0.1, rate5xx: 0 });
    const set = await fetch(`${root()}/faults`, { method: 'POST', body: JSON.stringify({ rate429: 0, rate5xx: 1 }) });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ rate429: 0, rate5xx: 1 });
    expect((await chat()).status).toBe(500);
    const bad = await fetch(`${root()}/faults`, { method: 'POST', body: '{"rate5xx": -1}' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe("field 'rate5xx' must be between 0 and 1, got -1");
    await fetch(`${root()}/faults`, { method: 'POST', body: '{"rate5xx": 0}' });
    expect((await chat()).status).toBe(200);
    // The admin route is not an LM request: /stats does not count it.
    expect(sim.stats().requests).toBe(2);
  });
});
