import { describe, expect, it } from 'vitest';
import { withWorkerProgress, workerProgress } from './progress';

describe('worker progress', () => {
  it('passes progress on until the call settles, and drops what arrives after', async () => {
    const seen: number[] = [];
    let late: ((fraction: number) => void) | undefined;
    const result = await withWorkerProgress(
      (f) => seen.push(f),
      async (callback) => {
        callback(0.5);
        late = callback;
        return 'done';
      },
    );
    late?.(1); // the worker's last progress message, delivered after its result
    expect(result).toBe('done');
    expect(seen).toEqual([0.5]);
  });

  it('goes quiet when the call fails too', async () => {
    const seen: number[] = [];
    const progress = workerProgress((f) => seen.push(f));
    await expect(
      withWorkerProgress(
        (f) => seen.push(f),
        async () => {
          throw new Error('worker died');
        },
      ),
    ).rejects.toThrow('worker died');
    progress.callback(0.2);
    progress.settle();
    progress.callback(0.9);
    expect(seen).toEqual([0.2]);
  });
});
