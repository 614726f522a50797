import { describe, expect, it } from 'vitest';
import { chmod, chown, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkBaseUrl, loadConfig, NotConfiguredError, systemFileProblem, type ConfigOverrides } from '../main/config';
import { isLoopbackHost } from '../main/shared/loopback';
import { KioskError } from '../domain/kiosk-error';

function load(files: Record<string, string>, env: Record<string, string> = {}, overrides?: ConfigOverrides) {
  return loadConfig({
    env,
    userDataDir: '/data',
    readFile: async (p) => files[p] ?? null,
    ...(overrides ? { overrides } : {}),
  });
}

async function configError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(KioskError);
    expect((err as KioskError).code).toBe('config');
    return (err as KioskError).message;
  }
  throw new Error('expected a config error');
}

describe('loadConfig', () => {
  it('runs in sandbox mode with defaults when there is no config file', async () => {
    const c = await load({});
    expect(c).toMatchObject({
      mode: 'sandbox',
      baseUrl: null,
      customerName: 'demo-bank',
      requestTimeoutMs: 15000,
      updateParamsKey: 'parametersToBeUpdated',
      enrollmentStatusUrlSource: 'reEnrollmentUrl',
      locale: 'en',
      defaultCountry: 'IN',
      source: 'defaults',
    });
  });

  it('reads a valid vendor config from the user-data folder', async () => {
    const file = {
      mode: 'vendor',
      baseUrl: 'https://deepfaceauth.signzy.app/deepfaceauth/',
      customerName: 'acme-bank',
      requestTimeoutMs: 20000,
      updateParamsKey: 'parametersTobeUpdated',
      enrollmentStatusUrlSource: 'enrollmentUrl',
      idleTimeoutSeconds: 90,
      locale: 'hi',
      kioskId: 'branch-042.k1',
    };
    const c = await load({ '/data/kiosk-config.json': JSON.stringify(file) });
    expect(c).toMatchObject({ ...file, baseUrl: 'https://deepfaceauth.signzy.app/deepfaceauth', source: '/data/kiosk-config.json' });
  });

  it('takes the file path from KIOSK_CONFIG', async () => {
    const c = await load({ '/etc/k.json': '{"mode":"vendor","baseUrl":"https://proxy.bank.example/dfa","customerName":"b"}' }, { KIOSK_CONFIG: '/etc/k.json' });
    expect(c.baseUrl).toBe('https://proxy.bank.example/dfa');
  });

  it('fails clearly when the file named by KIOSK_CONFIG is missing', async () => {
    expect(await configError(load({}, { KIOSK_CONFIG: '/etc/none.json' }))).toMatch(/\/etc\/none\.json.*does not exist/);
  });

  it('fails clearly on malformed JSON', async () => {
    expect(await configError(load({ '/data/kiosk-config.json': '{"mode": "vendor",' }))).toMatch(/not valid JSON/);
  });

  it('points at the broken place without quoting the file', async () => {
    const msg = await configError(load({ '/data/kiosk-config.json': '{"mode": "vendor",\n "passw": hunter2secret}' }));
    expect(msg).toMatch(/line 2, column 11\)/);
    expect(msg).not.toContain('hunter2');
  });

  it('rejects a JSON value that is not an object', async () => {
    expect(await configError(load({ '/data/kiosk-config.json': '[1,2]' }))).toMatch(/one JSON object/);
  });

  it('names an unknown key', async () => {
    expect(await configError(load({ '/data/kiosk-config.json': '{"idleTimeout": 30}' }))).toMatch(/unknown key "idleTimeout"/);
  });

  it('names the key with a wrong type', async () => {
    expect(await configError(load({ '/data/kiosk-config.json': '{"requestTimeoutMs": "15000"}' }))).toMatch(/key "requestTimeoutMs"/);
  });

  it('refuses secrets in the config file', async () => {
    expect(await configError(load({ '/data/kiosk-config.json': '{"password": "x"}' }))).toMatch(/secrets never go in the config file/);
  });

  it('rejects plain http to a remote host in vendor mode', async () => {
    const msg = await configError(load({ '/data/kiosk-config.json': '{"mode":"vendor","baseUrl":"http://proxy.bank.example/dfa","customerName":"b"}' }));
    expect(msg).toMatch(/key "baseUrl".*https/);
  });

  it('accepts plain http to a loopback reverse proxy', async () => {
    const c = await load({ '/data/kiosk-config.json': '{"mode":"vendor","baseUrl":"http://127.0.0.1:8443/dfa","customerName":"b"}' });
    expect(c.baseUrl).toBe('http://127.0.0.1:8443/dfa');
  });

  it('requires baseUrl and customerName in vendor mode', async () => {
    expect(await configError(load({ '/data/kiosk-config.json': '{"mode":"vendor"}' }))).toMatch(/"baseUrl" is required/);
    expect(await configError(load({ '/data/kiosk-config.json': '{"mode":"vendor","baseUrl":"https://a.example"}' }))).toMatch(/"customerName" is required/);
  });

  it('rejects a baseUrl in sandbox mode instead of ignoring it', async () => {
    expect(await configError(load({ '/data/kiosk-config.json': '{"mode":"sandbox","baseUrl":"https://a.example"}' }))).toMatch(/vendor mode only/);
  });

  it('reads enrollmentOrigins: exact https origins, vendor mode only', async () => {
    const vendor = { mode: 'vendor', baseUrl: 'https://a.example/dfa', customerName: 'bank' };
    const file = (extra: Record<string, unknown>) => ({ '/data/kiosk-config.json': JSON.stringify({ ...vendor, ...extra }) });
    expect((await load(file({}))).enrollmentOrigins).toBeNull();
    expect((await load(file({ enrollmentOrigins: ['https://signzy.app', 'https://enroll.bank.example:8443', 'https://signzy.app'] }))).enrollmentOrigins).toEqual([
      'https://signzy.app',
      'https://enroll.bank.example:8443',
    ]);
    for (const [bad, why] of [
      [['http://signzy.app'], /must be an https:\/\/ origin/],
      [['https://signzy.app/'], /origin only/],
      [['https://signzy.app/deepfaceauth'], /origin only/],
      [['https://*.signzy.app'], /one exact host/],
      [['https://u:p@signzy.app'], /origin only/],
      [['signzy.app'], /not a valid origin/],
      [[], /at least one origin/],
      ['https://signzy.app', /enrollmentOrigins/],
    ] as const) {
      expect(await configError(load(file({ enrollmentOrigins: bad })))).toMatch(why);
    }
    expect(await configError(load({ '/data/kiosk-config.json': '{"mode":"sandbox","enrollmentOrigins":["https://signzy.app"]}' }))).toMatch(/vendor mode only/);
  });

  it('lets command-line overrides win and select vendor mode', async () => {
    const c = await load({}, {}, { baseUrl: 'https://b.example/dfa', customerName: 'cli-bank', requestTimeoutMs: 5000 });
    expect(c).toMatchObject({ mode: 'vendor', baseUrl: 'https://b.example/dfa', customerName: 'cli-bank', requestTimeoutMs: 5000 });
  });

  it('applies the https rule to --base-url too', async () => {
    expect(await configError(load({}, {}, { baseUrl: 'http://10.0.0.5/dfa', customerName: 'x' }))).toMatch(/--base-url must use https/);
  });

  it('rejects an out-of-range --timeout-ms', async () => {
    expect(await configError(load({}, {}, { requestTimeoutMs: 5 }))).toMatch(/--timeout-ms/);
  });
});

describe('which config file: machine-wide first, and a packaged kiosk never runs the demo by default', () => {
  const vendor = JSON.stringify({ mode: 'vendor', baseUrl: 'https://a.example/dfa', customerName: 'bank' });
  const sandbox = JSON.stringify({ mode: 'sandbox' });
  const loadWith = (files: Record<string, string>, opts: { env?: Record<string, string>; packaged?: boolean; problem?: string | null } = {}) =>
    loadConfig({
      env: opts.env ?? {},
      userDataDir: '/home/k/.config/enrollment-kiosk',
      readFile: async (p) => files[p] ?? null,
      systemDir: '/etc/enrollment-kiosk',
      packaged: opts.packaged ?? false,
      checkSystemFile: async () => opts.problem ?? null,
    });
  const SYSTEM = '/etc/enrollment-kiosk/config.json';
  const USER = '/home/k/.config/enrollment-kiosk/kiosk-config.json';

  it('takes the machine-wide file over the per-user one', async () => {
    expect(await loadWith({ [SYSTEM]: vendor, [USER]: sandbox })).toMatchObject({ mode: 'vendor', source: SYSTEM });
    expect(await loadWith({ [USER]: vendor })).toMatchObject({ mode: 'vendor', source: USER });
  });

  it('refuses a machine-wide file that non-admins could write', async () => {
    expect(await configError(loadWith({ [SYSTEM]: vendor, [USER]: vendor }, { problem: 'can be written by users other than root' }))).toMatch(
      /config\.json: can be written by users other than root, so a non-admin user could change/,
    );
  });

  it('honours KIOSK_CONFIG and KIOSK_SYSTEM_DIR only when not packaged', async () => {
    const files = { '/tmp/k.json': vendor, '/tmp/sys/config.json': vendor, [USER]: sandbox };
    expect(await loadWith(files, { env: { KIOSK_CONFIG: '/tmp/k.json' } })).toMatchObject({ source: '/tmp/k.json' });
    expect(await loadWith(files, { env: { KIOSK_SYSTEM_DIR: '/tmp/sys' } })).toMatchObject({ source: '/tmp/sys/config.json' });
    expect(await loadWith(files, { env: { KIOSK_CONFIG: '/tmp/k.json', KIOSK_SYSTEM_DIR: '/tmp/sys' }, packaged: true })).toMatchObject({ mode: 'sandbox', source: USER });
  });

  it('a packaged kiosk with no file is not configured, and names the machine-wide path', async () => {
    const err = await loadWith({}, { packaged: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotConfiguredError);
    expect(err).toMatchObject({ code: 'config', expectedPath: SYSTEM, message: expect.stringContaining(SYSTEM) });
    // An unpackaged run still starts the embedded sandbox with no file.
    expect(await loadWith({})).toMatchObject({ mode: 'sandbox', source: 'defaults' });
  });

  it('a packaged kiosk runs the sandbox only when its config says "mode": "sandbox"', async () => {
    expect(await configError(loadWith({ [USER]: '{"kioskId":"k1"}' }, { packaged: true }))).toMatch(/key "mode" is required/);
    expect(await loadWith({ [USER]: sandbox }, { packaged: true })).toMatchObject({ mode: 'sandbox' });
    expect(await loadWith({ [SYSTEM]: vendor }, { packaged: true })).toMatchObject({ mode: 'vendor' });
  });
});

describe('systemFileProblem (a real file)', () => {
  it('refuses a machine-wide file or folder non-admins could write', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kiosk-system-'));
    const file = join(dir, 'config.json');
    await writeFile(file, '{}');
    await chmod(dir, 0o755);
    await chmod(file, 0o644);
    const root = process.getuid?.() === 0;
    expect(await systemFileProblem(file, 'linux')).toEqual(root ? null : expect.stringMatching(/owned by a user other than root/));
    await chmod(file, 0o666);
    expect(await systemFileProblem(file, 'linux')).toMatch(root ? /the file can be written by users other than root \(mode 666\)/ : /owned by/);
    await chmod(file, 0o644);
    await chmod(dir, 0o777);
    if (root) expect(await systemFileProblem(file, 'linux')).toMatch(/its folder .* can be written by users other than root/);
    if (root) {
      await chmod(dir, 0o755);
      await chown(file, 65534, 65534);
      expect(await systemFileProblem(file, 'linux')).toMatch(/owned by a user other than root \(uid 65534\)/);
    }
    expect(await systemFileProblem(file, 'win32')).toBeNull();
  });
});

describe('checkBaseUrl', () => {
  it.each([
    ['https://x.example/dfa', true],
    ['http://localhost:8080/dfa', true],
    ['http://[::1]:8080/dfa', true],
    ['http://127.10.0.1/dfa', true],
    ['http://127.0.0.1.evil.example/dfa', false],
    ['https://user:pw@x.example/dfa', false],
    ['https://x.example/dfa?x=1', false],
    ['ftp://x.example/dfa', false],
    ['not a url', false],
  ])('%s → %s', (url, ok) => {
    expect(checkBaseUrl(url).ok).toBe(ok);
  });

  it('knows loopback hosts', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    expect(isLoopbackHost('localhost.example')).toBe(false);
  });
});
