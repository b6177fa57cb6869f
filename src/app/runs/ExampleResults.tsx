import type { ExampleScore } from '../../core/optimize/events';
import { ExampleReplay, type ReplayExample } from './ExampleReplay';

const SHOWN = 200;

/** How a program did on each example; failures show their reason. */
export function ExampleResults({ examples, replay }: { examples: readonly ExampleScore[]; replay?: ReplayExample }) {
  return (
    <>
      <table aria-label="Per-example results" className="example-results">
        <thead>
          <tr>
            <th>Example</th>
            <th>Score</th>
            <th>Feedback</th>
            {replay && <th>Messages</th>}
          </tr>
        </thead>
        <tbody>
          {examples.slice(0, SHOWN).map((e) => (
            <tr key={e.exampleId} className={e.error ? 'error' : undefined}>
              <td>{e.exampleId}</td>
              <td>{e.score.toFixed(2)}</td>
              <td>{e.error ?? e.feedback ?? ''}</td>
              {replay && (
                <td>
                  <ExampleReplay exampleId={e.exampleId} replay={replay} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {examples.length > SHOWN && <p>Showing the first {SHOWN} of {examples.length} examples.</p>}
    </>
  );
}
