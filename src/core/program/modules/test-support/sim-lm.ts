import { createSimFetch } from '../../../../sim';
import { createOpenAIClient } from '../../../lm/openai-client';
import type { LM, LMRequest } from '../../../lm/types';
import type { ModuleNode, ProgramGraph } from '../../types';

/** The in-page simulated LM through the real openai client, recording every request. */
export function simLM(): LM & { requests: LMRequest[] } {
  const client = createOpenAIClient({ baseURL: 'http://sim.local/v1', model: 'sim-1', fetch: createSimFetch({ latencyMs: 0 }) });
  const requests: LMRequest[] = [];
  return {
    model: client.model,
    requests,
    complete(request) {
      requests.push(request);
      return client.complete(request);
    },
  };
}

/** Input → one module → Output, every input and output field wired by name. */
export function oneModuleGraph(node: ModuleNode, outputs = node.signature.outputs): ProgramGraph {
  return {
    nodes: [
      { id: 'in', type: 'Input', fields: node.signature.inputs },
      node,
      { id: 'out', type: 'Output', fields: outputs },
    ],
    edges: [
      ...node.signature.inputs.map((f) => ({ id: `in-${f.name}`, source: 'in', sourceField: f.name, target: node.id, targetField: f.name })),
      ...outputs.map((f) => ({ id: `out-${f.name}`, source: node.id, sourceField: f.name, target: 'out', targetField: f.name })),
    ],
  };
}

/** The text of the last user message of a request. */
export const lastUser = (r: LMRequest) => String(r.messages.at(-1)?.content ?? '');
export const systemOf = (r: LMRequest) => String(r.messages[0]?.content ?? '');
