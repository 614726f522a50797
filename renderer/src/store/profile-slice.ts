import { changesOf, diffRows, draftFrom, DRAFT_FIELDS, type DraftField } from '../domain/profile-draft';
import { checkField, checkPhone, type FieldError } from '../domain/validate';
import type { ProfileSlice, SliceCreator } from './types';

const EMPTY_SUBMISSION: ProfileSlice['profile']['submission'] = { status: 'idle', updateId: null, result: null, error: null, verdict: null };

export const EMPTY_PROFILE: ProfileSlice['profile'] = {
  query: '',
  lookupBusy: false,
  lookupError: null,
  customer: null,
  draft: null,
  fieldErrors: {},
  formError: null,
  formMessage: null,
  nameCheck: 'idle',
  reviewBusy: false,
  rows: [],
  submission: EMPTY_SUBMISSION,
};

export const createProfileSlice: SliceCreator<ProfileSlice> = ({ api, newId }) => (set, get) => {
  const patch = (p: Partial<ProfileSlice['profile']>): void => set((s) => ({ profile: { ...s.profile, ...p } }));
  const submission = (p: Partial<ProfileSlice['profile']['submission']>): void =>
    set((s) => ({ profile: { ...s.profile, submission: { ...s.profile.submission, ...p } } }));

  /** Sends the update of the reviewed draft under a fresh id; a retry is a new submit. */
  async function send(): Promise<void> {
    const { customer, draft, rows, submission: sub } = get().profile;
    if (!customer || !draft || sub.status === 'submitting' || sub.status === 'checking') return;
    const updateId = newId();
    submission({ status: 'submitting', updateId, error: null, result: null, verdict: null });
    set({ screen: 'result' });
    const r = await api.updateProfile({ updateId, userName: customer.userName, changes: changesOf(rows, draft), face: draft.face });
    if (get().profile.submission.updateId !== updateId) return; // wiped meanwhile
    if (r.ok) {
      submission({ status: 'done', result: r.value });
      return;
    }
    if (get().handleCommonError(r.error)) return;
    if (r.error.code === 'outcome-unknown') {
      submission({ status: 'checking', error: r.error });
      await get().reconcile();
      return;
    }
    if (r.error.code === 'invalid-input') {
      // Main refused the values (e.g. the new name was taken meanwhile): back to the form.
      patch({ formMessage: r.error.message, submission: EMPTY_SUBMISSION });
      set({ screen: 'edit' });
      return;
    }
    submission({ status: 'failed', error: r.error });
  }

  return {
    profile: EMPTY_PROFILE,
    setQuery: (query) => patch({ query, lookupError: null }),
    async lookup() {
      const { query, lookupBusy } = get().profile;
      const userName = query.trim();
      if (lookupBusy) return;
      if (userName.length === 0 || /\s/.test(userName)) {
        patch({ lookupError: { code: 'invalid-input', message: '' } });
        return;
      }
      patch({ lookupBusy: true, lookupError: null });
      const r = await api.lookupProfile({ userName });
      if (!r.ok) {
        patch({ lookupBusy: false });
        if (!get().handleCommonError(r.error)) patch({ lookupError: r.error });
        return;
      }
      patch({ ...EMPTY_PROFILE, query: userName, customer: r.value, draft: draftFrom(r.value) });
      set({ screen: 'edit' });
    },
    setField(field, value) {
      const { draft, customer, fieldErrors } = get().profile;
      if (!draft || !customer) return;
      const next = { ...draft, [field]: value };
      const error = checkField(field, value, customer.userName);
      const errors: Partial<Record<DraftField, FieldError>> = Object.fromEntries(Object.entries(fieldErrors).filter(([k]) => k !== field));
      if (error) errors[field] = error;
      patch({ draft: next, fieldErrors: errors, formError: null, formMessage: null, ...(field === 'userName' ? { nameCheck: 'idle' } : {}) });
    },
    setFace: (face) => {
      const draft = get().profile.draft;
      if (draft) patch({ draft: { ...draft, face }, formError: null });
    },
    async review() {
      const { draft, customer, reviewBusy } = get().profile;
      const info = get().info;
      if (!draft || !customer || !info || reviewBusy) return;
      const errors: Partial<Record<DraftField, FieldError>> = {};
      for (const f of DRAFT_FIELDS) {
        const e = checkField(f, draft[f], customer.userName);
        if (e) errors[f] = e;
      }
      patch({ reviewBusy: true, formError: null, formMessage: null });
      const phone = errors.phoneNumber ? null : await checkPhone(draft.phoneNumber, info.country);
      if (phone && 'error' in phone) errors.phoneNumber = phone.error;
      if (Object.keys(errors).length > 0 || !phone || 'error' in phone) {
        patch({ reviewBusy: false, fieldErrors: errors });
        return;
      }
      const rows = diffRows(customer, draft, phone.national);
      if (!rows.some((r) => r.changed) && !draft.face) {
        patch({ reviewBusy: false, fieldErrors: {}, formError: 'form.nothingChanged' });
        return;
      }
      if (rows.find((r) => r.field === 'userName')?.changed) {
        patch({ nameCheck: 'checking' });
        const r = await api.checkUserName({ userName: draft.userName });
        if (!r.ok) {
          patch({ reviewBusy: false, nameCheck: 'failed' });
          if (!get().handleCommonError(r.error)) patch({ formMessage: r.error.message });
          return;
        }
        if (!r.value.available) {
          patch({ reviewBusy: false, nameCheck: 'taken', fieldErrors: { userName: 'userName.taken' } });
          return;
        }
        patch({ nameCheck: 'available' });
      }
      patch({ reviewBusy: false, fieldErrors: {}, rows });
      set({ screen: 'review' });
    },
    backToEdit() {
      patch({ submission: EMPTY_SUBMISSION });
      set({ screen: 'edit' });
    },
    submit: send,
    async reconcile() {
      const { updateId } = get().profile.submission;
      if (!updateId) return;
      submission({ status: 'checking' });
      const r = await api.reconcileUpdate({ updateId });
      if (get().profile.submission.updateId !== updateId) return;
      if (!r.ok) {
        if (!get().handleCommonError(r.error)) submission({ status: 'check-failed', error: r.error });
        return;
      }
      submission({ status: 'reconciled', verdict: r.value.verdict });
    },
    wipeCustomer() {
      set((s) => ({ profile: EMPTY_PROFILE, session: { ...s.session, resume: null } }));
      try {
        sessionStorage.clear();
      } catch {
        // no storage in this context
      }
      if (get().screen !== 'sign-in' && get().screen !== 'loading') set({ screen: 'find' });
    },
  };
};
