import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimServer, type SimServer } from '../server';
import { createSimService } from '../service';
import { drawFault, parseFaultSettings, requestAttempts } from './faults';

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

describe('fault draws', () => {
  const ask = (i: number) => JSON.stringify({ model: 'sim-1', messages: [{ role: 'user', content: `question ${i}` }] });
  const statusOf = async (service: ReturnType<typeof createSimService>, body: string) =>
    (await service.handle({ method: 'POST', path: '/v1/chat/completions', headers: {}, body })).status;

  it('depend on the request, not on the order in which concurrent requests arrive', async () => {
    const service = createSimService({ rate5xx: 0.4, faultSeed: 3 });
    const bodies = Array.from({ length: 24 }, (_, i) => ask(i));
    const inOrder = new Map<string, number>();
    for (const body of bodies) inOrder.set(body, await statusOf(service, body));
    expect([...inOrder.values()].filter((s) => s === 500).length).toBeGreaterThan(3);
    expect([...inOrder.values()].filter((s) => s === 200).length).toBeGreaterThan(3);
    service.resetStats();
    const reversed = await Promise.all([...bodies].reverse().map(async (body) => [body, await statusOf(service, body)] as const));
    expect(new Map(reversed)).toEqual(inOrder);
  });

  it('draw anew for each attempt at the same body, so a retry can succeed', () => {
    const options = { rate429: 0, rate5xx: 0.5, rateMalformed: 0, faultSeed: 1, jitterMs: 0, latencyMs: 0 };
    const attempts = requestAttempts();
    const keys = Array.from({ length: 12 }, () => attempts.next(ask(1)));
    expect(new Set(keys).size).toBe(12);
    const kinds = keys.map((key) => drawFault(options, key).fault.kind);
    expect(kinds).toContain('none');
    expect(kinds).toContain('server_error');
    attempts.reset();
    expect(attempts.next(ask(1))).toBe(keys[0]);
    expect(attempts.next(ask(2))).not.toBe(keys[1]);
  });
});
