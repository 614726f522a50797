import { readFile, realpath, stat } from 'node:fs/promises';
import { relative, isAbsolute } from 'node:path';
import { contentTypeOf, resolveAppPath } from '../security/app-path-policy';
import { KIOSK_RESPONSE_HEADERS } from '../security/csp';

export interface AppFileResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** Serves a request of the app protocol from the built renderer folder. */
export type AppFileServer = (request: { url: string; method: string }) => Promise<AppFileResponse>;

function plain(status: number, text: string, base: Record<string, string>): AppFileResponse {
  return {
    status,
    headers: { ...base, 'content-type': 'text/plain; charset=utf-8' },
    body: Buffer.from(text),
  };
}

/**
 * Creates the file server behind the `kiosk://app` protocol. Only GET and HEAD, only files
 * that `resolveAppPath` accepts, and only when the real path (symlinks followed) is still
 * inside the renderer folder. Every answer carries the CSP and the other security headers.
 * No Electron import: it is tested under Node against the real build output.
 */
export function createAppFileServer(
  rootDir: string,
  appOrigin?: string,
  options: { permissionsPolicy?: string } = {},
): AppFileServer {
  // The camera check's own partition lets its page use the camera; the kiosk UI never can.
  const base: Record<string, string> = options.permissionsPolicy
    ? { ...KIOSK_RESPONSE_HEADERS, 'permissions-policy': options.permissionsPolicy }
    : { ...KIOSK_RESPONSE_HEADERS };
  // Resolved at the first request, so a missing folder is a 404 and never an unhandled rejection.
  let realRoot: Promise<string> | null = null;
  return async ({ url, method }) => {
    if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method not allowed', base);
    const file = resolveAppPath(url, rootDir, appOrigin);
    if (!file) return plain(404, 'Not found', base);
    try {
      realRoot ??= realpath(rootDir);
      const [root, real] = await Promise.all([realRoot, realpath(file)]);
      const rel = relative(root, real);
      if (rel.startsWith('..') || isAbsolute(rel)) return plain(404, 'Not found', base);
      if (!(await stat(real)).isFile()) return plain(404, 'Not found', base);
      const body = method === 'HEAD' ? null : await readFile(real);
      return {
        status: 200,
        headers: { ...base, 'content-type': contentTypeOf(real), 'cache-control': 'no-store' },
        body,
      };
    } catch {
      return plain(404, 'Not found', base);
    }
  };
}
