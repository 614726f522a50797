// A stand-in for the parts of the `electron` module the camera adapters use (Electron 45's
// names and argument shapes: BrowserWindow with `webContents`, `session.fromPartition`), for
// tests that load those adapters through `vi.mock('electron', …)`: the binary cannot run here.
import { EventEmitter } from 'node:events';

/** What a fake web contents does when asked to load or run script (set per test). */
export const behaviour: { loadURL: (url: string) => Promise<void>; executeJavaScript: (code: string) => Promise<unknown> } = {
  loadURL: async () => undefined,
  executeJavaScript: async () => 'ready',
};

export class FakeWebContents extends EventEmitter {
  url = '';
  destroyed = false;
  openHandler: (() => { action: 'deny' | 'allow' }) | null = null;
  loaded: string[] = [];
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    await behaviour.loadURL(url);
    this.url = url;
  }
  executeJavaScript(code: string): Promise<unknown> {
    return behaviour.executeJavaScript(code);
  }
  setWindowOpenHandler(h: () => { action: 'deny' | 'allow' }): void {
    this.openHandler = h;
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  destroyed = false;
  shown = false;
  constructor(readonly options: { show?: boolean; parent?: unknown; webPreferences?: { partition?: string; sandbox?: boolean; preload?: string } }) {
    super();
    FakeBrowserWindow.all.push(this);
  }
  show(): void {
    this.shown = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  getContentBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 0, y: 0, width: 1920, height: 1080 };
  }
}

export class FakeSession extends EventEmitter {
  static byPartition = new Map<string, FakeSession>();
  calls: string[] = [];
  cookieJar: unknown[] = [];
  cacheBytes = 0;
  workers: Record<number, unknown> = {};
  storagePath: string | null = null;
  handlers = { request: 0, check: 0, device: 0, display: 0 };
  protocolHandled: string[] = [];
  /** What `clearStorageData` leaves behind (a partition that does not empty). */
  stubborn = false;
  readonly cookies: { get(filter: object): Promise<unknown[]> } = { get: async () => [...this.cookieJar] };
  readonly serviceWorkers = { getAllRunning: () => ({ ...this.workers }) };
  readonly protocol = { handle: (scheme: string) => void this.protocolHandled.push(scheme) };
  constructor(readonly partition: string) {
    super();
  }
  setPermissionRequestHandler(): void {
    this.handlers.request++;
  }
  setPermissionCheckHandler(): void {
    this.handlers.check++;
  }
  setDevicePermissionHandler(): void {
    this.handlers.device++;
  }
  setDisplayMediaRequestHandler(): void {
    this.handlers.display++;
  }
  async closeAllConnections(): Promise<void> {
    this.calls.push('close-connections');
  }
  async clearStorageData(): Promise<void> {
    this.calls.push('clear-storage');
    if (!this.stubborn) {
      this.cookieJar = [];
      this.workers = {};
    }
  }
  async clearCache(): Promise<void> {
    this.calls.push('clear-cache');
    this.cacheBytes = 0;
  }
  async clearAuthCache(): Promise<void> {
    this.calls.push('clear-auth-cache');
  }
  async clearHostResolverCache(): Promise<void> {
    this.calls.push('clear-host-cache');
  }
  async getCacheSize(): Promise<number> {
    return this.cacheBytes;
  }
  getStoragePath(): string | null {
    return this.storagePath;
  }
}

export const session = {
  fromPartition(partition: string): FakeSession {
    let s = FakeSession.byPartition.get(partition);
    if (!s) {
      s = new FakeSession(partition);
      FakeSession.byPartition.set(partition, s);
    }
    return s;
  },
};

/** Forgets every window and partition between tests. */
export function resetFakeElectron(): void {
  FakeBrowserWindow.all = [];
  FakeSession.byPartition.clear();
  behaviour.loadURL = async () => undefined;
  behaviour.executeJavaScript = async () => 'ready';
}

/** The module `vi.mock('electron', …)` answers with. */
export const electronModule = { BrowserWindow: FakeBrowserWindow, session, protocol: { registerSchemesAsPrivileged: () => undefined } };
