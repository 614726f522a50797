import { minutesLeft } from '../../staff/staff-session';
import type { Handler } from '../handle';
import type { HandlerDeps } from './handler-deps';

/** Handlers of the `staff:*` channels: who is at the kiosk, unlock, lock, activity. The credential is passed on once and never kept. */
export function staffHandlers(deps: HandlerDeps): {
  'staff:state': Handler<'staff:state'>;
  'staff:unlock': Handler<'staff:unlock'>;
  'staff:lock': Handler<'staff:lock'>;
  'staff:activity': Handler<'staff:activity'>;
} {
  return {
    'staff:state': async () => ({ staff: deps.staff.current() }),
    'staff:unlock': async ({ staffId, secret }) => {
      const r = await deps.staff.unlock(staffId, secret);
      if (r.outcome === 'locked-out') return { outcome: 'locked-out', minutes: minutesLeft(r.until) };
      return r;
    },
    'staff:lock': async () => {
      deps.staff.lock('button');
      return { locked: true };
    },
    'staff:activity': async () => {
      deps.staff.touch();
      return { active: deps.staff.current() !== null };
    },
  };
}
