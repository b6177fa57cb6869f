#!/usr/bin/env node
// Finds the Chromium the end-to-end tests drive. Browsers are never downloaded by a test tool:
// we use Debian's package (or CHROMIUM_PATH). As root with apt-get, install it; otherwise say
// exactly what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function version(bin) {
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

if (existsSync(path)) {
  console.log(`e2e: using ${version(path) ?? 'Chromium'} at ${path}`);
  process.exit(0);
}

if (process.env.CHROMIUM_PATH) {
  console.error(`e2e: CHROMIUM_PATH is set to ${path}, but no file is there.`);
  process.exit(1);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log('e2e: /usr/bin/chromium is missing; installing Debian\'s chromium with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (existsSync(path)) {
    console.log(`e2e: installed ${version(path) ?? 'Chromium'}`);
    process.exit(0);
  }
}

console.error(
  [
    'e2e: no Chromium found at /usr/bin/chromium.',
    hasApt ? '  Install Debian\'s package:  sudo apt-get install chromium' : '  Install Chromium with your system\'s package manager,',
    '  or point CHROMIUM_PATH at a Chromium or Chrome binary:  CHROMIUM_PATH=/path/to/chromium npm test',
    '  (Playwright\'s own browser download is not used: `npx playwright install` is not needed.)',
  ].join('\n'),
);
process.exit(1);
