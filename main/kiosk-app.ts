import { join } from 'node:path';
import { app, ipcMain, session as electronSession, systemPreferences } from 'electron';
import { loadConfig } from './config';
import { readOptionalFile } from './read-optional-file';
import type { Logger } from './log/logger';
import { startSandbox, type RunningSandbox } from './sandbox/sandbox-server';
import { parseSandboxSwitches } from './sandbox/sandbox-state';
import { createServices } from './services';
import { KioskError } from '../domain/kiosk-error';
import { createUpdateJournal } from './profile/update-journal';
import { auditFilePath, createAuditLog } from './audit/audit-log';
import { createHandlers } from './ipc/handlers';
import { registerHandlers } from './ipc/handle';
import { createSenderCheck } from './ipc/sender-check';
import { createPush } from './ipc/push';
import { electronIpcRegistry } from './ipc/electron-registry';
import { APP_ORIGIN, resolveAppOrigin } from './security/navigation-policy';
import { createAppFileServer } from './windows/app-files';
import { handleAppProtocol } from './windows/app-protocol';
import { createKioskWindow, type KioskWindow } from './windows/kiosk-window';
import { lockDownSession } from './windows/window-guards';
import { createAuditRecorder } from './audit/plan-recorder';
import { createEnrollmentController } from './enrollment/enrollment-controller';
import { checkCamera } from './windows/camera-check';
import { openEnrollmentWindow } from './windows/enrollment-window';

/** In-memory partition of the kiosk UI: nothing of a customer is written to disk. */
const KIOSK_PARTITION = 'kiosk-ui';

export interface RunningKiosk {
  kiosk: KioskWindow;
  close(): Promise<void>;
}

/**
 * Starts the kiosk once Electron is ready: config, the embedded sandbox in sandbox mode,
 * services, the locked-down UI session with the app protocol, the IPC handlers, the window.
 */
export async function startKiosk(logger: Logger, options: { allowClose: () => boolean }): Promise<RunningKiosk> {
  const production = app.isPackaged;
  const config = await loadConfig({ env: process.env, userDataDir: app.getPath('userData'), readFile: readOptionalFile });
  let sandbox: RunningSandbox | null = null;
  if (config.mode === 'sandbox') {
    let switches;
    try {
      switches = parseSandboxSwitches(process.env['KIOSK_SANDBOX_SWITCHES']);
    } catch (err) {
      throw new KioskError('config', err instanceof Error ? err.message : 'Bad KIOSK_SANDBOX_SWITCHES.');
    }
    sandbox = await startSandbox({ customerName: config.customerName, switches });
    logger.info('sandbox service started', { port: sandbox.port });
  }
  const baseUrl = sandbox?.baseUrl ?? config.baseUrl;
  if (!baseUrl) throw new KioskError('config', 'No vendor base URL is configured.');
  const services = createServices(config, { logger, baseUrl });
  const journal = createUpdateJournal();

  const devServer = production ? undefined : process.env['ELECTRON_RENDERER_URL'];
  const appOrigin = resolveAppOrigin(devServer, production);
  const ses = electronSession.fromPartition(KIOSK_PARTITION);
  lockDownSession(ses, logger);
  const rendererDir = join(__dirname, '../renderer');
  handleAppProtocol(ses, createAppFileServer(rendererDir, APP_ORIGIN));
  const cameraCheckFiles = createAppFileServer(rendererDir, APP_ORIGIN, { permissionsPolicy: 'camera=(self), microphone=(), geolocation=()' });

  const kiosk = createKioskWindow({
    appOrigin,
    entryUrl: `${appOrigin}/index.html`,
    fallbackUrl: `${appOrigin}/fallback.html`,
    preloadPath: join(__dirname, '../preload/index.js'),
    partition: KIOSK_PARTITION,
    session: ses,
    production,
    logger,
    abortCustomerSession: () => {
      journal.clear();
      void enrollment.abort();
    },
    allowClose: options.allowClose,
  });
  const contents = kiosk.window.webContents;
  const push = createPush(() => (contents.isDestroyed() ? null : contents));
  services.session.onExpired(() => push('session:expired', { reason: 'expired' }));
  const auditLog = createAuditLog({ file: auditFilePath(app.getPath('userData')), kioskId: config.kioskId });
  const audit = createAuditRecorder(
    auditLog,
    logger,
    (outcome) => push('audit:write-failed', { outcome }),
  );
  const enrollment = createEnrollmentController({
    journal,
    mode: config.mode,
    timeoutMs: config.enrollmentTimeoutSeconds * 1000,
    statusUrlSource: config.enrollmentStatusUrlSource,
    openWindow: (url, origin, onHint) => openEnrollmentWindow({ parent: kiosk.window, url, origin, production, logger, onHint }),
    checkStatus: async (url) => {
      const r = await services.session.withToken((t) => services.client.enrollmentStatus(t, url));
      return { status: r.enrollmentStatus, message: r.message };
    },
    enrollmentUrlOf: async (userName) => (await services.profile.lookup(userName)).enrollmentUrl,
    checkCamera: async () => {
      // macOS asks the user once, through the system, before any app may use the camera.
      if (process.platform === 'darwin') {
        const asked = Promise.race([
          systemPreferences.askForMediaAccess('camera'),
          new Promise<boolean>((r) => setTimeout(() => r(false), 60_000)),
        ]);
        if (!(await asked)) return 'blocked';
      }
      return checkCamera({ appOrigin: APP_ORIGIN, files: cameraCheckFiles, logger });
    },
    audit: (plan, outcome) => audit.plan(plan, outcome),
    finished: (event) => push('enrollment:finished', event),
    logger,
  });

  registerHandlers(
    electronIpcRegistry(ipcMain),
    createHandlers({
      session: services.session,
      profile: services.profile,
      journal,
      audit,
      enrollment,
      logger,
      config,
      sandbox: sandbox !== null,
      version: app.getVersion(),
      restart: {
        allowed: () => kiosk.recovery.fallbackShown(),
        run: () => {
          app.relaunch();
          app.exit(0);
        },
      },
    }),
    {
      isTrustedSender: createSenderCheck({
        kioskWebContentsId: () => (contents.isDestroyed() ? null : contents.id),
        appOrigin,
      }),
      logger,
    },
  );

  await kiosk.load();
  return {
    kiosk,
    close: async () => {
      await enrollment.abort();
      journal.clear();
      // After the last audit line (an open recording ends with one).
      await auditLog.close();
      await sandbox?.close();
    },
  };
}
