import { EventEmitter } from 'node:events';

// A stand-in for the parts of the `electron` module the main process uses, for running the
// built main bundle under Node where the Electron binary cannot be installed. It records what
// the app does (windows, handlers, sessions, protocol) and lets a test drive the events.

export type IpcListener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly loaded: string[] = [];
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  crashes = 0;
  readonly mainFrame = { processId: 11, routingId: 22, parent: null, url: '' };
  isDestroyed = () => false;
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = h;
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    this.mainFrame.url = url;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  forcefullyCrashRenderer(): void {
    this.crashes++;
  }
  closeDevTools(): void {}
}

export class FakeSession extends EventEmitter {
  permissionRequest: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | null = null;
  permissionCheck: ((...args: unknown[]) => boolean) | null = null;
  devicePermission: ((...args: unknown[]) => boolean) | null = null;
  displayMedia: ((req: unknown, cb: (streams: unknown) => void) => void) | null = null;
  readonly protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  readonly protocol = {
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
      this.protocolHandlers.set(scheme, handler);
    },
  };
  setPermissionRequestHandler(h: FakeSession['permissionRequest']): void {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheck']): void {
    this.permissionCheck = h;
  }
  setDevicePermissionHandler(h: FakeSession['devicePermission']): void {
    this.devicePermission = h;
  }
  setDisplayMediaRequestHandler(h: FakeSession['displayMedia']): void {
    this.displayMedia = h;
  }
}

export interface FakeElectron {
  module: Record<string, unknown>;
  markReady(): void;
  windows: FakeBrowserWindowLike[];
  ipcHandlers: Map<string, IpcListener>;
  sessions: Map<string, FakeSession>;
  privilegedSchemes: unknown[];
  appEvents: EventEmitter;
  state: {
    sandboxEnabled: boolean;
    exitCodes: number[];
    relaunches: number;
    userData: string;
    errorBoxes: string[];
    /** Every value passed to Menu.setApplicationMenu. */
    menus: unknown[];
    /** userData as it was when the single-instance lock was taken. */
    lockUserData: string | null;
    quits: number;
    /** The args of each relaunch (null: the same as this run's). */
    relaunchArgs: (string[] | null)[];
    accelerationOff: boolean;
  };
}

export interface FakeBrowserWindowLike extends EventEmitter {
  options: Record<string, unknown>;
  webContents: FakeWebContents;
  shown: boolean;
}

/** Builds a fresh fake `electron` module; `packaged` plays a production build. */
export function createFakeElectron(userData: string, packaged = false): FakeElectron {
  let ready = false;
  let resolveReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((r) => (resolveReady = r));
  const windows: FakeBrowserWindowLike[] = [];
  const ipcHandlers = new Map<string, IpcListener>();
  const sessions = new Map<string, FakeSession>();
  const privilegedSchemes: unknown[] = [];
  const state: FakeElectron['state'] = { sandboxEnabled: false, exitCodes: [], relaunches: 0, userData, errorBoxes: [], menus: [], lockUserData: null, quits: 0, relaunchArgs: [], accelerationOff: false };
  const appEvents = new EventEmitter();

  const app = Object.assign(appEvents, {
    isPackaged: packaged,
    commandLine: { hasSwitch: () => false },
    getPath: (name: string) => (name === 'userData' ? state.userData : '/nonexistent'),
    setPath: (name: string, value: string) => {
      if (name === 'userData') state.userData = value;
    },
    getVersion: () => '0.1.0-test',
    requestSingleInstanceLock: () => {
      state.lockUserData = state.userData;
      return true;
    },
    enableSandbox: () => void (state.sandboxEnabled = true),
    whenReady: () => readyPromise,
    isReady: () => ready,
    quit: () => void state.quits++,
    exit: (code = 0) => void state.exitCodes.push(code),
    relaunch: (options?: { args?: string[] }) => {
      state.relaunches++;
      state.relaunchArgs.push(options?.args ?? null);
    },
    disableHardwareAcceleration: () => void (state.accelerationOff = true),
  });

  class BrowserWindow extends EventEmitter implements FakeBrowserWindowLike {
    readonly webContents = new FakeWebContents();
    shown = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
    show(): void {
      this.shown = true;
    }
    isDestroyed(): boolean {
      return false;
    }
    focus(): void {}
  }

  const module = {
    app,
    BrowserWindow,
    dialog: { showErrorBox: (_title: string, message: string) => void state.errorBoxes.push(message) },
    ipcMain: {
      handle: (channel: string, listener: IpcListener) => {
        if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        ipcHandlers.set(channel, listener);
      },
      removeHandler: (channel: string) => void ipcHandlers.delete(channel),
    },
    Menu: { setApplicationMenu: (menu: unknown) => void state.menus.push(menu) },
    protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => void privilegedSchemes.push(...schemes) },
    session: {
      fromPartition: (partition: string) => {
        let s = sessions.get(partition);
        if (!s) {
          s = new FakeSession();
          sessions.set(partition, s);
        }
        return s;
      },
    },
  };

  return {
    module,
    markReady: () => {
      ready = true;
      resolveReady();
    },
    windows,
    ipcHandlers,
    sessions,
    privilegedSchemes,
    appEvents,
    state,
  };
}
