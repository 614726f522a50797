import { protocol, type Session } from 'electron';
import { APP_SCHEME } from '../security/navigation-policy';
import type { AppFileServer } from '../windows/app-files';

/**
 * Declares the app scheme as standard and secure (so the UI gets a real origin, module
 * scripts and CSP) before the app is ready. It does not bypass CSP.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the app scheme on one session from the file server. */
export function handleAppProtocol(session: Session, serve: AppFileServer): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const res = await serve({ url: request.url, method: request.method });
    return new Response(res.body === null ? null : new Uint8Array(res.body), { status: res.status, headers: res.headers });
  });
}
