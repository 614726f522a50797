import type { Session, WebContents } from 'electron';
import type { Logger } from '../log/logger';
import { kioskNavigationAllowed } from '../security/navigation-policy';
import { isBlockedShortcut } from '../security/shortcut-policy';

/**
 * Keeps a kiosk web contents on the app's origin: navigations and redirects elsewhere (main
 * frame and sub-frames) are cancelled, new windows are denied, <webview> is never attached,
 * and in production the reload/DevTools/zoom shortcuts do nothing.
 */
export function guardKioskContents(
  contents: WebContents,
  options: { appOrigin: string; production: boolean; logger: Logger },
): void {
  const { appOrigin, production, logger } = options;
  const block = (kind: string) => (event: { preventDefault(): void }, url: string) => {
    if (!kioskNavigationAllowed(url, appOrigin)) {
      event.preventDefault();
      logger.warn('navigation blocked', { kind });
    }
  };
  contents.on('will-navigate', block('navigate'));
  contents.on('will-redirect', block('redirect'));
  contents.on('will-frame-navigate', (details) => block('frame')(details, details.url));
  contents.setWindowOpenHandler(() => {
    logger.warn('window.open denied');
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('webview attach prevented');
  });
  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input, production)) event.preventDefault();
  });
  if (production) {
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
}

/**
 * Denies every permission request and check on the kiosk UI's session (camera, microphone,
 * notifications, clipboard, geolocation, HID/serial/USB, screen capture) and every download.
 * The camera belongs to the re-enrollment window, which has its own session.
 */
export function lockDownSession(session: Session, logger: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn('permission request denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.on('will-download', (event) => event.preventDefault());
}
