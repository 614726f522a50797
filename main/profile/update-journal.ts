import { KioskError } from '../shared/kiosk-error';
import type { UpdatePlan } from './profile-service';

export type JournalState = 'sending' | 'applied' | 'unknown' | 'failed';

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
  /** Forgets everything: customer session aborted, sign-out. */
  clear(): void;
  size(): number;
}

/** Creates a journal that keeps at most `capacity` entries (oldest settled ones dropped first). */
export function createUpdateJournal(capacity = 32): UpdateJournal {
  const entries = new Map<string, JournalEntry>();
  return {
    begin(updateId, plan) {
      if (entries.has(updateId)) {
        throw new KioskError('invalid-input', 'This update was already submitted. Check its result instead of sending it again.');
      }
      if (entries.size >= capacity) {
        for (const [id, e] of entries) {
          if (e.state !== 'sending') {
            entries.delete(id);
            break;
          }
        }
      }
      entries.set(updateId, { plan, state: 'sending', reEnrollmentUrl: null });
    },
    settle(updateId, state, reEnrollmentUrl = null) {
      const e = entries.get(updateId);
      if (e) entries.set(updateId, { ...e, state, reEnrollmentUrl });
    },
    get: (updateId) => entries.get(updateId),
    clear: () => entries.clear(),
    size: () => entries.size,
  };
}
