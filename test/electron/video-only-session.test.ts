import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { lockDownToVideo } from '../../main/electron/video-only-session';
import { captureLogger } from '../helpers/capture-logger';

// The camera window's session adapter, called the way Electron 45 calls its handlers: the
// fake's handler types are Electron's own (electron.d.ts of 45.x: PermissionRequest and
// MediaAccessPermissionRequest for requests, PermissionCheckHandlerHandlerDetails for checks),
// so a handler that reads the wrong argument fails here.

type RequestHandler = Exclude<Parameters<Session['setPermissionRequestHandler']>[0], null>;
type CheckHandler = Exclude<Parameters<Session['setPermissionCheckHandler']>[0], null>;
type RequestDetails = Parameters<RequestHandler>[3];
type CheckDetails = Parameters<CheckHandler>[3];

const ORIGIN = 'https://signzy.app';
const PAGE = `${ORIGIN}/deepfaceauth/api/v1/iframe/enroll/portal/a/b`;
const contents = {} as WebContents;

function lockedDown() {
  let request: RequestHandler | null = null;
  let check: CheckHandler | null = null;
  let device: (() => boolean) | null = null;
  let display: ((request: unknown, callback: (streams: unknown) => void) => void) | null = null;
  const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
  const fake = {
    setPermissionRequestHandler: (h: RequestHandler) => void (request = h),
    setPermissionCheckHandler: (h: CheckHandler) => void (check = h),
    setDevicePermissionHandler: (h: () => boolean) => void (device = h),
    setDisplayMediaRequestHandler: (h: (request: unknown, callback: (streams: unknown) => void) => void) => void (display = h),
    on: (event: string, listener: (event: { preventDefault(): void }) => void) => void listeners.set(event, listener),
  };
  const cap = captureLogger();
  lockDownToVideo(fake as unknown as Session, [ORIGIN, 'https://signzy.xyz'], cap.logger);
  const asked = (permission: Parameters<RequestHandler>[1], details: RequestDetails): boolean => {
    let answer: boolean | null = null;
    request!(contents, permission, (granted) => void (answer = granted), details);
    if (answer === null) throw new Error('the request handler did not answer');
    return answer;
  };
  const checked = (permission: Parameters<CheckHandler>[1], requestingOrigin: string, details: CheckDetails): boolean => check!(contents, permission, requestingOrigin, details);
  return { asked, checked, device: () => device!(), display: () => display!, listeners, cap };
}

describe('the camera window session (Electron 45 handler shapes)', () => {
  it('grants a video request from the page on the allowed origin, nothing else', () => {
    const s = lockedDown();
    expect(s.asked('media', { isMainFrame: true, requestingUrl: PAGE, securityOrigin: ORIGIN, mediaTypes: ['video'] })).toBe(true);
    expect(s.asked('media', { isMainFrame: true, requestingUrl: PAGE, securityOrigin: ORIGIN, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(s.asked('media', { isMainFrame: true, requestingUrl: PAGE, securityOrigin: ORIGIN, mediaTypes: [] })).toBe(false);
    expect(s.asked('notifications', { isMainFrame: true, requestingUrl: PAGE })).toBe(false);
    expect(s.asked('display-capture', { isMainFrame: true, requestingUrl: PAGE })).toBe(false);
    expect(s.cap.text()).toContain('camera window permission denied');
  });

  it("judges a request by the asking frame's own origin (securityOrigin), not the page's URL", () => {
    const s = lockedDown();
    // A frame of another origin inside the vendor's page.
    expect(s.asked('media', { isMainFrame: false, requestingUrl: PAGE, securityOrigin: 'https://evil.example', mediaTypes: ['video'] })).toBe(false);
    // Without securityOrigin, the requesting URL decides.
    expect(s.asked('media', { isMainFrame: true, requestingUrl: PAGE, mediaTypes: ['video'] })).toBe(true);
    expect(s.asked('media', { isMainFrame: true, requestingUrl: 'https://evil.example/x', mediaTypes: ['video'] })).toBe(false);
  });

  it("answers checks from the allowed origin for the camera (video, unknown, none), never the microphone or another origin", () => {
    const s = lockedDown();
    expect(s.checked('media', ORIGIN, { isMainFrame: true, requestingUrl: PAGE, embeddingOrigin: ORIGIN, mediaType: 'video' })).toBe(true);
    expect(s.checked('media', ORIGIN, { isMainFrame: true, requestingUrl: PAGE, embeddingOrigin: ORIGIN, mediaType: 'unknown' })).toBe(true);
    expect(s.checked('media', ORIGIN, { isMainFrame: true, requestingUrl: PAGE })).toBe(true);
    expect(s.checked('media', ORIGIN, { isMainFrame: true, requestingUrl: PAGE, mediaType: 'audio' })).toBe(false);
    expect(s.checked('media', 'https://evil.example', { isMainFrame: true, requestingUrl: 'https://evil.example/', mediaType: 'video' })).toBe(false);
    // The frame's own origin wins over the origin Electron passes for the page.
    expect(s.checked('media', ORIGIN, { isMainFrame: false, securityOrigin: 'https://evil.example', embeddingOrigin: ORIGIN, mediaType: 'video' })).toBe(false);
    // The right origin framed by another page.
    expect(s.checked('media', ORIGIN, { isMainFrame: false, securityOrigin: ORIGIN, embeddingOrigin: 'https://evil.example', mediaType: 'video' })).toBe(false);
    expect(s.checked('clipboard-read', ORIGIN, { isMainFrame: true, requestingUrl: PAGE })).toBe(false);
  });

  it('refuses devices, screen capture and downloads', () => {
    const s = lockedDown();
    expect(s.device()).toBe(false);
    let streams: unknown = 'unanswered';
    s.display()({}, (x) => void (streams = x));
    expect(streams).toBeNull();
    let prevented = false;
    s.listeners.get('will-download')!({ preventDefault: () => void (prevented = true) });
    expect(prevented).toBe(true);
  });
});
