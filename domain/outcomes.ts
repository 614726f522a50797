// Closed lists shared by main, the renderer and kioskctl. Each is an `as const` array: the
// TypeScript type and any zod enum are derived from it, so a value is added in one place.

/** What the camera check found before a face update. */
export const CAMERA_STATES = ['ready', 'missing', 'busy', 'blocked', 'error'] as const;
export type CameraState = (typeof CAMERA_STATES)[number];

/** How a face re-enrollment ended. */
export const ENROLLMENT_OUTCOMES = ['success', 'failure', 'cancelled', 'timed-out', 'camera-error', 'window-crashed', 'page-blocked', 'session-expired'] as const;
export type EnrollmentOutcome = (typeof ENROLLMENT_OUTCOMES)[number];

/**
 * What a reconcile found after an update's answer was lost:
 * - `applied`: the record holds the new values (no face was asked for);
 * - `applied-face-pending`: the new values are there (or none were asked for) but the
 *   re-enrollment link was lost: send a face-only update to get a new one;
 * - `not-applied`: the record is as before: sending the same update again is safe;
 * - `undetermined`: the record matches neither (someone else changed it): look before acting.
 */
export const RECONCILE_VERDICTS = ['applied', 'applied-face-pending', 'not-applied', 'undetermined'] as const;
export type ReconcileVerdict = (typeof RECONCILE_VERDICTS)[number];

/** How an update attempt, its reconcile, or its face re-enrollment ended, as the audit trail records it. */
export const AUDIT_OUTCOMES = [
  'applied',
  'rejected',
  'failed',
  'unknown',
  'reconciled-applied',
  'reconciled-face-pending',
  'reconciled-not-applied',
  'reconciled-undetermined',
  // How a face re-enrollment ended; `face-pending` when the customer left it unfinished.
  'face-success',
  'face-failure',
  'face-cancelled',
  'face-pending',
  'face-camera-error',
  'face-window-crashed',
  // The vendor's page tried to open an address outside the allowed origins: the recording was stopped.
  'face-page-blocked',
  // The vendor answered with a re-enrollment link outside the allowed origins: not opened.
  'face-link-refused',
  // The change needed a supervisor's approval and had none that fits (missing, used, stale, another change): not sent.
  'approval-refused',
] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** The audit outcome of each reconcile verdict. */
export const RECONCILED_OUTCOME: Record<ReconcileVerdict, AuditOutcome> = {
  applied: 'reconciled-applied',
  'applied-face-pending': 'reconciled-face-pending',
  'not-applied': 'reconciled-not-applied',
  undetermined: 'reconciled-undetermined',
};

/** The audit outcome of each way a face re-enrollment ends. */
export const ENROLLMENT_AUDIT_OUTCOME: Record<EnrollmentOutcome, AuditOutcome> = {
  success: 'face-success',
  failure: 'face-failure',
  cancelled: 'face-cancelled',
  'timed-out': 'face-pending',
  'session-expired': 'face-pending',
  'camera-error': 'face-camera-error',
  'window-crashed': 'face-window-crashed',
  'page-blocked': 'face-page-blocked',
};

/**
 * What a staff line of the audit trail records: an unlock with the right credential, a wrong
 * one, one that locked the id (`locked-out`), an attempt on a locked id, the kiosk locked (idle,
 * the Lock button, another staff member unlocking), an approval given or refused, the vendor
 * sign-in and sign-out by a supervisor, and IT's changes to the local staff list and PIN
 * checks (kioskctl).
 */
export const STAFF_AUDIT_OUTCOMES = [
  'unlocked',
  'unlock-refused',
  'locked-out',
  'unlock-while-locked-out',
  'locked',
  'approval-granted',
  'approval-refused',
  'vendor-signed-in',
  'vendor-signed-out',
  'staff-added',
  'staff-removed',
  'pin-reset',
  'lockout-cleared',
  'pin-checked',
] as const;
export type StaffAuditOutcome = (typeof STAFF_AUDIT_OUTCOMES)[number];
