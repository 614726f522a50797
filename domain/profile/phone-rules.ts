import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { PHONE_INPUT_MAX_LENGTH, PHONE_INPUT_PATTERN } from './profile-limits';

// Phone rules, apart from profile-rules.ts because libphonenumber's metadata is large: main
// imports this module directly, the renderer loads it with a dynamic import.

/**
 * Checks a phone number for a country and returns its national number (digits only), which
 * is what the vendor's `phoneNumber` field holds. Returns null when it is not a valid number
 * of that country.
 */
export function normalizePhone(input: string, country: string): string | null {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > PHONE_INPUT_MAX_LENGTH) return null;
  if (!PHONE_INPUT_PATTERN.test(trimmed)) return null;
  const parsed = parsePhoneNumberFromString(trimmed, country as CountryCode);
  if (!parsed || !parsed.isValid() || parsed.country !== country) return null;
  return String(parsed.nationalNumber);
}
