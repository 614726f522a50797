/**
 * The closed set of error codes that every main-process service reports. The UI and the CLI
 * act on the code; the message is always safe to show to branch staff (no token, no password,
 * no raw upstream body, no stack).
 */
export type KioskErrorCode =
  | 'invalid-input'
  | 'config'
  | 'not-signed-in'
  | 'session-expired'
  | 'keychain-unavailable'
  | 'network'
  | 'timeout'
  | 'unauthorized'
  | 'rejected'
  | 'server'
  | 'bad-response'
  | 'outcome-unknown'
  | 'internal'
  /** No staff member has unlocked the kiosk (or their session ended): unlock first. */
  | 'locked'
  /** The change needs a supervisor's approval, and has none that fits. */
  | 'approval-required';

/** An error with a code from the closed set and a message that is safe to show staff. */
export class KioskError extends Error {
  readonly code: KioskErrorCode;
  /** HTTP status of the upstream answer, when there was one. */
  readonly httpStatus: number | undefined;

  constructor(code: KioskErrorCode, message: string, options: { httpStatus?: number } = {}) {
    super(message);
    this.name = 'KioskError';
    this.code = code;
    this.httpStatus = options.httpStatus;
  }
}

/** Turns anything thrown into a KioskError; unknown errors become `internal` with a fixed message. */
export function toKioskError(err: unknown): KioskError {
  if (err instanceof KioskError) return err;
  return new KioskError('internal', 'Something went wrong inside the kiosk. Please try again.');
}

/** Result envelope used wherever an error must not be thrown (IPC, CLI JSON output). */
export type Result<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: KioskErrorCode; message: string } };
