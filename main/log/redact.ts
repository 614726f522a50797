/** Keys whose values never reach a log line, whatever they hold. */
const SENSITIVE_KEYS = new Set(
  [
    'accesstoken',
    'token',
    'authorization',
    'password',
    'secret',
    'username',
    'newusername',
    'fullname',
    'emailid',
    'email',
    'phonenumber',
    'phone',
    'countrycode',
    'enrollmenturl',
    'reenrollmenturl',
    'url',
    'body',
  ].map((k) => k.toLowerCase()),
);

const EMAIL = /[^\s@"'<>]+@[^\s@"'<>]+\.[^\s@"'<>]+/g;
const LONG_DIGITS = /\+?\d[\d\s-]{6,}\d/g;
const HEX_RUN = /[0-9a-f]{24,}/gi;
const ANY_DIGIT = /\d/;

/**
 * Scrubs a free-text string: known secret values, e-mail addresses, phone-like digit runs and
 * long hex runs (portal ids, tokens) are replaced by a marker.
 */
export function redactText(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const s of secrets) {
    if (s.length >= 4 && out.includes(s)) out = out.split(s).join('[redacted]');
  }
  // Each pattern runs only where it could match (an @; 8+ characters with a digit; 24+
  // characters): most log strings are short words, and this is every log line's cost.
  if (out.includes('@')) out = out.replace(EMAIL, '[email]');
  if (out.length >= 8 && ANY_DIGIT.test(out)) out = out.replace(LONG_DIGITS, '[digits]');
  if (out.length >= 24) out = out.replace(HEX_RUN, '[hex]');
  return out;
}

/** Deep-copies a log field value with sensitive keys masked and strings scrubbed. */
export function redactValue(value: unknown, secrets: Iterable<string>, depth = 0): unknown {
  if (depth > 5) return '[deep]';
  if (typeof value === 'string') return redactText(value, secrets);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SENSITIVE_KEYS.has(k.toLowerCase()) ? '[redacted]' : redactValue(v, secrets, depth + 1);
  }
  return out;
}
