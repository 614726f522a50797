import type { Transport, TransportOutcome } from '../../main/deepfaceauth/http-transport';
import type { AuditLog } from '../../main/audit/audit-log';

// Scripted vendor misbehaviour on the update call, wrapped around a real transport, and an
// audit trail that cannot be written. Shared by the IPC and the browser tests.

const isUpdate = (url: string): boolean => url.endsWith('/user/update');

/** Updates refused with the vendor's 400 envelope and `message`; nothing reaches the vendor. */
export function rejectUpdates(message: string): (send: Transport) => Transport {
  const refusal: TransportOutcome = {
    kind: 'response',
    status: 400,
    contentType: 'application/json',
    body: JSON.stringify({ error: { message, status: 400 } }),
  };
  return (send) => async (req) => (isUpdate(req.url) ? refusal : send(req));
}

/** Updates sent and applied, but the answer lost (as a dropped connection would), `times` times. */
export function loseUpdateAnswers(times = Infinity): (send: Transport) => Transport {
  let left = times;
  return (send) => async (req) => {
    const outcome = await send(req);
    if (!isUpdate(req.url) || left <= 0) return outcome;
    left--;
    return { kind: 'sent-no-answer', reason: 'network' };
  };
}

/** Updates never reaching the vendor, yet reported as sent without an answer, `times` times. */
export function dropUpdates(times = Infinity): (send: Transport) => Transport {
  let left = times;
  return (send) => async (req) => {
    if (!isUpdate(req.url) || left <= 0) return send(req);
    left--;
    return { kind: 'sent-no-answer', reason: 'timeout' };
  };
}

/** An audit trail whose every append fails (a full disk). */
export function failingAudit(): AuditLog {
  return { file: '/nonexistent', append: async () => Promise.reject(new Error('disk full')), tail: async () => ({ entries: [], skipped: 0 }), close: async () => undefined };
}

/** Answers every update as applied, with `link` (or no link at all) in place of the vendor's re-enrollment link. */
export function replaceUpdateLink(link: string | undefined): (send: Transport) => Transport {
  return (send) => async (req) => {
    const out = await send(req);
    if (!isUpdate(req.url) || out.kind !== 'response') return out;
    const body = JSON.parse(out.body) as Record<string, unknown>;
    if (link === undefined) delete body['reEnrollmentUrl'];
    else body['reEnrollmentUrl'] = link;
    return { ...out, body: JSON.stringify(body) };
  };
}
