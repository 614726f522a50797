import { KioskError } from '../../domain/kiosk-error';
import { redactText } from '../log/redact';
import { errorEnvelopeSchema } from './schemas';

const TOKEN_WORDS = /\b(access ?token|token|unauthori[sz]ed|not authori[sz]ed|session expired|login again)\b/i;
/** A 403 ends the session only when it names the token: "not authorized to…" is a refusal. */
const TOKEN_NAMED = /\b(access ?token|token|session expired|login again)\b/i;

/**
 * Makes a vendor message safe to show: secrets hidden first (on the raw text), then e-mails,
 * phone-like digits, control characters and markup removed, and the length bounded.
 */
export function safeVendorMessage(raw: unknown, secrets: readonly string[] = []): string | null {
  if (typeof raw !== 'string') return null;
  let s = raw;
  for (const secret of secrets) if (secret.length >= 4) s = s.split(secret).join('[hidden]');
  s = redactText(s, []).replace(/[\p{C}<>]/gu, ' ').replace(/\s+/g, ' ').trim();
  if (s.length === 0) return null;
  return s.length > 200 ? `${s.slice(0, 197)}...` : s;
}

export type Classified = { ok: true; json: Record<string, unknown> } | { ok: false; error: KioskError };

/**
 * Classifies an HTTP answer from the vendor into parsed JSON or a KioskError, following the
 * contract: any non-2xx, any body with an `error` object and any `status` that does not
 * start with 200 is a failure. `secrets` are hidden from any message passed through.
 */
export function classifyResponse(
  status: number,
  contentType: string,
  body: string,
  secrets: readonly string[],
): Classified {
  let json: unknown = undefined;
  const looksJson = /json/i.test(contentType) || /^\s*[{[]/.test(body);
  if (looksJson) {
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
  }
  const obj = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
  // Only a body with an `error` object can be the error envelope: most answers are successes,
  // and a failed zod parse (which builds its issues) costs more than the rest of this check.
  const envelope = obj && typeof obj['error'] === 'object' && obj['error'] !== null ? errorEnvelopeSchema.safeParse(obj) : null;
  const isErrorEnvelope = envelope?.success ?? false;
  // The vendor's message is cleaned only for a failure that shows it.
  const vendorMessage = (): string | null =>
    envelope?.success ? safeVendorMessage(envelope.data.error.message, secrets) : obj ? safeVendorMessage(obj['message'], secrets) : null;

  // Only a 401 (or, below, an answer that names the token) ends the sign-in: a 403 is a
  // refusal of this request, and the session stays.
  if (status === 401) {
    return { ok: false, error: new KioskError('unauthorized', 'The sign-in is no longer valid. Please sign in again.', { httpStatus: status }) };
  }
  if (status >= 500) {
    return {
      ok: false,
      error: new KioskError('server', `The face service had a problem (HTTP ${status}). Please try again in a moment.`, { httpStatus: status }),
    };
  }
  const bodyStatus = obj && typeof obj['status'] === 'string' ? obj['status'] : null;
  const failed = status < 200 || status > 299 || isErrorEnvelope || (bodyStatus !== null && !/^200\b/.test(bodyStatus));
  if (failed) {
    if (!obj) {
      if (status === 403) {
        // A proxy's or the vendor's plain refusal: not applied, whatever the body says.
        return { ok: false, error: new KioskError('rejected', 'The face service refused this request (HTTP 403). If it keeps happening, call branch IT.', { httpStatus: status }) };
      }
      return { ok: false, error: new KioskError('bad-response', `The face service sent an unreadable answer (HTTP ${status}).`, { httpStatus: status }) };
    }
    const message = vendorMessage();
    if (message && (status === 403 ? TOKEN_NAMED : TOKEN_WORDS).test(message)) {
      return { ok: false, error: new KioskError('unauthorized', 'The sign-in is no longer valid. Please sign in again.', { httpStatus: status }) };
    }
    return {
      ok: false,
      error: new KioskError('rejected', message ?? 'The face service refused the request.', { httpStatus: status }),
    };
  }
  if (!obj) {
    return { ok: false, error: new KioskError('bad-response', 'The face service sent an unreadable answer.', { httpStatus: status }) };
  }
  return { ok: true, json: obj };
}
