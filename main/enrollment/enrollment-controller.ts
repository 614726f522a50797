import type { AuditOutcome } from '../audit/audit-log';
import type { Logger } from '../log/logger';
import type { UpdatePlan } from '../profile/profile-service';
import type { UpdateJournal } from '../profile/update-journal';
import { acceptEnrollmentUrl } from '../security/enrollment-policy';
import { KioskError } from '../shared/kiosk-error';
import { createEnrollmentPoll, type EnrollmentHint, type EnrollmentOutcome, type PollDeps } from './enrollment-poll';

/** What the camera check found. */
export type CameraState = 'ready' | 'missing' | 'busy' | 'blocked' | 'error';

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
  mode: 'vendor' | 'sandbox';
  timeoutMs: number;
  statusUrlSource: 'reEnrollmentUrl' | 'enrollmentUrl';
  openWindow(url: string, origin: string, onHint: (hint: EnrollmentHint) => void): EnrollmentWindowPort;
  checkStatus(url: string): Promise<{ status: 'success' | 'failure' | 'draft'; message: string }>;
  /** The user's own enrollment URL, when config says the status call takes that one. */
  enrollmentUrlOf(userName: string): Promise<string>;
  checkCamera(): Promise<CameraState>;
  /** Appends the audit line of a plan; false when it could not be written. */
  audit(plan: UpdatePlan, outcome: AuditOutcome): Promise<boolean>;
  /** Tells the renderer, after the window and its partition are gone. */
  finished(event: EnrollmentFinished): void;
  logger: Logger;
  /** Timer and delay overrides (tests). */
  poll?: Partial<Pick<PollDeps, 'now' | 'setTimer' | 'clearTimer' | 'firstDelayMs' | 'maxDelayMs' | 'factor'>>;
}

export interface EnrollmentController {
  checkCamera(): Promise<CameraState>;
  /** Opens the camera window for an applied face update and starts polling its status. */
  start(updateId: string): Promise<{ timeoutSeconds: number }>;
  /** Staff cancel: one last status check, then the window closes. */
  cancel(): void;
  /** Ends any open re-enrollment (customer session aborted, sign-out) and waits for the reset. */
  abort(): Promise<void>;
  /** True when this user's last face re-enrollment at this kiosk did not finish. */
  facePending(userName: string): boolean;
}

const AUDIT: Record<EnrollmentOutcome, AuditOutcome> = {
  success: 'face-success',
  failure: 'face-failure',
  cancelled: 'face-cancelled',
  'timed-out': 'face-pending',
  'session-expired': 'face-pending',
  'camera-error': 'face-camera-error',
  'window-crashed': 'face-window-crashed',
};

/**
 * Drives one re-enrollment at a time: checks the update is an applied face update with a
 * link the kiosk may open, opens the camera window, polls the status, and on every ending
 * closes the window and clears its partition (awaited), writes the audit line, then tells
 * the renderer. Knows nothing of Electron.
 */
export function createEnrollmentController(deps: EnrollmentDeps): EnrollmentController {
  const pending = new Set<string>();
  let active: { done: Promise<void>; hint(h: EnrollmentHint): void } | null = null;

  return {
    checkCamera: () => deps.checkCamera(),
    async start(updateId) {
      if (active) throw new KioskError('invalid-input', 'A face re-enrollment is already open.');
      const entry = deps.journal.get(updateId);
      if (!entry || !entry.plan.face || entry.state !== 'applied' || !entry.reEnrollmentUrl) {
        throw new KioskError('invalid-input', 'There is no face update ready for re-enrollment. Submit the face update first.');
      }
      const url = entry.reEnrollmentUrl;
      const origin = acceptEnrollmentUrl(url, deps.mode);
      if (!origin) throw new KioskError('bad-response', 'The re-enrollment link is not a secure address, so the kiosk will not open it. Call branch IT.');
      const plan = entry.plan;
      const statusUrl = deps.statusUrlSource === 'reEnrollmentUrl' ? url : await deps.enrollmentUrlOf(plan.after.userName);
      pending.add(plan.after.userName);

      let window: EnrollmentWindowPort | null = null;
      let resolveDone: () => void = () => undefined;
      const done = new Promise<void>((r) => (resolveDone = r));
      const poll = createEnrollmentPoll({
        ...deps.poll,
        timeoutMs: deps.timeoutMs,
        checkStatus: () => deps.checkStatus(statusUrl),
        onFinish: (outcome, message) => {
          void (async () => {
            const reset = window ? await window.close() : { ok: true };
            if (!reset.ok) deps.logger.error('the re-enrollment window could not be fully cleared');
            if (outcome === 'success') pending.delete(plan.after.userName);
            const auditRecorded = await deps.audit(plan, AUDIT[outcome]);
            deps.logger.info('face re-enrollment ended', { outcome });
            active = null;
            deps.finished({ outcome, message, auditRecorded });
            resolveDone();
          })();
        },
      });
      active = { done, hint: (h) => poll.hint(h) };
      try {
        window = deps.openWindow(url, origin, (h) => poll.hint(h));
      } catch {
        active = null;
        throw new KioskError('internal', 'The camera window could not be opened. Try again.');
      }
      poll.start();
      return { timeoutSeconds: Math.round(deps.timeoutMs / 1000) };
    },
    cancel() {
      active?.hint('cancelled');
    },
    async abort() {
      const a = active;
      if (!a) return;
      a.hint('cancelled');
      await a.done;
    },
    facePending: (userName) => pending.has(userName),
  };
}
