import { z } from 'zod';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

// Pure rules, no Node or Electron imports: the renderer validates with the same module.

/** A user name as it may already exist at the vendor: no whitespace, printable, bounded. */
export const existingUserNameSchema = z
  .string()
  .min(1, 'Enter a user name.')
  .max(128, 'A user name is at most 128 characters.')
  .regex(/^[^\s\p{C}]+$/u, 'A user name cannot contain spaces.');

/**
 * A new user name chosen at the kiosk. The vendor only forbids spaces; the kiosk asks for
 * 3–64 letters, digits, dot, underscore, hyphen or @ so names stay typeable and unambiguous.
 */
export const newUserNameSchema = z
  .string()
  .min(3, 'A user name has at least 3 characters.')
  .max(64, 'A user name is at most 64 characters.')
  .regex(/^\S*$/, 'A user name cannot contain spaces.')
  .regex(/^[A-Za-z0-9._@-]+$/, 'Use only letters, digits, dot, underscore, hyphen or @.');

/** Full name: trimmed, letters (any script) with spaces, dots, apostrophes and hyphens. */
export const fullNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter the full name.')
  .max(100, 'A full name is at most 100 characters.')
  .regex(/^[\p{L}\p{M}][\p{L}\p{M} .'-]*$/u, 'Use letters, spaces, dots, apostrophes or hyphens.');

export const emailSchema = z
  .string()
  .trim()
  .max(254, 'An e-mail address is at most 254 characters.')
  .pipe(z.email('Enter a valid e-mail address, like name@example.com.'));

/** ISO 3166 alpha-2 country code of a phone number, e.g. IN. */
export const countrySchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'A country is two capital letters, e.g. IN.');

/**
 * Checks a phone number for a country and returns its national number (digits only), which
 * is what the vendor's `phoneNumber` field holds. Returns null when it is not a valid number
 * of that country.
 */
export function normalizePhone(input: string, country: string): string | null {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > 32) return null;
  if (!/^[+\d][\d\s().-]*$/.test(trimmed)) return null;
  const parsed = parsePhoneNumberFromString(trimmed, country as CountryCode);
  if (!parsed || !parsed.isValid() || parsed.country !== country) return null;
  return String(parsed.nationalNumber);
}

/** Builds a phone schema for one country that outputs the national number. */
export function phoneSchema(country: string) {
  return z.string().transform((value, ctx) => {
    const national = normalizePhone(value, country);
    if (national === null) {
      ctx.addIssue({ code: 'custom', message: `Enter a valid phone number for ${country}.` });
      return z.NEVER;
    }
    return national;
  });
}

/** The four fields the vendor's update call carries, all required. */
export interface ProfileFields {
  userName: string;
  fullName: string;
  emailId: string;
  phoneNumber: string;
}

/** Schema for a complete target profile (what the customer's record should become). */
export function profileFieldsSchema(country: string) {
  return z.strictObject({
    userName: newUserNameSchema,
    fullName: fullNameSchema,
    emailId: emailSchema,
    phoneNumber: phoneSchema(country),
  });
}

/** First message of a failed zod parse, prefixed with the field it concerns. */
export function firstIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  return { field: issue?.path.join('.') ?? '', message: issue?.message ?? 'Invalid input.' };
}
