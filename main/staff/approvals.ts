import { createHash, randomUUID } from 'node:crypto';
import { KioskError } from '../../domain/kiosk-error';
import { PROFILE_FIELDS } from '../../domain/profile/profile-fields';
import { APPROVAL_TTL_SECONDS } from '../../domain/staff/approval-rules';
import type { UpdatePlan } from '../profile/profile-service';

/** What an approval is bound to: the customer, the values before and after, the face flag. */
export function approvalBinding(plan: Pick<UpdatePlan, 'userName' | 'before' | 'after' | 'face'>): string {
  const values = (v: UpdatePlan['before']) => PROFILE_FIELDS.map((f) => v[f]);
  return createHash('sha256')
    .update(JSON.stringify([plan.userName, values(plan.before), values(plan.after), plan.face]))
    .digest('hex');
}

/** Why an approval was not accepted (the refusal is audited and said to staff). */
export type ApprovalRefusal = 'missing' | 'unknown-or-used' | 'expired' | 'different-change' | 'other-requester';

const REFUSALS: Record<ApprovalRefusal, string> = {
  missing: 'This change needs a supervisor’s approval.',
  'unknown-or-used': 'That approval was already used, or is not known. Ask the supervisor to approve again.',
  expired: 'The approval is more than two minutes old. Ask the supervisor to approve again.',
  'different-change': 'The approval was for a different change (or the record changed meanwhile). Ask the supervisor to approve this one.',
  'other-requester': 'The approval was given for another staff member’s change.',
};

/** The refusal as an error staff read. */
export function approvalError(reason: ApprovalRefusal): KioskError {
  return new KioskError('approval-required', REFUSALS[reason]);
}

/** Approvals minted by main: single use, bound to one change and one requester, two minutes. */
export interface Approvals {
  mint(binding: string, approvedBy: string, requestedBy: string): { approvalId: string; expiresInSeconds: number };
  /** Uses an approval up (whatever the answer: a wrong try spends it); answers who approved, or why not. */
  take(approvalId: string, binding: string, requestedBy: string): { approvedBy: string } | { refused: ApprovalRefusal };
  /** Forgets every approval (lock, sign-out). */
  clear(): void;
}

/** Creates the store of approvals (in memory; a restart forgets them). */
export function createApprovals(now: () => number = Date.now, max = 64): Approvals {
  const byId = new Map<string, { binding: string; approvedBy: string; requestedBy: string; expiresAt: number }>();
  return {
    mint(binding, approvedBy, requestedBy) {
      for (const [id, a] of byId) if (a.expiresAt <= now()) byId.delete(id);
      if (byId.size >= max) {
        const oldest = byId.keys().next().value;
        if (oldest !== undefined) byId.delete(oldest);
      }
      const approvalId = randomUUID();
      byId.set(approvalId, { binding, approvedBy, requestedBy, expiresAt: now() + APPROVAL_TTL_SECONDS * 1000 });
      return { approvalId, expiresInSeconds: APPROVAL_TTL_SECONDS };
    },
    take(approvalId, binding, requestedBy) {
      const a = byId.get(approvalId);
      if (!a) return { refused: 'unknown-or-used' };
      byId.delete(approvalId);
      if (a.expiresAt <= now()) return { refused: 'expired' };
      if (a.requestedBy !== requestedBy) return { refused: 'other-requester' };
      if (a.binding !== binding) return { refused: 'different-change' };
      return { approvedBy: a.approvedBy };
    },
    clear: () => byId.clear(),
  };
}
