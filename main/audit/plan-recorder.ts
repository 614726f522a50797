import type { IdCheck } from '../../domain/staff/staff-rules';
import type { StaffAuditOutcome } from '../../domain/outcomes';
import type { AuditLog, AuditOutcome, ChangeAuditRecord, StaffAuditRecord } from './audit-log';

/**
 * Who answers for a change: the staff member who made it (`cli:<OS user>` for kioskctl), the
 * supervisor who approved it, and how the customer's identity was checked.
 */
export interface Accountability {
  staffId: string;
  approvedBy?: string;
  idCheck?: IdCheck;
}

/** What a change line says besides its outcome; a new line always names who made the change. */
export type ChangeSubject = Omit<ChangeAuditRecord, 'outcome' | 'staffId' | 'approvedBy' | 'idCheck'> & Accountability;

/** Appends audit lines; a failure is reported through `onFailure` and answered false. */
export interface AuditRecorder {
  record(what: ChangeSubject, outcome: AuditOutcome): Promise<boolean>;
  /** A staff line (unlock, lock, approval, vendor sign-in). */
  staff(what: Omit<StaffAuditRecord, 'kind'>): Promise<boolean>;
}

/** Builds the recorder the workflows, the re-enrollment controller and the staff session share. */
export function createAuditRecorder(audit: Pick<AuditLog, 'append'>, onFailure: (outcome: AuditOutcome | StaffAuditOutcome) => void): AuditRecorder {
  async function append(record: Parameters<AuditLog['append']>[0]): Promise<boolean> {
    try {
      await audit.append(record);
      return true;
    } catch {
      onFailure(record.outcome);
      return false;
    }
  }
  return {
    record: (what, outcome) => append({ ...what, changedFields: [...what.changedFields], outcome }),
    staff: (what) => append({ kind: 'staff', ...what }),
  };
}
