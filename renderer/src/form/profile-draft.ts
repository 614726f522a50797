import type { CustomerProfile } from '../../../domain/ipc/contract';
import { PROFILE_FIELDS, type ProfileFieldName } from '../../../domain/profile/profile-fields';

/** What staff are editing: the four fields as typed, and whether the face is re-recorded. */
export interface Draft {
  userName: string;
  fullName: string;
  emailId: string;
  /** As typed, e.g. "+91 98765 43210"; main gets the national number. */
  phoneNumber: string;
  face: boolean;
}

export type DraftField = ProfileFieldName;
export const DRAFT_FIELDS: readonly DraftField[] = PROFILE_FIELDS;

/** The phone as staff read it: dialling code and national number. */
export function displayPhone(customer: Pick<CustomerProfile, 'countryCode' | 'phoneNumber'>): string {
  return customer.countryCode ? `${customer.countryCode} ${customer.phoneNumber}` : customer.phoneNumber;
}

/** A draft that starts as the customer's current record. */
export function draftFrom(customer: CustomerProfile): Draft {
  return {
    userName: customer.userName,
    fullName: customer.fullName,
    emailId: customer.emailId,
    phoneNumber: displayPhone(customer),
    face: false,
  };
}

export interface DiffRow {
  field: DraftField;
  before: string;
  after: string;
  changed: boolean;
}

/**
 * The before → after rows of a draft. `nationalPhone` is the draft's phone as the vendor
 * stores it (from the phone rules); the phone changed when that differs from the record.
 */
export function diffRows(customer: CustomerProfile, draft: Draft, nationalPhone: string): DiffRow[] {
  const after: Record<DraftField, string> = {
    userName: draft.userName,
    fullName: draft.fullName.trim(),
    emailId: draft.emailId.trim(),
    phoneNumber: nationalPhone,
  };
  return DRAFT_FIELDS.map((field) => {
    const before = customer[field];
    const changed = after[field] !== before;
    const show = (v: string): string => (field === 'phoneNumber' ? displayPhone({ countryCode: customer.countryCode, phoneNumber: v }) : v);
    return { field, before: show(before), after: show(after[field]), changed };
  });
}

/** Only the changed fields, as the update request carries them. */
export function changesOf(rows: readonly DiffRow[], draft: Draft): Partial<Record<DraftField, string>> {
  const out: Partial<Record<DraftField, string>> = {};
  for (const row of rows) {
    if (!row.changed) continue;
    out[row.field] = row.field === 'phoneNumber' ? draft.phoneNumber.trim() : row.field === 'userName' ? draft.userName : draft[row.field].trim();
  }
  return out;
}
