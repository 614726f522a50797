import { isSameOrigin } from './navigation-policy';

/** True when `url` is on one of `origins` exactly (scheme, host, port; parsed, never by prefix). */
function onAllowedOrigin(url: string, origins: readonly string[]): boolean {
  return origins.some((origin) => isSameOrigin(url, origin));
}

/** What Electron tells a permission handler, reduced to what the policy reads. */
export interface PermissionAsk {
  /** `request` (setPermissionRequestHandler) or `check` (setPermissionCheckHandler). */
  kind: 'request' | 'check';
  /** Electron's permission name, e.g. `media`, `notifications`, `display-capture`. */
  permission: string;
  /** Origin (or URL) of the frame that asks. */
  requestingOrigin: string;
  /** For `media` requests: the media types asked for (`video`, `audio`); empty for screen capture. */
  mediaTypes?: readonly string[];
  /** For `media` checks: the single media type checked. */
  mediaType?: string;
  /** For checks from a frame: the top-level origin embedding it; must be the same origin too. */
  embeddingOrigin?: string;
}

/**
 * The re-enrollment window grants exactly one thing: video capture, asked by a frame on one of
 * the allowed origins (parsed, exact) inside a page on one of them; a media check with no type
 * (or `unknown`) from such a frame is answered yes, since the page may only use the camera.
 * Microphone, screen or desktop capture (a media request with no types), notifications,
 * clipboard, geolocation, every other permission and every other origin are denied.
 */
export function enrollmentPermissionAllowed(ask: PermissionAsk, allowedOrigins: readonly string[]): boolean {
  if (ask.permission !== 'media') return false;
  if (!onAllowedOrigin(ask.requestingOrigin, allowedOrigins)) return false;
  if (ask.embeddingOrigin !== undefined && ask.embeddingOrigin !== '' && !onAllowedOrigin(ask.embeddingOrigin, allowedOrigins)) return false;
  // A check only asks whether the camera may be used (permissions.query, enumerateDevices): with
  // no type or `unknown` it says nothing about a microphone, so it is answered for the camera.
  // Requests (below) still grant video alone.
  if (ask.kind === 'check') return ask.mediaType === undefined || ask.mediaType === '' || ask.mediaType === 'unknown' || ask.mediaType === 'video';
  const types = ask.mediaTypes ?? [];
  return types.length > 0 && types.every((t) => t === 'video');
}

/**
 * Which re-enrollment URLs the kiosk will open: those on one of the allowed origins (exact:
 * scheme, host and port), with no user name or password. Returns the origin, or null: any
 * other link is untrusted text, never opened, shown or printed.
 */
export function acceptEnrollmentUrl(url: string, allowedOrigins: readonly string[]): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.username !== '' || u.password !== '') return null;
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  return allowedOrigins.includes(u.origin) ? u.origin : null;
}

/**
 * The re-enrollment window may navigate (main frame, frames, redirects) only within the
 * allowed origins: a vendor page that moves between its own hosts keeps working, anything
 * else is blocked. `about:blank` (an empty frame a page makes for itself) has no origin to
 * leave for and is allowed; every other scheme is not.
 */
export function enrollmentNavigationAllowed(url: string, allowedOrigins: readonly string[]): boolean {
  if (url === 'about:blank' || url === 'about:srcdoc') return true;
  return onAllowedOrigin(url, allowedOrigins);
}
