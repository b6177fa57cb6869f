import type { ProgramState } from '../../core/program/types';
import type { Demo } from '../../core/signature/types';
import { diffCandidate, diffLines } from './candidate-diff';

function DemoList({ title, demos }: { title: string; demos: Demo[] }) {
  if (demos.length === 0) return null;
  return (
    <details>
      <summary>
        {title} ({demos.length})
      </summary>
      <ol>
        {demos.map((demo, i) => (
          <li key={i}>
            <pre>{Object.entries(demo).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('\n')}</pre>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** Instructions and demos per predictor, against the run's starting program. */
export function CandidateDiff({ baseline, candidate }: { baseline: ProgramState; candidate: ProgramState }) {
  return (
    <div className="candidate-diff" aria-label="Candidate changes" role="group">
      {diffCandidate(baseline, candidate).map((d) => (
        <section key={d.predictor} aria-label={`Predictor ${d.predictor}`}>
          <h4>{d.predictor}</h4>
          {d.instructionsChanged ? (
            <pre className="diff">
              {diffLines(d.before, d.after).map((line, i) => (
                <span key={i} className={`diff-${line.kind}`}>
                  {line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '- ' : '  '}
                  {line.text}
                  {'\n'}
                </span>
              ))}
            </pre>
          ) : (
            <p>Instructions unchanged.</p>
          )}
          <p>
            Demos: {d.added.length} added, {d.removed.length} removed, {d.kept} kept.
          </p>
          <DemoList title="Added demos" demos={d.added} />
          <DemoList title="Removed demos" demos={d.removed} />
        </section>
      ))}
    </div>
  );
}
