import { describe, expect, it } from 'vitest';
import { Slots } from './slots';

/** Queues `names` in order (urgent ones marked with !) behind one held slot; returns the grant order. */
async function grantOrder(names: string[], abort: string[] = []): Promise<string[]> {
  const slots = new Slots(1);
  const hold = await slots.acquire();
  const order: string[] = [];
  const controllers = new Map<string, AbortController>();
  const waits = names.map((name) => {
    const controller = new AbortController();
    controllers.set(name, controller);
    return slots.acquire(controller.signal, name.endsWith('!')).then(
      (release) => {
        order.push(name);
        release();
      },
      () => undefined,
    );
  });
  for (const name of abort) controllers.get(name)?.abort();
  expect(slots.queued).toBe(names.length - abort.length);
  hold();
  await Promise.all(waits);
  return order;
}

describe('Slots', () => {
  it('grants urgent waiters first, each kind in the order it came', async () => {
    expect(await grantOrder(['a', 'b', 'u1!', 'c', 'u2!'])).toEqual(['u1!', 'u2!', 'a', 'b', 'c']);
  });

  it('keeps the urgent count right when waiters of either kind abort', async () => {
    expect(await grantOrder(['a', 'u1!', 'b', 'u2!', 'u3!'], ['u1!', 'a'])).toEqual(['u2!', 'u3!', 'b']);
    expect(await grantOrder(['a', 'u1!', 'b', 'u2!'], ['b'])).toEqual(['u1!', 'u2!', 'a']);
  });

  it('an urgent call with a free slot and nobody waiting starts at once', async () => {
    const slots = new Slots(2);
    const release = await slots.acquire(undefined, true);
    expect(slots.inFlight).toBe(1);
    release();
    expect(slots.inFlight).toBe(0);
  });
});
