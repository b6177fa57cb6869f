import { create } from 'zustand';
import { listProjectCode } from '../../core/sandbox/project-code';
import type { ProjectFile } from '../../core/formats/project';
import { settings } from '../../db';

/**
 * Whether the open project's code may run. Code that arrives in an imported project file waits
 * for the user's yes: 'pending' until they choose, then 'enabled' or 'disabled'. Projects made
 * here are 'enabled' (the user wrote their code). The choice lives in the settings table, keyed
 * by project id, never in the project record or its exported file: an export re-imported
 * elsewhere asks again. 'checking' is the moment before the stored choice is read.
 */
export type CodeTrust = 'enabled' | 'pending' | 'disabled' | 'checking';

/** Frozen name prefix: it lives in the user's database. */
const TRUST_SETTING = 'codeTrust:';

interface CodeTrustState {
  projectId: string | null;
  status: CodeTrust;
  /** The dialog is open again at the user's request (a decided project's "Review code…"). */
  reviewing: boolean;
  load(projectId: string | null): Promise<void>;
  decide(status: 'enabled' | 'disabled'): Promise<void>;
  review(open: boolean): void;
}

export const useCodeTrust = create<CodeTrustState>()((set, get) => ({
  projectId: null,
  status: 'enabled',
  reviewing: false,
  async load(projectId) {
    if (!projectId) return set({ projectId: null, status: 'enabled', reviewing: false });
    set({ projectId, status: 'checking', reviewing: false });
    let stored: string | undefined;
    try {
      stored = await settings.get<string>(TRUST_SETTING + projectId);
    } catch {
      stored = 'pending'; // Could not read the choice: ask rather than run.
    }
    if (get().projectId !== projectId) return;
    set({ status: stored === 'pending' || stored === 'disabled' ? stored : 'enabled' });
  },
  async decide(status) {
    const { projectId } = get();
    if (!projectId) return;
    set({ status, reviewing: false });
    await settings.set(TRUST_SETTING + projectId, status);
  },
  review: (open) => set({ reviewing: open }),
}));

/** Called when a project file is imported: code in it waits for the user's yes before it runs. */
export async function markImportedCode(projectId: string, file: Pick<ProjectFile, 'graph' | 'settings'>): Promise<void> {
  if (listProjectCode(file).length === 0) return;
  await settings.set(TRUST_SETTING + projectId, 'pending');
}

/** A copy of a project keeps the original's answer: duplicating must not enable code nobody enabled. */
export async function copyCodeTrust(fromId: string, toId: string): Promise<void> {
  const stored = await settings.get<string>(TRUST_SETTING + fromId);
  if (stored !== undefined) await settings.set(TRUST_SETTING + toId, stored);
}
