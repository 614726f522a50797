import type { UpdatePlan } from '../profile/profile-service';
import type { AuditLog, AuditOutcome, AuditRecord } from './audit-log';

/** Appends audit lines; a failure is reported through `onFailure` and answered false. */
export interface AuditRecorder {
  plan(plan: UpdatePlan, outcome: AuditOutcome): Promise<boolean>;
  record(what: Omit<AuditRecord, 'outcome'>, outcome: AuditOutcome): Promise<boolean>;
}

/** Builds the recorder the IPC handlers and the re-enrollment controller share. */
export function createAuditRecorder(audit: Pick<AuditLog, 'append'>, onFailure: (outcome: AuditOutcome) => void): AuditRecorder {
  async function record(what: Omit<AuditRecord, 'outcome'>, outcome: AuditOutcome): Promise<boolean> {
    try {
      await audit.append({ ...what, outcome });
      return true;
    } catch {
      onFailure(outcome);
      return false;
    }
  }
  return {
    record,
    plan: (plan, outcome) =>
      record({ userNameBefore: plan.before.userName, userNameAfter: plan.after.userName, changedFields: [...plan.changed], face: plan.face }, outcome),
  };
}
