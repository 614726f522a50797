// Which changes need a supervisor's approval (four eyes): bank policy, from the config's
// `approvalRequired`; the renderer reads the same list (kiosk:info) to ask for the approval
// before the confirm, main refuses the update without one.

/** What may need approval: a field, or the face. */
export const APPROVAL_SUBJECTS = ['userName', 'fullName', 'emailId', 'phoneNumber', 'face'] as const;
export type ApprovalSubject = (typeof APPROVAL_SUBJECTS)[number];

/** The default: what the bank uses to reach or authenticate the customer. */
export const DEFAULT_APPROVAL_REQUIRED: readonly ApprovalSubject[] = ['emailId', 'phoneNumber', 'face'];

/** How long an approval may be used after it is given, once. */
export const APPROVAL_TTL_SECONDS = 120;

/** True when a change of these fields (and the face) needs a supervisor's approval. */
export function needsApproval(changed: readonly string[], face: boolean, required: readonly ApprovalSubject[]): boolean {
  return (face && required.includes('face')) || changed.some((f) => (required as readonly string[]).includes(f));
}
