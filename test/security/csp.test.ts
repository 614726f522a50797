import { describe, expect, it } from 'vitest';
import { KIOSK_CSP, KIOSK_RESPONSE_HEADERS } from '../../main/security/csp';

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
