/**
 * Content-Security-Policy of the kiosk UI, sent as a response header by the app protocol.
 * Only the app's own files may run or load: no inline script, no eval, no plugins, no
 * framing, no form posts, no <base> tricks.
 */
const KIOSK_CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "worker-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const KIOSK_CSP = KIOSK_CSP_DIRECTIVES.join('; ');

/** Directives a `<meta http-equiv>` policy cannot carry (browsers ignore them there). */
const HEADER_ONLY = /^(frame-ancestors|report-uri|report-to|sandbox)\b/;

/**
 * The same policy for the pages' own `<meta http-equiv="Content-Security-Policy">` tag, written
 * in at build time, so a page that is ever loaded without the protocol handler keeps it.
 */
export const KIOSK_CSP_META = KIOSK_CSP_DIRECTIVES.filter((d) => !HEADER_ONLY.test(d)).join('; ');

/** Security headers sent with every file of the UI. */
export const KIOSK_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': KIOSK_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=()',
};
