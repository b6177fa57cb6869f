/**
 * The simulated OpenAI-compatible LM: a deterministic simulator, not a model. Pure: runs in the
 * browser (the offline Demo provider) and in Node. The HTTP server is a separate, Node-only
 * import: `src/sim/server`.
 */
export { simulateChat, requestHash, SimRequestError } from './model';
export { createSimFetch } from './fetch';
export type { SimFetchOptions } from './fetch';
export { createSimService } from './service';
export type { SimOptions, SimStats, SimService, SimHttpRequest } from './service';
export { handleRequest } from './http/handler';
export type { SimHttpReply } from './http/handler';
export { embedText } from './http/embeddings';
export { parsePrompt } from './parse/prompt';
export { generateArithmetic } from './tasks/arithmetic';
export type { ArithmeticRow } from './tasks/arithmetic';
export { generateClassification } from './tasks/classify';
export type { ClassificationRow } from './tasks/classify';
export { SUPPORT_LABELS } from './tasks/support';
export { generateMultihopWorld, multihopRows } from './tasks/multihop';
export type { MultihopPassage, MultihopRow, MultihopWorld } from './tasks/multihop';
export type { SupportLabel } from './tasks/support';
export type { ChatCompletionBody, ChatCompletionResult, ParsedPrompt, SimField, SimMessage } from './types';
