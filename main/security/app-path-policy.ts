import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { APP_ORIGIN, isSameOrigin } from './navigation-policy';

/** File types the UI is made of, with the content type they are served as. */
export const APP_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Maps a request on the app protocol to a file inside `rootDir`, or null. Each path segment is
 * decoded once and must then be a plain name: no `.`/`..`, no slash or backslash (encoded or
 * not), no NUL or other control character, no `%` left over (double encoding), no drive
 * letter, no hidden file. Only known file types are served. `/` means `index.html`.
 */
export function resolveAppPath(requestUrl: string, rootDir: string, appOrigin: string = APP_ORIGIN): string | null {
  if (!isSameOrigin(requestUrl, appOrigin)) return null;
  // Read the path as written: the URL parser would silently resolve `..` segments, and a
  // request that tries them is refused rather than repaired.
  if (!requestUrl.startsWith(`${appOrigin}/`)) return null;
  const pathname = requestUrl.slice(appOrigin.length).split(/[?#]/, 1)[0] ?? '';
  const raw = pathname === '/' ? ['index.html'] : pathname.slice(1).split('/');
  const segments: string[] = [];
  for (const encoded of raw) {
    let name: string;
    try {
      name = decodeURIComponent(encoded);
    } catch {
      return null;
    }
    if (name === '' || name === '.' || name === '..' || name.startsWith('.')) return null;
    if (/[\\/:%\p{Cc}]/u.test(name)) return null;
    segments.push(name);
  }
  const last = segments[segments.length - 1] ?? '';
  if (!(extname(last).toLowerCase() in APP_CONTENT_TYPES)) return null;
  const full = join(rootDir, ...segments);
  const rel = relative(rootDir, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return full;
}

/** Content type for a file resolved by `resolveAppPath`. */
export function contentTypeOf(file: string): string {
  return APP_CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
