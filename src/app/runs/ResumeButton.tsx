import { useState } from 'react';
import type { RunRecord } from '../../db';
import { useProviderStore } from '../providers/store';
import { runLabel } from './compare-data';
import { resumeKeyFor } from './run-liveness';
import { useRunLauncher } from './useRunLauncher';

/**
 * Resume for an interrupted run. The run was stored without its API key: the key comes from
 * the provider with the same base URL, or, when this tab has none, the user types it here.
 */
export function ResumeButton({ run }: { run: RunRecord }) {
  const { resume } = useRunLauncher();
  const saved = useProviderStore((s) => s.saved);
  const sessionKeys = useProviderStore((s) => s.sessionKeys);
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState('');
  const label = runLabel(run);
  const found = resumeKeyFor(run, saved, sessionKeys);
  if (!run.command) return <span className="hint">cannot resume (stored by an older version)</span>;

  if (asking) {
    return (
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (typed) resume(run, typed);
        }}
      >
        <input type="password" aria-label={`API key to resume ${label}`} autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
        <button type="submit" disabled={!typed}>
          Resume with key
        </button>
      </form>
    );
  }
  return (
    <button type="button" aria-label={`Resume ${label}`} onClick={() => (found.missing ? setAsking(true) : resume(run, found.key))}>
      Resume
    </button>
  );
}
