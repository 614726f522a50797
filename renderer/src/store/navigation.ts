import type { EnrollmentOutcome } from '../../../domain/ipc/contract';
import type { SubmissionStatus } from './types';

// Which screen follows what: the one place that decides it. Pure, so a table test covers it;
// the ui slice's `navigate` is the only code that writes the screen.

export const SCREENS = ['loading', 'unlock', 'sign-in', 'no-vendor', 'find', 'edit', 'review', 'before-face', 'enrollment', 'result'] as const;
export type Screen = (typeof SCREENS)[number];

/** What happened, as far as the screen is concerned. */
export type NavigationEvent =
  /**
   * At start-up and after an unlock: whether a staff member is at the kiosk, whether the kiosk
   * is signed in to the vendor (false too when the keychain could not be read), and whether the
   * member is a supervisor (only a supervisor signs the kiosk in).
   */
  | { type: 'boot'; unlocked: boolean; signedIn: boolean; supervisor: boolean }
  /** The kiosk locked (idle, the Lock button, main's own lock): the customer is wiped. */
  | { type: 'locked' }
  /** `resume`: where staff were when their session expired. */
  | { type: 'signed-in'; resume: Screen | null }
  | { type: 'signed-out'; supervisor: boolean }
  | { type: 'session-expired'; supervisor: boolean }
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
      if (!event.unlocked) return 'unlock';
      return event.signedIn ? 'find' : vendorSignIn(event.supervisor);
    case 'locked':
      return 'unlock';
    case 'signed-in':
      return event.resume ?? 'find';
    case 'signed-out':
    case 'session-expired':
      return vendorSignIn(event.supervisor);
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
      // A wipe before sign-in (idle reset, sign-out, lock) leaves staff where they are.
      return isCustomerScreen(current) ? 'find' : current;
  }
}

/** Where the kiosk goes without a vendor sign-in: a supervisor signs it in; an operator is told to fetch one. */
function vendorSignIn(supervisor: boolean): Screen {
  return supervisor ? 'sign-in' : 'no-vendor';
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
