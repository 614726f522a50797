import { ENROLLMENT_AUDIT_OUTCOME, type AuditOutcome, type CameraState } from '../../domain/outcomes';
import type { Logger } from '../log/logger';
import type { PlanSubject, UpdateJournal } from '../profile/update-journal';
import { KioskError } from '../../domain/kiosk-error';
import type { StatusUrlSource } from '../config';
import type { FacePendingList } from './face-pending-list';
import { createEnrollmentPoll, type EnrollmentHint, type EnrollmentOutcome, type PollDeps } from './enrollment-poll';


export type { CameraState } from '../../domain/outcomes';

/** The camera window, as the controller sees it. */
export interface EnrollmentWindowPort {
  /** Destroys the window and clears its partition. */
  close(): Promise<{ ok: boolean }>;
}

export interface EnrollmentFinished {
  outcome: EnrollmentOutcome;
  /** The vendor's reason on failure, scrubbed by the client. */
  message: string;
  auditRecorded: boolean;
}

export interface EnrollmentDeps {
  journal: UpdateJournal;
  /** The backend's rule for re-enrollment links the kiosk may open: their origin, or null. */
  enrollmentOrigin(url: string): string | null;
  /** All the origins the vendor's pages may use (the camera window moves only within them). */
  enrollmentOrigins: readonly string[];
  timeoutMs: number;
  statusUrlSource: StatusUrlSource;
  /** Opens the camera window on a wiped partition; refuses (KioskError) when none is clean. */
  openWindow(url: string, origins: readonly string[], onHint: (hint: EnrollmentHint) => void): Promise<EnrollmentWindowPort>;
  checkStatus(url: string): Promise<{ status: 'success' | 'failure' | 'draft'; message: string }>;
  /** The user's own enrollment URL, when config says the status call takes that one. */
  enrollmentUrlOf(userName: string): Promise<string>;
  checkCamera(): Promise<CameraState>;
  /** Appends the audit line of an update; false when it could not be written. */
  audit(subject: PlanSubject, outcome: AuditOutcome): Promise<boolean>;
  /** Tells the renderer, after the window and its partition are gone. */
  finished(event: EnrollmentFinished): void;
  logger: Logger;
  /** Who has an unfinished face (kept on disk by the core); default: memory only. */
  pending?: Pick<FacePendingList, 'has' | 'add' | 'delete'>;
  /** Timer and delay overrides (tests). */
  poll?: Partial<Pick<PollDeps, 'now' | 'setTimer' | 'clearTimer' | 'firstDelayMs' | 'maxDelayMs' | 'factor'>>;
}

export interface EnrollmentController {
  checkCamera(): Promise<CameraState>;
  /** Opens the camera window for an applied face update and starts polling its status. */
  start(updateId: string): Promise<{ timeoutSeconds: number }>;
  /**
   * Staff end it: `cancelled`, or `camera-error` when the page shows a camera problem. The
   * window closes at once (the camera goes off); one last status check then decides.
   */
  cancel(reason?: 'cancelled' | 'camera-error'): void;
  /** Ends any open re-enrollment (customer session aborted, sign-out) and waits for the reset. */
  abort(): Promise<void>;
  /** True when this user's last face re-enrollment at this kiosk did not finish. */
  facePending(userName: string): boolean;
  /** Notes a face update whose re-enrollment cannot start (its link was lost or never came). */
  markFacePending(userName: string): void;
}

/**
 * Drives one re-enrollment at a time: checks the update is an applied face update with a
 * link the kiosk may open, opens the camera window, polls the status, and on every ending
 * closes the window and clears its partition (awaited), writes the audit line, then tells
 * the renderer. Knows nothing of Electron.
 */
export function createEnrollmentController(deps: EnrollmentDeps): EnrollmentController {
  const pending = deps.pending ?? new Set<string>();
  let active: { done: Promise<void>; hint(h: EnrollmentHint): void } | null = null;
  // Set synchronously when a start begins, so a second start or an abort cannot slip in
  // while the first one awaits.
  let starting = false;
  // Settles when the start under way has opened its window or given up: an abort waits for it.
  let startSettled: Promise<void> | null = null;
  let cameraCheck: Promise<CameraState> | null = null;

  /** Looks up the status URL, opens the window and starts the poll; `starting` is set throughout. */
  async function open(subject: PlanSubject, url: string): Promise<{ timeoutSeconds: number }> {
    const cancelled = (): KioskError => new KioskError('invalid-input', 'The re-enrollment was cancelled.');
    const statusUrl = deps.statusUrlSource === 'reEnrollmentUrl' ? url : await deps.enrollmentUrlOf(subject.userNameAfter);
    // Aborted (sign-out, crash) while the status URL was looked up.
    if (!starting) throw cancelled();

    let window: EnrollmentWindowPort | null = null;
    let closing: Promise<{ ok: boolean }> | null = null;
    const closeWindow = (): Promise<{ ok: boolean }> => (closing ??= window ? window.close() : Promise.resolve({ ok: true }));
    let resolveDone: () => void = () => undefined;
    const done = new Promise<void>((r) => (resolveDone = r));
    const poll = createEnrollmentPoll({
      ...deps.poll,
      timeoutMs: deps.timeoutMs,
      checkStatus: () => deps.checkStatus(statusUrl),
      onFinish: (outcome, message) => {
        void (async () => {
          const reset = await closeWindow();
          if (!reset.ok) deps.logger.error('the re-enrollment window could not be fully cleared');
          if (outcome === 'success') pending.delete(subject.userNameAfter);
          const auditRecorded = await deps.audit(subject, ENROLLMENT_AUDIT_OUTCOME[outcome]);
          deps.logger.info('face re-enrollment ended', { outcome });
          active = null;
          deps.finished({ outcome, message, auditRecorded });
          resolveDone();
        })();
      },
    });
    const hint = (h: EnrollmentHint): void => {
      if (h === 'cancelled' || h === 'camera-error' || h === 'page-blocked') {
        // Staff ended it, or the page tried to leave the vendor's: the camera goes off now,
        // before the last status check.
        void closeWindow().then(() => poll.hint(h));
      } else {
        poll.hint(h);
      }
    };
    try {
      window = await deps.openWindow(url, deps.enrollmentOrigins, hint);
    } catch (err) {
      await deps.audit(subject, 'face-pending');
      // The pool's own message says why (a partition that could not be emptied).
      throw err instanceof KioskError ? err : new KioskError('internal', 'The camera window could not be opened. Try again.');
    }
    if (!starting) {
      // Aborted while the window was opening: it closes again at once.
      await closeWindow();
      throw cancelled();
    }
    active = { done, hint };
    poll.start();
    return { timeoutSeconds: Math.round(deps.timeoutMs / 1000) };
  }

  return {
    checkCamera() {
      if (active || starting) return Promise.reject(new KioskError('invalid-input', 'The camera is in use by the re-enrollment window.'));
      // One check at a time: a second request shares the first one's answer.
      cameraCheck ??= deps.checkCamera().finally(() => {
        cameraCheck = null;
      });
      return cameraCheck;
    },
    async start(updateId) {
      if (active || starting) throw new KioskError('invalid-input', 'A face re-enrollment is already open.');
      const entry = deps.journal.get(updateId);
      if (!entry || !entry.subject.face || entry.state !== 'applied' || !entry.reEnrollmentUrl) {
        throw new KioskError('invalid-input', 'There is no face update ready for re-enrollment. Submit the face update first.');
      }
      const subject = entry.subject;
      const url = entry.reEnrollmentUrl;
      // From here until success, this user's face counts as not finished.
      pending.add(subject.userNameAfter);
      if (!deps.enrollmentOrigin(url)) {
        await deps.audit(subject, 'face-pending');
        throw new KioskError('bad-response', 'The re-enrollment link is not a secure address, so the kiosk will not open it. Call branch IT.');
      }
      starting = true;
      let settleStart: () => void = () => undefined;
      startSettled = new Promise<void>((r) => (settleStart = r));
      try {
        return await open(subject, url);
      } finally {
        starting = false;
        startSettled = null;
        settleStart();
      }
    },
    cancel(reason = 'cancelled') {
      active?.hint(reason);
    },
    async abort() {
      starting = false;
      await startSettled;
      const a = active;
      if (!a) return;
      a.hint('cancelled');
      await a.done;
    },
    facePending: (userName) => pending.has(userName),
    markFacePending: (userName) => void pending.add(userName),
  };
}
