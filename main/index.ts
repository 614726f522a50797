import { app, dialog, Menu } from 'electron';
import { createStderrLogger } from './log/logger';
import { defaultUserDataDir } from './paths';
import { KioskError } from '../domain/kiosk-error';
import { refusedEnvironmentReason, refusedStartReason } from './security/sandbox-switches';
import { decideGpuAction } from './security/crash-policy';
import { registerAppScheme } from './electron/app-protocol';
import { startKiosk, type RunningKiosk } from './electron/kiosk-app';

// Lifecycle only: refuse unsafe starts, one instance, start, shut down.

const logger = createStderrLogger('info');
let running: RunningKiosk | null = null;
let quitting = false;

function fatal(message: string, code: string): void {
  logger.error('startup refused', { code });
  process.stderr.write(`Enrollment kiosk: ${message}\n`);
  if (app.isReady()) dialog.showErrorBox('Enrollment kiosk', message);
  app.exit(1);
}

const refusal = refusedStartReason(process.argv, { production: app.isPackaged }) ?? refusedEnvironmentReason(process.env, { production: app.isPackaged });
if (refusal) {
  fatal(refusal, 'unsafe-arguments');
} else {
  // The single-instance lock lives in the userData folder: set it first.
  app.setPath('userData', defaultUserDataDir());
  if (!app.requestSingleInstanceLock()) {
    app.quit();
  } else {
    startPrimary();
  }
}

function startPrimary(): void {
  registerAppScheme();
  // Test-only: Chromium's fake camera for the Electron end-to-end suite. Packaged builds ignore it.
  if (!app.isPackaged && process.env['KIOSK_TEST_FAKE_CAMERA'] === '1') {
    app.commandLine.appendSwitch('use-fake-device-for-media-stream');
  }
  // Every renderer is sandboxed, whatever a window asks for.
  app.enableSandbox();
  // A GPU process that keeps dying: the kiosk restarts itself with --disable-gpu (IT may also
  // start it so), and hardware acceleration is then off.
  const NO_GPU = '--disable-gpu';
  const accelerationOff = process.argv.some((a) => a.toLowerCase() === NO_GPU);
  if (accelerationOff) app.disableHardwareAcceleration();
  let gpuDeaths: number[] = [];
  app.on('child-process-gone', (_event, details) => {
    if (details.type !== 'GPU' || details.reason === 'clean-exit') return;
    const decision = decideGpuAction(gpuDeaths, performance.now(), accelerationOff);
    gpuDeaths = decision.history;
    logger.warn('GPU process gone', { reason: details.reason, recent: gpuDeaths.length, accelerationOff });
    if (decision.action === 'restart-without-gpu') {
      logger.error('the GPU process keeps dying; restarting the kiosk without hardware acceleration');
      app.relaunch({ args: [...process.argv.slice(1), NO_GPU] });
      // A normal quit: will-quit closes an open camera window (its audit line) and the core.
      app.quit();
    }
  });
  app.on('web-contents-created', (_event, contents) => {
    // Defence in depth for any web contents, including ones created later.
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('second-instance', () => {
    const win = running?.kiosk.window;
    if (win && !win.isDestroyed()) win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', (event) => {
    // Close an open camera window, clear its partition and write its audit line before leaving.
    const r = running;
    if (!r) return;
    running = null;
    event.preventDefault();
    void r.close().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(async () => {
      // No menu, so none of its shortcuts (quit, close window, leave full screen, reload) exist.
      Menu.setApplicationMenu(null);
      running = await startKiosk(logger, { allowClose: () => quitting });
    })
    .catch((err: unknown) => {
      // A bad config or a failed start is a clear message and a clean exit, never a crash.
      const message = err instanceof KioskError ? err.message : 'The kiosk could not start.';
      fatal(message, err instanceof KioskError ? err.code : 'internal');
    });
}
