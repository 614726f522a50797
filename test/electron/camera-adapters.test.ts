import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, FakeSession, behaviour, resetFakeElectron } from '../helpers/fake-camera-electron';
import { captureLogger } from '../helpers/capture-logger';
import type { EnrollmentHint } from '../../main/enrollment/enrollment-poll';

// The camera check, the camera window and their partition pool, loaded over a stand-in for
// Electron 45's `BrowserWindow` and `session` (the binary cannot run here): what they build,
// which partition they use, and that every ending wipes the partition back into the pool.
vi.mock('electron', async () => (await import('../helpers/fake-camera-electron')).electronModule);

const { checkCamera, cameraStateOf } = await import('../../main/electron/camera-check');
const { cameraPartition, cameraPartitionPool } = await import('../../main/electron/camera-partitions');
const { openEnrollmentWindow } = await import('../../main/electron/enrollment-window');

const APP = 'kiosk://app';
const ALLOWED = ['https://signzy.app', 'https://signzy.xyz'];
const PAGE = 'https://signzy.app/deepfaceauth/api/v1/iframe/enroll/portal/a/b';

afterEach(() => resetFakeElectron());

function checkPool(logger = captureLogger().logger) {
  return cameraPartitionPool({ prefix: 'camcheck', size: 1, origins: [APP], logger, setup: (s) => s.protocol.handle('kiosk', async () => new Response('')) });
}

describe('camera partitions (Electron 45 session shapes)', () => {
  it('lists what a partition still holds: cookies, cached bytes, service workers, a storage folder', async () => {
    const ses = new FakeSession('enroll-0');
    const p = cameraPartition(ses as never);
    expect(await p.leftovers()).toEqual([]);
    ses.cookieJar = [{ name: 'sid' }];
    ses.cacheBytes = 512;
    ses.workers = { 1: { scope: 'https://signzy.app/' } };
    ses.storagePath = '/home/kiosk/.config/x';
    expect(await p.leftovers()).toEqual(['a storage folder', 'cookies', 'cached data', 'service workers']);
    await p.clearStorageData();
    await p.clearCache();
    ses.storagePath = null;
    expect(await p.leftovers()).toEqual([]);
  });

  it('opens each pooled partition once, locked down to video once, with its extra setup', async () => {
    const pool = checkPool();
    for (let i = 0; i < 3; i++) await (await pool.acquire()).release(null);
    const ses = FakeSession.byPartition.get('camcheck-0')!;
    expect([...FakeSession.byPartition.keys()]).toEqual(['camcheck-0']);
    expect(ses.handlers).toEqual({ request: 1, check: 1, device: 1, display: 1 });
    expect(ses.listenerCount('will-download')).toBe(1);
    expect(ses.protocolHandled).toEqual(['kiosk']);
  });
});

describe('camera check', () => {
  it.each([
    ['ready', 'ready'],
    ['NotFoundError', 'missing'],
    ['NotReadableError', 'busy'],
    ['NotAllowedError', 'blocked'],
    ['TypeError', 'error'],
  ])('maps %s to %s', async (answer, state) => {
    behaviour.executeJavaScript = async () => answer;
    expect(await checkCamera({ appOrigin: APP, pool: checkPool(), logger: captureLogger().logger })).toBe(state);
    expect(cameraStateOf(answer)).toBe(state);
  });

  it('loads the check page in a hidden, sandboxed window on the pooled partition, then destroys it and wipes the partition', async () => {
    const pool = checkPool();
    expect(await checkCamera({ appOrigin: APP, pool, logger: captureLogger().logger })).toBe('ready');
    const [w] = FakeBrowserWindow.all;
    expect(w!.options).toMatchObject({ show: false, webPreferences: { partition: 'camcheck-0', sandbox: true } });
    expect(w!.options.webPreferences?.preload).toBeUndefined();
    expect(w!.webContents.loaded).toEqual([`${APP}/camera-check.html`]);
    expect(w!.destroyed).toBe(true);
    expect(FakeSession.byPartition.get('camcheck-0')!.calls).toEqual(['close-connections', 'clear-storage', 'clear-cache', 'clear-auth-cache', 'clear-host-cache']);
    expect(pool.free()).toBe(1);
  });

  it('a check that never answers is an error after its timeout, and the partition is still wiped', async () => {
    behaviour.executeJavaScript = () => new Promise(() => undefined);
    const pool = checkPool();
    expect(await checkCamera({ appOrigin: APP, pool, logger: captureLogger().logger, timeoutMs: 20 })).toBe('error');
    expect(FakeBrowserWindow.all[0]!.destroyed).toBe(true);
    expect(pool.free()).toBe(1);
  });

  it('a page that does not load is an error, logged, and the partition is still wiped', async () => {
    behaviour.loadURL = async () => {
      throw new Error('ERR_FILE_NOT_FOUND');
    };
    const cap = captureLogger();
    const pool = checkPool(cap.logger);
    expect(await checkCamera({ appOrigin: APP, pool, logger: cap.logger })).toBe('error');
    expect(cap.text()).toContain('camera check failed');
    expect(FakeSession.byPartition.get('camcheck-0')!.calls).toContain('clear-storage');
    expect(pool.free()).toBe(1);
  });

  it('with no partition that can be emptied, the answer is an error and no window opens', async () => {
    const pool = checkPool();
    const lease = await pool.acquire();
    const ses = FakeSession.byPartition.get('camcheck-0')!;
    ses.stubborn = true;
    ses.cookieJar = [{ name: 'left' }];
    await lease.release(null);
    FakeBrowserWindow.all = [];
    expect(await checkCamera({ appOrigin: APP, pool, logger: captureLogger().logger })).toBe('error');
    expect(FakeBrowserWindow.all).toEqual([]);
  });
});

describe('the camera window', () => {
  async function opened() {
    const hints: EnrollmentHint[] = [];
    const pool = cameraPartitionPool({ prefix: 'enroll', size: 2, origins: ALLOWED, logger: captureLogger().logger });
    const lease = await pool.acquire();
    const parent = new FakeBrowserWindow({});
    const w = openEnrollmentWindow({ parent: parent as never, url: PAGE, origins: ALLOWED, lease, production: true, logger: captureLogger().logger, onHint: (h) => hints.push(h) });
    const window = w.window as unknown as FakeBrowserWindow;
    return { w, window, hints, pool, lease };
  }

  it('is a child of the kiosk window on the leased partition, with no preload, loading the link', async () => {
    const { window } = await opened();
    expect(window.options).toMatchObject({ show: false, webPreferences: { partition: 'enroll-0', sandbox: true } });
    expect(window.options.parent).toBe(FakeBrowserWindow.all[0]);
    expect(window.options.webPreferences?.preload).toBeUndefined();
    expect(window.webContents.loaded).toEqual([PAGE]);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('its guards are on: a navigation off the allowed origins is cancelled and ends the recording', async () => {
    const { window, hints } = await opened();
    let prevented = false;
    window.webContents.emit('will-navigate', { url: 'https://signzy.xyz/next', preventDefault: () => void (prevented = true) });
    expect(prevented).toBe(false);
    window.webContents.emit('will-navigate', { url: 'https://evil.example/', preventDefault: () => void (prevented = true) });
    expect(prevented).toBe(true);
    expect(hints).toEqual(['page-blocked']);
    expect(window.webContents.openHandler?.()).toEqual({ action: 'deny' });
  });

  it('close destroys it and wipes its partition back into the pool; closing it is reported once', async () => {
    const { w, window, hints, pool } = await opened();
    expect(pool.free()).toBe(1);
    expect(await w.close()).toEqual({ ok: true });
    expect(window.destroyed).toBe(true);
    expect(hints).toEqual(['window-closed']);
    expect(FakeSession.byPartition.get('enroll-0')!.calls).toEqual(['close-connections', 'clear-storage', 'clear-cache', 'clear-auth-cache', 'clear-host-cache']);
    expect(pool.free()).toBe(2);
    expect(await w.close()).toEqual({ ok: true });
    expect(FakeSession.byPartition.get('enroll-0')!.calls.filter((c) => c === 'clear-storage')).toHaveLength(1);
  });
});
