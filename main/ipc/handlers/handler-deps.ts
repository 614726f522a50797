import type { BackendKind } from '../../../domain/backend-kinds';
import type { EnrollmentController } from '../../enrollment/enrollment-controller';
import type { KioskConfig } from '../../config';
import type { Logger } from '../../log/logger';
import type { ProfileService } from '../../profile/profile-service';
import type { UpdateJournal } from '../../profile/update-journal';
import type { SessionService } from '../../session/session-service';
import type { UpdateWorkflow } from '../../core/workflows/update-workflow';
import type { StaffSession } from '../../staff/staff-session';
import type { Approvals } from '../../staff/approvals';
import type { AuditRecorder } from '../../audit/plan-recorder';

/** What the IPC handlers need; all plain services, so they run under Node in tests. */
export interface HandlerDeps {
  session: SessionService;
  /** Who is at the kiosk; every customer channel requires someone (see access-policy.ts). */
  staff: StaffSession;
  /** Sandbox mode with no staff list: the unlock screen may show the demo staff. */
  demoStaff(): Promise<boolean>;
  /** Supervisor approvals (four eyes). */
  approvals: Pick<Approvals, 'mint'>;
  /** Staff lines of the audit trail (approvals given and refused). */
  audit: Pick<AuditRecorder, 'staff'>;
  profile: Pick<ProfileService, 'lookup' | 'isUserNameAvailable' | 'plan'>;
  /** Every update and every reconcile goes through it (journal and audit trail included). */
  updates: UpdateWorkflow;
  /** Cleared on sign-out, with the customer session. */
  journal: UpdateJournal;
  enrollment: Pick<EnrollmentController, 'checkCamera' | 'start' | 'cancel' | 'abort' | 'facePending'>;
  logger: Logger;
  config: Pick<KioskConfig, 'locale' | 'kioskId' | 'customerName' | 'defaultCountry' | 'idleTimeoutSeconds' | 'staffLockSeconds' | 'approvalRequired' | 'staffDirectory'>;
  /** Which service the client talks to (the embedded sandbox is shown as SANDBOX on screen). */
  backend: BackendKind;
  version: string;
  /** App restart, offered only on the fallback screen after repeated crashes. */
  restart: { allowed(): boolean; run(): void };
}
