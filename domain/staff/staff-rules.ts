// Staff identity rules shared by main, kioskctl and the renderer: roles, staff ids, PINs, and
// the kinds of identity document staff check before changing a customer. Bank policy, kept in
// this one place.
import * as z from 'zod/mini';

/** What a staff member may do: operators change customers; supervisors also approve and sign the kiosk in to the vendor. */
export const STAFF_ROLES = ['operator', 'supervisor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Staff ids: 1–64 lower-case letters, digits, dot, underscore, hyphen (a directory user name fits). */
export const staffIdSchema = z.string().check(
  z.trim(),
  z.toLowerCase(),
  z.regex(/^[a-z0-9._-]{1,64}$/, 'A staff id is 1–64 letters, digits, dots, underscores or hyphens.'),
);

/** A staff member's display name: 1–100 characters, no control characters. */
export const staffNameSchema = z.string().check(
  z.trim(),
  z.minLength(1, 'Give the staff member’s name.'),
  z.maxLength(100, 'A name is at most 100 characters.'),
  z.regex(/^[^\p{C}]+$/u, 'A name has no control characters.'),
);

export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 12;

/**
 * Why a new PIN is refused, or null: 6–12 digits, not all one digit, not a simple run up or
 * down (123456, 987654).
 */
export function pinProblem(pin: string): string | null {
  if (!/^\d+$/.test(pin)) return 'A PIN is digits only.';
  if (pin.length < PIN_MIN_DIGITS || pin.length > PIN_MAX_DIGITS) return `A PIN is ${PIN_MIN_DIGITS}–${PIN_MAX_DIGITS} digits.`;
  if (/^(\d)\1*$/.test(pin)) return 'A PIN cannot be one digit repeated.';
  const steps = new Set<number>();
  for (let i = 1; i < pin.length; i++) steps.add(pin.charCodeAt(i) - pin.charCodeAt(i - 1));
  if (steps.size === 1 && (steps.has(1) || steps.has(-1))) return 'A PIN cannot be a simple run of digits such as 123456.';
  return null;
}

/** A credential as staff type it: a PIN (local directory) or a directory password. Never stored. */
export const staffSecretSchema = z.string().check(
  z.minLength(1, 'Enter your PIN or password.'),
  z.maxLength(256, 'That is too long.'),
  z.regex(/^[^\p{Cc}]*$/u, 'Control characters are not allowed.'),
);

/** How staff checked the customer's identity before a change: the document type only, never its number. */
export const ID_CHECKS = ['aadhaar', 'pan', 'passport', 'voter-id', 'driving-licence', 'other'] as const;
export type IdCheck = (typeof ID_CHECKS)[number];
