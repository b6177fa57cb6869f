import { readFile } from 'node:fs/promises';
import { UsageError } from './args';
import { evalCommand, evalHelp } from './commands/eval';
import { inspectCommand, inspectHelp } from './commands/inspect';
import { optimizeCommand, optimizeHelp } from './commands/optimize';
import { runCommand, runHelp } from './commands/run';
import { simCommand, simHelp } from './commands/sim';
import type { Io } from './io';
import { installNodeSha256 } from './node-sha256';

const COMMANDS: Record<string, { run: (argv: string[], io: Io) => Promise<number>; help: string }> = {
  sim: { run: simCommand, help: simHelp },
  inspect: { run: inspectCommand, help: inspectHelp },
  eval: { run: evalCommand, help: evalHelp },
  optimize: { run: optimizeCommand, help: optimizeHelp },
  run: { run: runCommand, help: runHelp },
};

export const usage = `Prompt Studio — the engine headless.

Usage:
${Object.values(COMMANDS).map((c) => c.help).join('\n\n')}
`;

export function nodeIo(): Io {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
    readFile: async (path) => {
      try {
        return new Uint8Array(await readFile(path));
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'ENOENT') throw new Error(`${path} does not exist`, { cause: error });
        if (code === 'EISDIR') throw new Error(`${path} is a folder, not a file`, { cause: error });
        throw error;
      }
    },
    stopSignal: () => {
      const controller = new AbortController();
      process.once('SIGINT', () => controller.abort());
      process.once('SIGTERM', () => controller.abort());
      return controller.signal;
    },
  };
}

/** Keys the user gave us: whatever else fails, an error message never repeats them. */
function secretsOf(argv: string[], io: Io): string[] {
  const secrets = [io.env.OPENAI_API_KEY];
  argv.forEach((arg, i) => {
    if (arg === '--api-key' || arg === '--require-key') secrets.push(argv[i + 1]);
    else if (arg.startsWith('--api-key=')) secrets.push(arg.slice('--api-key='.length));
  });
  return secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4);
}

function redact(text: string, secrets: string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
}

/** Runs one command; returns the exit code (0 ok, 1 failure, 2 usage). Never throws. */
export async function main(argv: string[], io: Io = nodeIo()): Promise<number> {
  installNodeSha256();
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(usage);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`prompt-studio: unknown command '${name}'. Commands: ${Object.keys(COMMANDS).join(', ')}.`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const message = redact(error instanceof Error ? error.message : String(error), secretsOf(rest, io));
    io.err(`prompt-studio ${name}: ${message}`);
    if (error instanceof UsageError) io.err(command.help);
    return error instanceof UsageError ? 2 : 1;
  }
}
