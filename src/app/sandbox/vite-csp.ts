import type { Plugin } from 'vite';

/**
 * The studio's Content-Security-Policy. Scripts only from the app's own origin; inline styles
 * because React Flow and uPlot position elements with them; any provider the user enters
 * (https, http — localhost and 127.0.0.1 included — and websockets); workers from the app or
 * blobs; frames only from the app (the code sandbox, public/sandbox/, which sets its own
 * stricter policy). No plugins, no <base>, no form posts.
 */
export const STUDIO_CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'connect-src': ["'self'", 'https:', 'http:', 'ws:', 'wss:'],
  'worker-src': ["'self'", 'blob:'],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'frame-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

export function cspContent(policy: Record<string, string[]> = STUDIO_CSP): string {
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

/**
 * Adds the policy as a meta tag to the built index.html. Build only: the dev server's React
 * refresh injects inline scripts, which this policy would block, and `npm start` must keep working.
 */
export function cspPlugin(policy: Record<string, string[]> = STUDIO_CSP): Plugin {
  return {
    name: 'prompt-studio-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: cspContent(policy) }, injectTo: 'head-prepend' }],
    },
  };
}
