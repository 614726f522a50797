import type { Logger } from '../log/logger';
import { decideCrashAction, type CrashEvent, type CrashPolicy, type FallbackState, type RenderGoneReason } from '../security/crash-policy';

/** The events of a web contents that recovery listens to (Electron's, or a fake in tests). */
export interface CrashSource {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: RenderGoneReason }) => void): unknown;
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
}

export interface CrashRecoveryDeps {
  /** Drops every piece of customer state main holds (pending updates, camera window…). */
  abortCustomerSession(): void;
  reload(): void;
  showFallback(): void;
  /** Loads the static out-of-order page (no script): the end when even the fallback keeps dying. */
  showOutOfOrder(): void;
  /** Kills the hung renderer; its `render-process-gone` then runs the policy. */
  kill(): void;
  logger: Logger;
  now?: () => number;
  /** How long a hung page gets to recover before it is killed. */
  unresponsiveGraceMs?: number;
  policy?: CrashPolicy;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface CrashRecovery {
  /** True once the fallback screen replaced reloading; the restart button is offered then. */
  fallbackShown(): boolean;
}

/**
 * Wires the crash policy to a web contents: a renderer that dies (other than a clean exit)
 * aborts the customer session and reloads the UI; more than the allowed crashes in the window
 * show the fallback screen instead (loaded again after its own crash with a growing back-off,
 * then the static out-of-order page for good); a page that stays unresponsive past the grace
 * period is killed, which counts as a crash.
 */
export function attachCrashRecovery(source: CrashSource, deps: CrashRecoveryDeps): CrashRecovery {
  // Monotonic: a clock change must not forget (or invent) recent crashes.
  const now = deps.now ?? (() => performance.now());
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const graceMs = deps.unresponsiveGraceMs ?? 15_000;
  let history: number[] = [];
  const screens: FallbackState = { fallbackLoads: 0, outOfOrder: false };
  let hangTimer: unknown = null;
  /** A fallback load waiting out its back-off; crashes meanwhile do not add another. */
  let pendingFallback: unknown = null;

  function showFallback(): void {
    pendingFallback = null;
    screens.fallbackLoads++;
    deps.showFallback();
  }

  function stopHangTimer(): void {
    if (hangTimer !== null) clearTimer(hangTimer);
    hangTimer = null;
  }

  function run(event: CrashEvent): void {
    if (event.kind === 'gone') stopHangTimer();
    const decision = decideCrashAction(event, history, now(), deps.policy, screens);
    history = decision.history;
    switch (decision.action) {
      case 'ignore':
        return;
      case 'watch':
        if (hangTimer === null) hangTimer = setTimer(() => {
          hangTimer = null;
          run({ kind: 'still-unresponsive' });
        }, graceMs);
        return;
      case 'kill':
        deps.logger.warn('kiosk page unresponsive; restarting its renderer');
        deps.kill();
        return;
      case 'out-of-order':
        stopHangTimer();
        if (pendingFallback !== null) clearTimer(pendingFallback);
        pendingFallback = null;
        screens.outOfOrder = true;
        deps.logger.error('the fallback screen keeps crashing; showing the out-of-order page', { loads: screens.fallbackLoads });
        deps.showOutOfOrder();
        return;
      case 'reload':
      case 'fallback':
        stopHangTimer();
        try {
          deps.abortCustomerSession();
        } catch {
          deps.logger.error('could not abort the customer session after a renderer crash');
        }
        if (decision.action === 'fallback') {
          if (pendingFallback !== null) return;
          const delayMs = decision.delayMs ?? 0;
          deps.logger.error('kiosk page crashed repeatedly; showing the fallback screen', { crashes: history.length, delayMs });
          if (delayMs === 0) showFallback();
          else pendingFallback = setTimer(showFallback, delayMs);
        } else {
          deps.logger.warn('kiosk page crashed; reloading', { crashes: history.length });
          deps.reload();
        }
        return;
    }
  }

  source.on('render-process-gone', (_event, details) => {
    deps.logger.warn('renderer process gone', { reason: details.reason });
    run({ kind: 'gone', reason: details.reason });
  });
  source.on('unresponsive', () => run({ kind: 'unresponsive' }));
  source.on('responsive', stopHangTimer);
  return { fallbackShown: () => screens.fallbackLoads > 0 || pendingFallback !== null };
}
