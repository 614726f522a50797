import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KIOSK_CSP, KIOSK_CSP_META, KIOSK_RESPONSE_HEADERS } from '../../main/security/csp';
import { assertBuilt } from '../helpers/run-kioskctl';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe('kiosk CSP', () => {
  const d = directives(KIOSK_CSP);

  it('allows only the app itself by default', () => {
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
  });

  it('has no inline script, no eval, no wildcard anywhere', () => {
    expect(KIOSK_CSP).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|unsafe-hashes|\*|https?:|nonce-|sha256-/);
  });

  it.each(['object-src', 'frame-ancestors', 'base-uri', 'form-action', 'frame-src'])('sets %s to none', (name) => {
    expect(d.get(name)).toEqual(["'none'"]);
  });

  it('is sent with nosniff and a no-referrer policy', () => {
    expect(KIOSK_RESPONSE_HEADERS['content-security-policy']).toBe(KIOSK_CSP);
    expect(KIOSK_RESPONSE_HEADERS['x-content-type-options']).toBe('nosniff');
    expect(KIOSK_RESPONSE_HEADERS['referrer-policy']).toBe('no-referrer');
  });
});

describe('the CSP meta tag of the built pages', () => {
  it('is the header policy less what a meta tag cannot carry, in every page, before any script', () => {
    assertBuilt();
    expect(KIOSK_CSP_META).toBe(KIOSK_CSP.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; '));
    for (const page of ['index.html', 'fallback.html', 'camera-check.html', 'out-of-order.html', 'not-configured.html']) {
      const html = readFileSync(join(process.cwd(), 'out', 'renderer', page), 'utf8');
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
      // The build writes the quotes as HTML entities, which the browser reads back.
      expect(meta?.[1]?.replaceAll('&#39;', "'"), page).toBe(KIOSK_CSP_META);
      // Before any script of the page (a meta policy covers only what follows it).
      const script = html.indexOf('<script');
      if (script >= 0) expect(html.indexOf('Content-Security-Policy'), page).toBeLessThan(script);
    }
  });
});
