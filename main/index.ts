import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { loadConfig } from './config';
import { readOptionalFile } from './read-optional-file';
import { createStderrLogger } from './log/logger';
import { defaultUserDataDir } from './paths';
import { startSandbox, type RunningSandbox } from './sandbox/sandbox-server';
import { createServices } from './services';
import { KioskError } from './shared/kiosk-error';

// Lifecycle only. The typed IPC bridge, the hardened window factory, the custom protocol and
// crash recovery belong to the Electron-shell work; this entry loads the config, starts the
// embedded sandbox when no vendor is configured, builds the services and shows the UI.

const logger = createStderrLogger('info');
let sandbox: RunningSandbox | null = null;

async function start(): Promise<void> {
  const config = await loadConfig({ env: process.env, userDataDir: app.getPath('userData'), readFile: readOptionalFile });
  if (config.mode === 'sandbox') {
    sandbox = await startSandbox({ customerName: config.customerName });
    logger.info('sandbox service started', { port: sandbox.port });
  }
  const baseUrl = sandbox?.baseUrl ?? config.baseUrl;
  if (!baseUrl) throw new KioskError('config', 'No vendor base URL is configured.');
  // The IPC handlers that expose these services to the renderer come with the Electron shell.
  createServices(config, { logger, baseUrl });

  Menu.setApplicationMenu(null);
  const win = new BrowserWindow({
    show: false,
    width: 1280,
    height: 800,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
    },
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  await win.loadFile(join(__dirname, '../renderer/index.html'), { query: { mode: config.mode } });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.setPath('userData', defaultUserDataDir());
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void sandbox?.close();
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      // A bad config or a failed start is a clear message and a clean exit, never a crash.
      const message = err instanceof KioskError ? err.message : 'The kiosk could not start.';
      logger.error('startup failed', { code: err instanceof KioskError ? err.code : 'internal' });
      dialog.showErrorBox('Enrollment kiosk', message);
      app.exit(1);
    });
}
