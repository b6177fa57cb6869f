import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { validateGraph } from '../../core/program/validate';
import { useProjectStore } from '../state/project-store';

/** Every validation problem; clicking one selects (and shows) the node it names. */
export function ProblemsList() {
  const graph = useProjectStore((s) => s.graph);
  const select = useProjectStore((s) => s.select);
  const problems = useMemo(() => validateGraph(graph), [graph]);
  const flow = useReactFlow();
  if (problems.length === 0) {
    return <p className="problems-ok" role="status">No problems: the program can run.</p>;
  }
  return (
    <section className="problems" aria-labelledby="problems-heading">
      <h3 id="problems-heading">Problems ({problems.length})</h3>
      <ul>
        {problems.map((p, i) => (
          <li key={`${i}-${p.message}`}>
            {p.nodeId ? (
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  select([p.nodeId as string]);
                  void flow.fitView({ nodes: [{ id: p.nodeId as string }], duration: 200, maxZoom: 1.2 });
                }}
              >
                {p.message}
              </button>
            ) : (
              <span>{p.message}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
