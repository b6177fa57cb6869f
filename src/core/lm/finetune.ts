/**
 * The provider's fine-tuning API through the openai SDK: upload a chat-format JSONL file
 * (purpose "fine-tune"), create a job, poll it with backoff until it ends, and return the
 * fine-tuned model id. This is DSPy's `lm.finetune()` for OpenAI-compatible providers; the
 * studio's BootstrapFinetune is its only caller.
 */
import OpenAI, { toFile } from 'openai';
import { abortableSleep } from './abort';
import { LMError } from './errors';
import { toLMError } from './openai-errors';
import type { ChatMessage } from './types';

/** One training example: the exact prompt a predictor sent and the reply to learn. */
export interface FineTuneRecord {
  messages: ChatMessage[];
}

export type FineTuneJobStatus = 'validating_files' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface FineTuneRequest {
  baseModel: string;
  records: FineTuneRecord[];
  /** Shown in the fine-tuned model's name (`ft:<base>:<org>:<suffix>:<id>`). */
  suffix?: string;
  seed?: number;
  signal?: AbortSignal;
  /** Called with every status the job reports (the optimizer logs them). */
  onStatus?: (status: FineTuneJobStatus, jobId: string) => void;
}

export interface FineTuneResult {
  model: string;
  jobId: string;
  fileId: string;
}

/** What an optimizer needs from the host: turn training records into a model id. */
export interface FineTuner {
  fineTune(request: FineTuneRequest): Promise<FineTuneResult>;
}

export interface PollPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  factor: number;
  /** Give up (and cancel the job) after this long. */
  timeoutMs: number;
}

export interface FineTunerOptions {
  baseURL: string;
  apiKey?: string;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  poll?: Partial<PollPolicy>;
  now?: () => number;
}

const DEFAULT_POLL: PollPolicy = { initialDelayMs: 2000, maxDelayMs: 60_000, factor: 2, timeoutMs: 24 * 3600_000 };
const NO_KEY = 'no-key';
const TERMINAL: ReadonlySet<string> = new Set(['succeeded', 'failed', 'cancelled']);

/** Chat-format JSONL, one `{"messages": [...]}` per line, as the fine-tuning API reads it. */
export function toJsonl(records: FineTuneRecord[]): string {
  return records.map((r) => JSON.stringify({ messages: r.messages.map((m) => ({ role: m.role, content: m.content })) })).join('\n') + '\n';
}

/** The delay before poll number `attempt` (0 = first): geometric, capped. */
export function pollDelay(attempt: number, policy: PollPolicy): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.factor ** attempt);
}

export function createFineTuner(options: FineTunerOptions): FineTuner {
  const { baseURL, apiKey } = options;
  if (!baseURL) throw new TypeError('createFineTuner: baseURL is required');
  const poll: PollPolicy = { ...DEFAULT_POLL, ...options.poll };
  const now = options.now ?? Date.now;
  const headers: Record<string, string | null> = { ...options.headers };
  if (!apiKey) headers['Authorization'] = null;
  const secrets = [apiKey, ...Object.values(options.headers ?? {})];
  const sdk = new OpenAI({
    baseURL,
    apiKey: apiKey || NO_KEY,
    organization: null,
    project: null,
    defaultHeaders: headers,
    maxRetries: 2,
    dangerouslyAllowBrowser: true,
    logLevel: 'off',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const fail = (error: unknown, what: string, signal?: AbortSignal) => toLMError(error, { what: `${what} at ${baseURL}`, signal, secrets, nowMs: now() });

  async function fineTune(request: FineTuneRequest): Promise<FineTuneResult> {
    const { signal } = request;
    if (request.records.length === 0) throw new LMError('fine-tuning needs at least one training example', { kind: 'unknown' });
    let fileId: string;
    try {
      const file = await sdk.files.create({ file: await toFile(new TextEncoder().encode(toJsonl(request.records)), 'train.jsonl', { type: 'application/jsonl' }), purpose: 'fine-tune' }, { signal });
      fileId = file.id;
    } catch (error) {
      throw fail(error, 'uploading the training file', signal);
    }
    let job;
    try {
      job = await sdk.fineTuning.jobs.create({ model: request.baseModel, training_file: fileId, suffix: request.suffix, seed: request.seed }, { signal });
    } catch (error) {
      throw fail(error, `creating a fine-tuning job for ${request.baseModel}`, signal);
    }
    request.onStatus?.(job.status, job.id);
    const started = now();
    for (let attempt = 0; !TERMINAL.has(job.status); attempt++) {
      try {
        await abortableSleep(pollDelay(attempt, poll), signal);
        if (now() - started > poll.timeoutMs) throw new LMError(`fine-tuning job ${job.id} did not finish within ${Math.round(poll.timeoutMs / 1000)} s`, { kind: 'timeout' });
        job = await sdk.fineTuning.jobs.retrieve(job.id, { signal });
      } catch (error) {
        // Nobody will read the result of an abandoned job: stop paying for it, best effort.
        sdk.fineTuning.jobs.cancel(job.id).catch(() => undefined);
        throw fail(error, `polling fine-tuning job ${job.id}`, signal);
      }
      request.onStatus?.(job.status, job.id);
    }
    if (job.status !== 'succeeded' || !job.fine_tuned_model) {
      const reason = job.error?.message ?? `the job ended as '${job.status}'`;
      throw new LMError(`fine-tuning job ${job.id} on ${request.baseModel} failed: ${reason}`, { kind: 'unknown' });
    }
    return { model: job.fine_tuned_model, jobId: job.id, fileId };
  }

  return { fineTune };
}
