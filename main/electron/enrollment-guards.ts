import type { WebContents } from 'electron';
import type { Logger } from '../log/logger';
import type { EnrollmentHint } from '../enrollment/enrollment-poll';
import { enrollmentNavigationAllowed } from '../security/enrollment-policy';
import { isBlockedShortcut } from '../security/shortcut-policy';

/** Chromium's net::ERR_ABORTED: a load cancelled before it finished (a blocked navigation among others). */
export const ERR_ABORTED = -3;

/** The web contents events and calls the camera window's guards use (Electron's, or a fake in tests). */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'getURL'>;

export interface EnrollmentGuardOptions {
  /** The origins the vendor's pages may use (exact), the link's own among them. */
  origins: readonly string[];
  production: boolean;
  logger: Logger;
  /** The window side ended: the status poll decides the outcome. */
  onHint(hint: EnrollmentHint): void;
}

/**
 * Keeps the camera window on the vendor's own pages: navigations, redirects and sub-frames
 * within the allowed origins go ahead; anything else is cancelled and ends the recording at
 * once (`page-blocked`), so staff are told instead of watching a blank window until the
 * timeout. A main-frame load that fails, or is aborted while no allowed page is showing,
 * ends it too (`load-failed`). New windows and <webview> are refused, a crash is reported,
 * and in production the reload/DevTools/zoom shortcuts do nothing.
 */
export function guardEnrollmentContents(contents: GuardedContents, options: EnrollmentGuardOptions): void {
  const { origins, production, logger, onHint } = options;
  const block = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (enrollmentNavigationAllowed(event.url, origins)) return;
    event.preventDefault();
    logger.warn('re-enrollment navigation blocked', { kind });
    onHint('page-blocked');
  };
  contents.on('will-navigate', block('navigate'));
  contents.on('will-redirect', block('redirect'));
  contents.on('will-frame-navigate', block('frame'));
  contents.setWindowOpenHandler(() => {
    logger.warn('re-enrollment window.open denied');
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') onHint('window-crashed');
  });
  contents.on('did-fail-load', (_event, errorCode, _description, _url, isMainFrame) => {
    if (!isMainFrame) return;
    // An aborted load while a vendor page is showing leaves that page (a cancelled click, a
    // download refused); aborted with nothing of the vendor's showing, the window is blank.
    if (errorCode === ERR_ABORTED && enrollmentNavigationAllowed(contents.getURL(), origins) && contents.getURL() !== 'about:blank') return;
    logger.warn('re-enrollment page did not load', { errorCode });
    onHint('load-failed');
  });
  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input, production)) event.preventDefault();
  });
}
