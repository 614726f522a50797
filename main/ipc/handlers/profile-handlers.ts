import { KioskError } from '../../shared/kiosk-error';
import type { UpdatePlan } from '../../profile/profile-service';
import type { Handler } from '../handle';
import type { CustomerProfile, ProfileValues } from '../contract';
import type { HandlerDeps } from './handler-deps';

function values(fields: ProfileValues): ProfileValues {
  return { userName: fields.userName, fullName: fields.fullName, emailId: fields.emailId, phoneNumber: fields.phoneNumber };
}

function summary(plan: UpdatePlan): { before: ProfileValues; after: ProfileValues; changed: UpdatePlan['changed']; face: boolean } {
  return { before: values(plan.before), after: values(plan.after), changed: [...plan.changed], face: plan.face };
}

/** Handlers of the `profile:*` channels. Every update goes through the journal. */
export function profileHandlers(deps: HandlerDeps): {
  'profile:lookup': Handler<'profile:lookup'>;
  'profile:check-user-name': Handler<'profile:check-user-name'>;
  'profile:update': Handler<'profile:update'>;
  'profile:reconcile': Handler<'profile:reconcile'>;
} {
  const { profile, journal } = deps;
  return {
    'profile:lookup': async ({ userName }) => {
      const d = await profile.lookup(userName);
      const out: CustomerProfile = {
        ...values(d),
        countryCode: d.countryCode,
        hasEnrollmentLink: d.enrollmentUrl !== '',
      };
      return out;
    },
    'profile:check-user-name': async ({ userName }) => ({ available: await profile.isUserNameAvailable(userName) }),
    'profile:update': async ({ updateId, userName, changes, face }) => {
      if (journal.isUsed(updateId)) {
        throw new KioskError('invalid-input', 'This update was already submitted. Check its result instead of sending it again.');
      }
      const plan = await profile.plan(userName, changes, face);
      journal.begin(updateId, plan);
      try {
        const outcome = await profile.update(plan);
        const url = outcome.reEnrollmentUrl;
        journal.settle(updateId, plan.face && url === null ? 'face-pending' : 'applied', url);
        return { message: outcome.message, ...summary(plan), reEnrollmentReady: url !== null };
      } catch (err) {
        const unknown = err instanceof KioskError && err.code === 'outcome-unknown';
        journal.settle(updateId, unknown ? 'unknown' : 'failed');
        throw err;
      }
    },
    'profile:reconcile': async ({ updateId }) => {
      const entry = journal.get(updateId);
      if (!entry) throw new KioskError('invalid-input', 'There is no update with this id to check. Look the customer up again.');
      switch (entry.state) {
        case 'sending':
          throw new KioskError('invalid-input', 'This update is still being sent. Wait for its answer.');
        case 'applied':
          return { verdict: 'applied' };
        case 'face-pending':
          return { verdict: 'applied-face-pending' };
        case 'failed':
          return { verdict: 'not-applied' };
        case 'unknown': {
          const verdict = await profile.reconcile(entry.plan);
          if (verdict === 'applied') journal.settle(updateId, 'applied');
          if (verdict === 'applied-face-pending') journal.settle(updateId, 'face-pending');
          if (verdict === 'not-applied') journal.settle(updateId, 'failed');
          return { verdict };
        }
      }
    },
  };
}
