import Module, { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../domain/ipc/channels';
import { KIOSK_CSP } from '../../main/security/csp';
import { secureWebPreferences } from '../../main/electron/web-preferences';
import { DEMO_CUSTOMER, DEMO_STAFF } from '../../domain/demo-account';
import { createFakeElectron, type FakeElectron, type FakeSession, type FakeWebContents } from '../helpers/fake-electron';
import { assertBuilt } from '../helpers/run-kioskctl';

// The built main bundle (out/main/index.js), run under Node against a fake `electron` module:
// the wiring between lifecycle, protocol, session, window, guards, IPC and crash recovery, as
// compiled. The real-Electron version of these checks is test/e2e (skipped without the binary).

const OUT = join(process.cwd(), 'out');
const BUNDLE = join(OUT, 'main', 'index.js');
const nodeRequire = createRequire(import.meta.url);
type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleInternals = Module as unknown as { _load: Loader };

/** Loads the bundle fresh with `fake` standing in for electron; captures stderr until `restore`. */
function loadBundle(fake: FakeElectron, argv: string[] = []): { stderr: string[]; restore: () => void } {
  const stderr: string[] = [];
  const originalLoad = moduleInternals._load;
  const originalArgv = process.argv;
  const originalWrite = process.stderr.write.bind(process.stderr);
  moduleInternals._load = function (request, parent, isMain) {
    if (request === 'electron') return fake.module;
    return originalLoad.call(this, request, parent, isMain);
  };
  process.argv = [process.argv[0]!, BUNDLE, ...argv];
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    Reflect.deleteProperty(nodeRequire.cache, BUNDLE);
    nodeRequire(BUNDLE);
  } finally {
    moduleInternals._load = originalLoad;
    process.argv = originalArgv;
  }
  // The app's log lines keep coming after the load: they are captured until restored.
  return { stderr, restore: () => void (process.stderr.write = originalWrite) };
}

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function senderEvent(wc: FakeWebContents, url = 'kiosk://app/index.html') {
  return { sender: wc, senderFrame: { url, parent: null, processId: wc.mainFrame.processId, routingId: wc.mainFrame.routingId } };
}

describe('the built main bundle under a fake Electron', () => {
  let fake: FakeElectron;
  let wc: FakeWebContents;
  let ses: FakeSession;
  let stderr: string[];
  let restore: () => void = () => undefined;

  beforeAll(async () => {
    assertBuilt();
    const scratch = await mkdtemp(join(process.env['KIOSK_TEST_SCRATCH'] || tmpdir(), 'main-bundle-'));
    process.env['XDG_CONFIG_HOME'] = scratch;
    delete process.env['KIOSK_CONFIG'];
    fake = createFakeElectron(scratch);
    ({ stderr, restore } = loadBundle(fake));
    fake.markReady();
    await until(() => fake.windows[0]?.webContents.loaded.length === 1, 'the kiosk page to load');
    wc = fake.windows[0]!.webContents;
    ses = fake.sessions.get('kiosk-ui')!;
  });

  afterAll(async () => {
    restore();
  });

  it('registers the app scheme and forces the sandbox before the app is ready', () => {
    expect(fake.privilegedSchemes).toEqual([{ scheme: 'kiosk', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
    expect(fake.state.sandboxEnabled).toBe(true);
  });

  it('takes the single-instance lock in the kiosk data folder and removes the menu', () => {
    expect(fake.state.lockUserData).toBe(join(process.env['XDG_CONFIG_HOME']!, 'enrollment-kiosk'));
    expect(fake.state.menus).toEqual([null]);
  });

  it('builds one window from the preferences factory, with a preload that exists', () => {
    expect(fake.windows).toHaveLength(1);
    const prefs = fake.windows[0]!.options['webPreferences'] as { preload: string };
    expect(prefs).toEqual(secureWebPreferences({ preload: prefs.preload, partition: 'kiosk-ui', devTools: true }));
    expect(prefs.preload).toBe(join(OUT, 'preload', 'index.js'));
    expect(existsSync(prefs.preload)).toBe(true);
    expect(fake.windows[0]!.options).toMatchObject({ show: false, kiosk: false });
    expect(wc.loaded).toEqual(['kiosk://app/index.html']);
    fake.windows[0]!.emit('ready-to-show');
    expect(fake.windows[0]!.shown).toBe(true);
  });

  it('serves the built renderer on the window\'s own session, with the CSP, and nothing outside it', async () => {
    const handler = ses.protocolHandlers.get('kiosk')!;
    expect(handler).toBeDefined();
    const ok = await handler(new Request('kiosk://app/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(KIOSK_CSP);
    expect(await ok.text()).toContain('<div id="root">');
    expect((await handler(new Request('kiosk://app/fallback.html'))).status).toBe(200);
    expect((await handler(new Request('kiosk://app/%2e%2e/main/index.js'))).status).toBe(404);
  });

  it('denies every permission on that session', () => {
    const answers: boolean[] = [];
    for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read']) ses.permissionRequest!(wc, p, (g) => answers.push(g));
    expect(answers).toEqual([false, false, false, false]);
    expect(ses.permissionCheck!(wc, 'media', 'kiosk://app', {})).toBe(false);
    expect(ses.devicePermission!({ deviceType: 'usb' })).toBe(false);
    let streams: unknown = 'unset';
    ses.displayMedia!({}, (s) => (streams = s));
    expect(streams).toBeNull();
  });

  it('guards navigation, window.open and webview on the window', () => {
    let prevented = 0;
    const event = { preventDefault: () => void prevented++ };
    wc.emit('will-navigate', event, 'https://evil.example/');
    wc.emit('will-redirect', event, 'kiosk://app.evil/');
    wc.emit('will-frame-navigate', { ...event, url: 'file:///etc/passwd' });
    wc.emit('will-attach-webview', event, {}, {});
    expect(prevented).toBe(4);
    wc.emit('will-navigate', event, 'kiosk://app/index.html');
    expect(prevented).toBe(4);
    expect(wc.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('registers a handler for every contract channel, answering only the kiosk main frame', async () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(Object.keys(INVOKE_CHANNELS).sort());
    const info = fake.ipcHandlers.get('kiosk:info')!;
    expect(await info(senderEvent(wc), {})).toMatchObject({ ok: true, value: { mode: 'sandbox', sandbox: true, version: '0.1.0-test' } });
    const other = { ...senderEvent(wc), sender: { ...wc, id: wc.id + 100, mainFrame: wc.mainFrame } };
    expect(await info(other, {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const subframe = { ...senderEvent(wc), senderFrame: { url: 'kiosk://app/index.html', parent: {}, processId: 11, routingId: 99 } };
    expect(await info(subframe, {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('starts locked; a demo supervisor unlocks, then signs in against the embedded sandbox through IPC and the real keychain', async () => {
    const call = (channel: string, req: unknown) => fake.ipcHandlers.get(channel)!(senderEvent(wc), req);
    expect(await call('staff:state', {})).toEqual({ ok: true, value: { staff: null } });
    expect(await call('session:sign-in', { password: DEMO_CUSTOMER.password })).toMatchObject({ ok: false, error: { code: 'locked' } });
    const supervisor = DEMO_STAFF.find((s) => s.role === 'supervisor')!;
    expect(await call('staff:unlock', { staffId: supervisor.staffId, secret: supervisor.pin })).toMatchObject({ ok: true, value: { outcome: 'unlocked', staff: { role: 'supervisor' } } });
    expect(await call('session:sign-in', { password: DEMO_CUSTOMER.password })).toEqual({ ok: true, value: { signedIn: true } });
    expect(await call('profile:lookup', { userName: 'ravi.kumar' })).toMatchObject({ ok: true, value: { fullName: 'Ravi Kumar' } });
    expect(await call('session:sign-out', {})).toMatchObject({ ok: true });
  });

  it('reloads after a crash, shows the fallback after the 4th, and only then allows a restart', async () => {
    const restart = fake.ipcHandlers.get('kiosk:restart')!;
    expect(await restart(senderEvent(wc), {})).toMatchObject({ ok: false });
    for (let i = 0; i < 4; i++) wc.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(wc.loaded.slice(1)).toEqual(['kiosk://app/index.html', 'kiosk://app/index.html', 'kiosk://app/index.html', 'kiosk://app/fallback.html']);
    const fallbackEvent = senderEvent(wc, 'kiosk://app/fallback.html');
    expect(await restart(fallbackEvent, {})).toEqual({ ok: true, value: { restarting: true } });
    await until(() => fake.state.relaunches === 1, 'the relaunch');
    expect(fake.state.exitCodes).toEqual([0]);
  });

  it('on quit, waits for its own shutdown (sandbox stopped), then quits again', async () => {
    let prevented = 0;
    fake.appEvents.emit('will-quit', { preventDefault: () => void prevented++ });
    expect(prevented).toBe(1);
    await until(() => fake.state.quits === 1, 'the second quit');
    // A second will-quit (the real quit) is let through.
    fake.appEvents.emit('will-quit', { preventDefault: () => void prevented++ });
    expect(prevented).toBe(1);
  });

  it('writes no secret to its log', () => {
    const log = stderr.join('');
    expect(log).toContain('sandbox service started');
    expect(log).not.toContain(DEMO_CUSTOMER.password);
  });
});

describe('the built main bundle as a packaged (production) build', () => {
  it('runs full-screen kiosk without DevTools, keeps the window open until quitting, blocks the reload and DevTools keys', async () => {
    const scratch = await mkdtemp(join(process.env['KIOSK_TEST_SCRATCH'] || tmpdir(), 'main-bundle-prod-'));
    process.env['XDG_CONFIG_HOME'] = scratch;
    const fake = createFakeElectron(scratch, true);
    const { restore } = loadBundle(fake);
    try {
      fake.markReady();
      await until(() => fake.windows[0]?.webContents.loaded.length === 1, 'the kiosk page to load');
      const win = fake.windows[0]!;
      expect(win.options).toMatchObject({ kiosk: true, fullscreen: true });
      expect((win.options['webPreferences'] as { devTools: boolean }).devTools).toBe(false);
      let prevented = 0;
      const event = { preventDefault: () => void prevented++ };
      win.emit('close', event);
      expect(prevented).toBe(1);
      for (const input of [{ key: 'F12' }, { key: 'r', control: true }, { key: 'F5' }]) {
        win.webContents.emit('before-input-event', event, { type: 'keyDown', control: false, meta: false, shift: false, alt: false, ...input });
      }
      expect(prevented).toBe(4);
      fake.appEvents.emit('before-quit');
      win.emit('close', event);
      expect(prevented).toBe(4);
    } finally {
      fake.appEvents.emit('will-quit', { preventDefault: () => undefined });
      await until(() => fake.state.quits === 1, 'the quit');
      restore();
    }
  });

  it('refuses debugging switches', async () => {
    const fake = createFakeElectron('/nonexistent', true);
    const { stderr, restore } = loadBundle(fake, ['--remote-debugging-port=9222']);
    restore();
    expect(fake.state.exitCodes).toEqual([1]);
    expect(fake.windows).toHaveLength(0);
    expect(stderr.join('')).toContain('debugging options');
  });
});

describe('the built main bundle, packaged, with no config file', () => {
  it('shows the "not configured" screen naming the machine-wide file; no sandbox, no services, no IPC', async () => {
    const scratch = await mkdtemp(join(process.env['KIOSK_TEST_SCRATCH'] || tmpdir(), 'main-bundle-nc-'));
    const saved = { xdg: process.env['XDG_CONFIG_HOME'], config: process.env['KIOSK_CONFIG'], system: process.env['KIOSK_SYSTEM_DIR'] };
    process.env['XDG_CONFIG_HOME'] = scratch;
    // Ignored by a packaged kiosk: neither may point it at a file.
    process.env['KIOSK_CONFIG'] = join(scratch, 'elsewhere.json');
    process.env['KIOSK_SYSTEM_DIR'] = scratch;
    const fake = createFakeElectron(scratch, true);
    const { stderr, restore } = loadBundle(fake);
    try {
      fake.markReady();
      await until(() => fake.windows[0]?.webContents.loaded.length === 1, 'the not-configured page to load');
      expect(fake.windows[0]!.webContents.loaded).toEqual([`kiosk://app/not-configured.html#${encodeURIComponent('/etc/enrollment-kiosk/config.json')}`]);
      expect(fake.ipcHandlers.size).toBe(0);
      expect(fake.state.exitCodes).toEqual([]);
      expect(stderr.join('')).not.toContain('sandbox service started');
      expect(stderr.join('')).toContain('not configured');
    } finally {
      restore();
      process.env['XDG_CONFIG_HOME'] = saved.xdg;
      if (saved.config === undefined) delete process.env['KIOSK_CONFIG'];
      else process.env['KIOSK_CONFIG'] = saved.config;
      if (saved.system === undefined) delete process.env['KIOSK_SYSTEM_DIR'];
      else process.env['KIOSK_SYSTEM_DIR'] = saved.system;
    }
  });
});

describe('the built main bundle and a GPU process that keeps dying', () => {
  it('restarts once without hardware acceleration after the fourth GPU death in 5 minutes; clean exits and other processes do not count', () => {
    const fake = createFakeElectron('/nonexistent');
    const { restore } = loadBundle(fake);
    restore();
    const gone = (type: string, reason = 'crashed') => fake.appEvents.emit('child-process-gone', {}, { type, reason, exitCode: 1 });
    gone('Utility');
    gone('GPU', 'clean-exit');
    for (let i = 0; i < 3; i++) gone('GPU');
    expect(fake.state.relaunches).toBe(0);
    gone('GPU');
    expect(fake.state.relaunches).toBe(1);
    // The same arguments as this run (read when the GPU died), plus --disable-gpu.
    expect(fake.state.relaunchArgs[0]).toEqual([...process.argv.slice(1), '--disable-gpu']);
    // Quit, not exit: will-quit still closes the camera window and the core first.
    expect(fake.state.quits).toBe(1);
    expect(fake.state.exitCodes).toEqual([]);
    expect(fake.state.accelerationOff).toBe(false);
  });

  it('starts with hardware acceleration off under --disable-gpu, and then never restarts for the GPU', () => {
    const fake = createFakeElectron('/nonexistent');
    const { restore } = loadBundle(fake, ['--disable-gpu']);
    restore();
    expect(fake.state.accelerationOff).toBe(true);
    for (let i = 0; i < 10; i++) fake.appEvents.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 1 });
    expect(fake.state.relaunches).toBe(0);
  });
});

describe('the built main bundle refuses unsafe starts', () => {
  it.each([['--no-sandbox'], ['--disable-gpu-sandbox']])('exits with %s before creating anything', async (flag) => {
    const fake = createFakeElectron('/nonexistent');
    const { stderr, restore } = loadBundle(fake, [flag]);
    fake.markReady();
    await new Promise((r) => setTimeout(r, 50));
    restore();
    expect(fake.state.exitCodes).toEqual([1]);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
    expect(stderr.join('')).toContain('sandbox or isolation turned off');
  });
});

describe('the built main process', () => {
  it('is one file, and kioskctl another, each requiring nothing of the project but itself', () => {
    assertBuilt();
    expect(readdirSync(join(OUT, 'main'))).toEqual(['index.js']);
    expect(readdirSync(join(OUT, 'cli'))).toEqual(['kioskctl.js']);
    for (const file of [join(OUT, 'main', 'index.js'), join(OUT, 'cli', 'kioskctl.js')]) {
      const code = readFileSync(file, 'utf8');
      // (`import("x").Name` is a JSDoc type in a bundled library, not a load.)
      const required = [...code.matchAll(/\brequire\("([^"]+)"\)|\bimport\("([^"]+)"\)(?!\.\w)/g)].map((m) => m[1] ?? m[2]);
      expect(required.filter((r) => r?.startsWith('.'))).toEqual([]);
      // Only Node's own modules, electron (main) and keytar (native, loaded when needed).
      expect(required.filter((r) => !r?.startsWith('node:') && r !== 'electron' && r !== 'keytar')).toEqual([]);
    }
  });
});
