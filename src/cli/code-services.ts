import type { ProjectFile } from '../core/formats/project';
import type { ProgramServices } from '../core/program/services';
import type { ProgramGraph } from '../core/program/types';
import { listProjectCode, METRIC_CONFIG_SETTING } from '../core/sandbox/project-code';
import { UsageError } from './args';
import { createNodeCodeRunner } from './code-runner';
import type { Io } from './io';

export const codeFlagSpec = { 'metric-code': { type: 'string' } } as const;

export interface CodeSetup {
  services: ProgramServices;
  /** The metric's settings: the project's `metricConfig`, with `--metric-code`'s code when given. */
  metricConfig?: Record<string, unknown>;
  /** Stops the sandbox's worker thread, if one started. */
  close(): Promise<void>;
}

/**
 * The CLI's program services: a Node code sandbox when the graph or the metric carries code
 * (Code nodes, ReAct tools, code rewards, the custom metric), nothing otherwise. The user runs
 * their own files here, so code is enabled; it still runs isolated and time-limited.
 */
export async function codeSetup(flags: { 'metric-code'?: string }, io: Io, graph: ProgramGraph, project?: ProjectFile, metricId?: string): Promise<CodeSetup> {
  const fromProject = project?.settings[METRIC_CONFIG_SETTING];
  let metricConfig = typeof fromProject === 'object' && fromProject !== null && !Array.isArray(fromProject) ? { ...(fromProject as Record<string, unknown>) } : undefined;
  if (flags['metric-code'] !== undefined) {
    const path = flags['metric-code'];
    let code: string;
    try {
      code = new TextDecoder('utf-8', { fatal: true }).decode(await io.readFile(path));
    } catch (error) {
      throw new Error(`metric code ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    metricConfig = { ...metricConfig, code };
  }
  if (metricId === 'custom' && typeof metricConfig?.code !== 'string') {
    throw new UsageError('--metric custom needs its code: --metric-code FILE (the body of an async function of gold and pred), or a project whose settings hold metricConfig.code');
  }
  const needsCode = metricId === 'custom' || listProjectCode({ graph, settings: metricConfig ? { [METRIC_CONFIG_SETTING]: metricConfig } : {} }).length > 0;
  if (!needsCode) return { services: {}, ...(metricConfig ? { metricConfig } : {}), close: () => Promise.resolve() };
  const runner = createNodeCodeRunner();
  return { services: { code: runner }, ...(metricConfig ? { metricConfig } : {}), close: () => runner.close() };
}
