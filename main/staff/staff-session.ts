import { KioskError } from '../../domain/kiosk-error';
import type { StaffRole } from '../../domain/staff/staff-rules';
import type { AuditRecorder } from '../audit/plan-recorder';
import type { Logger } from '../log/logger';
import type { Lockout } from './lockout';
import type { StaffDirectory, StaffMember } from './staff-directory';

/** How an unlock went: a member, a wrong credential, or an id locked until a time (ms since the epoch). */
export type UnlockResult = { outcome: 'unlocked'; staff: StaffMember } | { outcome: 'wrong' } | { outcome: 'locked-out'; until: number };

/** Whole minutes (at least 1) until a lockout ends, as staff are told it. */
export function minutesLeft(until: number, now: number = Date.now()): number {
  return Math.max(1, Math.ceil((until - now) / 60_000));
}

/** Why the kiosk locked. */
export type LockReason = 'button' | 'idle' | 'vendor-session-ended';

export interface StaffSessionDeps {
  /** The directory, or the reason there is none (a broken staff list: nobody gets in). */
  directory: () => Promise<StaffDirectory>;
  /** Failed-unlock counts (the local list); null when the directory locks ids itself. */
  lockout: Lockout | null;
  audit: Pick<AuditRecorder, 'staff'>;
  logger: Logger;
  now?: () => number;
  /** Locks after this long without staff activity (staffLockSeconds). */
  idleLockMs: number;
  /** The kiosk locked (or another member unlocked): the customer data main holds goes. */
  onLocked(reason: LockReason): void;
}

/** The staff member at the kiosk, in main: nothing of a customer may be done without one. */
export interface StaffSession {
  /** Checks a credential and, when right, makes that member the one at the kiosk (a new session). */
  unlock(staffId: string, secret: string): Promise<UnlockResult>;
  /** Checks a credential without changing who is at the kiosk (an approval); lockout applies. */
  verify(staffId: string, secret: string): Promise<UnlockResult>;
  lock(reason: LockReason): void;
  /** The member at the kiosk, or null (locked, or idle past the limit: then it locks now). */
  current(): StaffMember | null;
  /** Staff activity (a request, a tap): the idle limit starts again. */
  touch(): void;
  /** The member at the kiosk, with at least `role`; KioskError `locked` when there is none. */
  require(role?: StaffRole): StaffMember;
  /** When a staff id's lockout ends, or null (none, or the directory locks ids itself). */
  lockedUntil(staffId: string): Promise<number | null>;
  /** IT lifts a lockout (kioskctl staff unlock). */
  clearLockout(staffId: string): Promise<void>;
}

/**
 * The staff session: who is at the kiosk, in memory only (a restart locks). Unlocks go through
 * the directory; with the local list, five wrong credentials in a row lock the id for 15
 * minutes (counted on disk, shared with kioskctl). Every unlock, failed or not, every lock and
 * every lockout is an audit line (never the credential).
 */
export function createStaffSession(deps: StaffSessionDeps): StaffSession {
  const now = deps.now ?? Date.now;
  let member: StaffMember | null = null;
  let lastActivity = 0;

  async function check(staffId: string, secret: string): Promise<UnlockResult> {
    if (deps.lockout) {
      const until = await deps.lockout.lockedUntil(staffId);
      if (until !== null) {
        await deps.audit.staff({ staffId, outcome: 'unlock-while-locked-out' });
        return { outcome: 'locked-out', until };
      }
    }
    const directory = await deps.directory();
    const found = await directory.authenticate(staffId, secret);
    if (found) {
      await deps.lockout?.succeeded(staffId);
      return { outcome: 'unlocked', staff: found };
    }
    const lockedUntil = deps.lockout ? await deps.lockout.failed(staffId) : null;
    await deps.audit.staff({ staffId, outcome: lockedUntil === null ? 'unlock-refused' : 'locked-out' });
    deps.logger.warn('staff unlock refused', { lockedOut: lockedUntil !== null });
    return lockedUntil === null ? { outcome: 'wrong' } : { outcome: 'locked-out', until: lockedUntil };
  }

  function lock(reason: LockReason): void {
    const was = member;
    member = null;
    if (!was) return;
    void deps.audit.staff({ staffId: was.staffId, outcome: 'locked' });
    deps.logger.info('kiosk locked', { reason });
    deps.onLocked(reason);
  }

  const session: StaffSession = {
    async unlock(staffId, secret) {
      const result = await check(staffId, secret);
      if (result.outcome !== 'unlocked') return result;
      // Whoever was at the kiosk, their session ends: a new member starts from nothing.
      if (member) lock('button');
      member = result.staff;
      lastActivity = now();
      await deps.audit.staff({ staffId: member.staffId, outcome: 'unlocked' });
      deps.logger.info('kiosk unlocked', { role: member.role });
      return result;
    },
    verify: (staffId, secret) => check(staffId, secret),
    lock,
    current() {
      if (member && now() - lastActivity >= deps.idleLockMs) lock('idle');
      return member;
    },
    touch() {
      if (session.current()) lastActivity = now();
    },
    lockedUntil: async (staffId) => (deps.lockout ? deps.lockout.lockedUntil(staffId) : null),
    clearLockout: async (staffId) => {
      await deps.lockout?.clear(staffId);
    },
    require(role) {
      const m = session.current();
      if (!m) throw new KioskError('locked', 'The kiosk is locked. Unlock it with your staff id.');
      if (role === 'supervisor' && m.role !== 'supervisor') {
        throw new KioskError('rejected', 'Only a supervisor can do this.');
      }
      return m;
    },
  };
  return session;
}
