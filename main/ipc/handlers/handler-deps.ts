import type { AuditRecorder } from '../../audit/plan-recorder';
import type { EnrollmentController } from '../../enrollment/enrollment-controller';
import type { KioskConfig } from '../../config';
import type { Logger } from '../../log/logger';
import type { ProfileService } from '../../profile/profile-service';
import type { UpdateJournal } from '../../profile/update-journal';
import type { SessionService } from '../../session/session-service';

/** What the IPC handlers need; all plain services, so they run under Node in tests. */
export interface HandlerDeps {
  session: SessionService;
  profile: ProfileService;
  journal: UpdateJournal;
  enrollment: Pick<EnrollmentController, 'checkCamera' | 'start' | 'cancel' | 'abort' | 'facePending' | 'markFacePending'>;
  /** Every update attempt and every reconcile leaves a line here (failures already reported). */
  audit: AuditRecorder;
  logger: Logger;
  config: Pick<KioskConfig, 'mode' | 'locale' | 'kioskId' | 'customerName' | 'defaultCountry' | 'idleTimeoutSeconds'>;
  /** True when the client talks to the embedded sandbox service. */
  sandbox: boolean;
  version: string;
  /** App restart, offered only on the fallback screen after repeated crashes. */
  restart: { allowed(): boolean; run(): void };
}
