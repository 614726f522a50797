import type { Session } from 'electron';
import type { Logger } from '../log/logger';
import { enrollmentPermissionAllowed } from '../security/enrollment-policy';

/**
 * Locks a throw-away partition down to video capture for one origin: permission requests and
 * checks go through the pure policy (the asking frame's own origin when Electron gives it, and
 * the embedding page's origin for checks); devices, screen capture and downloads are refused.
 */
export function lockDownToVideo(ses: Session, origin: string, logger: Logger): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const frameOrigin = 'securityOrigin' in details && details.securityOrigin ? details.securityOrigin : details.requestingUrl;
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const granted = enrollmentPermissionAllowed({ kind: 'request', permission, requestingOrigin: frameOrigin, mediaTypes }, origin);
    if (!granted) logger.warn('camera window permission denied', { permission });
    callback(granted);
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    enrollmentPermissionAllowed(
      {
        kind: 'check',
        permission,
        requestingOrigin: details.securityOrigin ?? requestingOrigin,
        ...(details.embeddingOrigin ? { embeddingOrigin: details.embeddingOrigin } : {}),
        ...(details.mediaType ? { mediaType: details.mediaType } : {}),
      },
      origin,
    ),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  ses.on('will-download', (event) => event.preventDefault());
}
