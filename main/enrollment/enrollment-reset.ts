import type { Logger } from '../log/logger';

/** The parts of a window the reset touches. */
export interface ResettableWindow {
  isDestroyed(): boolean;
  destroy(): void;
}

/** The parts of a session the reset touches (an Electron session, or a fake in tests). */
export interface ResettableSession {
  closeAllConnections(): Promise<void>;
  clearStorageData(): Promise<void>;
  clearCache(): Promise<void>;
  clearAuthCache(): Promise<void>;
  clearHostResolverCache(): Promise<void>;
}

/**
 * Ends a customer's re-enrollment without a trace: the window is destroyed first (nothing can
 * write any more), then the partition's connections are closed and its storage (cookies, local
 * storage, IndexedDB, service workers, cache storage), HTTP cache, auth cache and host
 * resolver cache cleared, each awaited. A failing step is logged and the others still run;
 * `ok` says whether all did.
 */
export async function resetEnrollment(window: ResettableWindow | null, session: ResettableSession, logger: Logger): Promise<{ ok: boolean }> {
  let ok = true;
  const step = async (name: string, fn: () => Promise<void> | void): Promise<void> => {
    try {
      await fn();
    } catch {
      ok = false;
      logger.error('re-enrollment reset step failed', { step: name });
    }
  };
  await step('destroy-window', () => {
    if (window && !window.isDestroyed()) window.destroy();
  });
  await step('close-connections', () => session.closeAllConnections());
  await step('clear-storage', () => session.clearStorageData());
  await step('clear-cache', () => session.clearCache());
  await step('clear-auth-cache', () => session.clearAuthCache());
  await step('clear-host-cache', () => session.clearHostResolverCache());
  return { ok };
}
