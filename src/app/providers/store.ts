import { create } from 'zustand';
import { providers as providerRepo, settings } from '../../db';
import { DEMO_PROVIDER, DEMO_PROVIDER_ID, type ProviderRecord } from './presets';
import { storableRecord, toProviderSpec } from './spec';
import type { ProviderSpec } from '../../worker/protocol';

/** Frozen setting name: it lives in the user's database. */
const ACTIVE_PROVIDER = 'activeProviderId';

interface ProviderState {
  saved: ProviderRecord[];
  /** Keys the user chose not to remember: this tab's memory only, gone on reload. */
  sessionKeys: Record<string, string>;
  activeId: string;
  loaded: boolean;
  load(): Promise<void>;
  save(record: ProviderRecord, key: string | undefined): Promise<void>;
  update(id: string, patch: Partial<Pick<ProviderRecord, 'models' | 'taskModel' | 'promptModel'>>): Promise<void>;
  remove(id: string): Promise<void>;
  setActive(id: string): void;
}

/**
 * Provider settings. Kept apart from the project store: they belong to this device, not to a
 * project, and must never ride along in a project file or the undo history.
 */
export const useProviderStore = create<ProviderState>((set, get) => ({
  saved: [],
  sessionKeys: {},
  activeId: DEMO_PROVIDER_ID,
  loaded: false,
  async load() {
    const [saved, activeId] = await Promise.all([providerRepo.list(), settings.get<string>(ACTIVE_PROVIDER)]);
    const known = activeId !== undefined && (activeId === DEMO_PROVIDER_ID || saved.some((p) => p.id === activeId));
    set({ saved, loaded: true, activeId: known ? activeId : DEMO_PROVIDER_ID });
  },
  async save(record, key) {
    const stored = storableRecord(record, key);
    await providerRepo.put(stored);
    set((s) => ({
      saved: [...s.saved.filter((p) => p.id !== record.id), stored],
      sessionKeys: key && !record.remember ? { ...s.sessionKeys, [record.id]: key } : omit(s.sessionKeys, record.id),
      activeId: record.id,
    }));
    await settings.set(ACTIVE_PROVIDER, record.id);
  },
  async update(id, patch) {
    const current = get().saved.find((p) => p.id === id);
    if (id === DEMO_PROVIDER_ID || !current) return;
    const next = { ...current, ...patch };
    await providerRepo.put(next);
    set((s) => ({ saved: s.saved.map((p) => (p.id === id ? next : p)) }));
  },
  async remove(id) {
    await providerRepo.remove(id);
    set((s) => ({ saved: s.saved.filter((p) => p.id !== id), sessionKeys: omit(s.sessionKeys, id), activeId: s.activeId === id ? DEMO_PROVIDER_ID : s.activeId }));
  },
  setActive(id) {
    set({ activeId: id });
    // Only the choice is stored, never a key: a failed write just means Demo after a reload.
    settings.set(ACTIVE_PROVIDER, id).catch(() => undefined);
  },
}));

function omit(keys: Record<string, string>, id: string): Record<string, string> {
  const { [id]: _gone, ...rest } = keys;
  return rest;
}

/** Demo first, then the saved providers. */
export function allProviders(saved: ProviderRecord[]): ProviderRecord[] {
  return [DEMO_PROVIDER, ...saved];
}

export function providerById(state: Pick<ProviderState, 'saved'>, id: string): ProviderRecord {
  return allProviders(state.saved).find((p) => p.id === id) ?? DEMO_PROVIDER;
}

/** The active provider as the worker wants it (read at launch, not subscribed). */
export function activeProviderSpec(): ProviderSpec {
  const state = useProviderStore.getState();
  const record = providerById(state, state.activeId);
  return toProviderSpec(record, state.sessionKeys[record.id]);
}
