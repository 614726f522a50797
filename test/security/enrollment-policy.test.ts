import { describe, expect, it } from 'vitest';
import { acceptEnrollmentUrl, enrollmentNavigationAllowed, enrollmentPermissionAllowed, type PermissionAsk } from '../../main/security/enrollment-policy';

const ORIGIN = 'https://signzy.app';
const OTHER = ['https://evil.example', 'https://signzy.app.evil.example', 'http://signzy.app', 'https://signzy.app:8443', 'https://user@signzy.app', 'file:///x', 'data:text/html,x', ''];

describe('re-enrollment permission policy', () => {
  const request = (permission: string, mediaTypes: string[] = [], requestingOrigin = ORIGIN): PermissionAsk => ({ kind: 'request', permission, mediaTypes, requestingOrigin });
  const check = (permission: string, mediaType?: string, requestingOrigin = ORIGIN): PermissionAsk => ({ kind: 'check', permission, requestingOrigin, ...(mediaType ? { mediaType } : {}) });

  it('grants video capture to the re-enrollment origin, asked or checked', () => {
    expect(enrollmentPermissionAllowed(request('media', ['video']), [ORIGIN])).toBe(true);
    expect(enrollmentPermissionAllowed(request('media', ['video'], 'https://signzy.app/deepfaceauth/api/v1/iframe/enroll/portal/a/b'), [ORIGIN])).toBe(true);
    expect(enrollmentPermissionAllowed(check('media', 'video'), [ORIGIN])).toBe(true);
  });

  it.each([
    ['microphone only', request('media', ['audio'])],
    ['camera with microphone', request('media', ['video', 'audio'])],
    ['screen or desktop capture (no media types)', request('media', [])],
    ['a microphone check', check('media', 'audio')],
    ['a media check without a type from another origin', check('media', undefined, 'https://evil.example')],
    ['display capture', request('display-capture')],
    ['notifications', request('notifications')],
    ['clipboard read', request('clipboard-read')],
    ['clipboard write', check('clipboard-sanitized-write')],
    ['geolocation', request('geolocation')],
    ['HID', check('hid')],
    ['serial', check('serial')],
    ['USB', check('usb')],
    ['fullscreen', request('fullscreen')],
    ['open external', request('openExternal')],
    ['pointer lock', request('pointerLock')],
    ['MIDI', request('midiSysex')],
  ])('denies %s', (_name, ask) => {
    expect(enrollmentPermissionAllowed(ask, [ORIGIN])).toBe(false);
  });

  // This test used to deny a media check without a type. Chromium asks such checks for
  // permissions.query({name: 'camera'}) and enumerateDevices(); denying them hid the camera
  // from a capture page on an allowed origin. Requests still grant video alone.
  it.each([undefined, 'unknown'])('answers a media check with type %j from the re-enrollment origin', (mediaType) => {
    expect(enrollmentPermissionAllowed({ kind: 'check', permission: 'media', requestingOrigin: ORIGIN, ...(mediaType ? { mediaType } : {}) }, [ORIGIN])).toBe(true);
    expect(enrollmentPermissionAllowed({ kind: 'check', permission: 'media', requestingOrigin: ORIGIN, embeddingOrigin: 'https://evil.example', ...(mediaType ? { mediaType } : {}) }, [ORIGIN])).toBe(false);
  });

  it('denies a check from a frame of the right origin embedded in another page', () => {
    expect(enrollmentPermissionAllowed({ ...check('media', 'video'), embeddingOrigin: 'https://evil.example' }, [ORIGIN])).toBe(false);
    expect(enrollmentPermissionAllowed({ ...check('media', 'video'), embeddingOrigin: ORIGIN }, [ORIGIN])).toBe(true);
    expect(enrollmentPermissionAllowed({ ...check('media', 'video', 'https://evil.example'), embeddingOrigin: ORIGIN }, [ORIGIN])).toBe(false);
  });

  it('grants video to a frame on any allowed origin inside a page on one of them', () => {
    const allowed = [ORIGIN, 'https://signzy.xyz'];
    expect(enrollmentPermissionAllowed(request('media', ['video'], 'https://signzy.xyz'), allowed)).toBe(true);
    expect(enrollmentPermissionAllowed({ ...check('media', 'video', 'https://signzy.xyz'), embeddingOrigin: ORIGIN }, allowed)).toBe(true);
    expect(enrollmentPermissionAllowed({ ...check('media', 'video', 'https://signzy.xyz'), embeddingOrigin: 'https://evil.example' }, allowed)).toBe(false);
    expect(enrollmentPermissionAllowed(request('media', ['video'], 'https://signzy.xyz'), [ORIGIN])).toBe(false);
  });

  it.each(OTHER)('denies video to another origin: %j', (origin) => {
    expect(enrollmentPermissionAllowed(request('media', ['video'], origin), [ORIGIN])).toBe(false);
    expect(enrollmentPermissionAllowed(check('media', 'video', origin), [ORIGIN])).toBe(false);
  });
});

describe('re-enrollment URLs and navigation', () => {
  // This test used to accept any https link in vendor mode; links are now trusted only on
  // the allowed origins (enrollmentOrigins), exactly.
  const VENDOR = ['https://signzy.app', 'https://signzy.xyz', 'https://dfa-proxy.bank.example'];
  const SANDBOX = ['http://127.0.0.1:4000'];
  it.each([
    ['https://signzy.app/deepfaceauth/api/v1/iframe/enroll/portal/a/b', VENDOR, 'https://signzy.app'],
    ['https://signzy.xyz/deepfaceauth/api/v1/iframe/enroll/portal/cdAa63C6E0839d67fD1C1aEb189Ba647/35eFA9C86B661cc5FC0e0925FF5aC9Be', VENDOR, 'https://signzy.xyz'],
    ['https://SIGNZY.app:443/x', VENDOR, 'https://signzy.app'],
    ['https://evil.example/deepfaceauth/x', VENDOR, null],
    ['https://signzy.app.evil.example/x', VENDOR, null],
    ['https://signzy.app:8443/x', VENDOR, null],
    ['http://signzy.app/x', VENDOR, null],
    ['http://127.0.0.1:4000/deepfaceauth/x', VENDOR, null],
    ['http://127.0.0.1:4000/deepfaceauth/x', SANDBOX, 'http://127.0.0.1:4000'],
    ['http://127.0.0.1:4001/deepfaceauth/x', SANDBOX, null],
    ['https://u:p@signzy.app/x', VENDOR, null],
    ['javascript:alert(1)', VENDOR, null],
    ['not a url', SANDBOX, null],
  ])('link %j on %j: origin %j', (url, allowed, origin) => {
    expect(acceptEnrollmentUrl(url, allowed)).toBe(origin);
  });

  it.each([
    ['https://signzy.app/deepfaceauth/next', true],
    ['https://signzy.app/', true],
    ...OTHER.map((u) => [u, false] as [string, boolean]),
    ['https://signzy.app@evil.example/', false],
  ])('navigation to %j allowed: %s', (url, allowed) => {
    expect(enrollmentNavigationAllowed(url, [ORIGIN])).toBe(allowed);
  });
});
