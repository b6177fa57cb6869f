import { z } from 'zod';
import { configFields, type ConfigField } from '../../runs/config-fields';

/** One ReAct tool as a node's `config.tools` holds it. */
export interface ToolConfig {
  name: string;
  description: string;
  /** A JSON Schema object for the tool's arguments. */
  parameters: Record<string, unknown>;
  code: string;
}

/**
 * One control of a module's settings form, read off the module type's `configSchema`. Most
 * settings are plain fields (the optimize dialog's kinds); a few keys get their own editor.
 */
export type ModuleSetting =
  | { kind: 'field'; field: ConfigField }
  | { kind: 'corpus'; key: string; help?: string }
  | { kind: 'code'; key: string; help?: string; optional: boolean }
  | { kind: 'tools'; key: string; help?: string }
  | { kind: 'reward'; key: string; help?: string };

/** BestOfN's and Refine's reward: reference-free code, or a metric comparing an output with an input. */
export type RewardConfig = { kind: 'code'; code: string } | { kind: 'metric'; metricId: string; field: string; reference: string };

/** Settings the inspector already edits on its own (model override, temperature), or never shows. */
const HANDLED_ELSEWHERE = new Set(['model', 'temperature', 'maxTokens', 'predictorStates']);
const CODE_KEYS = /^(code|reward_code|rewardCode|.*_code)$/;

interface JsonProp {
  type?: string | string[];
  description?: string;
  anyOf?: unknown[];
  oneOf?: unknown[];
  items?: { type?: string; properties?: Record<string, unknown> };
}

/** The form a module type's config schema asks for, in the schema's key order. */
export function moduleSettings(schema: z.ZodType): ModuleSetting[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, JsonProp> };
  const plain = new Map(configFields(schema).map((f) => [f.key, f]));
  const out: ModuleSetting[] = [];
  for (const [key, prop] of Object.entries(json.properties ?? {})) {
    if (HANDLED_ELSEWHERE.has(key)) continue;
    const field = plain.get(key);
    if (key === 'corpusId') out.push({ kind: 'corpus', key, help: prop.description });
    else if (key === 'tools' && (prop.type === 'array' || prop.items)) out.push({ kind: 'tools', key, help: prop.description });
    else if (key === 'reward' && (prop.anyOf || prop.oneOf)) out.push({ kind: 'reward', key, help: prop.description });
    else if (field?.kind === 'string' && CODE_KEYS.test(key)) out.push({ kind: 'code', key, help: field.help, optional: field.optional });
    else if (field) out.push({ kind: 'field', field });
  }
  return out;
}

/** The config with `key` set, or removed when `value` is undefined (so defaults apply again). */
export function withSetting<T extends Record<string, unknown>>(config: T, key: string, value: unknown): T {
  const next: Record<string, unknown> = { ...config };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next as T;
}

/** Problems per setting key (`tools.0.name` → `tools`), from the module type's own schema. */
export function settingErrors(schema: z.ZodType, config: Record<string, unknown>): Record<string, string> {
  const parsed = schema.safeParse(config);
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const [key, ...rest] = issue.path.map(String);
    const where = rest.length > 0 ? `${rest.join('.')}: ` : '';
    out[key ?? '(config)'] ??= `${where}${issue.message}`;
  }
  return out;
}

/** Reads a tool's parameters textarea: a JSON object (a JSON Schema), or a message saying why not. */
export function parseToolParameters(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, value: { type: 'object', properties: {} } };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `parameters are not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'parameters must be a JSON object (a JSON Schema such as {"type": "object", "properties": {…}})' };
  return { ok: true, value: value as Record<string, unknown> };
}

/** The tools a config holds, read leniently (a hand-edited file may hold odd values). */
export function toolsOf(config: Record<string, unknown>, key = 'tools'): ToolConfig[] {
  const raw = config[key];
  if (!Array.isArray(raw)) return [];
  return raw.map((t: unknown) => {
    const r = (typeof t === 'object' && t !== null ? t : {}) as Record<string, unknown>;
    const parameters = typeof r.parameters === 'object' && r.parameters !== null && !Array.isArray(r.parameters) ? (r.parameters as Record<string, unknown>) : { type: 'object', properties: {} };
    return { name: String(r.name ?? ''), description: String(r.description ?? ''), parameters, code: String(r.code ?? '') };
  });
}

/** A name for a new tool that no other tool has. */
export function newToolName(tools: readonly ToolConfig[]): string {
  const taken = new Set(tools.map((t) => t.name));
  for (let n = tools.length + 1; ; n++) if (!taken.has(`tool_${n}`)) return `tool_${n}`;
}

/** A new tool: a working example to edit, not an empty shell. */
export function newTool(tools: readonly ToolConfig[]): ToolConfig {
  return {
    name: newToolName(tools),
    description: 'Describe what the tool does and when to use it.',
    parameters: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
    code: 'return text.toUpperCase();',
  };
}

/** The reward a config holds, read leniently; a new module starts with a code reward to write. */
export function rewardOf(config: Record<string, unknown>, key = 'reward'): RewardConfig {
  const raw = (typeof config[key] === 'object' && config[key] !== null ? config[key] : {}) as Record<string, unknown>;
  if (raw.kind === 'metric') return { kind: 'metric', metricId: String(raw.metricId ?? ''), field: String(raw.field ?? ''), reference: String(raw.reference ?? '') };
  return { kind: 'code', code: typeof raw.code === 'string' ? raw.code : '' };
}

/** The reward after switching its kind: the other kind's fields start empty (or the first choices). */
export function switchRewardKind(kind: RewardConfig['kind'], defaults: { metricId?: string; field?: string; reference?: string }): RewardConfig {
  return kind === 'code' ? { kind: 'code', code: '' } : { kind: 'metric', metricId: defaults.metricId ?? '', field: defaults.field ?? '', reference: defaults.reference ?? '' };
}
