import { needsApproval } from '../../../domain/staff/approval-rules';
import { approvalBinding } from '../../staff/approvals';
import { minutesLeft } from '../../staff/staff-session';
import type { Handler } from '../handle';
import type { HandlerDeps } from './handler-deps';

/**
 * `approval:request`: a supervisor other than the staff member at the kiosk approves one exact
 * change with their own credential. Main reads the record and plans the change itself, so the
 * approval is bound to what would be sent (customer, values before and after, face); it is
 * single use and lasts two minutes. Given and refused approvals are staff lines of the audit.
 */
export function approvalHandlers(deps: HandlerDeps): { 'approval:request': Handler<'approval:request'> } {
  return {
    'approval:request': async ({ userName, changes, face, supervisorId, secret }) => {
      const requester = deps.staff.require();
      const plan = await deps.profile.plan(userName, changes, face);
      if (!needsApproval(plan.changed, plan.face, deps.config.approvalRequired)) return { outcome: 'not-needed' };
      const refused = async (outcome: 'self' | 'not-supervisor') => {
        await deps.audit.staff({ staffId: supervisorId, outcome: 'approval-refused', requestedBy: requester.staffId });
        return { outcome };
      };
      // Four eyes: never the requester's own (checked before any credential).
      if (supervisorId === requester.staffId) return refused('self');
      const r = await deps.staff.verify(supervisorId, secret);
      if (r.outcome === 'wrong') return { outcome: 'wrong' };
      if (r.outcome === 'locked-out') return { outcome: 'locked-out', minutes: minutesLeft(r.until) };
      if (r.staff.role !== 'supervisor') return refused('not-supervisor');
      const minted = deps.approvals.mint(approvalBinding(plan), r.staff.staffId, requester.staffId);
      await deps.audit.staff({ staffId: r.staff.staffId, outcome: 'approval-granted', requestedBy: requester.staffId });
      return { outcome: 'approved', ...minted };
    },
  };
}
