import { startSimServer } from '../../sim/server';
import { numberFlag, parseFlags } from '../args';
import { untilAborted, type Io } from '../io';

export const simHelp = `prompt-studio sim [--port 8788] [--host 127.0.0.1] [--latency-ms 0] [--jitter-ms 0]
    [--rate-429 0] [--retry-after-seconds 1] [--rate-5xx 0] [--rate-malformed 0] [--fault-seed 0] [--require-key KEY]
  Starts the simulated OpenAI-compatible LM (a simulator for trying and testing, not a model).
  Faults can be changed while it runs: POST /faults {"rate5xx": 0.2, "rate429": 0.1}; GET /faults shows them.`;

export async function simCommand(argv: string[], io: Io): Promise<number> {
  const flags = parseFlags(argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    'latency-ms': { type: 'string' },
    'jitter-ms': { type: 'string' },
    'rate-429': { type: 'string' },
    'retry-after-seconds': { type: 'string' },
    'rate-5xx': { type: 'string' },
    'rate-malformed': { type: 'string' },
    'fault-seed': { type: 'string' },
    'require-key': { type: 'string' },
  });
  const rate = (name: string) => numberFlag(flags[name as keyof typeof flags] as string | undefined, name, { min: 0, max: 1 });
  const server = await startSimServer({
    port: numberFlag(flags.port, 'port', { min: 0, max: 65535, integer: true }) ?? 8788,
    host: flags.host ?? '127.0.0.1',
    latencyMs: numberFlag(flags['latency-ms'], 'latency-ms', { min: 0 }),
    jitterMs: numberFlag(flags['jitter-ms'], 'jitter-ms', { min: 0 }),
    rate429: rate('rate-429'),
    retryAfterSeconds: numberFlag(flags['retry-after-seconds'], 'retry-after-seconds', { min: 0 }),
    rate5xx: rate('rate-5xx'),
    rateMalformed: rate('rate-malformed'),
    faultSeed: numberFlag(flags['fault-seed'], 'fault-seed', { integer: true }),
    requireKey: flags['require-key'],
  });
  io.err(`Simulated LM listening at ${server.url} — a simulator for trying and testing, not a model. Ctrl+C stops it.`);
  await untilAborted(io.stopSignal());
  await server.close();
  return 0;
}
