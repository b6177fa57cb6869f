/**
 * The source of the worker thread that runs user code for the CLI (see code-runner.ts). It is a
 * string, evaluated with `new Worker(source, { eval: true })`, so it needs no build step and no
 * loader. Each request gets a fresh `node:vm` context: no `require`, `process`, `fetch`, `Buffer`
 * or module system; `eval` and `new Function` are off. Nothing from the host realm is handed to
 * the code: arguments arrive as JSON text and are parsed inside, and console/timers are
 * functions defined inside that close over host helpers the code cannot reach. (A `vm` context
 * alone is not a security boundary; the worker's time and memory limits, enforced by the host
 * terminating it, are what stop runaway code. This runner is for the CLI, run by the user on
 * their own project files.)
 */
export const WORKER_SOURCE = String.raw`
'use strict';
const { parentPort } = require('node:worker_threads');
const vm = require('node:vm');

const SETUP = String.raw${'`'}(function (hostTimer, hostClear, hostDone, maxLogs) {
  'use strict';
  const logs = [];
  const text = (v) => {
    if (typeof v === 'string') return v;
    try { const j = JSON.stringify(v); return j === undefined ? String(v) : j; } catch (e) { return String(v); }
  };
  const log = (...values) => { if (logs.length < maxLogs) logs.push(values.map(text).join(' ')); };
  const blocked = (what) => function () { throw new TypeError(what + ' is not allowed: sandboxed code has no network access'); };
  const define = (name, value) => Object.defineProperty(globalThis, name, { value, writable: false, configurable: false, enumerable: false });
  define('console', Object.freeze({ log, info: log, warn: log, error: log, debug: log }));
  define('setTimeout', (fn, ms, ...rest) => hostTimer(() => { try { fn(...rest); } catch (e) { log('uncaught in setTimeout: ' + text(e && e.message || e)); } }, Number(ms) || 0));
  define('clearTimeout', (id) => { hostClear(Number(id)); });
  define('fetch', blocked('fetch'));
  define('XMLHttpRequest', blocked('XMLHttpRequest'));
  define('WebSocket', blocked('WebSocket'));
  const describe = (e) => {
    try { return e instanceof Error ? (e.message || e.name) : String(e); } catch (_) { return 'a value that cannot be shown'; }
  };
  // Results leave only as strings, through hostDone: the host never awaits a promise of this
  // realm (its 'then' could be replaced by the code and handed the host's resolve functions).
  const finish = (ok, json, error) => hostDone(ok === true, typeof json === 'string' ? json : undefined, String(error === undefined ? '' : error), JSON.stringify(logs));
  return async function run(fn, argsJson) {
    try {
      const value = await fn(...JSON.parse(argsJson));
      if (value === undefined) return finish(true);
      let json;
      try { json = JSON.stringify(value); } catch (e) { return finish(false, undefined, 'its result is not JSON (' + describe(e) + ')'); }
      if (json === undefined) return finish(false, undefined, 'its result is not JSON (a ' + typeof value + ')');
      return finish(true, json);
    } catch (e) {
      return finish(false, undefined, describe(e));
    }
  };
})${'`'};

async function handle(msg) {
  const timers = new Map();
  let next = 1;
  const hostTimer = (cb, ms) => {
    const id = next++;
    timers.set(id, setTimeout(() => { timers.delete(id); try { cb(); } catch (_) { /* reported inside */ } }, Math.min(Math.max(ms, 0), msg.timeoutMs)));
    return id;
  };
  const hostClear = (id) => { const t = timers.get(id); if (t) { clearTimeout(t); timers.delete(id); } };
  let done;
  const finished = new Promise((resolve) => { done = resolve; });
  const hostDone = (ok, json, error, logsJson) => { done({ ok, json, error, logs: JSON.parse(logsJson) }); };
  const context = vm.createContext(Object.create(null), { codeGeneration: { strings: false, wasm: false } });
  try {
    const run = new vm.Script(SETUP).runInContext(context)(hostTimer, hostClear, hostDone, msg.maxLogs);
    let fn;
    try {
      fn = new vm.Script(msg.source, { filename: msg.label, lineOffset: -1 }).runInContext(context, { timeout: msg.timeoutMs });
    } catch (e) {
      return { ok: false, error: (e && e.name === 'SyntaxError' ? 'syntax error: ' : '') + String(e && e.message || e) };
    }
    run(fn, msg.argsJson);
    return await finished;
  } finally {
    for (const t of timers.values()) clearTimeout(t);
  }
}

parentPort.on('message', (msg) => {
  handle(msg).then(
    (result) => parentPort.postMessage({ id: msg.id, ...result }),
    (e) => parentPort.postMessage({ id: msg.id, ok: false, error: String(e && e.message || e) }),
  );
});
`;
