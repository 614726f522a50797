import { BrowserWindow, type Session } from 'electron';
import type { Logger } from '../log/logger';
import { attachCrashRecovery, type CrashRecovery } from '../windows/crash-recovery';
import { secureWebPreferences } from './web-preferences';
import { guardKioskContents } from './window-guards';

export interface KioskWindowOptions {
  appOrigin: string;
  /** The page to load, e.g. kiosk://app/index.html. */
  entryUrl: string;
  /** The page shown after repeated crashes, with its restart button. */
  fallbackUrl: string;
  /** The static page shown when even the fallback keeps crashing. */
  outOfOrderUrl: string;
  preloadPath: string;
  partition: string;
  session: Session;
  production: boolean;
  logger: Logger;
  abortCustomerSession(): void;
  /** In production the window only closes when the app is quitting (not on Alt+F4). */
  allowClose(): boolean;
}

export interface KioskWindow {
  window: BrowserWindow;
  recovery: CrashRecovery;
  load(): Promise<void>;
}

/**
 * Builds the kiosk window: full-screen kiosk mode in production, a normal window in
 * development; shown once it has painted; guarded and crash-recovered. Call `load()` after
 * the IPC handlers are registered.
 */
export function createKioskWindow(options: KioskWindowOptions): KioskWindow {
  const { production, logger } = options;
  const window = new BrowserWindow({
    show: false,
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    kiosk: production,
    fullscreen: production,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    title: 'Enrollment kiosk',
    webPreferences: secureWebPreferences({
      preload: options.preloadPath,
      partition: options.partition,
      devTools: !production,
    }),
  });
  window.once('ready-to-show', () => window.show());
  if (production) {
    window.on('close', (event) => {
      if (!options.allowClose()) event.preventDefault();
    });
  }
  const contents = window.webContents;
  guardKioskContents(contents, { appOrigin: options.appOrigin, production, logger });

  const loadUrl = (url: string): void => {
    // A back-off timer may fire after the window is gone (quit): nothing to load then.
    if (contents.isDestroyed()) return;
    contents.loadURL(url).catch(() => logger.error('the kiosk page did not load'));
  };
  const recovery = attachCrashRecovery(contents, {
    abortCustomerSession: options.abortCustomerSession,
    reload: () => loadUrl(options.entryUrl),
    showFallback: () => loadUrl(options.fallbackUrl),
    showOutOfOrder: () => loadUrl(options.outOfOrderUrl),
    kill: () => contents.forcefullyCrashRenderer(),
    logger,
  });
  return { window, recovery, load: () => contents.loadURL(options.entryUrl) };
}
