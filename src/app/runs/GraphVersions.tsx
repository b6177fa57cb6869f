import { useLiveQuery } from 'dexie-react-hooks';
import { graphVersions, type GraphVersionRecord, type RunRecord } from '../../db';
import { useProjectStore } from '../state/project-store';

/** 1-based version numbers in pinning order, for labels people can say out loud. */
export function versionNumbers(versions: readonly Pick<GraphVersionRecord, 'id'>[]): Map<string, number> {
  return new Map(versions.map((v, i) => [v.id, i + 1]));
}

/**
 * The graphs the project's runs ran on, each pinned when a run started. Restore puts one back
 * on the canvas as a single undoable step (the project store's history records the change).
 */
export function GraphVersions({ projectId, runs, focus }: { projectId: string; runs: readonly RunRecord[]; focus?: string }) {
  const versions = useLiveQuery(() => graphVersions.list(projectId), [projectId]);
  if (!versions || versions.length === 0) return null;
  const restore = (version: GraphVersionRecord) => {
    // setState through the temporal middleware: one entry in undo history, like any edit.
    useProjectStore.setState({ graph: version.graph, notice: null });
  };
  return (
    <details className="graph-versions" open={focus !== undefined}>
      <summary>Graph versions ({versions.length})</summary>
      <ul aria-label="Graph versions">
        {versions.map((v, i) => {
          const used = runs.filter((r) => r.graphVersion === v.id);
          const modules = v.graph.nodes.filter((n) => n.type !== 'Input' && n.type !== 'Output').length;
          return (
            <li key={v.id} id={`graph-version-${v.id}`} className={focus === v.id ? 'selected' : undefined}>
              <strong>v{i + 1}</strong> · {new Date(v.createdAt).toLocaleString()} · {modules} module{modules === 1 ? '' : 's'} · {used.length} run{used.length === 1 ? '' : 's'}{' '}
              <button type="button" aria-label={`Restore graph version ${i + 1}`} onClick={() => restore(v)}>
                Restore
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
