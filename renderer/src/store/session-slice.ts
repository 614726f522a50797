import { profileBusy } from './profile-slice';
import { isCustomerScreen } from './ui-slice';
import type { Screen, SessionSlice, SliceCreator, SubmissionStatus } from './types';

/**
 * Where staff return after signing in again. A submit cut short by the expiry was not applied
 * (the vendor refused the token): back to the review. A lost answer still to be checked, or an
 * outcome already known, stays on the result.
 */
function resumeScreen(screen: Screen, status: SubmissionStatus): Screen | null {
  // The camera window closes when the session expires: its outcome is on the result screen.
  if (screen === 'enrollment') return 'result';
  if (screen === 'result') return status === 'submitting' || status === 'idle' ? 'review' : 'result';
  return isCustomerScreen(screen) ? screen : null;
}

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
    set({ session: { signedIn: false, busy: false, error: r.ok ? null : r.error, resume: null }, screen: 'sign-in' });
  },
  sessionExpired() {
    const screen = get().screen;
    if (screen === 'sign-in') return;
    const status = get().profile.submission.status;
    const resume = resumeScreen(screen, status);
    const nextStatus: SubmissionStatus = status === 'submitting' ? 'idle' : status === 'checking' ? 'check-failed' : status;
    set((s) => ({
      session: { ...s.session, signedIn: false, busy: false, resume, error: { code: 'session-expired', message: '' } },
      screen: 'sign-in',
      profile: { ...s.profile, lookupBusy: false, reviewBusy: false, submission: { ...s.profile.submission, status: nextStatus } },
    }));
  },
});
