import { readOptionalFile } from '../../main/read-optional-file';
import type { ChangeAuditRecord, ShownAuditEntry } from '../../main/audit/audit-log';
import type { StaffSession } from '../../main/staff/staff-session';
import { DEMO_STAFF } from '../../domain/demo-account';
import { loadConfig, type KioskConfig } from '../../main/config';
import type { Logger } from '../../main/log/logger';
import type { KioskServices } from '../../main/core/services';
import { createKioskCore } from '../../main/core/kiosk-core';
import type { FacePendingSyncResult } from '../../main/enrollment/face-pending-sync';
import { registerKioskIpc } from '../../main/ipc/register-kiosk-ipc';
import { loadKeytarBackend } from '../../main/secrets/keytar-backend';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../main/sandbox/sandbox-server';
import type { UpdateJournal } from '../../main/profile/update-journal';
import type { IpcRegistry, SenderInfo } from '../../main/ipc/handle';
import { createSenderCheck } from '../../main/ipc/sender-check';
import { createPush } from '../../main/ipc/push';
import type { InvokeChannel } from '../../domain/ipc/channels';
import type { ResponseOf } from '../../domain/ipc/contract';
import type { Result } from '../../domain/kiosk-error';
import { APP_ORIGIN } from '../../main/security/navigation-policy';
import type { Transport, TransportRequest } from '../../main/deepfaceauth/http-transport';
import type { KeychainBackend } from '../../main/secrets/token-store';
import { createAuditLog, type AuditLog } from '../../main/audit/audit-log';
import type { CameraState, EnrollmentController, EnrollmentDeps } from '../../main/enrollment/enrollment-controller';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The web contents id the harness treats as the kiosk window. */
export const KIOSK_CONTENTS_ID = 7;
/** A request from the kiosk window's main frame on the app origin. */
export const KIOSK_SENDER: SenderInfo = { webContentsId: KIOSK_CONTENTS_ID, isMainFrame: true, frameUrl: `${APP_ORIGIN}/index.html` };

type Listener = (sender: SenderInfo, args: readonly unknown[]) => Promise<unknown>;

/** A registry that keeps the listeners, as ipcMain would. */
export function fakeRegistry(): IpcRegistry & { listeners: Map<string, Listener> } {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    handle(channel, listener) {
      if (listeners.has(channel)) throw new Error(`channel registered twice: ${channel}`);
      listeners.set(channel, listener);
    },
  };
}

export interface IpcHarness {
  readonly sandbox: RunningSandbox;
  /** Starts the sandbox again on its port with its users and tokens, after `sandbox.close()`. */
  restartSandbox(): Promise<void>;
  services: KioskServices;
  journal: UpdateJournal;
  config: KioskConfig;
  /** Every request the vendor client sent. */
  sent: TransportRequest[];
  pushed: { channel: string; payload: unknown }[];
  registry: ReturnType<typeof fakeRegistry>;
  restarts: number;
  /** The real audit trail, in a fresh folder. */
  audit: AuditLog;
  enrollment: EnrollmentController;
  /** The last `n` lines of the audit trail about customers (staff lines left out). */
  changes(n: number): Promise<(ShownAuditEntry & ChangeAuditRecord)[]>;
  /** Who is at the kiosk (the harness unlocks the demo supervisor unless told otherwise). */
  staff: StaffSession;
  /** The last completion of the face-pending list from the service (with `facePendingFromService`). */
  facePendingSynced(): Promise<FacePendingSyncResult | null>;
  /** Calls a channel as the kiosk window would (or as `sender`). */
  invoke<C extends InvokeChannel>(channel: C, request: unknown, sender?: SenderInfo): Promise<Result<ResponseOf<C>>>;
  /** Calls a channel with raw IPC arguments. */
  raw(channel: string, args: readonly unknown[], sender?: SenderInfo): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * The kiosk as the app builds it (`createKioskCore`, the same wiring), minus Electron: real
 * handlers over real services, the real sandbox service and the real keychain (tests run in a
 * D-Bus session with an unlocked gnome-keyring), registered into a fake registry. It only adds
 * fakes for the ports Electron fills in the app: push, camera window and check, restart.
 */
export async function createIpcHarness(
  logger: Logger,
  options: {
    sandbox?: SandboxOptions;
    restartAllowed?: () => boolean;
    /** Wraps the vendor transport, e.g. to lose an update's answer after it was applied. */
    wrapTransport?: (send: Transport) => Transport;
    /** Stands in for the audit trail (e.g. one that fails). */
    audit?: AuditLog;
    /** The origin the UI is served from (a test HTTP server instead of kiosk://app). */
    appOrigin?: string;
    /** Receives main → renderer pushes (besides the `pushed` list). */
    onPush?: (channel: string, payload: unknown) => void;
    /** The kiosk config file's content (default: none, i.e. sandbox defaults). */
    config?: Record<string, unknown>;
    /** Opens the re-enrollment "window" (a browser page in the UI tests); default: none opens. */
    openEnrollmentWindow?: EnrollmentDeps['openWindow'];
    checkCamera?: () => Promise<CameraState>;
    /** Polling timers and delays, and the overall timeout (ms). */
    enrollmentPoll?: EnrollmentDeps['poll'];
    enrollmentTimeoutMs?: number;
    /** Stands in for the keytar backend (e.g. one that counts its calls). */
    loadBackend?: () => Promise<KeychainBackend>;
    /** Keeps a token already in the keychain, as a restarted kiosk would (default: cleared). */
    keepStoredToken?: boolean;
    /** The face-pending list's file (default: a fresh one), e.g. one a previous harness wrote. */
    facePendingFile?: string;
    /** Complete the face-pending list from the service at sign-in, as vendor mode does. */
    facePendingFromService?: boolean;
    /**
     * The staff member unlocked before the test starts (a demo id; default the demo supervisor,
     * who may also sign the kiosk in to the vendor); null: the kiosk starts locked.
     */
    staff?: string | null;
    /** The machine-wide folder (its staff.json); default a fresh empty one (the demo staff). */
    systemDir?: string;
  } = {},
): Promise<IpcHarness> {
  // Four eyes are off unless a test asks for them (the four-eyes tests use the real default):
  // the other tests are about other things, and change e-mails and phones freely.
  const configFile = JSON.stringify({ approvalRequired: [], ...options.config });
  const systemDir = options.systemDir ?? mkdtempSync(join(process.env['KIOSK_TEST_SCRATCH'] || tmpdir(), 'system-'));
  const config = await loadConfig({
    env: {},
    systemDir,
    userDataDir: '/nonexistent',
    // The config itself from the test; files it names (CA bundles) from disk.
    readFile: async (p) => (p === join('/nonexistent', 'kiosk-config.json') ? configFile : p.startsWith('/nonexistent') ? null : readOptionalFile(p)),
  });
  const sent: TransportRequest[] = [];
  const pushed: IpcHarness['pushed'] = [];
  const harness = { restarts: 0 } as { restarts: number };
  const scratch = () => mkdtempSync(join(process.env['KIOSK_TEST_SCRATCH'] || tmpdir(), 'audit-'));
  // The app's own wiring; the harness only adds fakes for what Electron would provide.
  const core = await createKioskCore(config, {
    logger,
    loadKeychain: options.loadBackend ?? loadKeytarBackend,
    userDataDir: '/nonexistent',
    sandbox: options.sandbox ?? {},
    wrapTransport: (inner) => {
      const recorded: Transport = (req) => {
        sent.push(req);
        return inner(req);
      };
      return options.wrapTransport ? options.wrapTransport(recorded) : recorded;
    },
    auditLog: options.audit ?? createAuditLog({ file: join(scratch(), 'audit.jsonl'), kioskId: 'test-kiosk' }),
    facePendingFile: options.facePendingFile ?? join(scratch(), 'face-pending.json'),
    lockoutFile: join(scratch(), 'staff-lockout.json'),
    push: createPush(() => ({
      isDestroyed: () => false,
      send: (channel, payload) => {
        pushed.push({ channel, payload });
        options.onPush?.(channel, payload);
      },
    })),
    camera: {
      openWindow: options.openEnrollmentWindow ?? (async () => ({ close: async () => ({ ok: true }) })),
      check: options.checkCamera ?? (async () => 'ready'),
    },
    ...(options.enrollmentPoll ? { enrollmentPoll: options.enrollmentPoll } : {}),
    ...(options.enrollmentTimeoutMs !== undefined ? { enrollmentTimeoutMs: options.enrollmentTimeoutMs } : {}),
    ...(options.facePendingFromService !== undefined ? { facePendingFromService: options.facePendingFromService } : {}),
  });
  const { services, journal, enrollment } = core;
  let sandbox: RunningSandbox;
  try {
    if (core.backend.kind !== 'sandbox' || !core.backend.service) throw new Error('the IPC harness runs against the embedded sandbox');
    sandbox = core.backend.service;
    if (!options.keepStoredToken) await services.tokens.clear();
    const unlockAs = options.staff === undefined ? 'demo.supervisor' : options.staff;
    if (unlockAs !== null) {
      const demo = DEMO_STAFF.find((s) => s.staffId === unlockAs);
      if (!demo) throw new Error(`no demo staff member ${unlockAs}`);
      const r = await core.staff.unlock(demo.staffId, demo.pin);
      if (r.outcome !== 'unlocked') throw new Error(`the harness could not unlock as ${unlockAs}`);
    }
  } catch (err) {
    await core.close();
    throw err;
  }
  const registry = fakeRegistry();
  registerKioskIpc(core, registry, {
    isTrustedSender: createSenderCheck({ kioskWebContentsId: () => KIOSK_CONTENTS_ID, appOrigin: options.appOrigin ?? APP_ORIGIN }),
    version: '0.0.0-test',
    restart: { allowed: options.restartAllowed ?? (() => false), run: () => void harness.restarts++ },
  });

  const raw = (channel: string, args: readonly unknown[], sender: SenderInfo = KIOSK_SENDER): Promise<unknown> => {
    const listener = registry.listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(sender, args);
  };
  /** Services the test started again after stopping one: the core stops only its own. */
  const restarted: RunningSandbox[] = [];
  return {
    get sandbox() {
      return sandbox;
    },
    async restartSandbox() {
      const { port, state } = sandbox;
      sandbox = await startSandbox({ port, state });
      restarted.push(sandbox);
    },
    services,
    journal,
    config,
    sent,
    pushed,
    registry,
    audit: core.auditLog,
    enrollment,
    staff: core.staff,
    async changes(n) {
      const { entries } = await core.auditLog.tail(1000);
      return entries.filter((e): e is ShownAuditEntry & ChangeAuditRecord => !('kind' in e)).slice(-n);
    },
    facePendingSynced: () => core.facePendingSynced(),
    get restarts() {
      return harness.restarts;
    },
    invoke: <C extends InvokeChannel>(channel: C, request: unknown, sender?: SenderInfo) =>
      raw(channel, [request], sender) as Promise<Result<ResponseOf<C>>>,
    raw,
    close: async () => {
      // An open re-enrollment ends (with its last status check) before the token goes.
      await enrollment.abort();
      await services.tokens.clear().catch(() => undefined);
      // Closes the audit trail and stops the sandbox the core started.
      await core.close();
      for (const s of restarted) await s.close();
    },
  };
}
