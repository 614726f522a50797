import { createApprovals, type Approvals } from '../staff/approvals';
import type { AuditOutcome, CameraState, StaffAuditOutcome } from '../../domain/outcomes';
import { KioskError } from '../../domain/kiosk-error';
import { auditFilePath, createAuditLog, type AuditLog } from '../audit/audit-log';
import { createAuditRecorder, type AuditRecorder } from '../audit/plan-recorder';
import { openBackend, type Backend, type BackendDeps } from '../backends/backend';
import { systemFileProblem, type KioskConfig } from '../config';
import { lockoutFilePath, openLockout } from '../staff/lockout';
import { openStaffDirectory } from '../staff/open-staff';
import { createStaffSession, type LockReason, type StaffSession } from '../staff/staff-session';
import type { Transport } from '../deepfaceauth/http-transport';
import { createEnrollmentController, type EnrollmentController, type EnrollmentDeps } from '../enrollment/enrollment-controller';
import type { Push } from '../ipc/push';
import type { Logger } from '../log/logger';
import { createUpdateJournal, JOURNAL_VALUES_KEPT_MS, type UpdateJournal } from '../profile/update-journal';
import { FACE_PENDING_FILE_NAME, openFacePendingList } from '../enrollment/face-pending-list';
import { completeFacePendingListQuietly, type FacePendingSyncResult } from '../enrollment/face-pending-sync';
import { join } from 'node:path';
import type { KeychainBackend } from '../secrets/token-store';
import { createServices, type KioskServices } from './services';
import { createUpdateWorkflow, type UpdateWorkflow } from './workflows/update-workflow';

/** The camera side of a face update, as the runtime provides it (Electron windows, or fakes). */
export interface CameraPorts {
  openWindow: EnrollmentDeps['openWindow'];
  check(): Promise<CameraState>;
}

/** Everything the core needs from outside; nothing here is Electron's own type. */
export interface KioskPorts {
  logger: Logger;
  /** Loads the OS keychain binding (keytar in the app and kioskctl); the core never imports it. */
  loadKeychain: () => Promise<KeychainBackend>;
  /** The app's data folder: the audit trail lives there. */
  userDataDir: string;
  /** The clock of audit lines (default: the system's). */
  now?: () => Date;
  /** Sandbox mode: the embedded service's options, or `false` to start none (kioskctl). */
  sandbox?: BackendDeps['sandbox'];
  /** Wraps the transport to the service (tests record requests or lose answers). */
  wrapTransport?: (send: Transport) => Transport;
  /** Stands in for the audit trail file (tests, benchmark). */
  auditLog?: AuditLog;
  /** Main → renderer pushes; absent in kioskctl. */
  push?: Push;
  /** Reports an audit line that could not be written (default: main's log); it is pushed to the renderer too. */
  onAuditFailure?: (outcome: AuditOutcome | StaffAuditOutcome) => void;
  /** The camera window and camera check; absent in kioskctl, which opens no window. */
  camera?: CameraPorts;
  /** Polling timers and delays (tests). */
  enrollmentPoll?: EnrollmentDeps['poll'];
  /** Overall limit of a re-enrollment (default: the config's). */
  enrollmentTimeoutMs?: number;
  /** Where the face-pending list is kept (default: in the data folder); null: memory only. */
  facePendingFile?: string | null;
  /**
   * Complete the face-pending list from the service's "status of all users" call at each
   * sign-in (default: in vendor mode; kioskctl turns it off, tests on over the sandbox).
   */
  facePendingFromService?: boolean;
  /** Where failed unlocks are counted (default: in the data folder). */
  lockoutFile?: string;
  /** Checks the machine-wide staff list may be trusted (default: root's, not writable by others). */
  checkSystemFile?: (path: string) => Promise<string | null>;
}

/**
 * The whole kiosk without its windows: what the app, kioskctl, the tests and the benchmark run.
 * The app and the harness put its IPC handlers on top (main/ipc/register-kiosk-ipc.ts).
 */
export interface KioskCore {
  readonly config: KioskConfig;
  readonly logger: Logger;
  readonly backend: Backend;
  readonly services: KioskServices;
  readonly journal: UpdateJournal;
  readonly auditLog: AuditLog;
  readonly updates: UpdateWorkflow;
  readonly enrollment: EnrollmentController;
  /** The staff member at the kiosk: every customer action needs one. */
  readonly staff: StaffSession;
  /** Supervisor approvals of changes (four eyes), minted by `approval:request`. */
  readonly approvals: Approvals;
  /** Appends audit lines (customer changes, staff events); a failure is reported, never silent. */
  readonly audit: AuditRecorder;
  /** Sandbox mode with no staff list: the demo staff unlock (the unlock screen may show them). */
  demoStaff(): Promise<boolean>;
  /** The last completion of the face-pending list from the service (null: none ran, or it failed). */
  facePendingSynced(): Promise<FacePendingSyncResult | null>;
  /** Drops what main holds about the customer on screen (pending updates, camera window). */
  abortCustomerSession(): void;
  /** Ends an open re-enrollment, writes the last audit line, closes the trail, stops the sandbox. */
  close(): Promise<void>;
}

const NO_CAMERA: CameraPorts = {
  openWindow: () => Promise.reject(new KioskError('internal', 'This program cannot open the camera window.')),
  check: async () => 'missing',
};

/**
 * Builds the kiosk from a validated config and its ports: backend (the embedded sandbox
 * started in sandbox mode), services, update journal, audit trail, update workflow,
 * re-enrollment controller. No Electron, no keytar: the one wiring that the
 * app, kioskctl, the tests and the benchmark share, so what is tested is what ships.
 */
export async function createKioskCore(config: KioskConfig, ports: KioskPorts): Promise<KioskCore> {
  const { logger } = ports;
  const backend = await openBackend(config, { logger, sandbox: ports.sandbox ?? {} });
  const services = createServices(config, backend, {
    logger,
    loadKeychain: ports.loadKeychain,
    ...(ports.wrapTransport ? { wrapTransport: ports.wrapTransport } : {}),
  });
  const push: Push = ports.push ?? (() => false);
  services.session.onExpired(() => push('session:expired', { reason: 'expired' }));
  const clock = ports.now;
  /** The clock in ms, for everything that times customer data, lockouts and approvals. */
  const nowMs = clock ? () => clock().getTime() : Date.now;
  const journal = createUpdateJournal({ now: nowMs });
  // Customer values in main go with the customer (profile:forget) and at the latest after 30
  // minutes, checked every minute.
  const sweep = setInterval(() => journal.forgetValues(nowMs() - JOURNAL_VALUES_KEPT_MS), 60_000);
  sweep.unref();
  const auditLog =
    ports.auditLog ?? createAuditLog({ file: auditFilePath(ports.userDataDir), kioskId: config.kioskId, ...(ports.now ? { now: ports.now } : {}) });
  const audit = createAuditRecorder(auditLog, (outcome) => {
    push('audit:write-failed', { outcome });
    // Reported once: by the program's own channel (kioskctl's warning), else in main's log.
    if (ports.onAuditFailure) ports.onAuditFailure(outcome);
    else logger.error('audit line could not be written', { outcome });
  });
  const camera = ports.camera ?? NO_CAMERA;
  const pending = await openFacePendingList({
    file: ports.facePendingFile === undefined ? join(ports.userDataDir, FACE_PENDING_FILE_NAME) : ports.facePendingFile,
    logger,
    now: nowMs,
  });
  // At each sign-in, the vendor's list of unfinished enrollments completes the local one
  // (in the background: the sign-in does not wait; on failure the local list stands).
  let lastSync: Promise<FacePendingSyncResult | null> = Promise.resolve(null);
  if (ports.facePendingFromService ?? backend.kind === 'vendor') {
    services.session.onSignedIn(() => {
      lastSync = completeFacePendingListQuietly({ session: services.session, client: services.client, pending, logger, ...(clock ? { now: clock } : {}) });
    });
  }
  const enrollment = createEnrollmentController({
    journal,
    enrollmentOrigin: backend.enrollmentOrigin,
    enrollmentOrigins: backend.enrollmentOrigins,
    timeoutMs: ports.enrollmentTimeoutMs ?? config.enrollmentTimeoutSeconds * 1000,
    statusUrlSource: config.enrollmentStatusUrlSource,
    openWindow: camera.openWindow,
    checkStatus: async (url) => {
      const r = await services.session.withToken((t) => services.client.enrollmentStatus(t, url));
      return { status: r.enrollmentStatus, message: r.message };
    },
    enrollmentUrlOf: async (userName) => (await services.profile.lookup(userName)).enrollmentUrl,
    checkCamera: () => camera.check(),
    audit: (subject, outcome) => audit.record(subject, outcome),
    finished: (event) => push('enrollment:finished', event),
    logger,
    pending,
    ...(ports.enrollmentPoll ? { poll: ports.enrollmentPoll } : {}),
  });
  const approvals = createApprovals(nowMs);
  const staff = createStaffSession({
    directory: async () => directory,
    // The bank's directory locks ids itself; the local list is counted here.
    lockout: config.staffDirectory.kind === 'local' ? openLockout(ports.lockoutFile ?? lockoutFilePath(ports.userDataDir), nowMs) : null,
    audit,
    logger,
    now: nowMs,
    idleLockMs: config.staffLockSeconds * 1000,
    onLocked: (reason: LockReason) => {
      // Locking wipes the customer: main's copy here, the screen's by the push.
      journal.clear();
      approvals.clear();
      void enrollment.abort();
      push('staff:locked', { reason });
    },
  });
  const directory = openStaffDirectory(config, { checkSystemFile: ports.checkSystemFile ?? ((p) => systemFileProblem(p)), logger });
  const updates = createUpdateWorkflow({
    approvals: { required: config.approvalRequired, store: approvals },
    profile: services.profile,
    journal,
    audit,
    markFacePending: enrollment.markFacePending,
    enrollmentOrigin: backend.enrollmentOrigin,
  });
  return {
    config,
    logger,
    backend,
    services,
    journal,
    auditLog,
    updates,
    enrollment,
    staff,
    approvals,
    audit,
    demoStaff: () => directory.usesDemoStaff(),
    facePendingSynced: () => lastSync,
    abortCustomerSession() {
      journal.clear();
      void enrollment.abort();
    },
    async close() {
      clearInterval(sweep);
      await enrollment.abort();
      await lastSync;
      await pending.flushed();
      journal.clear();
      // After the last audit line (an open recording ends with one).
      await auditLog.close();
      await backend.close();
    },
  };
}
