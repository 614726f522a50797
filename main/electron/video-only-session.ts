import type { Session } from 'electron';
import type { Logger } from '../log/logger';
import { enrollmentPermissionAllowed } from '../security/enrollment-policy';

/**
 * Locks a camera partition down to video capture for the allowed origins: permission requests
 * and checks go through the pure policy (the asking frame's own origin when Electron gives it,
 * and the embedding page's origin for checks); devices, screen capture and downloads are
 * refused. Called once per partition (the pool reuses them).
 */
export function lockDownToVideo(ses: Session, origins: readonly string[], logger: Logger): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const frameOrigin = 'securityOrigin' in details && details.securityOrigin ? details.securityOrigin : details.requestingUrl;
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const granted = enrollmentPermissionAllowed({ kind: 'request', permission, requestingOrigin: frameOrigin, mediaTypes }, origins);
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
      origins,
    ),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  ses.on('will-download', (event) => event.preventDefault());
}
