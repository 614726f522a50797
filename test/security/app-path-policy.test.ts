import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { resolveAppPath } from '../../main/security/app-path-policy';
import { KIOSK_CSP } from '../../main/security/csp';
import { createAppFileServer } from '../../main/windows/app-files';
import { assertBuilt } from '../helpers/run-kioskctl';

const ROOT = '/srv/kiosk/renderer';

describe('resolveAppPath', () => {
  it.each([
    ['kiosk://app/', `${ROOT}/index.html`],
    ['kiosk://app/index.html', `${ROOT}/index.html`],
    ['kiosk://app/assets/index-abc.js', `${ROOT}/assets/index-abc.js`],
    ['kiosk://app/assets/index-abc.js?v=1#x', `${ROOT}/assets/index-abc.js`],
    ['kiosk://app/assets/a%20b.css', `${ROOT}/assets/a b.css`],
  ])('%s → %s', (url, file) => {
    expect(resolveAppPath(url, ROOT)).toBe(file);
  });

  it.each([
    'kiosk://app/../../etc/passwd.html',
    'kiosk://app/assets/../../../etc/shadow.js',
    'kiosk://app/%2e%2e/%2e%2e/etc/passwd.html',
    'kiosk://app/.%2e/secret.js',
    'kiosk://app/%2e%2e%2fetc%2fpasswd.html',
    'kiosk://app/assets%2f..%2f..%2fsecret.js',
    'kiosk://app/..%5c..%5csecret.js',
    'kiosk://app/assets\\..\\..\\secret.js',
    'kiosk://app/%252e%252e/%252e%252e/secret.js',
    'kiosk://app/%25%32%65%25%32%65/secret.js',
    'kiosk://app/index.html%00.js',
    'kiosk://app/C:%5cWindows%5cwin.ini.html',
    'kiosk://app/c:/secret.js',
    'kiosk://app//etc/passwd.html',
    'kiosk://app/assets//x.js',
    'kiosk://app/.env.json',
    'kiosk://app/assets/.hidden.js',
    'kiosk://app/%E0%A4%A.js',
    'kiosk://app/main.js.map',
    'kiosk://app/assets/',
    'kiosk://app/secret.txt',
    'kiosk://app/node_modules',
    'kiosk://evil/index.html',
    'kiosk://app@evil/index.html',
    'file:///srv/kiosk/renderer/index.html',
    'https://app/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(url, ROOT)).toBeNull();
  });
});

describe('the app file server over the built renderer', () => {
  const renderer = join(process.cwd(), 'out', 'renderer');

  it('serves the UI with the CSP and other security headers', async () => {
    assertBuilt();
    const serve = createAppFileServer(renderer);
    const res = await serve({ url: 'kiosk://app/index.html', method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(KIOSK_CSP);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body?.toString('utf8')).toContain('<div id="root">');
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(res.body!.toString('utf8'))?.[1];
    expect(script).toBeDefined();
    const js = await serve({ url: `kiosk://app/${script}`, method: 'GET' });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(existsSync(join(renderer, 'fallback.html'))).toBe(true);
  });

  it('answers 404 outside the folder, 405 for other methods, and HEAD without a body', async () => {
    const serve = createAppFileServer(renderer);
    for (const url of ['kiosk://app/../main/index.js', 'kiosk://app/%2e%2e/main/index.js', 'kiosk://app/missing.html']) {
      const res = await serve({ url, method: 'GET' });
      expect(res.status, url).toBe(404);
      expect(res.headers['content-security-policy']).toBe(KIOSK_CSP);
    }
    expect((await serve({ url: 'kiosk://app/index.html', method: 'POST' })).status).toBe(405);
    const head = await serve({ url: 'kiosk://app/index.html', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
  });

  it('does not follow a symlink out of the folder', async () => {
    const base = await mkdtemp(join(process.env['KIOSK_TEST_SCRATCH'] || tmpdir(), 'app-files-'));
    await mkdir(join(base, 'root'));
    await writeFile(join(base, 'secret.js'), 'secret');
    await writeFile(join(base, 'root', 'ok.js'), 'ok');
    await symlink(join(base, 'secret.js'), join(base, 'root', 'link.js'));
    await mkdir(join(base, 'root', 'dir.js'));
    const serve = createAppFileServer(join(base, 'root'));
    expect((await serve({ url: 'kiosk://app/ok.js', method: 'GET' })).body?.toString()).toBe('ok');
    expect((await serve({ url: 'kiosk://app/link.js', method: 'GET' })).status).toBe(404);
    expect((await serve({ url: 'kiosk://app/dir.js', method: 'GET' })).status).toBe(404);
  });
});
