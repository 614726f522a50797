import type { CameraState, CustomerProfile, EnrollmentOutcome, KioskApi, KioskInfo, ReconcileVerdict, StaffInfo, UpdateResult } from '../../../domain/ipc/contract';
import type { IdCheck } from '../../../domain/staff/staff-rules';
import type { KioskErrorCode } from '../../../domain/kiosk-error';
import type { Draft, DraftField, DiffRow } from '../form/profile-draft';
import type { FieldError } from '../form/validate';
import type { Locale } from '../../../domain/locales';
import type { NavigationEvent, Screen } from './navigation';

export type { NavigationEvent, Screen } from './navigation';

export interface ErrorInfo {
  code: KioskErrorCode;
  message: string;
}

export interface UiSlice {
  screen: Screen;
  info: KioskInfo | null;
  locale: Locale;
  /** Shown instead of the app when the kiosk cannot start (no bridge, no answer). */
  bootError: ErrorInfo | null;
  /** Set when main could not write an audit line; staff must tell IT. */
  auditWarning: boolean;
  dismissAuditWarning(): void;
  /** Main could not write an audit line. */
  auditWriteFailed(): void;
  boot(): Promise<void>;
  setLocale(locale: Locale): void;
  /** The only way the screen changes: `nextScreen` decides where an event leads. */
  navigate(event: NavigationEvent): void;
  /** Handles errors every screen shares (an expired or replaced session); true when it did. */
  handleCommonError(error: ErrorInfo): boolean;
}

export interface StaffSlice {
  staff: {
    /** The staff member at the kiosk; null: locked. */
    member: StaffInfo | null;
    busy: boolean;
    /** The last unlock: a wrong id or credential, a locked-out id (minutes left), or an error. */
    refusal: { kind: 'wrong' } | { kind: 'locked-out'; minutes: number } | null;
    error: ErrorInfo | null;
  };
  /** The credential is passed through and never kept in the store. */
  unlock(staffId: string, secret: string): Promise<void>;
  /** Staff lock the kiosk (the Lock button, or their idle time is up). */
  lock(): Promise<void>;
  /** Main locked the kiosk (its own idle limit, or a request answered `locked`). */
  staffLocked(): void;
  /** At start-up: who main says is at the kiosk (a restart starts locked); then the first screen. */
  staffKnown(member: StaffInfo | null): Promise<void>;
  /** Staff touched the screen: main's idle limit starts again. */
  staffActive(): Promise<void>;
}

export interface SessionSlice {
  session: {
    signedIn: boolean;
    busy: boolean;
    error: ErrorInfo | null;
    /** Where staff were when the session expired: they return there after signing in. */
    resume: Screen | null;
  };
  /** The password is passed through and never kept in the store. */
  signIn(password: string): Promise<void>;
  signOut(): Promise<void>;
  sessionExpired(): void;
  /** What main said at start-up; with `error`, the keychain could not be read. */
  sessionKnown(signedIn: boolean, error?: ErrorInfo): void;
  /** Forgets where to return after a sign-in (the customer it was about is gone). */
  clearResume(): void;
}

export type SubmissionStatus = 'idle' | 'submitting' | 'done' | 'failed' | 'checking' | 'reconciled' | 'check-failed';

export interface ProfileSlice {
  profile: {
    query: string;
    lookupBusy: boolean;
    lookupError: ErrorInfo | null;
    customer: CustomerProfile | null;
    draft: Draft | null;
    fieldErrors: Partial<Record<DraftField, FieldError>>;
    /** A message for the whole form (nothing changed, name taken…). */
    formError: FieldError | null;
    /** A message from main for the whole form, already in words. */
    formMessage: string | null;
    nameCheck: 'idle' | 'checking' | 'available' | 'taken' | 'failed';
    reviewBusy: boolean;
    rows: DiffRow[];
    /** How staff checked the customer's identity (asked before any change). */
    idCheck: IdCheck | null;
    /** A supervisor's approval of the reviewed change (four eyes), when it needs one. */
    approval: {
      approvalId: string | null;
      approvedBy: string | null;
      busy: boolean;
      /** Why the last request was not approved (a key of `approval.*` strings). */
      refusal: 'wrong' | 'locked-out' | 'not-supervisor' | 'self' | null;
      error: ErrorInfo | null;
    };
    /** The changes staff reviewed: exactly what a submit sends. */
    reviewed: { changes: Partial<Record<DraftField, string>>; face: boolean } | null;
    /** Bumped by every wipe: answers that arrive for an older epoch are dropped. */
    epoch: number;
    /**
     * True while the profile holds anything of a customer, on any screen (a draft kept across
     * a sign-in too): a typed query, a lookup or its error, a record and all that follows.
     * False after a wipe. The idle reset runs only while it is true.
     */
    onScreen: boolean;
    submission: {
      status: SubmissionStatus;
      updateId: string | null;
      result: UpdateResult | null;
      error: ErrorInfo | null;
      verdict: ReconcileVerdict | null;
    };
  };
  setQuery(query: string): void;
  lookup(): Promise<void>;
  setField(field: DraftField, value: string): void;
  setFace(face: boolean): void;
  setIdCheck(idCheck: IdCheck): void;
  /** A supervisor approves the reviewed change with their own credential (passed through, never kept). */
  requestApproval(supervisorId: string, secret: string): Promise<void>;
  /** Validates everything (phone included, and a new user name's availability), then reviews. */
  review(): Promise<void>;
  backToEdit(): void;
  submit(): Promise<void>;
  reconcile(): Promise<void>;
  /** Wipes every piece of customer data and returns to Find customer. */
  wipeCustomer(): void;
  /** The session expired: nothing is in flight any more, and the draft is kept for later. */
  profileInterrupted(): void;
  /** The camera does not work: the reviewed update goes without the face. */
  dropFace(): void;
  /** After an unfinished re-enrollment: a face-only update of the record as just updated. */
  faceOnlyRetry(): void;
}

export type EnrollmentPhase = 'idle' | 'checking-camera' | 'camera-ready' | 'camera-problem' | 'starting' | 'open' | 'start-failed' | 'finished';

export interface EnrollmentSlice {
  enrollment: {
    phase: EnrollmentPhase;
    camera: CameraState | null;
    /** When the camera window closes at the latest (this machine's clock, ms). */
    endsAt: number | null;
    outcome: EnrollmentOutcome | null;
    message: string;
    auditRecorded: boolean;
    error: ErrorInfo | null;
  };
  /** From the review of a face update: the "before you start" screen and its camera check. */
  prepareFace(): Promise<void>;
  checkCamera(): Promise<void>;
  /** Sends the face update (the camera works), then opens the camera window. */
  startFace(): Promise<void>;
  /** Opens the camera window for the update just applied. */
  openEnrollment(): Promise<void>;
  /** Staff end the recording: a plain cancel, or because the page shows a camera problem. */
  cancelEnrollment(reason: 'staff-cancel' | 'camera-problem'): Promise<void>;
  enrollmentFinished(event: { outcome: EnrollmentOutcome; message: string; auditRecorded: boolean }): void;
  /** The camera does not work: send the detail changes without the face. */
  detailsOnly(): Promise<void>;
  /** After an unfinished re-enrollment: a face-only update for the same customer. */
  retryFace(): void;
  /** Forgets the camera check and the last camera window. */
  resetEnrollment(): void;
}

export type KioskState = UiSlice & StaffSlice & SessionSlice & ProfileSlice & EnrollmentSlice;

/** What the slices need from outside the store. */
export interface StoreDeps {
  api: KioskApi;
  newId: () => string;
  /** Loads a language's strings; boot waits for the configured one before the first screen. */
  loadLocale?: (locale: Locale) => Promise<void>;
}

/** A slice's own state: its keys that are not actions. */
type StateOf<T> = { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K] };

/**
 * The `set` a slice gets: it writes that slice's own state only, so the compiler refuses a
 * write to another slice's; that one changes through the owning slice's action, via `get()`.
 */
export type SetOwnState<T> = (update: OwnUpdate<T> | ((s: KioskState) => OwnUpdate<T>)) => void;

// Every other key is spelled out as absent: a callback's returned object gets no excess-key check.
type OwnUpdate<T> = Partial<StateOf<T>> & { [K in Exclude<keyof KioskState, keyof StateOf<T>>]?: never };

export type SliceCreator<T> = (deps: StoreDeps) => (set: SetOwnState<T>, get: () => KioskState) => T;
