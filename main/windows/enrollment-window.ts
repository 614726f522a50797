import { randomUUID } from 'node:crypto';
import { BrowserWindow, session as electronSession, type Session } from 'electron';
import type { Logger } from '../log/logger';
import type { EnrollmentHint } from '../enrollment/enrollment-poll';
import { resetEnrollment } from '../enrollment/enrollment-reset';
import { enrollmentNavigationAllowed, enrollmentPermissionAllowed } from '../security/enrollment-policy';
import { secureWebPreferences } from './web-preferences';

/** Height of the kiosk UI's staff bar that the camera window leaves visible (CSS px). */
export const STAFF_BAR_HEIGHT = 120;

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

/** Locks a fresh re-enrollment partition down to video capture for one origin. */
function lockDown(ses: Session, origin: string, logger: Logger): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const granted = enrollmentPermissionAllowed({ kind: 'request', permission, requestingOrigin: details.requestingUrl, mediaTypes }, origin);
    if (!granted) logger.warn('re-enrollment permission denied', { permission });
    callback(granted);
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    enrollmentPermissionAllowed({ kind: 'check', permission, requestingOrigin, ...(details.mediaType ? { mediaType: details.mediaType } : {}) }, origin),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  ses.on('will-download', (event) => event.preventDefault());
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
  lockDown(ses, origin, logger);
  // Over the kiosk window, but below its top strip: the staff bar (time left, Cancel) stays
  // outside the vendor's page.
  const area = options.parent.getContentBounds();
  const window = new BrowserWindow({
    parent: options.parent,
    modal: true,
    show: false,
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
  contents.loadURL(options.url).catch(() => logger.error('the re-enrollment page did not load'));
  let closing: Promise<{ ok: boolean }> | null = null;
  return {
    window,
    session: ses,
    close: () => (closing ??= resetEnrollment(window, ses, logger)),
  };
}
