import { profileBusy } from './profile-state';
import { resumeAfterExpiry } from './navigation';
import type { SessionSlice, SliceCreator } from './types';

export const createSessionSlice: SliceCreator<SessionSlice> = ({ api }) => (set, get) => ({
  session: { signedIn: false, busy: false, error: null, resume: null },
  async signIn(password) {
    if (get().session.busy) return;
    set((s) => ({ session: { ...s.session, busy: true, error: null } }));
    const r = await api.signIn({ password });
    if (!r.ok) {
      set((s) => ({ session: { ...s.session, busy: false, error: r.error } }));
      return;
    }
    const resume = get().session.resume;
    set((s) => ({ session: { ...s.session, signedIn: true, busy: false, error: null, resume: null } }));
    get().navigate({ type: 'signed-in', resume });
    const status = get().profile.submission.status;
    // The check of a lost answer was cut short: run it again now.
    if (resume === 'result' && (status === 'checking' || status === 'check-failed')) await get().reconcile();
  },
  async signOut() {
    // Never while something is in flight: its outcome must reach staff first.
    if (profileBusy(get().profile, get().enrollment) || get().session.busy) return;
    get().wipeCustomer();
    set((s) => ({ session: { ...s.session, busy: true } }));
    const r = await api.signOut();
    // Even when the vendor or the keychain failed, main forgets the token; say if it could not.
    set({ session: { signedIn: false, busy: false, error: r.ok ? null : r.error, resume: null } });
    get().navigate({ type: 'signed-out', supervisor: get().staff.member?.role === 'supervisor' });
  },
  sessionExpired() {
    const screen = get().screen;
    if (screen === 'sign-in' || screen === 'unlock' || screen === 'no-vendor') return;
    const status = get().profile.submission.status;
    const resume = resumeAfterExpiry(screen, status);
    set((s) => ({ session: { ...s.session, signedIn: false, busy: false, resume, error: { code: 'session-expired', message: '' } } }));
    get().profileInterrupted();
    get().navigate({ type: 'session-expired', supervisor: get().staff.member?.role === 'supervisor' });
  },
  sessionKnown(signedIn, error) {
    set((s) => ({ session: { ...s.session, signedIn, ...(error ? { error } : {}) } }));
  },
  clearResume: () => set((s) => ({ session: { ...s.session, resume: null } })),
});
