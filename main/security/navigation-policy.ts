/**
 * Origin checks for the kiosk's own pages. URLs are parsed, never compared by prefix: a
 * look-alike host, a user-info trick or another scheme is a different origin.
 */

/** Scheme and host of the kiosk UI in production (`kiosk://app/index.html`). */
export const APP_SCHEME = 'kiosk';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

interface ParsedOrigin {
  protocol: string;
  host: string;
}

function parseOrigin(url: string): ParsedOrigin | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // User info has no place in a kiosk URL and is the classic way to disguise a host.
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.host === '') return null;
  return { protocol: parsed.protocol, host: parsed.host };
}

/**
 * True when `url` has exactly the origin `origin` (scheme, host and port), e.g.
 * `isSameOrigin('kiosk://app/index.html', 'kiosk://app')`. Hosts are compared as parsed,
 * without case folding, so anything unusual fails closed.
 */
export function isSameOrigin(url: string, origin: string): boolean {
  return sameOriginAs(origin)(url);
}

/**
 * `isSameOrigin(url, origin)` for one fixed origin, parsed once: for checks that run on
 * every request (the IPC sender check).
 */
export function sameOriginAs(origin: string): (url: string) => boolean {
  const b = parseOrigin(origin);
  return (url) => {
    if (b === null) return false;
    const a = parseOrigin(url);
    return a !== null && a.protocol === b.protocol && a.host === b.host;
  };
}

/** The kiosk window may only navigate within the app's own origin (reload, fallback page). */
export function kioskNavigationAllowed(url: string, appOrigin: string): boolean {
  return isSameOrigin(url, appOrigin);
}

/**
 * The UI origin: the custom protocol, or in development the electron-vite dev server, which
 * must be a loopback http URL. Anything else falls back to the custom protocol.
 */
export function resolveAppOrigin(devServerUrl: string | undefined, packaged: boolean): string {
  if (packaged || !devServerUrl) return APP_ORIGIN;
  try {
    const u = new URL(devServerUrl);
    if (u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]')) {
      return u.origin;
    }
  } catch {
    // fall through
  }
  return APP_ORIGIN;
}
