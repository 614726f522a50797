import { KioskError } from '../../../domain/kiosk-error';
import type { UpdatePlan } from '../../profile/profile-service';
import type { Handler } from '../handle';
import type { AuditField, AuditOutcome, AuditRecord } from '../../audit/audit-log';
import { acceptEnrollmentUrl } from '../../security/enrollment-policy';
import type { CustomerProfile, ProfileValues, ReconcileVerdict } from '../../../domain/ipc/contract';
import type { HandlerDeps } from './handler-deps';

function values(fields: ProfileValues): ProfileValues {
  return { userName: fields.userName, fullName: fields.fullName, emailId: fields.emailId, phoneNumber: fields.phoneNumber };
}

function summary(plan: UpdatePlan): { before: ProfileValues; after: ProfileValues; changed: UpdatePlan['changed']; face: boolean } {
  return { before: values(plan.before), after: values(plan.after), changed: [...plan.changed], face: plan.face };
}

const AUDIT_FAILED = ' The audit record could not be written either. Tell branch IT.';

function attemptOutcome(err: unknown): AuditOutcome {
  if (!(err instanceof KioskError)) return 'failed';
  if (err.code === 'outcome-unknown') return 'unknown';
  return err.code === 'rejected' ? 'rejected' : 'failed';
}

const RECONCILED: Record<ReconcileVerdict, AuditOutcome> = {
  applied: 'reconciled-applied',
  'applied-face-pending': 'reconciled-face-pending',
  'not-applied': 'reconciled-not-applied',
  undetermined: 'reconciled-undetermined',
};

/** Handlers of the `profile:*` channels. Every update goes through the journal and the audit trail. */
export function profileHandlers(deps: HandlerDeps): {
  'profile:lookup': Handler<'profile:lookup'>;
  'profile:check-user-name': Handler<'profile:check-user-name'>;
  'profile:update': Handler<'profile:update'>;
  'profile:reconcile': Handler<'profile:reconcile'>;
} {
  const { profile, journal, audit } = deps;

  const record = (plan: UpdatePlan, outcome: AuditOutcome): Promise<boolean> => audit.plan(plan, outcome);
  const append = (what: Omit<AuditRecord, 'outcome'>, outcome: AuditOutcome): Promise<boolean> => audit.record(what, outcome);

  return {
    'profile:lookup': async ({ userName }) => {
      const d = await profile.lookup(userName);
      const out: CustomerProfile = {
        ...values(d),
        countryCode: d.countryCode,
        hasEnrollmentLink: d.enrollmentUrl !== '',
        facePending: deps.enrollment.facePending(d.userName),
      };
      return out;
    },
    'profile:check-user-name': async ({ userName }) => ({ available: await profile.isUserNameAvailable(userName) }),
    'profile:update': async ({ updateId, userName, changes, face }) => {
      if (journal.isUsed(updateId)) {
        throw new KioskError('invalid-input', 'This update was already submitted. Check its result instead of sending it again.');
      }
      let plan: UpdatePlan;
      try {
        plan = await profile.plan(userName, changes, face);
      } catch (err) {
        // Refused before the update call (a check, a taken name, the read before it): still an
        // attempt staff made, recorded with the fields they asked to change.
        const asked = (Object.keys(changes) as AuditField[]).filter((f) => changes[f] !== undefined);
        const refused = err instanceof KioskError && (err.code === 'rejected' || err.code === 'invalid-input');
        await append({ userNameBefore: userName, userNameAfter: changes.userName ?? userName, changedFields: asked, face }, refused ? 'rejected' : 'failed');
        throw err;
      }
      journal.begin(updateId, plan);
      let outcome;
      try {
        outcome = await profile.update(plan);
      } catch (err) {
        const result = attemptOutcome(err);
        journal.settle(updateId, result === 'unknown' ? 'unknown' : 'failed');
        const recorded = await record(plan, result);
        if (!recorded && err instanceof KioskError) throw new KioskError(err.code, err.message + AUDIT_FAILED);
        throw err;
      }
      const url = outcome.reEnrollmentUrl;
      journal.settle(updateId, plan.face && url === null ? 'face-pending' : 'applied', url);
      if (plan.face && url === null) deps.enrollment.markFacePending(plan.after.userName);
      const auditRecorded = await record(plan, 'applied');
      // Ready only if the kiosk will open it (https; loopback http in sandbox mode).
      const ready = url !== null && acceptEnrollmentUrl(url, deps.config.mode) !== null;
      return { message: outcome.message, ...summary(plan), reEnrollmentReady: ready, auditRecorded };
    },
    'profile:reconcile': async ({ updateId }) => {
      const entry = journal.get(updateId);
      if (!entry) throw new KioskError('invalid-input', 'There is no update with this id to check. Look the customer up again.');
      switch (entry.state) {
        case 'sending':
          throw new KioskError('invalid-input', 'This update is still being sent. Wait for its answer.');
        case 'applied':
          return { verdict: 'applied', auditRecorded: true };
        case 'face-pending':
          return { verdict: 'applied-face-pending', auditRecorded: true };
        case 'failed':
          return { verdict: 'not-applied', auditRecorded: true };
        case 'unknown': {
          const verdict = await profile.reconcile(entry.plan);
          if (verdict === 'applied') journal.settle(updateId, 'applied');
          if (verdict === 'applied-face-pending') {
            journal.settle(updateId, 'face-pending');
            deps.enrollment.markFacePending(entry.plan.after.userName);
          }
          if (verdict === 'not-applied') journal.settle(updateId, 'failed');
          const auditRecorded = await record(entry.plan, RECONCILED[verdict]);
          return { verdict, auditRecorded };
        }
      }
    },
  };
}
