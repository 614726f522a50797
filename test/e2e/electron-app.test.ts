import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../main/ipc/channels';
import { KIOSK_CSP } from '../../main/security/csp';
import { electronBinary, electronSuiteSkipReason } from '../helpers/electron-binary';
import { assertBuilt } from '../helpers/run-kioskctl';

// The kiosk through the real Electron binary. Where the binary cannot be installed (as on the
// CI machines, which cannot download it), the suite skips itself with one line.
const skipReason = electronSuiteSkipReason();
if (skipReason) console.warn(`Electron end-to-end suite skipped: ${skipReason}.`);

const MAIN = join(process.cwd(), 'out', 'main', 'index.js');
const CONTRACT_METHODS = [...Object.values(INVOKE_CHANNELS), ...Object.values(EVENT_CHANNELS)].sort();

/** The environment of a kiosk with no config file: sandbox mode, data in the test scratch folder. */
function kioskEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && k !== 'KIOSK_CONFIG' && k !== 'ELECTRON_RENDERER_URL' && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  }
  return env;
}

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

  it('loads the UI from kiosk://app with the CSP header', async () => {
    expect(page.url()).toBe('kiosk://app/index.html');
    const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    expect(csp).toBe(KIOSK_CSP);
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

  it('blocks navigation to another origin', async () => {
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await new Promise((r) => setTimeout(r, 1000));
    const url = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL());
    expect(url).toBe('kiosk://app/index.html');
  });

  it('denies window.open and every permission', async () => {
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    const camera = await page.evaluate(() => navigator.mediaDevices.getUserMedia({ video: true }).then(() => 'granted', (e: Error) => e.name));
    expect(camera).toBe('NotAllowedError');
  });

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

  it('refuses to start with the sandbox disabled', () => {
    const r = spawnSync(electronBinary()!, [MAIN, '--no-sandbox'], { env: kioskEnv(), encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('sandbox disabled');
  });
});
