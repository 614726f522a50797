import type { Browser, CDPSession, Page } from '@playwright/test';
import { FIRST_RENDER_MARK } from '../../renderer/src/perf-marks';
import type { IpcHarness } from '../../test/helpers/ipc-harness';
import { bridgePage, replayBridgePage, type RecordedAnswers } from '../../test/helpers/ui-bridge';

/** What the kiosk's UI asks main for at start, answered by the real handlers. */
export async function bootAnswers(ipc: IpcHarness): Promise<RecordedAnswers> {
  const info = await ipc.invoke('kiosk:info', {});
  const staff = await ipc.invoke('staff:state', {});
  const state = await ipc.invoke('session:state', {});
  if (!info?.ok || !staff?.ok || !state?.ok) throw new Error(`the handlers did not answer the boot calls: ${JSON.stringify({ info, staff, state })}`);
  return { 'kiosk:info': info, 'staff:state': staff, 'session:state': state };
}

const MARK_REPORT = 'bench:first-render=';

/** Runs in the page before its scripts: logs the first-render mark's time once it is set. */
function reportMark({ mark, prefix }: { mark: string; prefix: string }): void {
  const observer = new PerformanceObserver((list) => {
    const entry = list.getEntriesByName(mark)[0];
    if (!entry) return;
    observer.disconnect();
    console.debug(`${prefix}${entry.startTime}`);
  });
  observer.observe({ type: 'mark' });
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
export async function openToFirstRender(browser: Browser, url: string, bridge: IpcHarness | RecordedAnswers, cpuThrottle: number): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  // Any failure from here on closes the context, so no browser context outlives its run.
  try {
    const page = await context.newPage();
    if ('invoke' in bridge && typeof bridge.invoke === 'function') await bridgePage(page, bridge as IpcHarness);
    else await replayBridgePage(page, bridge as RecordedAnswers);
    const cdp = await context.newCDPSession(page);
    if (cpuThrottle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
    // The page reports the mark itself: Playwright's waitForFunction would evaluate its
    // injected script in the page while the app is still starting (60–180 ms of main-thread
    // work at 4×), landing in the measured span of whichever side is slower.
    await page.addInitScript(reportMark, { mark: FIRST_RENDER_MARK, prefix: MARK_REPORT });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const reported = page.waitForEvent('console', { predicate: (m) => m.text().startsWith(MARK_REPORT), timeout: 30_000 });
    // Settled here too, so a failed navigation never leaves it to reject unhandled later.
    reported.catch(() => undefined);
    await page.goto(url);
    const message = await reported.catch(async (err: unknown) => {
      const text = await page.evaluate(() => document.body.innerText).catch(() => '');
      throw new Error(`${url}: no first-render mark (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); page errors: ${errors.join('; ') || 'none'}; page text: ${text.slice(0, 200)}`);
    });
    const firstRender = Number(message.text().slice(MARK_REPORT.length));
    if (!Number.isFinite(firstRender)) throw new Error(`${url}: the first-render report is not a time: ${message.text()}`);
    return { page, cdp, firstRender, close: () => context.close() };
  } catch (err) {
    await context.close().catch(() => undefined);
    throw err;
  }
}

/** Used JS heap of the page after two forced garbage collections, in bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}
