import { describe, expect, it } from 'vitest';
import { cspContent, cspPlugin } from './vite-csp';

describe('the studio CSP', () => {
  it('allows scripts only from the app, any provider to connect, and frames only from the app', () => {
    const csp = cspContent();
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("connect-src 'self' https: http: ws: wss:");
    expect(csp).toContain("frame-src 'self'");
    expect(csp).toContain("object-src 'none'; base-uri 'none'; form-action 'none'");
  });

  it('applies to builds only, so the dev server keeps its inline refresh script', () => {
    expect(cspPlugin().apply).toBe('build');
  });
});
