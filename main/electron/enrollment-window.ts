import { randomUUID } from 'node:crypto';
import { BrowserWindow, session as electronSession, type Session } from 'electron';
import type { Logger } from '../log/logger';
import type { EnrollmentHint } from '../enrollment/enrollment-poll';
import { resetEnrollment } from '../enrollment/enrollment-reset';
import { enrollmentNavigationAllowed } from '../security/enrollment-policy';
import { isBlockedShortcut } from '../security/shortcut-policy';
import { lockDownToVideo } from './video-only-session';
import { secureWebPreferences } from './web-preferences';
import { STAFF_BAR_HEIGHT_PX as STAFF_BAR_HEIGHT } from '../../domain/ui-sizes';

export interface EnrollmentWindowOptions {
  parent: BrowserWindow;
  /** The vendor's re-enrollment page (already accepted by `acceptEnrollmentUrl`). */
  url: string;
  /** Its origin: the only one that gets the camera, the only one the window may show. */
  origin: string;
  production: boolean;
  logger: Logger;
  /** The window side ended early; the status poll decides the outcome. */
  onHint(hint: EnrollmentHint): void;
}

export interface EnrollmentWindow {
  window: BrowserWindow;
  session: Session;
  /** Destroys the window and clears its partition; awaited before the next customer. */
  close(): Promise<{ ok: boolean }>;
}

/**
 * Opens the vendor's re-enrollment page in its own modal window on a fresh in-memory
 * partition: no preload, sandboxed, isolated; camera only for the page's origin; navigation
 * only within it; no new windows. Closing or a crash is reported as a hint.
 */
export function openEnrollmentWindow(options: EnrollmentWindowOptions): EnrollmentWindow {
  const { origin, production, logger } = options;
  const partition = `enroll-${randomUUID()}`;
  const ses = electronSession.fromPartition(partition);
  lockDownToVideo(ses, origin, logger);
  // Over the kiosk window, but below its top strip: the staff bar (time left, Cancel) stays
  // outside the vendor's page.
  const area = options.parent.getContentBounds();
  const window = new BrowserWindow({
    // A child, not modal: the kiosk window stays usable, so staff can press Cancel on its bar.
    parent: options.parent,
    modal: false,
    show: false,
    closable: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    x: area.x,
    y: area.y + STAFF_BAR_HEIGHT,
    width: area.width,
    height: Math.max(200, area.height - STAFF_BAR_HEIGHT),
    autoHideMenuBar: true,
    backgroundColor: '#000000',
    webPreferences: secureWebPreferences({ partition, devTools: !production }),
  });
  window.once('ready-to-show', () => window.show());
  const contents = window.webContents;
  const block = (event: { preventDefault(): void }, url: string): void => {
    if (!enrollmentNavigationAllowed(url, origin)) {
      event.preventDefault();
      logger.warn('re-enrollment navigation blocked');
    }
  };
  contents.on('will-navigate', block);
  contents.on('will-redirect', block);
  contents.on('will-frame-navigate', (details) => block(details, details.url));
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') options.onHint('window-crashed');
  });
  window.on('closed', () => options.onHint('window-closed'));
  contents.on('did-fail-load', (_event, errorCode, _description, _url, isMainFrame) => {
    // -3 is an aborted load (e.g. a blocked navigation); anything else leaves a blank window.
    if (isMainFrame && errorCode !== -3) options.onHint('load-failed');
  });
  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input, production)) event.preventDefault();
  });
  contents.loadURL(options.url).catch(() => logger.error('the re-enrollment page did not load'));
  let closing: Promise<{ ok: boolean }> | null = null;
  return {
    window,
    session: ses,
    close: () => (closing ??= resetEnrollment(window, ses, logger)),
  };
}
