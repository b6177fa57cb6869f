// The code sandbox's page script (see runner.html). It relays requests from the studio to a
// worker and results back; the user's code runs only in the worker, so an endless loop blocks
// that thread, never this page's, and the studio ends it by removing the iframe.
'use strict';
(function () {
  var WORKER_SOURCE = [
    "'use strict';",
    'const blocked = (what) => function () { throw new TypeError(what + " is not allowed: sandboxed code has no network access"); };',
    'for (const name of ["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "importScripts"]) {',
    '  Object.defineProperty(self, name, { value: blocked(name), writable: false, configurable: false });',
    '}',
    'const post = self.postMessage.bind(self);',
    'const text = (v) => { if (typeof v === "string") return v; try { const j = JSON.stringify(v); return j === undefined ? String(v) : j; } catch (e) { return String(v); } };',
    'const describe = (e) => { try { return e instanceof Error ? (e.message || e.name) : String(e); } catch (_) { return "a value that cannot be shown"; } };',
    'let logs = [];',
    'let maxLogs = 100;',
    'const log = (...values) => { if (logs.length < maxLogs) logs.push(values.map(text).join(" ")); };',
    'self.console = Object.freeze({ log, info: log, warn: log, error: log, debug: log });',
    'self.addEventListener("message", async (event) => {',
    '  const { id, source, argsJson } = event.data;',
    '  logs = []; maxLogs = event.data.maxLogs;',
    '  let fn;',
    '  try { fn = (0, eval)(source); } catch (e) { post({ id, ok: false, error: (e && e.name === "SyntaxError" ? "syntax error: " : "") + describe(e), logs }); return; }',
    '  try {',
    '    const value = await fn(...JSON.parse(argsJson));',
    '    if (value === undefined) { post({ id, ok: true, logs }); return; }',
    '    let json;',
    '    try { json = JSON.stringify(value); } catch (e) { post({ id, ok: false, error: "its result is not JSON (" + describe(e) + ")", logs }); return; }',
    '    if (json === undefined) { post({ id, ok: false, error: "its result is not JSON (a " + typeof value + ")", logs }); return; }',
    '    post({ id, ok: true, json, logs });',
    '  } catch (e) {',
    '    post({ id, ok: false, error: describe(e), logs });',
    '  }',
    '});',
  ].join('\n');

  var host = window.parent;
  var worker;
  try {
    worker = new Worker(URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' })));
  } catch (error) {
    host.postMessage({ type: 'broken', error: 'the code sandbox could not start its worker: ' + (error && error.message) }, '*');
    return;
  }
  worker.onmessage = function (event) {
    var reply = event.data;
    host.postMessage({ type: 'result', id: reply.id, ok: reply.ok, json: reply.json, error: reply.error, logs: reply.logs }, '*');
  };
  worker.onerror = function (event) {
    event.preventDefault();
    host.postMessage({ type: 'broken', error: 'the code sandbox failed: ' + (event.message || 'worker error') }, '*');
  };
  window.addEventListener('message', function (event) {
    if (event.source !== host) return;
    var m = event.data;
    if (!m || m.type !== 'run') return;
    worker.postMessage({ id: m.id, source: m.source, argsJson: m.argsJson, maxLogs: m.maxLogs });
  });
  host.postMessage({ type: 'ready' }, '*');
})();
