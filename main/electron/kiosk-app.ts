import { join } from 'node:path';
import { app, ipcMain, session as electronSession, systemPreferences } from 'electron';
import { loadConfig, NotConfiguredError, type KioskConfig } from '../config';
import { createKioskCore } from '../core/kiosk-core';
import { readOptionalFile } from '../read-optional-file';
import type { Logger } from '../log/logger';
import { loadKeytarBackend } from '../secrets/keytar-backend';
import { createSenderCheck } from '../ipc/sender-check';
import { registerKioskIpc } from '../ipc/register-kiosk-ipc';
import { createPush } from '../ipc/push';
import { APP_ORIGIN, resolveAppOrigin } from '../security/navigation-policy';
import { createAppFileServer } from '../windows/app-files';
import { electronIpcRegistry } from './ipc-registry';
import { handleAppProtocol } from './app-protocol';
import { createKioskWindow, type KioskWindow } from './kiosk-window';
import { lockDownSession } from './window-guards';
import { checkCamera } from './camera-check';
import { cameraPartitionPool, type CameraPartition } from './camera-partitions';
import type { PartitionPool } from '../enrollment/partition-pool';
import { openEnrollmentWindow } from './enrollment-window';

/** In-memory partition of the kiosk UI: nothing of a customer is written to disk. */
const KIOSK_PARTITION = 'kiosk-ui';

export interface RunningKiosk {
  kiosk: KioskWindow;
  close(): Promise<void>;
}

/**
 * Starts the kiosk once Electron is ready: the core (config, backend, services, journal,
 * audit, workflows, handlers) over Electron's adapters: the locked-down UI session with the
 * app protocol, the kiosk window, the camera window and check, ipcMain.
 */
export async function startKiosk(logger: Logger, options: { allowClose: () => boolean }): Promise<RunningKiosk> {
  const production = app.isPackaged;
  const userDataDir = app.getPath('userData');
  let config: KioskConfig | null = null;
  let notConfigured: NotConfiguredError | null = null;
  try {
    config = await loadConfig({ env: process.env, userDataDir, readFile: readOptionalFile, packaged: production });
  } catch (err) {
    if (!(err instanceof NotConfiguredError)) throw err;
    notConfigured = err;
  }

  const devServer = production ? undefined : process.env['ELECTRON_RENDERER_URL'];
  const appOrigin = resolveAppOrigin(devServer, production);
  const ses = electronSession.fromPartition(KIOSK_PARTITION);
  lockDownSession(ses, logger);
  const rendererDir = join(__dirname, '../renderer');
  handleAppProtocol(ses, createAppFileServer(rendererDir, APP_ORIGIN));
  const cameraCheckFiles = createAppFileServer(rendererDir, APP_ORIGIN, { permissionsPolicy: 'camera=(self), microphone=(), geolocation=()' });
  // Camera partitions are pooled and wiped between customers (main/enrollment/partition-pool.ts).
  const cameraCheckPool = cameraPartitionPool({
    prefix: 'camcheck',
    size: 1,
    origins: [APP_ORIGIN],
    logger,
    setup: (s) => handleAppProtocol(s, cameraCheckFiles),
  });
  let enrollPool: PartitionPool<CameraPartition> | null = null;

  const windowFor = (entryPage: string, abortCustomerSession: () => void): KioskWindow =>
    createKioskWindow({
      appOrigin,
      entryUrl: `${appOrigin}/${entryPage}`,
      fallbackUrl: `${appOrigin}/fallback.html`,
      outOfOrderUrl: `${appOrigin}/out-of-order.html`,
      preloadPath: join(__dirname, '../preload/index.js'),
      partition: KIOSK_PARTITION,
      session: ses,
      production,
      logger,
      abortCustomerSession,
      allowClose: options.allowClose,
    });

  if (notConfigured || !config) {
    // A packaged kiosk without a config: no sandbox, no services, no IPC; one screen that
    // tells IT which file to write.
    const expected = notConfigured?.expectedPath ?? '';
    logger.error('not configured', { expected });
    const screen = windowFor(`not-configured.html#${encodeURIComponent(expected)}`, () => undefined);
    await screen.load();
    return { kiosk: screen, close: async () => undefined };
  }

  // The window is built after the core (it needs the core to abort a customer session); the
  // core's ports reach it only once a renderer exists to ask for them.
  let kiosk: KioskWindow | null = null;
  const contents = () => {
    const c = kiosk?.window.webContents;
    return c && !c.isDestroyed() ? c : null;
  };
  const core = await createKioskCore(config, {
    logger,
    loadKeychain: loadKeytarBackend,
    userDataDir,
    sandbox: { env: process.env },
    push: createPush(contents),
    camera: {
      openWindow: async (url, origins, onHint) => {
        if (!kiosk) throw new Error('no kiosk window');
        // The allowed origins are the backend's, the same for the whole run.
        enrollPool ??= cameraPartitionPool({ prefix: 'enroll', size: 2, origins, logger });
        const lease = await enrollPool.acquire();
        try {
          return openEnrollmentWindow({ parent: kiosk.window, url, origins, lease, production, logger, onHint });
        } catch (err) {
          await lease.release(null);
          throw err;
        }
      },
      check: async () => {
        // macOS asks the user once, through the system, before any app may use the camera.
        if (process.platform === 'darwin') {
          const asked = Promise.race([
            systemPreferences.askForMediaAccess('camera'),
            new Promise<boolean>((r) => setTimeout(() => r(false), 60_000)),
          ]);
          if (!(await asked)) return 'blocked';
        }
        return checkCamera({ appOrigin: APP_ORIGIN, pool: cameraCheckPool, logger });
      },
    },
  });

  kiosk = windowFor('index.html', () => core.abortCustomerSession());
  registerKioskIpc(core, electronIpcRegistry(ipcMain), {
    isTrustedSender: createSenderCheck({ kioskWebContentsId: () => contents()?.id ?? null, appOrigin }),
    version: app.getVersion(),
    restart: {
      allowed: () => kiosk?.recovery.fallbackShown() ?? false,
      run: () => {
        app.relaunch();
        app.exit(0);
      },
    },
  });

  await kiosk.load();
  return { kiosk, close: () => core.close() };
}
