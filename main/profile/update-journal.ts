import { createHmac, randomBytes } from 'node:crypto';
import { KioskError } from '../../domain/kiosk-error';
import { PROFILE_FIELDS } from '../../domain/profile/profile-fields';
import type { ProfileFields } from '../../domain/profile/profile-rules';
import type { Accountability, ChangeSubject } from '../audit/plan-recorder';
import type { ReconcileTarget, UpdatePlan } from './profile-service';

/**
 * Where an update stands: being sent; applied; applied but the face link is missing (the
 * answer was lost, or the vendor sent none); answer lost, not known yet; not applied.
 */
export type JournalState = 'sending' | 'applied' | 'face-pending' | 'unknown' | 'failed';

/** Who and what an update was about, as the audit trail records it: no customer values. */
export type PlanSubject = ChangeSubject;

/** The audit subject of a plan: user names before and after, the fields changed, the face, and who answers for it. */
export function subjectOf(plan: UpdatePlan, who: Accountability): PlanSubject {
  return { userNameBefore: plan.before.userName, userNameAfter: plan.after.userName, changedFields: [...plan.changed], face: plan.face, ...who };
}

export interface JournalEntry {
  /** User names, changed fields, face: what the audit trail and a re-enrollment need. */
  subject: PlanSubject;
  /**
   * The values before and after: only while the customer is at the counter. Null once
   * forgotten (customer wiped, or 30 minutes old); a reconcile then uses the fingerprints.
   */
  values: { before: ProfileFields; after: ProfileFields } | null;
  state: JournalState;
  /** The re-enrollment link of an applied face update; it never leaves main, and goes with the values. */
  reEnrollmentUrl: string | null;
  /** When the update was journaled (ms since the epoch). */
  at: number;
}

/**
 * The updates of the current customer session, by the id the renderer chose for each submit.
 * It makes a submit single-use (a repeated id is refused, so a double tap or a replay never
 * sends the same change twice) and keeps what a later reconcile or re-enrollment needs.
 */
export interface UpdateJournal {
  /** Records a plan about to be sent, and who answers for it; refuses an id that was used before. */
  begin(updateId: string, plan: UpdatePlan, who: Accountability): void;
  settle(updateId: string, state: Exclude<JournalState, 'sending'>, reEnrollmentUrl?: string | null): void;
  get(updateId: string): JournalEntry | undefined;
  /** What a reconcile of this update compares the record with (by fingerprint). */
  reconcileTarget(updateId: string): ReconcileTarget | undefined;
  /** True when this id was submitted before (even if its entry has since made room). */
  isUsed(updateId: string): boolean;
  /**
   * Drops the customer values (before/after) and re-enrollment links of every entry, or of
   * those journaled at or before `olderThan` (ms since the epoch); states, user names, changed fields
   * and fingerprints stay, so a reconcile still works and an id still cannot be sent twice.
   */
  forgetValues(olderThan?: number): void;
  /** Forgets everything: customer session aborted, sign-out. */
  clear(): void;
  size(): number;
}

/** How long the journal keeps an update's values and link at most (bank policy: 30 minutes). */
export const JOURNAL_VALUES_KEPT_MS = 30 * 60 * 1000;

const SETTLED: readonly JournalState[] = ['applied', 'face-pending', 'failed'];

export interface JournalOptions {
  capacity?: number;
  maxIds?: number;
  now?: () => number;
}

/**
 * Creates a journal of at most `capacity` entries. Only settled entries make room (oldest
 * first); an update still being sent or with an unknown outcome is never forgotten, and when
 * only such entries remain a new submit is refused. Used ids are remembered separately (up to
 * `maxIds`), so an evicted entry's id still cannot be sent again. Each entry keeps keyed
 * fingerprints (HMAC-SHA-256 with a key made for this journal, never written anywhere) of the
 * whole record before and after, so a reconcile works after the values are forgotten.
 */
export function createUpdateJournal(options: JournalOptions = {}): UpdateJournal {
  const capacity = options.capacity ?? 32;
  const maxIds = options.maxIds ?? 1024;
  const now = options.now ?? Date.now;
  const key = randomBytes(32);
  const fingerprint = (values: ProfileFields): string =>
    createHmac('sha256', key)
      .update(JSON.stringify(PROFILE_FIELDS.map((f) => values[f])))
      .digest('hex');
  type Stored = JournalEntry & { fingerprints: { before: string; after: string } };
  const entries = new Map<string, Stored>();
  const used = new Set<string>();
  /** The oldest entry that may make room, found without copying the map (this runs on every submit once it is full). */
  const oldestSettled = (): string | undefined => {
    for (const [id, e] of entries) if (SETTLED.includes(e.state)) return id;
    return undefined;
  };
  const shown = (e: Stored): JournalEntry => ({ subject: e.subject, values: e.values, state: e.state, reEnrollmentUrl: e.reEnrollmentUrl, at: e.at });
  return {
    begin(updateId, plan, who) {
      if (used.has(updateId)) {
        throw new KioskError('invalid-input', 'This update was already submitted. Check its result instead of sending it again.');
      }
      if (entries.size >= capacity) {
        const evictable = oldestSettled();
        if (evictable === undefined) {
          throw new KioskError('invalid-input', 'Too many updates are still waiting for an answer. Check them before sending another.');
        }
        entries.delete(evictable);
      }
      if (used.size >= maxIds) {
        const oldest = used.values().next().value;
        if (oldest !== undefined) used.delete(oldest);
      }
      used.add(updateId);
      entries.set(updateId, {
        subject: subjectOf(plan, who),
        values: { before: { ...plan.before }, after: { ...plan.after } },
        fingerprints: { before: fingerprint(plan.before), after: fingerprint(plan.after) },
        state: 'sending',
        reEnrollmentUrl: null,
        at: now(),
      });
    },
    settle(updateId, state, reEnrollmentUrl = null) {
      const e = entries.get(updateId);
      // An answer that comes after the values were forgotten brings no link back.
      if (e) entries.set(updateId, { ...e, state, reEnrollmentUrl: e.values === null ? null : reEnrollmentUrl });
    },
    get: (updateId) => {
      const e = entries.get(updateId);
      return e && shown(e);
    },
    reconcileTarget(updateId) {
      const e = entries.get(updateId);
      if (!e) return undefined;
      const { fingerprints } = e;
      return {
        userNameBefore: e.subject.userNameBefore,
        userNameAfter: e.subject.userNameAfter,
        changed: e.subject.changedFields,
        face: e.subject.face,
        holdsBefore: (values) => fingerprint(values) === fingerprints.before,
        holdsAfter: (values) => fingerprint(values) === fingerprints.after,
      };
    },
    isUsed: (updateId) => used.has(updateId),
    forgetValues(olderThan) {
      for (const [id, e] of entries) {
        if (olderThan !== undefined && e.at > olderThan) continue;
        if (e.values !== null || e.reEnrollmentUrl !== null) entries.set(id, { ...e, values: null, reEnrollmentUrl: null });
      }
    },
    clear: () => {
      entries.clear();
      used.clear();
    },
    size: () => entries.size,
  };
}
