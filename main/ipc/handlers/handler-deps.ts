import type { AuditLog } from '../../audit/audit-log';
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
  /** Every update attempt and every reconcile leaves a line here. */
  audit: Pick<AuditLog, 'append'>;
  /** Called when an audit line could not be written (main pushes it to the renderer). */
  onAuditFailure(outcome: string): void;
  logger: Logger;
  config: Pick<KioskConfig, 'mode' | 'locale' | 'kioskId' | 'customerName' | 'defaultCountry' | 'idleTimeoutSeconds'>;
  /** True when the client talks to the embedded sandbox service. */
  sandbox: boolean;
  version: string;
  /** App restart, offered only on the fallback screen after repeated crashes. */
  restart: { allowed(): boolean; run(): void };
}
