import type { BackendKind } from '../../domain/backend-kinds';
import { isLoopbackHost } from '../shared/loopback';
import { isSameOrigin } from './navigation-policy';

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
 * The re-enrollment window grants exactly one thing: video capture, asked by a frame whose
 * origin equals the re-enrollment URL's origin (parsed, exact). Microphone, screen or desktop
 * capture (a media request with no types), notifications, clipboard, geolocation, every other
 * permission and every other origin are denied.
 */
export function enrollmentPermissionAllowed(ask: PermissionAsk, enrollmentOrigin: string): boolean {
  if (ask.permission !== 'media') return false;
  if (!isSameOrigin(ask.requestingOrigin, enrollmentOrigin)) return false;
  if (ask.embeddingOrigin !== undefined && ask.embeddingOrigin !== '' && !isSameOrigin(ask.embeddingOrigin, enrollmentOrigin)) return false;
  if (ask.kind === 'check') return ask.mediaType === 'video';
  const types = ask.mediaTypes ?? [];
  return types.length > 0 && types.every((t) => t === 'video');
}

/**
 * Which re-enrollment URLs the kiosk will open: https in vendor mode; in sandbox mode, the
 * embedded service's plain-http loopback URL as well. Returns the origin, or null.
 */
export function acceptEnrollmentUrl(url: string, mode: BackendKind): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.username !== '' || u.password !== '') return null;
  if (u.protocol === 'https:') return u.origin;
  if (mode === 'sandbox' && u.protocol === 'http:' && isLoopbackHost(u.hostname)) return u.origin;
  return null;
}

/** The re-enrollment window may only navigate (main frame, frames, redirects) within its origin. */
export function enrollmentNavigationAllowed(url: string, enrollmentOrigin: string): boolean {
  return isSameOrigin(url, enrollmentOrigin);
}
