import { describe, expect, it } from 'vitest';
import { emailSchema, existingUserNameSchema, fullNameSchema, newUserNameSchema } from '../../domain/profile/profile-rules';
import { normalizePhone, phoneRegionOf } from '../../domain/profile/phone-rules';
import { DEMO_USERS } from '../../main/sandbox/demo-data';

describe('profile rules', () => {
  it.each([
    ['ravi.kumar', true],
    ['r_k-01@branch', true],
    ['ab', false],
    ['ravi kumar', false],
    ['ravi\tkumar', false],
    ['रवि', false],
    ['x'.repeat(65), false],
  ])('new user name %j valid: %s', (name, ok) => {
    expect(newUserNameSchema.safeParse(name).success).toBe(ok);
  });

  it('accepts any existing user name without whitespace', () => {
    expect(existingUserNameSchema.safeParse('A1').success).toBe(true);
    expect(existingUserNameSchema.safeParse('a b').success).toBe(false);
    expect(existingUserNameSchema.safeParse('').success).toBe(false);
  });

  it('trims full names and accepts any script', () => {
    expect(fullNameSchema.parse('  Ravi Kumar ')).toBe('Ravi Kumar');
    expect(fullNameSchema.parse('रवि कुमार')).toBe('रवि कुमार');
    expect(fullNameSchema.parse("D'Souza-Iyer Jr.")).toBe("D'Souza-Iyer Jr.");
    expect(fullNameSchema.safeParse('   ').success).toBe(false);
    expect(fullNameSchema.safeParse('Robert; DROP').success).toBe(false);
  });

  it('checks e-mail format', () => {
    expect(emailSchema.parse(' priya@example.com ')).toBe('priya@example.com');
    expect(emailSchema.safeParse('priya@').success).toBe(false);
    expect(emailSchema.safeParse('priya example.com').success).toBe(false);
  });

  it.each([
    ['9876543210', '9876543210'],
    ['+91 98765 43210', '9876543210'],
    ['098765-43210', '9876543210'],
    ['12345', null],
    ['+44 20 7946 0958', null],
    ['98765abc10', null],
    ['', null],
  ])('phone %j for IN → %j', (input, out) => {
    expect(normalizePhone(input, 'IN')).toBe(out);
  });

  it('has demo users whose data passes the rules', () => {
    for (const u of DEMO_USERS) {
      expect(newUserNameSchema.safeParse(u.userName).success).toBe(true);
      // A valid number of the user's own dialling code; stored as its national digits except
      // in the one legacy-format record.
      const national = normalizePhone(u.phoneNumber, phoneRegionOf(u.countryCode, 'IN'));
      expect(national, u.userName).not.toBeNull();
      if (/^\d+$/.test(u.phoneNumber)) expect(national).toBe(u.phoneNumber);
      expect(emailSchema.safeParse(u.emailId).success).toBe(true);
    }
  });
});
