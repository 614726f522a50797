import * as z from 'zod/mini';
import type { $ZodError } from 'zod/v4/core';
import { EMAIL, FULL_NAME, NEW_USER_NAME } from './profile-limits';

// Pure rules, no Node or Electron imports, built on zod's "mini" build (main's own schemas
// compose them with full zod). Their limits and patterns come from profile-limits.ts, which
// the renderer checks fields with. Phone rules live in phone-rules.ts, whose metadata is
// large: the renderer loads it lazily.

/** A user name as it may already exist at the vendor: no whitespace, printable, bounded. */
export const existingUserNameSchema = z.string().check(
  z.minLength(1, 'Enter a user name.'),
  z.maxLength(128, 'A user name is at most 128 characters.'),
  z.regex(/^[^\s\p{C}]+$/u, 'A user name cannot contain spaces.'),
);

/**
 * A new user name chosen at the kiosk. The vendor only forbids spaces; the kiosk asks for
 * 3–64 letters, digits, dot, underscore, hyphen or @ so names stay typeable and unambiguous.
 */
export const newUserNameSchema = z.string().check(
  z.minLength(NEW_USER_NAME.min, `A user name has at least ${NEW_USER_NAME.min} characters.`),
  z.maxLength(NEW_USER_NAME.max, `A user name is at most ${NEW_USER_NAME.max} characters.`),
  z.regex(/^\S*$/, 'A user name cannot contain spaces.'),
  z.regex(NEW_USER_NAME.pattern, 'Use only letters, digits, dot, underscore, hyphen or @.'),
);

/** Full name: trimmed, letters (any script) with spaces, dots, apostrophes and hyphens. */
export const fullNameSchema = z.string().check(
  z.trim(),
  z.minLength(1, 'Enter the full name.'),
  z.maxLength(FULL_NAME.max, `A full name is at most ${FULL_NAME.max} characters.`),
  z.regex(FULL_NAME.pattern, 'Use letters, spaces, dots, apostrophes or hyphens.'),
);

export const emailSchema = z.pipe(
  z.string().check(z.trim(), z.maxLength(EMAIL.max, `An e-mail address is at most ${EMAIL.max} characters.`)),
  z.email({ pattern: EMAIL.pattern, error: 'Enter a valid e-mail address, like name@example.com.' }),
);

/** ISO 3166 alpha-2 country code of a phone number, e.g. IN. */
export const countrySchema = z.string().check(z.regex(/^[A-Z]{2}$/, 'A country is two capital letters, e.g. IN.'));

/** The four fields the vendor's update call carries, all required. */
export type { ProfileValues as ProfileFields } from './profile-fields';

/** First message of a failed zod parse, prefixed with the field it concerns. */
export function firstIssue(error: $ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  return { field: issue?.path.join('.') ?? '', message: issue?.message ?? 'Invalid input.' };
}
