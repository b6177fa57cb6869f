import { useState } from 'react';
import type { ReplayResult } from '../../worker/protocol';
import { TraceSteps } from './TraceSteps';

export type ReplayExample = (exampleId: string) => Promise<ReplayResult>;

/**
 * The exact messages and raw replies of one example. Trials keep scores only, so the example is
 * run again through the LM cache: while the run's calls are cached this costs nothing and shows
 * exactly what was sent and received; otherwise it says it made new calls.
 */
export function ExampleReplay({ exampleId, replay }: { exampleId: string; replay: ReplayExample }) {
  const [state, setState] = useState<{ status: 'idle' } | { status: 'loading' } | { status: 'done'; result: ReplayResult } | { status: 'error'; message: string }>({ status: 'idle' });
  const load = () => {
    setState({ status: 'loading' });
    replay(exampleId).then(
      (result) => setState({ status: 'done', result }),
      (error: unknown) => setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  };
  if (state.status === 'idle') {
    return (
      <button type="button" className="link" onClick={load}>
        Show messages for {exampleId}
      </button>
    );
  }
  if (state.status === 'loading') return <p role="status">Loading the messages of {exampleId}…</p>;
  if (state.status === 'error') return <p className="error">Could not replay {exampleId}: {state.message}</p>;
  const { prediction, calls, cachedCalls } = state.result;
  return (
    <section className="example-replay" aria-label={`Messages for ${exampleId}`}>
      <p className="hint">
        {cachedCalls === calls ? `From the LM cache: the exact ${calls} call(s) of this run, at no cost.` : `${calls - cachedCalls} of ${calls} call(s) were no longer cached and ran again, so they may differ from the run's.`}
      </p>
      <TraceSteps trace={prediction.trace} label={`Steps for ${exampleId}`} />
    </section>
  );
}
