import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { graphFromSignature } from '../../core/program/build';
import { parseSignature } from '../../core/signature';
import { useProjectStore } from '../state/project-store';
import { startAutosave, type SavePatch } from './autosave';

const graph = () => graphFromSignature(parseSignature('question -> answer'));

describe('autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useProjectStore.getState().open({ id: 'p1', name: 'One', graph: graph(), settings: {} });
  });
  afterEach(() => vi.useRealTimers());

  it('saves once after edits settle, not on open or selection', async () => {
    const saves: [string, SavePatch][] = [];
    const statuses: string[] = [];
    const autosave = startAutosave(useProjectStore, async (id, patch) => { saves.push([id, patch]); }, { delayMs: 100, onStatus: (s) => statuses.push(s) });
    useProjectStore.getState().select(['m1']);
    useProjectStore.getState().applyEdit({ type: 'moveNodes', moves: [{ id: 'm1', position: { x: 5, y: 5 } }] });
    useProjectStore.getState().rename('Renamed');
    await vi.advanceTimersByTimeAsync(150);
    expect(saves).toHaveLength(1);
    expect(saves[0]?.[0]).toBe('p1');
    expect(saves[0]?.[1].name).toBe('Renamed');
    expect(statuses).toEqual(['pending', 'pending', 'saved']);
    useProjectStore.getState().open({ id: 'p2', name: 'Two', graph: graph(), settings: {} });
    await vi.advanceTimersByTimeAsync(150);
    expect(saves).toHaveLength(1);
    autosave.stop();
  });

  it('flush writes a pending change at once, and a failed save is retried by the next flush', async () => {
    let fail = true;
    const saves: string[] = [];
    const errors: unknown[] = [];
    const autosave = startAutosave(useProjectStore, async (_id, patch) => {
      if (fail) throw new Error('disk full');
      saves.push(patch.name);
    }, { delayMs: 10_000, onError: (e) => errors.push(e) });
    useProjectStore.getState().rename('Kept');
    await autosave.flush();
    expect(errors).toHaveLength(1);
    fail = false;
    await autosave.flush();
    expect(saves).toEqual(['Kept']);
    autosave.stop();
  });
});
