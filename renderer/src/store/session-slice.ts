import { isCustomerScreen } from './ui-slice';
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
    set((s) => ({ session: { ...s.session, signedIn: true, busy: false, error: null, resume: null }, screen: resume ?? 'find' }));
  },
  async signOut() {
    get().wipeCustomer();
    set((s) => ({ session: { ...s.session, busy: true } }));
    await api.signOut();
    set({ session: { signedIn: false, busy: false, error: null, resume: null }, screen: 'sign-in' });
  },
  sessionExpired() {
    const screen = get().screen;
    if (screen === 'sign-in') return;
    // A submit cut short by the expiry was not applied: resume on the review, draft intact.
    const resume = screen === 'result' ? 'review' : isCustomerScreen(screen) ? screen : null;
    set((s) => ({
      session: { ...s.session, signedIn: false, busy: false, resume, error: { code: 'session-expired', message: '' } },
      screen: 'sign-in',
      profile: { ...s.profile, lookupBusy: false, reviewBusy: false, submission: { ...s.profile.submission, status: 'idle' } },
    }));
  },
});
