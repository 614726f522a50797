import { KioskError } from '../../domain/kiosk-error';
import type { UpdatePlan } from './profile-service';

/**
 * Where an update stands: being sent; applied; applied but the face link is missing (the
 * answer was lost, or the vendor sent none); answer lost, not known yet; not applied.
 */
export type JournalState = 'sending' | 'applied' | 'face-pending' | 'unknown' | 'failed';

export interface JournalEntry {
  plan: UpdatePlan;
  state: JournalState;
  /** The re-enrollment link of an applied face update; it never leaves main. */
  reEnrollmentUrl: string | null;
}

/**
 * The updates of the current customer session, by the id the renderer chose for each submit.
 * It makes a submit single-use (a repeated id is refused, so a double tap or a replay never
 * sends the same change twice) and keeps what a later reconcile or re-enrollment needs.
 */
export interface UpdateJournal {
  /** Records a plan about to be sent; refuses an id that was used before. */
  begin(updateId: string, plan: UpdatePlan): void;
  settle(updateId: string, state: Exclude<JournalState, 'sending'>, reEnrollmentUrl?: string | null): void;
  get(updateId: string): JournalEntry | undefined;
  /** True when this id was submitted before (even if its entry has since made room). */
  isUsed(updateId: string): boolean;
  /** Forgets everything: customer session aborted, sign-out. */
  clear(): void;
  size(): number;
}

const SETTLED: readonly JournalState[] = ['applied', 'face-pending', 'failed'];

/**
 * Creates a journal of at most `capacity` entries. Only settled entries make room (oldest
 * first); an update still being sent or with an unknown outcome is never forgotten, and when
 * only such entries remain a new submit is refused. Used ids are remembered separately (up to
 * `maxIds`), so an evicted entry's id still cannot be sent again.
 */
export function createUpdateJournal(capacity = 32, maxIds = 1024): UpdateJournal {
  const entries = new Map<string, JournalEntry>();
  const used = new Set<string>();
  /** The oldest entry that may make room, found without copying the map (this runs on every submit once it is full). */
  const oldestSettled = (): string | undefined => {
    for (const [id, e] of entries) if (SETTLED.includes(e.state)) return id;
    return undefined;
  };
  return {
    begin(updateId, plan) {
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
      entries.set(updateId, { plan, state: 'sending', reEnrollmentUrl: null });
    },
    settle(updateId, state, reEnrollmentUrl = null) {
      const e = entries.get(updateId);
      if (e) entries.set(updateId, { ...e, state, reEnrollmentUrl });
    },
    get: (updateId) => entries.get(updateId),
    isUsed: (updateId) => used.has(updateId),
    clear: () => {
      entries.clear();
      used.clear();
    },
    size: () => entries.size,
  };
}
