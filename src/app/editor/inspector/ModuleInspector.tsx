import { lazy, Suspense, useMemo, useState } from 'react';
import type { ModulePatch } from '../../../core/program/edits';
import { getModuleType } from '../../../core/program/modules/registry';
import { namedPredictors, programState } from '../../../core/program/state';
import type { ModuleConfig, ModuleNode, ProgramGraph, ProgramState } from '../../../core/program/types';
import { useProjectStore } from '../../state/project-store';
import { CommitInput } from './CommitInput';
import { ModuleSettings } from './ModuleSettings';
import { SignatureEditor } from './SignatureEditor';

// The dialog brings the LM client and the in-page simulator: loaded when first opened.
const RunWithInputDialog = lazy(() => import('./RunWithInputDialog').then((m) => ({ default: m.RunWithInputDialog })));
const PromptsDialog = lazy(() => import('../../layout/PromptsDialog').then((m) => ({ default: m.PromptsDialog })));

function withoutEmpty(config: ModuleConfig, patch: Partial<ModuleConfig>): ModuleConfig {
  const next: ModuleConfig = { ...config, ...patch };
  for (const key of Object.keys(patch)) if (next[key] === undefined) delete next[key];
  return next;
}

/** The graph's state for this module's predictors only (a ChainOfThought's `name.predict`, ReAct's two). */
function moduleState(graph: ProgramGraph, node: ModuleNode): ProgramState {
  const names = new Set(namedPredictors(graph).filter((p) => p.node.id === node.id).map((p) => p.name));
  return Object.fromEntries(Object.entries(programState(graph)).filter(([name]) => names.has(name)));
}

export function ModuleInspector({ node }: { node: ModuleNode }) {
  const applyEdit = useProjectStore((s) => s.applyEdit);
  const [running, setRunning] = useState(false);
  const [viewing, setViewing] = useState(false);
  const graph = useProjectStore((s) => s.graph);
  // Derived once per graph while the dialog is open, not on every render of the inspector.
  const viewed = useMemo(() => (viewing ? moduleState(graph, node) : undefined), [viewing, graph, node]);
  const [tempError, setTempError] = useState<string | null>(null);
  const type = getModuleType(node.type);
  // Retrieve and Code call no LM: no model, temperature or instructions mean anything there.
  const callsLM = (type?.predictors(node).length ?? 1) > 0;
  const update = (patch: ModulePatch) =>
    applyEdit({ type: 'updateModule', id: node.id, patch });
  const setTemperature = (text: string) => {
    if (text.trim() === '') return (setTempError(null), update({ config: withoutEmpty(node.config, { temperature: undefined }) }));
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0 || value > 2) return setTempError(`temperature '${text}' must be a number from 0 to 2`);
    setTempError(null);
    update({ config: withoutEmpty(node.config, { temperature: value }) });
  };
  return (
    <div className="inspector-body" aria-label={`Module ${node.name}`}>
      <p className="muted" title={type?.description}>{type ? `${type.label} · ${type.dspyClass}` : `Unknown module type '${node.type}'`}</p>
      <label>
        Module name
        <CommitInput value={node.name} spellCheck={false} onCommit={(name) => update({ name: name.trim() })} />
      </label>
      <SignatureEditor
        key={node.id}
        signature={node.signature}
        onChange={(signature) => update({ signature })}
        onRenameField={(side, from, to) => applyEdit({ type: 'renameField', id: node.id, side, from, to })}
        showInstructions={callsLM}
      />
      {type && <ModuleSettings node={node} type={type} onChange={(config) => update({ config })} />}
      {callsLM && (
        <fieldset>
          <legend>Configuration</legend>
          <label>
            Model override
            <CommitInput value={node.config.model ?? ''} placeholder="provider's task model" onCommit={(m) => update({ config: withoutEmpty(node.config, { model: m.trim() || undefined }) })} />
          </label>
          <label>
            Temperature
            <CommitInput value={node.config.temperature === undefined ? '' : String(node.config.temperature)} inputMode="decimal" placeholder="provider default" onCommit={setTemperature} />
          </label>
          {tempError && <p className="error" role="alert">{tempError}</p>}
        </fieldset>
      )}
      {callsLM && <p className="muted">{(node.demos ?? []).length} demos</p>}
      <div className="row">
        <button type="button" onClick={() => setRunning(true)}>Run with input…</button>
        {callsLM && (
          <button type="button" onClick={() => setViewing(true)}>
            View prompt
          </button>
        )}
      </div>
      {viewed && (
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <PromptsDialog title={`Prompt of ${node.name}, as the graph stands`} graph={graph} program={viewed} onClose={() => setViewing(false)} />
        </Suspense>
      )}
      {running && (
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <RunWithInputDialog node={node} onClose={() => setRunning(false)} />
        </Suspense>
      )}
    </div>
  );
}
