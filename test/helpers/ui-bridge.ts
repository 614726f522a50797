import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../domain/ipc/channels';
import { createAppFileServer } from '../../main/windows/app-files';
import { KIOSK_CONTENTS_ID, type IpcHarness } from './ipc-harness';
import { assertBuilt } from './run-kioskctl';

// The pieces of the browser harness that do not need Vitest (the benchmark uses them too).

export interface ServedFolder {
  origin: string;
  close(): Promise<void>;
}

/** A folder served over HTTP exactly as the kiosk:// protocol serves the UI (CSP included). */
export async function serveFolder(root: string): Promise<ServedFolder> {
  let origin = '';
  let serve: ReturnType<typeof createAppFileServer> | null = null;
  const server = http.createServer((req, res) => {
    void serve!({ url: `${origin}${req.url ?? '/'}`, method: req.method ?? 'GET' }).then((r) => {
      res.writeHead(r.status, r.headers);
      res.end(r.body ?? undefined);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  serve = createAppFileServer(root, origin);
  return {
    origin,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

/** The built renderer (out/renderer), served as the kiosk serves it. */
export function serveRenderer(): Promise<ServedFolder> {
  assertBuilt();
  return serveFolder(join(process.cwd(), 'out', 'renderer'));
}

/** Answers recorded from the real handlers, replayed in the page: channel → result. */
export type RecordedAnswers = Record<string, unknown>;

/**
 * Runs in the page before its scripts: `window.kiosk` like the preload's, over a Playwright
 * binding, or, given `answers`, answering from them one task later as an IPC reply would
 * arrive (the binding costs a CDP round trip per call, far more than Electron's IPC).
 */
function installBridge(tables: { invoke: Record<string, string>; events: Record<string, string>; answers?: RecordedAnswers }): void {
  const w = globalThis as unknown as { __kioskInvoke(channel: string, request: unknown): Promise<unknown> };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api: Record<string, unknown> = {};
  const answers = tables.answers;
  for (const [channel, method] of Object.entries(tables.invoke)) {
    api[method] = answers
      ? () =>
          new Promise((resolve) =>
            setTimeout(() => resolve(answers[channel] ?? { ok: false, error: { code: 'internal', message: 'no recorded answer' } }), 0),
          )
      : (request?: unknown) =>
          w.__kioskInvoke(channel, request ?? {}).catch(() => ({ ok: false, error: { code: 'internal', message: 'bridge failed' } }));
  }
  for (const [channel, method] of Object.entries(tables.events)) {
    api[method] = (listener: (payload: unknown) => void) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    };
  }
  Object.defineProperty(globalThis, 'kiosk', { value: Object.freeze(api) });
  Object.defineProperty(globalThis, '__kioskDispatch', {
    value: (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l(payload)),
  });
}

/** Gives a page (before it loads) a `window.kiosk` bridged to the harness's real IPC handlers. */
export async function bridgePage(page: Page, ipc: IpcHarness): Promise<void> {
  await page.exposeBinding('__kioskInvoke', (source, channel: string, request: unknown) =>
    ipc.raw(channel, [request], { webContentsId: KIOSK_CONTENTS_ID, isMainFrame: source.frame === page.mainFrame(), frameUrl: source.frame.url() }),
  );
  await page.addInitScript(installBridge, { invoke: { ...INVOKE_CHANNELS }, events: { ...EVENT_CHANNELS } });
}

/** Gives a page (before it loads) a `window.kiosk` that replays recorded answers and never pushes. */
export async function replayBridgePage(page: Page, answers: RecordedAnswers): Promise<void> {
  await page.addInitScript(installBridge, { invoke: { ...INVOKE_CHANNELS }, events: { ...EVENT_CHANNELS }, answers });
}

/** Delivers a main → renderer push to a bridged page. */
export async function dispatchPush(page: Page, channel: string, payload: unknown): Promise<void> {
  await page.evaluate(([c, p]) => (globalThis as unknown as { __kioskDispatch(c: string, p: unknown): void }).__kioskDispatch(c, p), [channel, payload] as const);
}
