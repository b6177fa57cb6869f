#!/usr/bin/env node
// The `prompt-studio` command: the engine headless in Node. Sources are TypeScript, loaded
// through tsx so the CLI runs the very code the studio runs, with no separate build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
