import type { Trace } from '../../core/program/types';
import { CallView } from '../editor/inspector/CallView';
import { stepView, type StepView } from './trace-view';
import './trace-steps.css';

const ms = (elapsedMs?: number) => (elapsedMs === undefined ? '' : ` · ${Math.round(elapsedMs)} ms`);

function Pair({ label, text, error }: { label: string; text: string; error?: boolean }) {
  return (
    <div className={error ? 'trace-pair error' : 'trace-pair'}>
      <dt>{label}</dt>
      <dd>
        <pre>{text}</pre>
      </dd>
    </div>
  );
}

function StepBody({ view }: { view: StepView }) {
  switch (view.kind) {
    case 'lm':
      return (
        <>
          <dl>
            {view.fields.map((f) => (
              <Pair key={f.label} label={f.label} text={f.text} />
            ))}
            {view.error && <Pair label="Error" text={view.error} error />}
          </dl>
          {view.calls.map((call, i) => (
            <CallView key={i} call={call} index={i} />
          ))}
        </>
      );
    case 'tool':
      return (
        <dl>
          <Pair label="Tool" text={view.tool} />
          <Pair label="Args" text={view.args} />
          {view.observation !== undefined && <Pair label="Observation" text={view.observation} />}
          {view.error && <Pair label="Error" text={view.error} error />}
        </dl>
      );
    case 'code':
      return (
        <dl>
          <Pair label="Inputs" text={view.inputs} />
          {view.result !== undefined && <Pair label="Result" text={view.result} />}
          {view.error && <Pair label="Error" text={view.error} error />}
        </dl>
      );
    case 'retrieve':
      return (
        <>
          <dl>
            <Pair label="Query" text={view.query} />
          </dl>
          <ol className="passages" aria-label={`Passages retrieved by ${view.title}`}>
            {view.passages.map((p, i) => (
              <li key={p.id ?? i}>
                <pre>{p.text}</pre>
                {(p.id !== undefined || p.score !== undefined) && (
                  <small className="muted">
                    {p.id !== undefined ? `id ${p.id}` : ''}
                    {p.id !== undefined && p.score !== undefined ? ' · ' : ''}
                    {p.score !== undefined ? `score ${p.score.toFixed(2)}` : ''}
                  </small>
                )}
              </li>
            ))}
          </ol>
          {view.passages.length === 0 && <p className="muted">No passage matched the query.</p>}
        </>
      );
    default: {
      const never: never = view;
      throw new Error(`unknown step ${String(never)}`);
    }
  }
}

function heading(view: StepView, n: number): string {
  switch (view.kind) {
    case 'lm':
      return `Step ${n} · ${view.title}${view.error ? ' · failed' : ''}`;
    case 'tool':
      return `Step ${n} · ${view.title} · tool ${view.tool}${view.error ? ' · failed' : ''}${ms(view.elapsedMs)}`;
    case 'code':
      return `Step ${n} · ${view.title} · code${view.error ? ' · failed' : ''}${ms(view.elapsedMs)}`;
    case 'retrieve':
      return `Step ${n} · ${view.title} · retrieved ${view.passages.length} passage${view.passages.length === 1 ? '' : 's'}`;
    default: {
      const never: never = view;
      throw new Error(`unknown step ${String(never)}`);
    }
  }
}

/**
 * A trace step by step: each LM call with its outputs (a ReAct step's thought, tool and args),
 * each tool call with its observation, each code run with its result, each retrieval with its
 * query and passages. Everything is text, never HTML.
 */
export function TraceSteps({ trace, label = 'Trace' }: { trace: Trace; label?: string }) {
  if (trace.length === 0) return <p className="muted">No steps ran.</p>;
  return (
    <ol className="trace-steps" aria-label={label}>
      {trace.map((step, i) => {
        const view = stepView(step);
        return (
          <li key={i} className={`trace-step trace-${view.kind}`}>
            <h4>{heading(view, i + 1)}</h4>
            <StepBody view={view} />
          </li>
        );
      })}
    </ol>
  );
}
