import { regexes } from 'zod/v4/core';

// The limits and patterns of the profile fields, as plain values. profile-rules.ts builds
// main's schemas from them; the renderer checks fields as staff type with them, so its first
// chunk needs none of zod's schema code (zod marks this module free of side effects, so only
// the e-mail pattern is bundled).

/** A new user name chosen at the kiosk: 3–64 letters, digits, dot, underscore, hyphen or @. */
export const NEW_USER_NAME = { min: 3, max: 64, pattern: /^[A-Za-z0-9._@-]+$/ } as const;

/** Full name, trimmed: letters (any script) with spaces, dots, apostrophes and hyphens. */
export const FULL_NAME = { max: 100, pattern: /^[\p{L}\p{M}][\p{L}\p{M} .'-]*$/u } as const;

/** E-mail address, trimmed: zod's e-mail pattern (the one `z.email()` uses). */
export const EMAIL = { max: 254, pattern: regexes.email } as const;

/** Characters a typed phone number may hold before it is parsed (see phone-rules.ts). */
export const PHONE_INPUT_PATTERN = /^[+\d][\d\s().-]*$/;

/** The longest phone number staff may type, spaces and punctuation included. */
export const PHONE_INPUT_MAX_LENGTH = 32;

/** A string's length as the schemas measure it: zod counts Unicode code points, not UTF-16 units. */
export function lengthOf(value: string): number {
  return [...value].length;
}
