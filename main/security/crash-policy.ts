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
  /** Abort the customer session and show the fallback screen with its restart button (after `delayMs`). */
  | 'fallback'
  /** The fallback page itself keeps dying: show the static out-of-order page (no script) and stop. */
  | 'out-of-order'
  /** Start the grace timer; the page may recover on its own. */
  | 'watch'
  /** Kill the hung renderer; its `gone` event then decides reload or fallback. */
  | 'kill';

export interface CrashPolicy {
  /** Crashes allowed within the window before the fallback screen replaces reloading. */
  maxCrashes: number;
  windowMs: number;
  /** The fallback page loaded again after its own crash waits this long, doubling each time… */
  fallbackRetryMs?: number;
  /** …up to this long. */
  fallbackRetryMaxMs?: number;
  /** Fallback loads before the out-of-order page replaces them. */
  maxFallbackLoads?: number;
}

/** More than 3 crashes in 5 minutes: stop reloading; the fallback backs off 1 s doubling to 60 s (1, 2, 4 … 32, 60), 8 loads at most. */
export const DEFAULT_CRASH_POLICY: Required<CrashPolicy> = {
  maxCrashes: 3,
  windowMs: 5 * 60_000,
  fallbackRetryMs: 1000,
  fallbackRetryMaxMs: 60_000,
  maxFallbackLoads: 8,
};

/** Where the screens after a crash stand: how often the fallback was loaded, and whether the out-of-order page is up. */
export interface FallbackState {
  fallbackLoads: number;
  outOfOrder: boolean;
}

/**
 * Decides what to do about a renderer event, given the times of earlier crashes (from a
 * monotonic clock) and whether the fallback screen is already up (`true`, or how often it was
 * loaded): once it is, it stays until the app restarts, each load after a crash of its own
 * waiting longer (1 s doubling to 60 s); after the last allowed load the static out-of-order
 * page stays, and nothing is loaded again. Never a loop. Returns the action (with the delay
 * of a fallback load) and the crash history to keep (old entries dropped, this crash added).
 */
export function decideCrashAction(
  event: CrashEvent,
  history: readonly number[],
  now: number,
  policy: CrashPolicy = DEFAULT_CRASH_POLICY,
  fallback: boolean | FallbackState = false,
): { action: CrashAction; history: number[]; delayMs?: number } {
  const p = { ...DEFAULT_CRASH_POLICY, ...policy };
  const state: FallbackState = typeof fallback === 'boolean' ? { fallbackLoads: fallback ? 1 : 0, outOfOrder: false } : fallback;
  const recent = history.filter((t) => now - t < p.windowMs && t <= now);
  switch (event.kind) {
    case 'unresponsive':
      return { action: 'watch', history: recent };
    case 'still-unresponsive':
      return { action: 'kill', history: recent };
    case 'gone': {
      if (event.reason === 'clean-exit') return { action: 'ignore', history: recent };
      const updated = [...recent, now];
      // The out-of-order page is the end: nothing to load again.
      if (state.outOfOrder) return { action: 'ignore', history: updated };
      if (state.fallbackLoads > 0) {
        if (state.fallbackLoads >= p.maxFallbackLoads) return { action: 'out-of-order', history: updated };
        const delayMs = Math.min(p.fallbackRetryMs * 2 ** (state.fallbackLoads - 1), p.fallbackRetryMaxMs);
        return { action: 'fallback', history: updated, delayMs };
      }
      // Tampered code will not get better by reloading it.
      if (event.reason === 'integrity-failure') return { action: 'fallback', history: updated };
      return { action: updated.length > p.maxCrashes ? 'fallback' : 'reload', history: updated };
    }
  }
}

/** GPU process deaths allowed within the window before the kiosk restarts without hardware acceleration. */
export const GPU_CRASH_POLICY = { maxCrashes: 3, windowMs: 5 * 60_000 } as const;

/**
 * Decides what to do when the GPU process dies (other than a clean exit), given the times of
 * earlier GPU deaths (monotonic clock): past the cap, restart the kiosk with hardware
 * acceleration off, once; with it already off there is nothing more to try.
 */
export function decideGpuAction(
  history: readonly number[],
  now: number,
  accelerationOff: boolean,
  policy: { maxCrashes: number; windowMs: number } = GPU_CRASH_POLICY,
): { action: 'ignore' | 'restart-without-gpu'; history: number[] } {
  const updated = [...history.filter((t) => now - t < policy.windowMs && t <= now), now];
  const action = !accelerationOff && updated.length > policy.maxCrashes ? 'restart-without-gpu' : 'ignore';
  return { action, history: updated };
}
