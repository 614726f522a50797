import { EMAIL, FULL_NAME, lengthOf, NEW_USER_NAME, PHONE_INPUT_MAX_LENGTH, PHONE_INPUT_PATTERN } from '../../../domain/profile/profile-limits';
import type * as PhoneRulesModule from '../../../domain/profile/phone-rules';
import type { DraftField } from './profile-draft';

/** A translation key under `errors.`; the message staff read next to the field. */
export type FieldError = string;

/**
 * Checks one field as staff type, with the limits and patterns main's schemas are built from
 * (profile-limits.ts; a test holds the two to the same answers). A user name equal to the
 * current one is not a change, so it is not held to the rules for new names. The phone is
 * only checked for its characters here; `checkPhone` does the full check.
 */
export function checkField(field: DraftField, value: string, currentUserName: string): FieldError | null {
  switch (field) {
    case 'userName': {
      if (value === currentUserName) return null;
      if (value.length === 0) return 'userName.required';
      if (/\s/.test(value)) return 'userName.spaces';
      const length = lengthOf(value);
      if (length < NEW_USER_NAME.min || length > NEW_USER_NAME.max) return 'userName.length';
      return NEW_USER_NAME.pattern.test(value) ? null : 'userName.charset';
    }
    case 'fullName': {
      const name = value.trim();
      if (name.length === 0) return 'fullName.required';
      if (lengthOf(name) > FULL_NAME.max) return 'fullName.length';
      return FULL_NAME.pattern.test(name) ? null : 'fullName.charset';
    }
    case 'emailId': {
      const email = value.trim();
      if (email.length === 0) return 'emailId.required';
      return lengthOf(email) <= EMAIL.max && EMAIL.pattern.test(email) ? null : 'emailId.format';
    }
    case 'phoneNumber':
      if (value.trim().length === 0) return 'phoneNumber.required';
      return PHONE_INPUT_PATTERN.test(value.trim()) && value.trim().length <= PHONE_INPUT_MAX_LENGTH ? null : 'phoneNumber.characters';
  }
}

type PhoneRules = typeof PhoneRulesModule;
let phoneRules: Promise<PhoneRules> | null = null;

/** The phone rules, with libphonenumber's metadata, loaded the first time a phone is checked. */
function loadPhoneRules(): Promise<PhoneRules> {
  phoneRules ??= import('../../../domain/profile/phone-rules');
  return phoneRules;
}

/**
 * Full phone check for the customer's own dialling code (the record's `countryCode`, e.g. an
 * NRI customer's +44), or the kiosk's country when the record has none: the national number,
 * or the error to show.
 */
export async function checkPhone(value: string, countryCode: string, kioskCountry: string): Promise<{ national: string } | { error: FieldError }> {
  const quick = checkField('phoneNumber', value, '');
  if (quick) return { error: quick };
  const { normalizePhone, phoneRegionOf } = await loadPhoneRules();
  const national = normalizePhone(value, phoneRegionOf(countryCode, kioskCountry));
  return national === null ? { error: 'phoneNumber.invalid' } : { national };
}
