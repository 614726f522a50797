import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isSameOrigin, kioskNavigationAllowed, resolveAppOrigin } from '../../main/security/navigation-policy';

describe('kiosk navigation policy', () => {
  it.each([
    ['kiosk://app/index.html', true],
    ['kiosk://app/fallback.html', true],
    ['kiosk://app/', true],
    ['kiosk://app/index.html?x=1#top', true],
    // look-alike hosts
    ['kiosk://app.evil.example/index.html', false],
    ['kiosk://apps/index.html', false],
    ['kiosk://evilapp/index.html', false],
    ['kiosk://app:8080/index.html', false],
    ['kiosk://APP/index.html', false],
    ['kiosk://app%2eevil/index.html', false],
    // user-info tricks
    ['kiosk://app@evil.example/index.html', false],
    ['kiosk://evil.example@app/index.html', false],
    ['kiosk://app:pw@app/index.html', false],
    // other schemes
    ['http://app/index.html', false],
    ['https://app/index.html', false],
    ['https://example.com/', false],
    ['file:///etc/passwd', false],
    ['file://app/index.html', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['javascript:alert(1)', false],
    ['about:blank', false],
    ['blob:kiosk://app/0b4f', false],
    ['kiosk:app/index.html', false],
    ['kiosk:///index.html', false],
    ['', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(kioskNavigationAllowed(url, APP_ORIGIN)).toBe(allowed);
  });

  it('compares dev-server origins with their port', () => {
    expect(isSameOrigin('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true);
    expect(isSameOrigin('http://localhost:5174/index.html', 'http://localhost:5173')).toBe(false);
    expect(isSameOrigin('http://localhost.evil:5173/', 'http://localhost:5173')).toBe(false);
  });

  it('uses a dev server only when unpackaged and on loopback http', () => {
    expect(resolveAppOrigin('http://localhost:5173/', false)).toBe('http://localhost:5173');
    expect(resolveAppOrigin('http://127.0.0.1:5173', false)).toBe('http://127.0.0.1:5173');
    expect(resolveAppOrigin('http://localhost:5173/', true)).toBe(APP_ORIGIN);
    expect(resolveAppOrigin('https://example.com', false)).toBe(APP_ORIGIN);
    expect(resolveAppOrigin('http://192.168.1.5:5173', false)).toBe(APP_ORIGIN);
    expect(resolveAppOrigin('garbage', false)).toBe(APP_ORIGIN);
    expect(resolveAppOrigin(undefined, false)).toBe(APP_ORIGIN);
  });
});
