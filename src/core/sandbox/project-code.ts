import type { ProgramGraph } from '../program/types';
import { isModuleNode } from '../program/types';
import type { CodeRunner } from './types';

/** One piece of user code a project carries, named the way the user would find it. */
export interface ProjectCode {
  /** e.g. `custom metric`, `code node 'clean'`, `tool 'search' of react node 'agent'`. */
  label: string;
  code: string;
}

/** The project's setting that holds the chosen metric's config (the custom metric's `{ code }`). */
export const METRIC_CONFIG_SETTING = 'metricConfig';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/**
 * Every piece of code in a project, so an imported project can ask before running any of it:
 * the custom metric's code, each module's `config.code` (Code nodes), `config.tools[].code`
 * (ReAct tools) and `config.reward.code` (BestOfN/Refine rewards written as code).
 */
export function listProjectCode(project: { graph: ProgramGraph; settings: Record<string, unknown> }): ProjectCode[] {
  const found: ProjectCode[] = [];
  const metricCode = text(record(project.settings[METRIC_CONFIG_SETTING])?.code);
  if (metricCode) found.push({ label: 'custom metric', code: metricCode });
  for (const node of project.graph.nodes) {
    if (!isModuleNode(node)) continue;
    const where = `${node.type} node '${node.name}'`;
    const own = text(node.config.code);
    if (own) found.push({ label: `code of ${where}`, code: own });
    const tools = Array.isArray(node.config.tools) ? node.config.tools : [];
    tools.forEach((tool, i) => {
      const t = record(tool);
      const code = text(t?.code);
      const name = text(t?.name) ?? `#${i + 1}`;
      if (code) found.push({ label: `tool '${name}' of ${where}`, code });
    });
    const reward = record(node.config.reward);
    const rewardCode = reward?.kind === 'code' ? text(reward.code) : undefined;
    if (rewardCode) found.push({ label: `reward of ${where}`, code: rewardCode });
  }
  return found;
}

export const CODE_DISABLED_MESSAGE = 'code in this project is disabled: it came with an imported project and was not enabled';

/** A runner that refuses every request with a message saying why, for projects whose code is not enabled. */
export function disabledCodeRunner(reason = CODE_DISABLED_MESSAGE): CodeRunner {
  return {
    run: (request) => Promise.resolve({ ok: false, error: request.label ? `${reason} (${request.label} did not run)` : reason }),
  };
}
