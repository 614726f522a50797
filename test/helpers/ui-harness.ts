import type { Browser, BrowserContext, Page } from '@playwright/test';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { chromiumAvailable, launchChromium } from './chromium';
import { captureLogger } from './capture-logger';
import { createIpcHarness, type IpcHarness } from './ipc-harness';
import { bridgePage, dispatchPush, serveRenderer } from './ui-bridge';

export { serveRenderer } from './ui-bridge';

export interface UiSession {
  page: Page;
  /** The camera "window": the re-enrollment page, in its own browser context. */
  enrollmentPage(): Promise<Page>;
  /** Contexts of camera windows still open (0 once every one was closed and cleared). */
  openEnrollmentContexts(): number;
  context: BrowserContext;
  ipc: IpcHarness;
  origin: string;
  logText(): string;
  close(): Promise<void>;
}

/**
 * Opens the built UI in Chromium with `window.kiosk` bridged to the real main-process IPC
 * handlers in this process (real sandbox service, real keychain). `beforeGoto` runs before
 * the page loads (e.g. to install a fake clock).
 */
export interface OpenUiOptions {
  ipc?: Parameters<typeof createIpcHarness>[1];
  viewport?: { width: number; height: number };
  beforeGoto?: (page: Page) => Promise<void>;
  /** The page to open (default index.html). */
  path?: string;
}

export async function openUi(browser: Browser, options: OpenUiOptions = {}): Promise<UiSession> {
  const served = await serveRenderer();
  const cap = captureLogger();
  let page: Page | null = null;
  const enrollmentPages: Page[] = [];
  const contexts = new Set<BrowserContext>();
  // The re-enrollment window: a fresh context (like a wiped partition) where only the allowed
  // origins get the camera; closing it is the reset.
  const openEnrollmentWindow = async (url: string, origins: readonly string[], onHint: (h: 'window-closed' | 'window-crashed') => void) => {
    let closedByKiosk = false;
    const ready = (async () => {
      const ctx = await browser.newContext();
      contexts.add(ctx);
      for (const origin of origins) await ctx.grantPermissions(['camera'], { origin });
      const p = await ctx.newPage();
      p.on('close', () => {
        if (!closedByKiosk) onHint('window-closed');
      });
      p.on('crash', () => onHint('window-crashed'));
      enrollmentPages.push(p);
      await p.goto(url);
      return ctx;
    })();
    return {
      close: async () => {
        closedByKiosk = true;
        const ctx = await ready.catch(() => null);
        if (ctx) {
          await ctx.close();
          contexts.delete(ctx);
        }
        return { ok: true };
      },
    };
  };
  const ipc = await createIpcHarness(cap.logger, {
    openEnrollmentWindow,
    enrollmentPoll: { firstDelayMs: 100, maxDelayMs: 250 },
    ...options.ipc,
    appOrigin: served.origin,
    onPush: (channel, payload) => {
      if (page) void dispatchPush(page, channel, payload);
    },
  });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1920, height: 1080 } });
  page = await context.newPage();
  const p = page;
  await bridgePage(p, ipc);
  await options.beforeGoto?.(p);
  await p.goto(`${served.origin}/${options.path ?? 'index.html'}`);
  return {
    page: p,
    enrollmentPage: async () => {
      for (let i = 0; i < 100 && enrollmentPages.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      const last = enrollmentPages.at(-1);
      if (!last) throw new Error('no re-enrollment page was opened');
      return last;
    },
    openEnrollmentContexts: () => contexts.size,
    context,
    ipc,
    origin: served.origin,
    logText: cap.text,
    close: async () => {
      await context.close();
      await ipc.close();
      await served.close();
    },
  };
}

/**
 * The hooks of a browser test file: one Chromium for the file (a missing browser fails, it does
 * not skip), and one UI session per test, closed after it. Returns the function that opens it.
 */
export function uiSuite(): (options?: OpenUiOptions) => Promise<UiSession> {
  let browser: Browser | null = null;
  let current: UiSession | null = null;
  beforeAll(async () => {
    if (!chromiumAvailable()) throw new Error('Chromium is missing: apt-get install chromium');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await current?.close();
    current = null;
  });
  return async (options = {}) => {
    if (!browser) throw new Error('Chromium did not start');
    current = await openUi(browser, options);
    return current;
  };
}
