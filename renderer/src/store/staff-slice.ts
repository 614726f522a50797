import type { SliceCreator, StaffSlice } from './types';

export const createStaffSlice: SliceCreator<StaffSlice> = ({ api }) => (set, get) => {
  /** After an unlock, or at start-up with someone unlocked: where the kiosk goes. */
  async function arrive(supervisor: boolean): Promise<void> {
    const state = await api.sessionState();
    if (!state.ok) get().sessionKnown(false, state.error);
    else get().sessionKnown(state.value.signedIn);
    get().navigate({ type: 'boot', unlocked: true, signedIn: state.ok && state.value.signedIn, supervisor });
  }
  /** Locked, whoever asked: the customer goes, and the unlock screen comes. */
  function locked(): void {
    if (get().staff.member === null && get().screen === 'unlock') return;
    get().wipeCustomer();
    set((s) => ({ staff: { ...s.staff, member: null, busy: false, refusal: null, error: null } }));
    get().navigate({ type: 'locked' });
  }
  return {
    staff: { member: null, busy: false, refusal: null, error: null },
    async unlock(staffId, secret) {
      if (get().staff.busy) return;
      set((s) => ({ staff: { ...s.staff, busy: true, refusal: null, error: null } }));
      const r = await api.unlock({ staffId, secret });
      if (!r.ok) {
        set((s) => ({ staff: { ...s.staff, busy: false, error: r.error } }));
        return;
      }
      if (r.value.outcome !== 'unlocked') {
        const refusal = r.value.outcome === 'wrong' ? { kind: 'wrong' as const } : { kind: 'locked-out' as const, minutes: r.value.minutes };
        set((s) => ({ staff: { ...s.staff, busy: false, refusal } }));
        return;
      }
      const member = r.value.staff;
      set({ staff: { member, busy: false, refusal: null, error: null } });
      await arrive(member.role === 'supervisor');
    },
    async lock() {
      locked();
      await api.lock();
    },
    staffLocked: locked,
    async staffKnown(member) {
      set((s) => ({ staff: { ...s.staff, member } }));
      if (member) await arrive(member.role === 'supervisor');
      else get().navigate({ type: 'boot', unlocked: false, signedIn: false, supervisor: false });
    },
    async staffActive() {
      if (get().staff.member === null) return;
      const r = await api.staffActivity();
      if (r.ok && !r.value.active) locked();
    },
  };
};

