/** Why a renderer process went away (Electron's `render-process-gone` reasons). */
export type RenderGoneReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction';

export type CrashEvent =
  | { kind: 'gone'; reason: RenderGoneReason }
  /** The page stopped answering. */
  | { kind: 'unresponsive' }
  /** The page has not answered for the whole grace period. */
  | { kind: 'still-unresponsive' };

export type CrashAction =
  /** Nothing to do (a clean exit, e.g. during shutdown). */
  | 'ignore'
  /** Abort the customer session and reload the UI. */
  | 'reload'
  /** Abort the customer session and show the fallback screen with its restart button. */
  | 'fallback'
  /** Start the grace timer; the page may recover on its own. */
  | 'watch'
  /** Kill the hung renderer; its `gone` event then decides reload or fallback. */
  | 'kill';

export interface CrashPolicy {
  /** Crashes allowed within the window before the fallback screen replaces reloading. */
  maxCrashes: number;
  windowMs: number;
}

/** More than 3 crashes in 5 minutes: stop reloading. */
export const DEFAULT_CRASH_POLICY: CrashPolicy = { maxCrashes: 3, windowMs: 5 * 60_000 };

/**
 * Decides what to do about a renderer event, given the times of earlier crashes (from a
 * monotonic clock) and whether the fallback screen is already up: once it is, it stays until
 * the app restarts. Returns the action and the crash history to keep (old entries dropped,
 * this crash added).
 */
export function decideCrashAction(
  event: CrashEvent,
  history: readonly number[],
  now: number,
  policy: CrashPolicy = DEFAULT_CRASH_POLICY,
  fallbackShown = false,
): { action: CrashAction; history: number[] } {
  const recent = history.filter((t) => now - t < policy.windowMs && t <= now);
  switch (event.kind) {
    case 'unresponsive':
      return { action: 'watch', history: recent };
    case 'still-unresponsive':
      return { action: 'kill', history: recent };
    case 'gone': {
      if (event.reason === 'clean-exit') return { action: 'ignore', history: recent };
      const updated = [...recent, now];
      // Tampered code will not get better by reloading it.
      if (event.reason === 'integrity-failure' || fallbackShown) return { action: 'fallback', history: updated };
      return { action: updated.length > policy.maxCrashes ? 'fallback' : 'reload', history: updated };
    }
  }
}
