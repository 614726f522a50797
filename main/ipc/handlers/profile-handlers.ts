import { profileValues } from '../../../domain/profile/profile-fields';
import type { CustomerProfile } from '../../../domain/ipc/contract';
import type { Handler } from '../handle';
import type { HandlerDeps } from './handler-deps';

/** Handlers of the `profile:*` channels. Every update goes through the one update workflow. */
export function profileHandlers(deps: HandlerDeps): {
  'profile:lookup': Handler<'profile:lookup'>;
  'profile:check-user-name': Handler<'profile:check-user-name'>;
  'profile:update': Handler<'profile:update'>;
  'profile:reconcile': Handler<'profile:reconcile'>;
  'profile:forget': Handler<'profile:forget'>;
} {
  const { profile, updates } = deps;
  return {
    'profile:lookup': async ({ userName }) => {
      const d = await profile.lookup(userName);
      const out: CustomerProfile = {
        ...profileValues(d),
        countryCode: d.countryCode,
        hasEnrollmentLink: d.enrollmentUrl !== '',
        facePending: deps.enrollment.facePending(d.userName),
      };
      return out;
    },
    'profile:check-user-name': async ({ userName }) => ({ available: await profile.isUserNameAvailable(userName) }),
    'profile:update': async ({ idCheck, approvalId, ...request }) => {
      const staffId = deps.staff.require().staffId;
      const { plan, message, reEnrollmentReady, faceLinkRefused, auditRecorded } = await updates.submit({ ...request, who: { staffId, idCheck }, fourEyes: { approvalId } });
      return {
        message,
        before: profileValues(plan.before),
        after: profileValues(plan.after),
        changed: [...plan.changed],
        face: plan.face,
        reEnrollmentReady,
        faceLinkRefused,
        auditRecorded,
      };
    },
    'profile:reconcile': async ({ updateId }) => {
      const { verdict, auditRecorded } = await updates.reconcile(updateId);
      return { verdict, auditRecorded };
    },
    'profile:forget': async () => {
      // Values and links go; what a reconcile or a second submit of an id needs stays.
      deps.journal.forgetValues();
      return { forgotten: true };
    },
  };
}
