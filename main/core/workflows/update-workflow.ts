import { needsApproval, type ApprovalSubject } from '../../../domain/staff/approval-rules';
import { approvalBinding, approvalError, type Approvals } from '../../staff/approvals';
import { KioskError } from '../../../domain/kiosk-error';
import { RECONCILED_OUTCOME, type AuditOutcome, type ReconcileVerdict } from '../../../domain/outcomes';
import type { Accountability, AuditRecorder } from '../../audit/plan-recorder';
import { validateChanges, type ProfileChanges, type ProfileService, type UpdatePlan } from '../../profile/profile-service';
import { subjectOf, type PlanSubject, type UpdateJournal } from '../../profile/update-journal';

/** One update as staff (or IT through kioskctl) asked for it. */
export interface UpdateRequest {
  /** Single-use id of this submit: a second submit with the same id is refused. */
  updateId: string;
  userName: string;
  changes: ProfileChanges;
  face: boolean;
  /** Country of a changed phone number (default: the kiosk's). */
  country?: string;
  /** Who answers for it: the staff member (or kioskctl's OS user), the identity check. */
  who: Accountability;
  /**
   * At the kiosk: four eyes apply (the IPC handler sets it, never the page), with the approval
   * the staff member got, if any. kioskctl (IT, audited as cli:<user>) leaves it out.
   */
  fourEyes?: { approvalId: string | undefined };
}

export interface UpdateApplied {
  plan: UpdatePlan;
  /** The vendor's message, scrubbed by the client. */
  message: string;
  /**
   * The re-enrollment link of a face update, only when it is on an allowed origin; it stays in
   * main (kioskctl prints it). A link elsewhere is untrusted text: null here, never shown.
   */
  reEnrollmentUrl: string | null;
  /** True when there is such a link for the camera window. */
  reEnrollmentReady: boolean;
  /** A face update without a link to open: the face stays pending. */
  facePending: boolean;
  /** The vendor sent a link outside the allowed origins: refused and audited (`face-link-refused`). */
  faceLinkRefused: boolean;
  /** False when the audit line could not be written (already reported). */
  auditRecorded: boolean;
}

export interface UpdateReconciled {
  /** User names, changed fields, face (the values may be forgotten by now). */
  subject: PlanSubject;
  verdict: ReconcileVerdict;
  auditRecorded: boolean;
}

export interface UpdateWorkflow {
  /**
   * Checks the values (offline, before anything is sent), plans, journals, sends, audits.
   * Throws a KioskError on any failure, after auditing it: a refusal before the update call
   * (a value's rules, a taken name, the read before it) with the fields asked to change; a failed or lost update with its plan. A lost answer is
   * `outcome-unknown`: `reconcile` then tells whether it was applied. Never resends.
   */
  submit(request: UpdateRequest): Promise<UpdateApplied>;
  /** After `outcome-unknown` (or to ask again): what became of the update with this id, audited once known. */
  reconcile(updateId: string): Promise<UpdateReconciled>;
}

export interface UpdateWorkflowDeps {
  profile: Pick<ProfileService, 'plan' | 'update' | 'reconcile'>;
  journal: UpdateJournal;
  audit: AuditRecorder;
  /** Notes a face update whose re-enrollment cannot start (its link was lost or never came). */
  markFacePending(userName: string): void;
  /** The backend's rule for re-enrollment links the kiosk may open. */
  enrollmentOrigin(url: string): string | null;
  /** Which changes need a supervisor's approval, and the approvals main minted. */
  approvals: { required: readonly ApprovalSubject[]; store: Pick<Approvals, 'take'> };
}

const AUDIT_FAILED = ' The audit record could not be written either. Tell branch IT.';
const ALREADY_SENT = 'This update was already submitted. Check its result instead of sending it again.';

/** The audit outcome of an update call that threw. */
function attemptOutcome(err: unknown): AuditOutcome {
  if (!(err instanceof KioskError)) return 'failed';
  if (err.code === 'outcome-unknown') return 'unknown';
  return err.code === 'rejected' ? 'rejected' : 'failed';
}

/**
 * The one update workflow (plan → journal → update → audit → reconcile), used by the IPC
 * handler and by kioskctl alike, so both refuse, journal and audit the same way.
 */
export function createUpdateWorkflow(deps: UpdateWorkflowDeps): UpdateWorkflow {
  const { profile, journal, audit } = deps;
  return {
    async submit({ updateId, userName, changes, face, country, who: asked, fourEyes }) {
      let who = asked;
      if (journal.isUsed(updateId)) throw new KioskError('invalid-input', ALREADY_SENT);
      let plan: UpdatePlan;
      try {
        // The customer's dialling code is known only once the record is read: before that, a
        // phone is checked for what holds anywhere (a named country is checked in full).
        validateChanges(changes, country ?? 'plausible', userName);
        plan = await profile.plan(userName, changes, face, country);
      } catch (err) {
        // Refused before the update call: still an attempt, recorded with the fields asked for.
        const asked = (Object.keys(changes) as (keyof ProfileChanges)[]).filter((f) => changes[f] !== undefined);
        const refused = err instanceof KioskError && (err.code === 'rejected' || err.code === 'invalid-input');
        await audit.record({ userNameBefore: userName, userNameAfter: changes.userName ?? userName, changedFields: asked, face, ...who }, refused ? 'rejected' : 'failed');
        throw err;
      }
      if (fourEyes && needsApproval(plan.changed, plan.face, deps.approvals.required)) {
        // Bound to this exact change as main reads it now: a change made meanwhile, another
        // change, another requester, a second use or a stale approval is refused.
        const taken = fourEyes.approvalId === undefined ? { refused: 'missing' as const } : deps.approvals.store.take(fourEyes.approvalId, approvalBinding(plan), who.staffId);
        if ('refused' in taken) {
          await audit.record(subjectOf(plan, who), 'approval-refused');
          throw approvalError(taken.refused);
        }
        who = { ...who, approvedBy: taken.approvedBy };
      }
      journal.begin(updateId, plan, who);
      const subject = subjectOf(plan, who);
      let outcome;
      try {
        outcome = await profile.update(plan);
      } catch (err) {
        const result = attemptOutcome(err);
        journal.settle(updateId, result === 'unknown' ? 'unknown' : 'failed');
        const recorded = await audit.record(subject, result);
        if (!recorded && err instanceof KioskError) throw new KioskError(err.code, err.message + AUDIT_FAILED);
        throw err;
      }
      // The details are applied either way; a link the kiosk would not open is dropped here.
      // A link on an update that asked for no face is ignored (nothing to record).
      const link = plan.face ? outcome.reEnrollmentUrl : null;
      const faceLinkRefused = link !== null && deps.enrollmentOrigin(link) === null;
      const url = faceLinkRefused ? null : link;
      const facePending = plan.face && url === null;
      journal.settle(updateId, facePending ? 'face-pending' : 'applied', url);
      // From an applied face update until a recording succeeds, the face counts as pending
      // (also when staff leave before starting the camera).
      if (plan.face) deps.markFacePending(plan.after.userName);
      let auditRecorded = await audit.record(subject, 'applied');
      if (faceLinkRefused) auditRecorded = (await audit.record(subject, 'face-link-refused')) && auditRecorded;
      return { plan, message: outcome.message, reEnrollmentUrl: url, reEnrollmentReady: url !== null, facePending, faceLinkRefused, auditRecorded };
    },
    async reconcile(updateId) {
      const entry = journal.get(updateId);
      const target = journal.reconcileTarget(updateId);
      if (!entry || !target) throw new KioskError('invalid-input', 'There is no update with this id to check. Look the customer up again.');
      const { subject } = entry;
      switch (entry.state) {
        case 'sending':
          throw new KioskError('invalid-input', 'This update is still being sent. Wait for its answer.');
        case 'applied':
          return { subject, verdict: 'applied', auditRecorded: true };
        case 'face-pending':
          return { subject, verdict: 'applied-face-pending', auditRecorded: true };
        case 'failed':
          return { subject, verdict: 'not-applied', auditRecorded: true };
        case 'unknown': {
          // By fingerprint: the values themselves may be forgotten by now.
          const verdict = await profile.reconcile(target);
          if (verdict === 'applied') journal.settle(updateId, 'applied');
          if (verdict === 'applied-face-pending') {
            journal.settle(updateId, 'face-pending');
            deps.markFacePending(subject.userNameAfter);
          }
          if (verdict === 'not-applied') journal.settle(updateId, 'failed');
          const auditRecorded = await audit.record(subject, RECONCILED_OUTCOME[verdict]);
          return { subject, verdict, auditRecorded };
        }
      }
    },
  };
}
