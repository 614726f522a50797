import type { ProfileSlice } from './types';

type Profile = ProfileSlice['profile'];

export const EMPTY_SUBMISSION: Profile['submission'] = { status: 'idle', updateId: null, result: null, error: null, verdict: null };

export const EMPTY_APPROVAL: Profile['approval'] = { approvalId: null, approvedBy: null, busy: false, refusal: null, error: null };

/** True when the reviewed change needs a supervisor's approval (the config's `approvalRequired`). */
export function reviewNeedsApproval(p: Pick<Profile, 'reviewed'>, required: readonly string[] | undefined): boolean {
  if (!p.reviewed || !required) return false;
  return (p.reviewed.face && required.includes('face')) || Object.keys(p.reviewed.changes).some((f) => required.includes(f));
}

export const EMPTY_PROFILE: Profile = {
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
  idCheck: null,
  approval: EMPTY_APPROVAL,
  reviewed: null,
  submission: EMPTY_SUBMISSION,
  epoch: 0,
  onScreen: false,
};

/** True while something is in flight for the customer: no wipe, no sign-out, no idle reset. */
export function profileBusy(p: Profile, e?: { phase: string }): boolean {
  const camera = e !== undefined && (e.phase === 'checking-camera' || e.phase === 'starting' || e.phase === 'open');
  return camera || p.lookupBusy || p.reviewBusy || p.submission.status === 'submitting' || p.submission.status === 'checking';
}

/**
 * Whether the profile holds anything of a customer: the slice keeps `onScreen` equal to it on
 * every change. Every other field is only ever set once a record is loaded (the draft, its
 * errors, the review, the submission) or once a face retry is set up (`reviewed`), so these
 * facts answer it.
 */
export function holdsCustomer(p: Pick<Profile, 'query' | 'lookupBusy' | 'lookupError' | 'customer' | 'reviewed'>): boolean {
  return p.query !== '' || p.lookupBusy || p.lookupError !== null || p.customer !== null || p.reviewed !== null;
}
