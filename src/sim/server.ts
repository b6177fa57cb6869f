/**
 * The simulated OpenAI-compatible LM over real HTTP (Node only). A simulator, not a model: see
 * model.ts. All routing, faults and stats live in the pure service; this file only moves bytes
 * between Node's http module and it, and turns a client disconnect into an abort.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseFaultSettings, type FaultSettings } from './http/faults';
import { corsHeaders, createSimService } from './service';
import type { SimOptions, SimService, SimStats } from './service';

export type { SimOptions, SimStats } from './service';

export interface SimServerOptions extends SimOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
}

export interface SimServer {
  /** e.g. http://127.0.0.1:PORT/v1 — what an OpenAI client takes as its base URL. */
  url: string;
  port: number;
  stats(): SimStats;
  resetStats(): void;
  setOptions(partial: Partial<SimOptions>): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function headerRecord(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** The fault settings in effect; what `GET /faults` shows and `POST /faults` changes. */
function faultSettings(options: SimOptions): FaultSettings {
  const { rate429 = 0, rate5xx = 0, rateMalformed = 0, retryAfterSeconds = 1, faultSeed = 0, latencyMs = 0, jitterMs = 0 } = options;
  return { rate429, rate5xx, rateMalformed, retryAfterSeconds, faultSeed, latencyMs, jitterMs };
}

/** The admin route of the HTTP sim: tests turn faults on and off while a run is going. */
async function faultsRoute(req: IncomingMessage, res: ServerResponse, options: { current: SimOptions }, service: SimService): Promise<void> {
  const headers = { 'content-type': 'application/json', ...corsHeaders(headerRecord(req)) };
  if (req.method === 'POST') {
    const parsed = parseFaultSettings((await readBody(req)) ?? '', faultSettings(options.current));
    if (!parsed.ok) {
      res.writeHead(400, headers);
      res.end(JSON.stringify({ error: { message: parsed.error, type: 'invalid_request_error', param: null, code: null } }));
      return;
    }
    options.current = { ...options.current, ...parsed.settings };
    service.setOptions(parsed.settings);
  }
  res.writeHead(200, headers);
  res.end(JSON.stringify(faultSettings(options.current)));
}

async function respond(service: SimService, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const receivedAt = performance.now();
  const controller = new AbortController();
  // 'close' before the response finished means the client went away: stop the simulated work.
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const body = await readBody(req);
  if (body === null) {
    res.writeHead(413, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: `Request body larger than ${MAX_BODY_BYTES} bytes.`, type: 'invalid_request_error', param: null, code: null } }));
    return;
  }
  try {
    const reply = await service.handle({ method: req.method ?? 'GET', path: req.url ?? '/', headers: headerRecord(req), body, receivedAt }, controller.signal);
    res.writeHead(reply.status, reply.headers);
    if ('chunks' in reply) {
      for (const chunk of reply.chunks) res.write(chunk);
      res.end();
    } else res.end(reply.body);
  } catch (error) {
    if ((error as Error).name === 'AbortError') {
      res.destroy();
      return;
    }
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: `Simulator failure: ${(error as Error).message}`, type: 'server_error', param: null, code: null } }));
  }
}

export async function startSimServer(options: SimServerOptions = {}): Promise<SimServer> {
  const { port = 0, host = '127.0.0.1', ...simOptions } = options;
  const service = createSimService(simOptions);
  const live = { current: { ...simOptions } as SimOptions };
  const server = createServer((req, res) => {
    const isFaults = (req.url ?? '').split('?')[0]?.replace(/\/+$/, '') === '/faults' && (req.method === 'GET' || req.method === 'POST');
    void (isFaults ? faultsRoute(req, res, live, service) : respond(service, req, res));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${bound}/v1`,
    port: bound,
    stats: () => service.stats(),
    resetStats: () => service.resetStats(),
    setOptions: (partial) => {
      live.current = { ...live.current, ...partial };
      service.setOptions(partial);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}
