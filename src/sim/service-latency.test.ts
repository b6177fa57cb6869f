import { describe, expect, it } from 'vitest';
import { createSimService } from './service';

const body = JSON.stringify({ model: 'sim-1', messages: [{ role: 'user', content: 'What is 2 + 3? Reply with the number.' }] });
const chat = (receivedAt?: number) => ({ method: 'POST', path: '/v1/chat/completions', headers: {}, body, ...(receivedAt === undefined ? {} : { receivedAt }) });

describe('sim latency', () => {
  it('runs from when the request was received, so time spent before handling counts toward it', async () => {
    const service = createSimService({ latencyMs: 200 });
    const started = performance.now();
    // Received 150 ms ago (a busy server got to it late): only the last ~50 ms are left to wait.
    const late = await service.handle(chat(started - 150));
    const lateWait = performance.now() - started;
    const fresh = await service.handle(chat());
    const freshWait = performance.now() - started - lateWait;
    expect(lateWait).toBeLessThan(150);
    expect(freshWait).toBeGreaterThanOrEqual(195);
    // Same reply either way: only the timing moves.
    expect(late).toEqual(fresh);
  });

  it('does not wait at all for a request that was received longer ago than the latency', async () => {
    const service = createSimService({ latencyMs: 50 });
    const started = performance.now();
    const reply = await service.handle(chat(started - 500));
    expect(performance.now() - started).toBeLessThan(50);
    expect(reply.status).toBe(200);
    expect(service.stats()).toMatchObject({ chatCompletions: 1, inFlight: 0 });
  });
});
