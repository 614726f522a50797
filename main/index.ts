import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { loadConfig } from './config';
import { readOptionalFile } from './read-optional-file';
import { createStderrLogger } from './log/logger';
import { defaultUserDataDir } from './paths';
import { startSandbox, type RunningSandbox } from './sandbox/sandbox-server';
import { createServices } from './services';
import { KioskError } from './shared/kiosk-error';

// Lifecycle only. The typed IPC bridge, hardened windows and crash recovery are wired in by
// the Electron-shell work; this entry starts the services and shows the UI.

const logger = createStderrLogger('info');
let sandbox: RunningSandbox | null = null;

if (!app.requestSingleInstanceLock()) app.quit();
app.setPath('userData', defaultUserDataDir());

async function start(): Promise<void> {
  const config = await loadConfig({ env: process.env, userDataDir: app.getPath('userData'), readFile: readOptionalFile });
  if (config.mode === 'sandbox') {
    sandbox = await startSandbox();
    logger.info('sandbox service started', { port: sandbox.port });
  }
  const baseUrl = sandbox?.baseUrl ?? config.baseUrl ?? '';
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

app.whenReady().then(start).catch((err: unknown) => {
  const message = err instanceof KioskError ? err.message : 'The kiosk could not start.';
  logger.error('startup failed', { code: err instanceof KioskError ? err.code : 'internal' });
  dialog.showErrorBox('Enrollment kiosk', message);
  app.exit(1);
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => {
  void sandbox?.close();
});
