import { KioskError } from '../../domain/kiosk-error';
import type { EnrollmentOutcome } from '../../domain/outcomes';

export type { EnrollmentOutcome } from '../../domain/outcomes';

/** Why the window side ended early; only the status call decides success. */
export type EnrollmentHint = 'window-closed' | 'window-crashed' | 'load-failed' | 'page-blocked' | 'camera-error' | 'cancelled';

export interface PollDeps {
  /** One status call (the client's read-retry rules apply inside it). */
  checkStatus(): Promise<{ status: 'success' | 'failure' | 'draft'; message: string }>;
  onFinish(outcome: EnrollmentOutcome, message: string): void;
  /** Overall limit from config (enrollmentTimeoutSeconds). */
  timeoutMs: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
  factor?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface EnrollmentPoll {
  start(): void;
  /** The window side ended (closed, crashed, camera error, staff cancel): check once more, then end. */
  hint(hint: EnrollmentHint): void;
  finished(): EnrollmentOutcome | null;
}

const HINT_OUTCOME: Record<EnrollmentHint, EnrollmentOutcome> = {
  'window-closed': 'cancelled',
  'window-crashed': 'window-crashed',
  // The page never loaded: for staff, the camera window did not work.
  'load-failed': 'window-crashed',
  // The page tried to go outside the vendor's origins: stopped, and said so.
  'page-blocked': 'page-blocked',
  'camera-error': 'camera-error',
  cancelled: 'cancelled',
};

/**
 * Polls the enrollment status while the re-enrollment window is open: first after
 * `firstDelayMs` (2 s), then with the delay growing by `factor` up to `maxDelayMs` (5 s), until
 * `success` or `failure`, or until the overall timeout, when one last check decides between
 * `success`/`failure` and `timed-out`. Hints from the window end it sooner, after one last
 * check (a capture finished just before the window closed still counts). Every path ends in
 * exactly one `onFinish`.
 */
export function createEnrollmentPoll(deps: PollDeps): EnrollmentPoll {
  const now = deps.now ?? Date.now;
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const first = deps.firstDelayMs ?? 2000;
  const max = deps.maxDelayMs ?? 5000;
  const factor = deps.factor ?? 1.5;
  let deadline = 0;
  let delay = first;
  let timer: unknown = null;
  let inFlight = false;
  let outcome: EnrollmentOutcome | null = null;
  let pendingHint: EnrollmentHint | null = null;
  // A hint that came while a status call was under way: that call may predate the end, so
  // one more check is made before the hint decides.
  let recheck = false;

  function finish(o: EnrollmentOutcome, message = ''): void {
    if (outcome) return;
    outcome = o;
    if (timer !== null) clearTimer(timer);
    timer = null;
    deps.onFinish(o, message);
  }

  function schedule(ms: number): void {
    if (outcome) return;
    if (timer !== null) clearTimer(timer);
    timer = setTimer(() => {
      timer = null;
      void poll(false);
    }, Math.max(0, ms));
  }

  /** One status call. `last`: the end has come (timeout or hint), so draft is not an answer. */
  async function poll(last: boolean): Promise<void> {
    if (outcome || inFlight) return;
    inFlight = true;
    let result: { status: 'success' | 'failure' | 'draft'; message: string } | null = null;
    let expired = false;
    try {
      result = await deps.checkStatus();
    } catch (err) {
      expired = err instanceof KioskError && (err.code === 'session-expired' || err.code === 'not-signed-in');
    } finally {
      inFlight = false;
    }
    if (outcome) return;
    if (result?.status === 'success') return finish('success', result.message);
    if (result?.status === 'failure') return finish('failure', result.message);
    if (expired) return finish('session-expired');
    if (pendingHint && recheck) {
      recheck = false;
      return poll(true);
    }
    if (pendingHint) return finish(HINT_OUTCOME[pendingHint]);
    if (last || now() >= deadline) return finish('timed-out');
    const wait = Math.min(delay, deadline - now());
    delay = Math.min(max, delay * factor);
    schedule(wait);
  }

  return {
    start() {
      if (deadline !== 0) return;
      deadline = now() + deps.timeoutMs;
      schedule(Math.min(first, deps.timeoutMs));
      delay = Math.min(max, first * factor);
    },
    hint(hint) {
      if (outcome || pendingHint) return;
      pendingHint = hint;
      if (timer !== null) clearTimer(timer);
      timer = null;
      if (inFlight) recheck = true;
      else void poll(true);
    },
    finished: () => outcome,
  };
}
