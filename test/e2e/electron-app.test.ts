import { spawnSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../domain/ipc/channels';
import { KIOSK_CSP } from '../../main/security/csp';
import { electronBinary, electronSuiteSkipReason, kioskEnv } from '../helpers/electron-binary';
import { assertBuilt } from '../helpers/run-kioskctl';
import { fill, review, toEdit } from '../renderer/ui-steps';
import { expect as pw } from '@playwright/test';

// The kiosk through the real Electron binary. Where the binary cannot be installed (as on the
// CI machines, which cannot download it), the suite skips itself with one line.
const skipReason = electronSuiteSkipReason();
if (skipReason) console.warn(`Electron end-to-end suite skipped: ${skipReason}.`);

const MAIN = join(process.cwd(), 'out', 'main', 'index.js');
const CONTRACT_METHODS = [...Object.values(INVOKE_CHANNELS), ...Object.values(EVENT_CHANNELS)].sort();

async function waitFor<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`timed out; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
    last = await probe();
  }
  return last;
}

describe.skipIf(skipReason !== null)('the kiosk in Electron', () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    assertBuilt();
    app = await _electron.launch({ executablePath: electronBinary()!, args: [MAIN], env: kioskEnv(), timeout: 30_000 });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it('loads the UI from kiosk://app with the CSP header, and enforces it', async () => {
    expect(page.url()).toBe('kiosk://app/index.html');
    const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    expect(csp).toBe(KIOSK_CSP);
    const evalResult = await page.evaluate(() => {
      try {
        return String(eval('1 + 1'));
      } catch (e) {
        return (e as Error).name;
      }
    });
    expect(evalResult).toBe('EvalError');
  });

  it('runs the page isolated and sandboxed, without Node or <webview>', async () => {
    // Electron has no public getter for a window's preferences; check their effects instead.
    const sandboxed = await app.evaluate(async ({ app: electronApp, BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0]?.webContents;
      if (!wc) return 'no window';
      const pid = wc.getOSProcessId();
      if (process.platform === 'linux') {
        // A sandboxed renderer runs under a seccomp-bpf filter (mode 2).
        const { readFile } = await import('node:fs/promises');
        const status = await readFile(`/proc/${pid}/status`, 'utf8');
        return /^Seccomp:\s+2$/m.test(status) ? 'sandboxed' : 'not sandboxed';
      }
      const metric = electronApp.getAppMetrics().find((m) => m.pid === pid);
      return metric?.sandboxed ? 'sandboxed' : 'not sandboxed';
    });
    expect(sandboxed).toBe('sandboxed');
    const page_ = await page.evaluate(() => ({
      // contextBridge only works with context isolation: the bridge existing proves it.
      bridge: typeof window.kiosk,
      webview: customElements.get('webview') === undefined && document.createElement('webview') instanceof HTMLUnknownElement,
    }));
    expect(page_).toEqual({ bridge: 'object', webview: true });
  });

  it('gives the page no require, process or module', async () => {
    const types = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return [typeof w['require'], typeof w['process'], typeof w['module'], typeof w['Buffer']];
    });
    expect(types).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
  });

  it('exposes exactly the contract on window.kiosk, and it reaches main', async () => {
    expect(await page.evaluate(() => Object.keys(window.kiosk).sort())).toEqual(CONTRACT_METHODS);
    const info = await page.evaluate(() => window.kiosk.kioskInfo());
    expect(info).toMatchObject({ ok: true, value: { mode: 'sandbox', sandbox: true } });
    const bad = await page.evaluate(() => (window.kiosk.lookupProfile as (r: unknown) => Promise<unknown>)({ userName: 'a b', extra: 1 }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('blocks navigation and frames to another origin: the other server is never asked', async () => {
    let hits = 0;
    const server = http.createServer((_req, res) => {
      hits++;
      res.end('<p>elsewhere</p>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const other = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      await page.evaluate((url) => {
        location.href = url;
      }, other);
      await page.evaluate((url) => {
        const frame = document.createElement('iframe');
        frame.src = url;
        document.body.append(frame);
      }, other);
      await new Promise((r) => setTimeout(r, 1500));
      expect(hits).toBe(0);
      const url = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL());
      expect(url).toBe('kiosk://app/index.html');
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('denies window.open and every permission', async () => {
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    // Notifications are not covered by the Permissions-Policy header: this answer comes from
    // the session's permission handler.
    expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
    const camera = await page.evaluate(() => navigator.mediaDevices.getUserMedia({ video: true }).then(() => 'granted', (e: Error) => e.name));
    expect(camera).toBe('NotAllowedError');
  });

  it('runs the staff happy path through the real window, main process and keychain', async () => {
    await page.reload();
    await toEdit(page, 'ravi.kumar');
    await fill(page, { 'E-mail address': 'ravi.e2e@example.com' });
    await review(page);
    await page.getByRole('button', { name: 'Confirm and update' }).click();
    await pw(page.getByText('The customer’s details were updated.')).toBeVisible();
    await page.getByRole('button', { name: 'Done' }).click();
    await pw(page.getByRole('heading', { name: 'Find customer' })).toBeVisible();
  }, 60_000);

  it('face re-enrollment: the camera works in its window and not in the kiosk window; other origins and old data stay out', async () => {
    let hits = 0;
    const server = http.createServer((_req, res) => {
      hits++;
      res.end('elsewhere');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const other = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const openCamera = async (userName: string): Promise<Page> => {
      await page.getByLabel('Customer user name').fill(userName);
      await page.getByRole('button', { name: 'Find', exact: true }).click();
      await page.getByLabel(/Also update the face/).check();
      await review(page);
      await page.getByRole('button', { name: 'Confirm and update' }).click();
      await pw(page.getByText('The camera is ready.')).toBeVisible({ timeout: 15_000 });
      const opened = app.waitForEvent('window');
      await page.getByRole('button', { name: 'Start face recording' }).click();
      const cam = await opened;
      await cam.waitForLoadState('domcontentloaded');
      return cam;
    };
    try {
      const camA = await openCamera('arjun.mehta');
      const inWindow = await camA.evaluate(() => navigator.mediaDevices.getUserMedia({ video: true }).then((s) => (s.getTracks().forEach((t) => t.stop()), 'ok'), (e: Error) => e.name));
      expect(inWindow).toBe('ok');
      const inKiosk = await page.evaluate(() => navigator.mediaDevices.getUserMedia({ video: true }).then(() => 'ok', (e: Error) => e.name));
      expect(inKiosk).toBe('NotAllowedError');
      const mic = await camA.evaluate(() => navigator.mediaDevices.getUserMedia({ audio: true }).then(() => 'ok', (e: Error) => e.name));
      expect(mic).toBe('NotAllowedError');
      await camA.evaluate(() => {
        document.cookie = 'customer=arjun; max-age=3600';
        localStorage.setItem('customer', 'arjun');
      });
      await camA.evaluate((url) => {
        location.href = url;
      }, other);
      // Leaving the vendor's origins is blocked and ends the recording at once.
      await pw(page.getByText(/tried to open an address outside the face service/)).toBeVisible({ timeout: 15_000 });
      expect(hits).toBe(0);
      // The camera window and the hidden camera check are gone: only the kiosk window is left.
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
      await page.getByRole('button', { name: 'Done' }).click();
      const camB = await openCamera('ananya.iyer');
      const leftovers = await camB.evaluate(() => ({ cookie: document.cookie, stored: localStorage.getItem('customer') }));
      expect(leftovers).toEqual({ cookie: '', stored: null });
      await page.getByRole('button', { name: 'Cancel face recording' }).click();
      await pw(page.getByText(/Face recording was cancelled/)).toBeVisible({ timeout: 15_000 });
      await page.getByRole('button', { name: 'Done' }).click();
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  }, 90_000);

  it('recovers from a forced renderer crash', async () => {
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer());
    const state = await waitFor(
      () =>
        app.evaluate(async ({ BrowserWindow }) => {
          const wc = BrowserWindow.getAllWindows()[0]?.webContents;
          if (!wc || wc.isCrashed() || wc.isLoading()) return 'waiting';
          return `${wc.getURL()} ${String(await wc.executeJavaScript('typeof window.kiosk'))}`;
        }),
      (v) => v === 'kiosk://app/index.html object',
    );
    expect(state).toBe('kiosk://app/index.html object');
  }, 30_000);

  it('refuses to start with the sandbox or isolation turned off', () => {
    const r = spawnSync(electronBinary()!, [MAIN, '--no-sandbox'], { env: kioskEnv(), encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('sandbox or isolation turned off');
  });
});
