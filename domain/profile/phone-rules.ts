import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { PHONE_INPUT_MAX_LENGTH, PHONE_INPUT_PATTERN } from './profile-limits';

// Phone rules, apart from profile-rules.ts because libphonenumber's metadata is large: main
// imports this module directly, the renderer loads it with a dynamic import.

/**
 * Where a phone number must belong: a country (ISO 3166 alpha-2, the kiosk's default), or the
 * customer's own dialling code as the vendor's record holds it (an NRI customer's `44`).
 */
export type PhoneRegion = { country: string } | { callingCode: string };

/** The dialling code in a record's `countryCode` ("+44", "44", "0044"), digits only, or null. */
export function callingCodeOf(countryCode: string): string | null {
  const m = /^\s*(?:\+|00)?\s*([1-9]\d{0,2})\s*$/.exec(countryCode);
  return m?.[1] ?? null;
}

/** The region of a customer's phone: the record's own dialling code, else the kiosk's country. */
export function phoneRegionOf(countryCode: string, fallbackCountry: string): PhoneRegion {
  const callingCode = callingCodeOf(countryCode);
  return callingCode ? { callingCode } : { country: fallbackCountry };
}

/** How staff read a region in a message: "IN", or "+44". */
export function regionLabel(region: PhoneRegion): string {
  return 'country' in region ? region.country : `+${region.callingCode}`;
}

/**
 * Checks a phone number for a region and returns its national number (digits only), which
 * is what the vendor's `phoneNumber` field holds. Returns null when it is not a valid number
 * there (a number of another dialling code would be stored under the wrong one).
 */
export function normalizePhone(input: string, where: string | PhoneRegion): string | null {
  const region: PhoneRegion = typeof where === 'string' ? { country: where } : where;
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > PHONE_INPUT_MAX_LENGTH) return null;
  if (!PHONE_INPUT_PATTERN.test(trimmed)) return null;
  const parsed =
    'country' in region
      ? parsePhoneNumberFromString(trimmed, region.country as CountryCode)
      : parsePhoneNumberFromString(trimmed, { defaultCallingCode: region.callingCode });
  if (!parsed || !parsed.isValid()) return null;
  const same = 'country' in region ? parsed.country === region.country : parsed.countryCallingCode === region.callingCode;
  return same ? String(parsed.nationalNumber) : null;
}

/**
 * A check that needs no region: the characters, and 6 to 15 digits (the E.164 limit). What is
 * checked before the customer's record is read; the full check follows with its region.
 */
export function plausiblePhone(input: string): boolean {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > PHONE_INPUT_MAX_LENGTH || !PHONE_INPUT_PATTERN.test(trimmed)) return false;
  const digits = trimmed.replace(/\D/g, '').length;
  return digits >= 6 && digits <= 15;
}
