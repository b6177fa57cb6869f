import { inferPrefix } from '../signature';
import { firstTooDeep, MAX_NESTING } from '../nesting';
import type { Demo, Field, Signature } from '../signature/types';
import { topologicalOrder } from '../program/graph';
import { getModuleType } from '../program/modules/registry';
import { namedPredictors } from '../program/state';
import type { ModuleNode, PredictorState, ProgramGraph, ProgramState } from '../program/types';
import { isModuleNode } from '../program/types';

/** The `lm` entry DSPy writes for a predictor with its own LM. Never an API key or base URL. */
export interface DspyLMState {
  model: string;
  temperature?: number;
  maxTokens?: number;
}

export interface DspyPredictorState {
  traces: unknown[];
  train: unknown[];
  demos: Demo[];
  signature: { instructions: string; fields: { prefix: string; description: string }[] };
  lm: Record<string, unknown> | null;
}

/** DSPy's load warns on a version mismatch and looks up exactly these keys: keep them. */
export const DEPENDENCY_VERSIONS = { python: '3.11', dspy: '3.3.1', cloudpickle: '3.1' } as const;

const fieldsOf = (s: Signature): Field[] => [...s.inputs, ...s.outputs];
const description = (f: Field) => f.desc ?? `\${${f.name}}`;

function lmState(lm: DspyLMState): Record<string, unknown> {
  return {
    _dspy_lm_class: 'dspy.clients.lm.LM',
    model: lm.model,
    model_type: 'chat',
    cache: true,
    num_retries: 3,
    temperature: lm.temperature ?? null,
    max_tokens: lm.maxTokens ?? null,
    finetuning_model: null,
    launch_kwargs: {},
    train_kwargs: {},
  };
}

/**
 * The program's state in the file layout of DSPy's `Module.save("x.json")`: predictors keyed by
 * their `named_predictors()` names, fields positional (inputs, then outputs), then metadata.
 * `lmFor` gives a predictor's own LM (a node's model override); without one `lm` is null.
 */
export function exportDspyJson(graph: ProgramGraph, state: ProgramState, lmFor?: (predictor: string) => DspyLMState | undefined): string {
  const file: Record<string, unknown> = {};
  const predictors = namedPredictors(graph);
  for (const node of orderedModules(graph)) {
    for (const { name, spec } of predictors.filter((p) => p.node.id === node.id)) {
      const s = state[name];
      if (!s) throw new Error(`no state for predictor '${name}'`);
      // A fine-tuned predictor carries its own model (BootstrapFinetune); DSPy keeps it in `lm`.
      const lm = s.model ? { model: s.model } : lmFor?.(name);
      const entry: DspyPredictorState = {
        traces: [],
        train: [],
        demos: s.demos,
        signature: {
          instructions: s.signature.instructions,
          fields: fieldsOf(s.signature).map((f) => ({ prefix: spec.prefixes?.[f.name] ?? `${inferPrefix(f.name)}:`, description: description(f) })),
        },
        lm: lm ? lmState(lm) : null,
      };
      file[name] = entry;
    }
    // Parameters that are not predictors (dspy.Retrieve's `{k}`) are saved by DSPy too.
    const parameter = getModuleType(node.type)?.dspyState?.(node);
    if (parameter) file[node.name] = parameter;
  }
  file.metadata = { dependency_versions: { ...DEPENDENCY_VERSIONS } };
  // orjson with OPT_INDENT_2 | OPT_APPEND_NEWLINE, as DSPy writes it.
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Module nodes in the order the exported Python assigns them (that of `namedPredictors`). */
function orderedModules(graph: ProgramGraph): ModuleNode[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const { order, cyclic } = topologicalOrder(graph);
  return [...order, ...cyclic].map((id) => byId.get(id)).filter((n): n is ModuleNode => !!n && isModuleNode(n));
}

export type ImportResult = { ok: true; state: ProgramState; warnings: string[] } | { ok: false; error: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const prefixBase = (p: string) => p.replace(/:.*$/s, '').trim().toLowerCase();

function readPredictor(name: string, entry: unknown, current: Signature, prefixes: Record<string, string> = {}): PredictorState | string {
  if (!isRecord(entry)) return `'${name}' is not an object`;
  const sig = entry.signature;
  if (!isRecord(sig) || typeof sig.instructions !== 'string' || !Array.isArray(sig.fields)) {
    return `'${name}'.signature needs a string 'instructions' and a 'fields' list`;
  }
  const fields = fieldsOf(current);
  if (sig.fields.length !== fields.length) {
    return `'${name}' has ${sig.fields.length} fields in the file but ${fields.length} in the program (${fields.map((f) => f.name).join(', ')})`;
  }
  const descs: (string | undefined)[] = [];
  for (const [i, saved] of sig.fields.entries()) {
    const field = fields[i] as Field;
    if (!isRecord(saved) || typeof saved.prefix !== 'string' || typeof saved.description !== 'string') {
      return `'${name}'.signature.fields[${i}] needs a string 'prefix' and 'description'`;
    }
    // DSPy zips fields by position; a prefix from another name means the signatures differ.
    if (!prefixBase(saved.prefix).startsWith(prefixBase(prefixes[field.name] ?? inferPrefix(field.name)))) {
      return `'${name}' field ${i + 1} is '${saved.prefix}' in the file but '${field.name}' in the program`;
    }
    descs.push(saved.description === `\${${field.name}}` ? undefined : saved.description);
  }
  const demos = entry.demos ?? [];
  if (!Array.isArray(demos) || !demos.every(isRecord)) return `'${name}'.demos must be a list of objects`;
  const withDesc = (list: Field[], offset: number) => list.map((f, i) => {
    const desc = descs[offset + i];
    const { desc: _old, ...rest } = f;
    return desc === undefined ? rest : { ...rest, desc };
  });
  const model = isRecord(entry.lm) && typeof entry.lm.model === 'string' ? entry.lm.model : undefined;
  return {
    signature: { instructions: sig.instructions, inputs: withDesc(current.inputs, 0), outputs: withDesc(current.outputs, current.inputs.length) },
    demos: demos as Demo[],
    ...(model ? { model } : {}),
  };
}

/**
 * Reads a DSPy state file (ours, or one DSPy wrote) onto a graph: all predictors or none. Extra
 * keys are ignored with a warning, as DSPy ignores them; a missing predictor or a field list that
 * does not match the program is an error naming it.
 */
export function importDspyJson(graph: ProgramGraph, text: string): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isRecord(parsed)) return { ok: false, error: 'a DSPy program file is a JSON object keyed by predictor name' };
  const deep = firstTooDeep(parsed);
  if (deep !== undefined) return { ok: false, error: `${deep.replace(/^[^.]+/, (p) => `'${p}'`)}: nested more than ${MAX_NESTING} levels deep` };
  const predictors = namedPredictors(graph);
  const known = new Set(predictors.map((p) => p.name));
  const available = Object.keys(parsed).filter((k) => k !== 'metadata');
  const state: ProgramState = {};
  for (const p of predictors) {
    if (!Object.hasOwn(parsed, p.name)) {
      return { ok: false, error: `the file has no entry for predictor '${p.name}' (it has: ${available.map((k) => `'${k}'`).join(', ') || 'none'})` };
    }
    const read = readPredictor(p.name, parsed[p.name], p.spec.signature, p.spec.prefixes);
    if (typeof read === 'string') return { ok: false, error: read };
    state[p.name] = read;
  }
  const warnings: string[] = [];
  for (const node of orderedModules(graph)) {
    const ours = getModuleType(node.type)?.dspyState?.(node);
    if (!ours) continue;
    known.add(node.name);
    const theirs = parsed[node.name];
    if (!isRecord(theirs)) {
      warnings.push(`the file has no state for '${node.name}'; it keeps ${JSON.stringify(ours)}`);
      continue;
    }
    for (const [key, value] of Object.entries(ours)) {
      if (key in theirs && JSON.stringify(theirs[key]) !== JSON.stringify(value)) {
        warnings.push(`'${node.name}'.${key} is ${JSON.stringify(theirs[key])} in the file; the node keeps ${JSON.stringify(value)} (change it in the inspector)`);
      }
    }
  }
  warnings.push(...available.filter((k) => !known.has(k)).map((k) => `ignored '${k}': the program has no predictor of that name`));
  if (!isRecord(parsed.metadata)) warnings.push('the file has no metadata.dependency_versions');
  return { ok: true, state, warnings };
}
