/**
 * The provider's fine-tuning API, simulated: `POST /v1/files` (multipart, purpose "fine-tune"),
 * `POST /v1/fine_tuning/jobs`, `GET /v1/fine_tuning/jobs/{id}` (queued -> running -> succeeded
 * over two polls) and `POST /v1/fine_tuning/jobs/{id}/cancel`. A fine-tuned model id
 * (`ft:sim-1:sim:<suffix>:<hash>`) is then served by chat completions as sim-1 that "knows" its
 * training examples: they are shown to it as demos, which is how the simulator learns anything.
 *
 * Unlike the chat routes this is stateful (files and jobs live in a store). Ids of files and
 * models are content hashes, so the same training data always gives the same model id, and a
 * program that names it replays identically from a cache.
 */
import { hashString } from '../hash';
import type { ChatCompletionBody, SimMessage } from '../types';
import { errorBody } from './errors';

/** Same shape as handler.ts's FineTuneReply; built here so the two files do not import each other. */
export interface FineTuneReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const jsonReply = (status: number, body: unknown): FineTuneReply => ({ status, headers: { ...JSON_HEADERS }, body: JSON.stringify(body) });
const errorReply = (status: number, message: string, type: string, code: string | null = null, param: string | null = null): FineTuneReply => ({
  status,
  headers: { ...JSON_HEADERS },
  body: errorBody(message, type, code, param),
});

/** OpenAI rejects a training file with fewer examples. */
export const MIN_TRAINING_EXAMPLES = 10;
/** Retrieves a job needs before it succeeds (the first one sees it running). */
const POLLS_TO_SUCCEED = 2;
const CREATED_AT = 1735689600;

interface SimFile {
  id: string;
  filename: string;
  purpose: string;
  content: string;
}

type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

interface SimJob {
  id: string;
  model: string;
  trainingFile: string;
  suffix: string | null;
  seed: number;
  status: JobStatus;
  polls: number;
  fineTunedModel: string | null;
  error: { code: string; message: string; param: string | null } | null;
  trainedTokens: number | null;
}

interface TrainedPair {
  system: string;
  user: string;
  assistant: string;
}

const files = new Map<string, SimFile>();
const jobs = new Map<string, SimJob>();
/** Fine-tuned model id -> what it was trained on. */
const models = new Map<string, TrainedPair[]>();
let jobCounter = 0;

const hex = (text: string) => hashString(text).toString(16).padStart(8, '0');

function text(message: SimMessage | undefined): string {
  const content = message?.content;
  if (typeof content === 'string') return content;
  return (content ?? []).map((p) => p.text ?? '').join('');
}

/** The multipart body the SDK sends; the boundary is read from the body's first line, since an in-page fetch gets no content-type with it. */
function parseMultipart(body: string): Map<string, { filename?: string; value: string }> {
  const parts = new Map<string, { filename?: string; value: string }>();
  const boundary = /^--([^\r\n]+)/.exec(body)?.[1];
  if (!boundary) return parts;
  for (const chunk of body.split(`--${boundary}`)) {
    const split = chunk.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = chunk.slice(0, split);
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (!name) continue;
    const filename = /filename="([^"]*)"/i.exec(head)?.[1];
    parts.set(name, { filename, value: chunk.slice(split + 4).replace(/\r\n$/, '') });
  }
  return parts;
}

function fileObject(file: SimFile) {
  return { id: file.id, object: 'file', bytes: file.content.length, created_at: CREATED_AT, filename: file.filename, purpose: file.purpose, status: 'processed' };
}

function jobObject(job: SimJob) {
  const done = job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled';
  return {
    id: job.id,
    object: 'fine_tuning.job',
    created_at: CREATED_AT,
    finished_at: done ? CREATED_AT + 60 : null,
    model: job.model,
    fine_tuned_model: job.fineTunedModel,
    organization_id: 'org-sim',
    result_files: [],
    status: job.status,
    validation_file: null,
    training_file: job.trainingFile,
    hyperparameters: { n_epochs: 3, batch_size: 1, learning_rate_multiplier: 1 },
    trained_tokens: job.trainedTokens,
    error: job.error,
    seed: job.seed,
    estimated_finish: null,
    integrations: [],
    metadata: null,
    method: { type: 'supervised' },
  };
}

/** Reads a chat-format JSONL training file, or names the first line that is not one. */
function readTrainingFile(content: string): { ok: true; pairs: TrainedPair[] } | { ok: false; message: string } {
  const lines = content.split('\n').filter((l) => l.trim() !== '');
  const pairs: TrainedPair[] = [];
  for (const [i, line] of lines.entries()) {
    let messages: SimMessage[] | undefined;
    try {
      messages = (JSON.parse(line) as { messages?: SimMessage[] }).messages;
    } catch {
      return { ok: false, message: `Line ${i + 1} of the training file is not valid JSON.` };
    }
    const last = messages?.[messages.length - 1];
    const user = messages?.[messages.length - 2];
    if (!Array.isArray(messages) || last?.role !== 'assistant' || user?.role !== 'user') {
      return { ok: false, message: `Line ${i + 1} of the training file must have "messages" ending with a user and an assistant message.` };
    }
    pairs.push({ system: messages[0]?.role === 'system' ? text(messages[0]) : '', user: text(user), assistant: text(last) });
  }
  if (pairs.length < MIN_TRAINING_EXAMPLES) {
    return { ok: false, message: `The training file has ${pairs.length} example(s); at least ${MIN_TRAINING_EXAMPLES} are required.` };
  }
  return { ok: true, pairs };
}

function uploadFile(body: string): FineTuneReply {
  const parts = parseMultipart(body);
  const file = parts.get('file');
  const purpose = parts.get('purpose')?.value ?? '';
  if (!file) return errorReply(400, "The upload needs a multipart 'file' part.", 'invalid_request_error', null, 'file');
  if (purpose !== 'fine-tune') return errorReply(400, `'purpose' must be 'fine-tune' (got '${purpose}').`, 'invalid_request_error', null, 'purpose');
  const stored: SimFile = { id: `file-sim-${hex(file.value)}`, filename: file.filename ?? 'upload.jsonl', purpose, content: file.value };
  files.set(stored.id, stored);
  return jsonReply(200, fileObject(stored));
}

function createJob(bodyText: string): FineTuneReply {
  let body: { model?: unknown; training_file?: unknown; suffix?: unknown; seed?: unknown };
  try {
    body = JSON.parse(bodyText) as typeof body;
  } catch {
    return errorReply(400, 'The request body is not valid JSON.', 'invalid_request_error');
  }
  if (typeof body.model !== 'string' || body.model === '') return errorReply(400, "'model' is required.", 'invalid_request_error', null, 'model');
  const file = typeof body.training_file === 'string' ? files.get(body.training_file) : undefined;
  if (!file) return errorReply(400, `No such training file: '${String(body.training_file)}'.`, 'invalid_request_error', null, 'training_file');
  const suffix = typeof body.suffix === 'string' && body.suffix !== '' ? body.suffix : null;
  const job: SimJob = {
    id: `ftjob-sim-${++jobCounter}`,
    model: body.model,
    trainingFile: file.id,
    suffix,
    seed: typeof body.seed === 'number' ? body.seed : 0,
    status: 'queued',
    polls: 0,
    fineTunedModel: null,
    error: null,
    trainedTokens: null,
  };
  jobs.set(job.id, job);
  return jsonReply(200, jobObject(job));
}

/** Each retrieve moves the job one step on: queued -> running -> succeeded (or failed on a bad file). */
function advance(job: SimJob): void {
  if (job.status !== 'queued' && job.status !== 'running') return;
  job.polls++;
  if (job.polls < POLLS_TO_SUCCEED) {
    job.status = 'running';
    return;
  }
  const content = files.get(job.trainingFile)?.content ?? '';
  const read = readTrainingFile(content);
  if (!read.ok) {
    job.status = 'failed';
    job.error = { code: 'invalid_training_file', message: read.message, param: 'training_file' };
    return;
  }
  const id = `ft:${job.model}:sim:${job.suffix ?? 'custom'}:${hex(`${job.model}\n${content}`)}`;
  models.set(id, read.pairs);
  job.status = 'succeeded';
  job.fineTunedModel = id;
  job.trainedTokens = Math.ceil(content.length / 4) * 3;
}

function jobRoute(method: string, route: string): FineTuneReply {
  const rest = route.slice('/v1/fine_tuning/jobs/'.length);
  const [rawId, action] = rest.split('/');
  const job = jobs.get(decodeURIComponent(rawId ?? ''));
  if (!job) return errorReply(404, `No fine-tuning job with id '${rawId ?? ''}'.`, 'invalid_request_error', 'fine_tune_not_found', 'fine_tuning_job_id');
  if (method === 'GET' && action === undefined) {
    advance(job);
    return jsonReply(200, jobObject(job));
  }
  if (method === 'POST' && action === 'cancel') {
    if (job.status === 'queued' || job.status === 'running') job.status = 'cancelled';
    return jsonReply(200, jobObject(job));
  }
  return errorReply(405, `${method} is not allowed on ${route}.`, 'invalid_request_error');
}

/** The fine-tuning routes, or null when the route is not one of them. */
export function handleFineTuning(method: string, route: string, bodyText: string): FineTuneReply | null {
  if (method === 'POST' && route === '/v1/files') return uploadFile(bodyText);
  if (method === 'POST' && route === '/v1/fine_tuning/jobs') return createJob(bodyText);
  if (route.startsWith('/v1/fine_tuning/jobs/')) return jobRoute(method, route);
  return null;
}

/**
 * A request to a fine-tuned model as sim-1 would see it after training: the trained pairs of the
 * same task (same system message) come first, as demos. Other bodies pass through unchanged.
 */
export function withFineTunedKnowledge(body: ChatCompletionBody): ChatCompletionBody {
  const pairs = typeof body?.model === 'string' ? models.get(body.model) : undefined;
  if (!pairs || !Array.isArray(body.messages)) return body;
  const [first, ...rest] = body.messages;
  if (first?.role !== 'system') return body;
  const system = text(first);
  const known = pairs.filter((p) => p.system === system).flatMap((p): SimMessage[] => [{ role: 'user', content: p.user }, { role: 'assistant', content: p.assistant }]);
  return { ...body, messages: [first, ...known, ...rest] };
}
