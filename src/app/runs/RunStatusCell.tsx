import type { RunRecord } from '../../db';
import type { RunLiveness } from '../../worker/resume';
import { ResumeButton } from './ResumeButton';

/**
 * A run's status as this tab sees it: its own run, another tab's (with the progress that tab
 * has stored, and a way to watch it), or an interrupted run with Resume.
 */
export function RunStatusCell({ run, liveness, onWatch }: { run: RunRecord; liveness: RunLiveness | undefined; onWatch: () => void }) {
  switch (liveness) {
    case 'elsewhere':
      return (
        <span className="row">
          <span>
            running in another tab · {run.usage.trials} trials · {run.usage.calls + run.usage.cachedCalls} calls
          </span>
          <button type="button" className="link" aria-label={`Watch run ${run.id}`} onClick={onWatch}>
            Watch
          </button>
        </span>
      );
    case 'interrupted':
      return (
        <span className="row">
          <span>interrupted · {run.usage.trials} trials kept</span>
          <ResumeButton run={run} />
        </span>
      );
    case 'here':
      return <span>running</span>;
    case 'ended':
    case undefined:
      return <span>{run.status}</span>;
    default: {
      const never: never = liveness;
      throw new Error(`unknown run liveness ${String(never)}`);
    }
  }
}
