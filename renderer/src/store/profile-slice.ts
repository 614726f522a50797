import type { CustomerProfile } from '../../../domain/ipc/contract';
import { changesOf, diffRows, displayPhone, draftFrom, DRAFT_FIELDS, type DraftField } from '../form/profile-draft';
import { checkField, checkPhone, type FieldError } from '../form/validate';
import { EMPTY_APPROVAL, EMPTY_PROFILE, EMPTY_SUBMISSION, holdsCustomer } from './profile-state';
import type { ProfileSlice, SliceCreator } from './types';

/** The record's value of a field as the draft shows it. */
function recordValue(customer: CustomerProfile, field: DraftField): string {
  return field === 'phoneNumber' ? displayPhone(customer) : customer[field];
}

export const createProfileSlice: SliceCreator<ProfileSlice> = ({ api, newId }) => (set, get) => {
  // Every change goes through here, so whether a customer is on screen is always what is left.
  const patch = (p: Partial<ProfileSlice['profile']>): void =>
    set((s) => {
      const next = { ...s.profile, ...p };
      return { profile: { ...next, onScreen: holdsCustomer(next) } };
    });
  const submission = (p: Partial<ProfileSlice['profile']['submission']>): void =>
    set((s) => ({ profile: { ...s.profile, submission: { ...s.profile.submission, ...p } } }));
  const epoch = (): number => get().profile.epoch;

  /** Field checks; a value staff did not change is the record's own and is not held to the rules. */
  function fieldError(field: DraftField, value: string, customer: CustomerProfile): FieldError | null {
    if (value === recordValue(customer, field)) return null;
    return checkField(field, value, customer.userName);
  }

  /** Sends exactly the reviewed changes under a fresh id; a retry is a new submit. */
  async function send(): Promise<void> {
    const { customer, reviewed, submission: sub } = get().profile;
    if (!customer || !reviewed || sub.status === 'submitting' || sub.status === 'checking') return;
    const updateId = newId();
    submission({ status: 'submitting', updateId, error: null, result: null, verdict: null });
    get().navigate({ type: 'submitting' });
    const { idCheck, approval } = get().profile;
    if (!idCheck) return;
    const r = await api.updateProfile({
      updateId,
      userName: customer.userName,
      changes: reviewed.changes,
      face: reviewed.face,
      idCheck,
      ...(approval.approvalId ? { approvalId: approval.approvalId } : {}),
    });
    if (get().profile.submission.updateId !== updateId) return; // wiped meanwhile
    // An approval is used once, whatever the answer.
    patch({ approval: EMPTY_APPROVAL });
    if (r.ok) {
      submission({ status: 'done', result: r.value });
      if (r.value.face && r.value.reEnrollmentReady) await get().openEnrollment();
      return;
    }
    if (get().handleCommonError(r.error)) return;
    if (r.error.code === 'outcome-unknown') {
      submission({ status: 'checking', error: r.error });
      await get().reconcile();
      return;
    }
    if (r.error.code === 'approval-required') {
      // No approval that fits (none, stale, or for another change): back to the review to ask.
      patch({ approval: { ...EMPTY_APPROVAL, error: r.error }, submission: EMPTY_SUBMISSION });
      get().navigate({ type: 'back-to-review' });
      return;
    }
    if (r.error.code === 'invalid-input') {
      // Main refused the values (e.g. the new name was taken meanwhile): back to the form.
      patch({ formMessage: r.error.message, nameCheck: 'idle', reviewed: null, submission: EMPTY_SUBMISSION });
      get().navigate({ type: 'values-refused' });
      return;
    }
    submission({ status: 'failed', error: r.error });
  }

  /** Checks a typed phone with the full rules once they are loaded, if it is still the draft's. */
  async function checkPhoneLater(value: string): Promise<void> {
    const info = get().info;
    const customer = get().profile.customer;
    const at = epoch();
    if (!info || !customer) return;
    const r = await checkPhone(value, customer.countryCode, info.country);
    const { draft, fieldErrors } = get().profile;
    if (epoch() !== at || draft?.phoneNumber !== value || !('error' in r)) return;
    patch({ fieldErrors: { ...fieldErrors, phoneNumber: r.error } });
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
      const at = epoch();
      patch({ lookupBusy: true, lookupError: null });
      const r = await api.lookupProfile({ userName });
      if (epoch() !== at) return;
      if (!r.ok) {
        patch({ lookupBusy: false });
        if (!get().handleCommonError(r.error)) patch({ lookupError: r.error });
        return;
      }
      patch({ ...EMPTY_PROFILE, epoch: at, query: userName, customer: r.value, draft: draftFrom(r.value) });
      get().navigate({ type: 'customer-found' });
    },
    setField(field, value) {
      const { draft, customer, fieldErrors, reviewBusy } = get().profile;
      if (!draft || !customer || reviewBusy) return;
      const error = fieldError(field, value, customer);
      const errors: Partial<Record<DraftField, FieldError>> = Object.fromEntries(Object.entries(fieldErrors).filter(([k]) => k !== field));
      if (error) errors[field] = error;
      patch({ draft: { ...draft, [field]: value }, fieldErrors: errors, formError: null, formMessage: null, ...(field === 'userName' ? { nameCheck: 'idle' } : {}) });
      if (field === 'phoneNumber' && !error && value !== recordValue(customer, 'phoneNumber')) void checkPhoneLater(value);
    },
    setFace: (face) => {
      const { draft, reviewBusy } = get().profile;
      if (draft && !reviewBusy) patch({ draft: { ...draft, face }, formError: null });
    },
    async requestApproval(supervisorId, secret) {
      const { customer, reviewed, approval } = get().profile;
      if (!customer || !reviewed || approval.busy) return;
      const at = epoch();
      patch({ approval: { ...EMPTY_APPROVAL, busy: true } });
      const r = await api.requestApproval({ userName: customer.userName, changes: reviewed.changes, face: reviewed.face, supervisorId, secret });
      if (epoch() !== at) return;
      if (!r.ok) {
        patch({ approval: { ...EMPTY_APPROVAL, error: r.error } });
        get().handleCommonError(r.error);
        return;
      }
      const a = r.value;
      if (a.outcome === 'approved') patch({ approval: { ...EMPTY_APPROVAL, approvalId: a.approvalId, approvedBy: supervisorId } });
      else if (a.outcome === 'not-needed') patch({ approval: EMPTY_APPROVAL });
      else patch({ approval: { ...EMPTY_APPROVAL, refusal: a.outcome } });
    },
    setIdCheck: (idCheck) => {
      const { draft, reviewBusy } = get().profile;
      if (draft && !reviewBusy) patch({ idCheck, formError: null });
    },
    async review() {
      const { draft, customer, reviewBusy } = get().profile;
      const info = get().info;
      if (!draft || !customer || !info || reviewBusy) return;
      const at = epoch();
      const errors: Partial<Record<DraftField, FieldError>> = {};
      for (const f of DRAFT_FIELDS) {
        const e = fieldError(f, draft[f], customer);
        if (e) errors[f] = e;
      }
      patch({ reviewBusy: true, formError: null, formMessage: null });
      let national = customer.phoneNumber;
      if (!errors.phoneNumber && draft.phoneNumber !== recordValue(customer, 'phoneNumber')) {
        const phone = await checkPhone(draft.phoneNumber, customer.countryCode, info.country);
        if (epoch() !== at) return;
        if ('error' in phone) errors.phoneNumber = phone.error;
        else national = phone.national;
      }
      if (Object.keys(errors).length > 0) {
        patch({ reviewBusy: false, fieldErrors: errors });
        return;
      }
      const rows = diffRows(customer, draft, national);
      if (!rows.some((r) => r.changed) && !draft.face) {
        patch({ reviewBusy: false, fieldErrors: {}, formError: 'form.nothingChanged' });
        return;
      }
      // Every change is made after checking who the customer is: staff say how.
      if (get().profile.idCheck === null) {
        patch({ reviewBusy: false, fieldErrors: {}, formError: 'form.idCheckMissing' });
        return;
      }
      if (rows.find((r) => r.field === 'userName')?.changed) {
        patch({ nameCheck: 'checking' });
        const r = await api.checkUserName({ userName: draft.userName });
        if (epoch() !== at) return;
        if (!r.ok) {
          patch({ reviewBusy: false, nameCheck: 'failed' });
          if (!get().handleCommonError(r.error)) patch({ formError: 'form.nameCheckFailed' });
          return;
        }
        if (!r.value.available) {
          patch({ reviewBusy: false, nameCheck: 'taken', fieldErrors: { userName: 'userName.taken' } });
          return;
        }
        patch({ nameCheck: 'available' });
      }
      // The form is locked while this runs, so the reviewed changes are the draft's.
      patch({ reviewBusy: false, fieldErrors: {}, rows, reviewed: { changes: changesOf(rows, draft), face: draft.face } });
      get().navigate({ type: 'reviewed' });
    },
    backToEdit() {
      patch({ submission: EMPTY_SUBMISSION, reviewed: null, approval: EMPTY_APPROVAL });
      get().navigate({ type: 'back-to-edit' });
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
      set((s) => ({ profile: { ...EMPTY_PROFILE, epoch: s.profile.epoch + 1 } }));
      // Main drops its copy too (the update journal's values and links). Nothing to wait for:
      // a failure leaves them to the 30-minute limit.
      void api.forgetCustomer().catch(() => undefined);
      get().resetEnrollment();
      // Where to return after a sign-in was about this customer.
      get().clearResume();
      try {
        sessionStorage.clear();
      } catch {
        // no storage in this context
      }
      get().navigate({ type: 'customer-wiped' });
    },
    profileInterrupted() {
      // A submit cut short was not applied (the vendor refused the token): it can be sent
      // again. A check cut short runs again after the sign-in.
      const sub = get().profile.submission;
      const status = sub.status === 'submitting' ? 'idle' : sub.status === 'checking' ? 'check-failed' : sub.status;
      patch({ lookupBusy: false, reviewBusy: false, submission: { ...sub, status } });
    },
    dropFace() {
      const { reviewed, draft } = get().profile;
      // Another change now: an approval of the one with the face does not fit it.
      if (reviewed) patch({ reviewed: { changes: reviewed.changes, face: false }, draft: draft ? { ...draft, face: false } : null, approval: EMPTY_APPROVAL });
    },
    faceOnlyRetry() {
      const { customer, submission: sub } = get().profile;
      // The record now holds the values just applied (a new user name included).
      const after = sub.result?.after;
      patch({ customer: customer && after ? { ...customer, ...after } : customer, reviewed: { changes: {}, face: true }, submission: EMPTY_SUBMISSION, approval: EMPTY_APPROVAL });
    },
  };
};
