import type { Browser, CDPSession, Page } from '@playwright/test';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../main/ipc/channels';
import { FIRST_RENDER_MARK } from '../../renderer/src/perf-marks';
import type { IpcHarness } from '../../test/helpers/ipc-harness';
import { bridgePage } from '../../test/helpers/ui-bridge';

/** Answers of the real handlers, replayed in the page: method name → result. */
export type CannedAnswers = Record<string, unknown>;

/**
 * Runs in the page before its scripts: a `window.kiosk` that answers from `answers` one task
 * later, as an IPC reply would arrive. (Playwright's binding, which the UI tests use, costs a
 * CDP round trip per call, far more than Electron's IPC; a first-render timing must not
 * measure that.)
 */
function installCannedBridge(arg: { methods: string[]; events: string[]; answers: CannedAnswers }): void {
  const api: Record<string, unknown> = {};
  for (const m of arg.methods) {
    api[m] = () =>
      new Promise((resolve) =>
        setTimeout(() => resolve(arg.answers[m] ?? { ok: false, error: { code: 'internal', message: 'not part of this benchmark' } }), 0),
      );
  }
  for (const e of arg.events) api[e] = () => () => undefined;
  Object.defineProperty(globalThis, 'kiosk', { value: Object.freeze(api) });
}

/** What the kiosk's UI asks main for at start, answered by the real handlers. */
export async function bootAnswers(ipc: IpcHarness): Promise<CannedAnswers> {
  const info = await ipc.invoke('kiosk:info', {});
  const state = await ipc.invoke('session:state', {});
  if (!info?.ok || !state?.ok) throw new Error(`the handlers did not answer the boot calls: ${JSON.stringify({ info, state })}`);
  return { [INVOKE_CHANNELS['kiosk:info']]: info, [INVOKE_CHANNELS['session:state']]: state };
}

export interface OpenedPage {
  page: Page;
  cdp: CDPSession;
  /** navigation start → the first-render mark, in ms. */
  firstRender: number;
  close(): Promise<void>;
}

/**
 * Opens `url` in a fresh browser context (cold cache, like a fresh kiosk start) with
 * `window.kiosk` bridged to the real handlers or answering from their recorded answers,
 * optionally with the CPU throttled, and waits for the first-render mark. The app and the
 * baseline go through the same steps.
 */
export async function openToFirstRender(browser: Browser, url: string, bridge: IpcHarness | CannedAnswers, cpuThrottle: number): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  if ('invoke' in bridge && typeof bridge.invoke === 'function') await bridgePage(page, bridge as IpcHarness);
  else await page.addInitScript(installCannedBridge, { methods: Object.values(INVOKE_CHANNELS), events: Object.values(EVENT_CHANNELS), answers: bridge as CannedAnswers });
  const cdp = await context.newCDPSession(page);
  if (cpuThrottle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
  await page.goto(url);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const handle = await page
    .waitForFunction((name) => performance.getEntriesByName(name, 'mark')[0]?.startTime, FIRST_RENDER_MARK, { timeout: 30_000 })
    .catch(async (err: unknown) => {
      const text = await page.evaluate(() => document.body.innerText).catch(() => '');
      await context.close();
      throw new Error(`${url}: no first-render mark (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); page errors: ${errors.join('; ') || 'none'}; page text: ${text.slice(0, 200)}`);
    });
  const firstRender = (await handle.jsonValue()) as number;
  return { page, cdp, firstRender, close: () => context.close() };
}

/** Used JS heap of the page after two forced garbage collections, in bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}
