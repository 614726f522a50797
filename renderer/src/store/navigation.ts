import type { EnrollmentOutcome } from '../../../domain/ipc/contract';
import type { SubmissionStatus } from './types';

// Which screen follows what: the one place that decides it. Pure, so a table test covers it;
// the ui slice's `navigate` is the only code that writes the screen.

export const SCREENS = ['loading', 'sign-in', 'find', 'edit', 'review', 'before-face', 'enrollment', 'result'] as const;
export type Screen = (typeof SCREENS)[number];

/** What happened, as far as the screen is concerned. */
export type NavigationEvent =
  /** Main answered whether the kiosk is signed in (false too when the keychain could not be read). */
  | { type: 'boot'; signedIn: boolean }
  /** `resume`: where staff were when their session expired. */
  | { type: 'signed-in'; resume: Screen | null }
  | { type: 'signed-out' }
  | { type: 'session-expired' }
  | { type: 'customer-found' }
  | { type: 'reviewed' }
  | { type: 'back-to-edit' }
  /** Main refused the reviewed values (e.g. the new user name was taken meanwhile). */
  | { type: 'values-refused' }
  | { type: 'submitting' }
  | { type: 'before-face' }
  | { type: 'back-to-review' }
  | { type: 'enrollment-opened' }
  | { type: 'enrollment-finished'; outcome: EnrollmentOutcome }
  | { type: 'customer-wiped' };

/** The screen after `event`, seen from `current`. */
export function nextScreen(current: Screen, event: NavigationEvent): Screen {
  switch (event.type) {
    case 'boot':
      return event.signedIn ? 'find' : 'sign-in';
    case 'signed-in':
      return event.resume ?? 'find';
    case 'signed-out':
    case 'session-expired':
      return 'sign-in';
    case 'customer-found':
    case 'back-to-edit':
    case 'values-refused':
      return 'edit';
    case 'reviewed':
    case 'back-to-review':
      return 'review';
    case 'submitting':
      return 'result';
    case 'before-face':
      return 'before-face';
    case 'enrollment-opened':
      return 'enrollment';
    case 'enrollment-finished':
      // The expiry itself takes staff to sign-in; the outcome waits for them on the result.
      return event.outcome === 'session-expired' ? current : 'result';
    case 'customer-wiped':
      // A wipe before sign-in (idle reset, sign-out) leaves staff where they are.
      return current === 'sign-in' || current === 'loading' ? current : 'find';
  }
}

const CUSTOMER_SCREENS: ReadonlySet<Screen> = new Set(['find', 'edit', 'review', 'before-face', 'enrollment', 'result']);

/** True on screens that can hold a customer's data. */
function isCustomerScreen(screen: Screen): boolean {
  return CUSTOMER_SCREENS.has(screen);
}

/**
 * Where staff return after signing in again, from the screen the session expired on and the
 * submission's status at that moment. A submit cut short by the expiry was not applied (the
 * vendor refused the token): back to the review. A lost answer still to be checked, or an
 * outcome already known, stays on the result.
 */
export function resumeAfterExpiry(screen: Screen, status: SubmissionStatus): Screen | null {
  // The camera window closes when the session expires: its outcome is on the result screen.
  if (screen === 'enrollment') return 'result';
  if (screen === 'result') return status === 'submitting' || status === 'idle' ? 'review' : 'result';
  return isCustomerScreen(screen) ? screen : null;
}
