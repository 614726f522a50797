import { describe, expect, it } from 'vitest';
import { emailSchema, fullNameSchema, newUserNameSchema } from '../../domain/profile/profile-rules';
import { checkField } from '../../renderer/src/form/validate';

// The renderer checks fields with profile-limits.ts, main with the schemas built from it:
// staff must never see a value accepted that main then refuses, or the other way round.
// Lengths are in code points, as zod counts them: '𠀀' is one letter but two UTF-16 units.
describe('the renderer\'s field checks give main\'s schemas\' answers', () => {
  const userNames = ['ravi.kumar', 'r_k-01@branch', 'ab', 'abc', 'a'.repeat(64), 'a'.repeat(65), 'ravi kumar', 'ravi\tk', 'रवि', 'ravi/k', 'ravi!', 'Ravi.Kumar_2', '@@@', '..-', '𠀀𠀀', 'ab\u{1F600}'];
  const fullNames = ['Ravi Kumar', '  Ravi Kumar ', 'रवि कुमार', "D'Souza-Iyer Jr.", 'R2D2', ' ', '', '.Ravi', 'Ravi;', 'a'.repeat(100), ` ${'a'.repeat(100)} `, 'a'.repeat(101), 'Zoë Ñúñez', 'Ravi\nKumar', '𠀀'.repeat(60), '𠀀'.repeat(100), '𠀀'.repeat(101), 'Ravi \u{1F600}'];
  const emails = ['priya@example.com', ' priya@example.com ', 'priya@', 'priya example.com', 'p@e.c', 'p@e.co', 'first.last+tag@sub.example.org', 'a..b@example.com', 'a@example..com', 'ä@example.com', `${'a'.repeat(242)}@example.com`, `${'a'.repeat(243)}@example.com`, '@example.com', 'priya@example.com.', '𠀀@example.com'];
  it.each(userNames)('user name %j', (v) => {
    expect(checkField('userName', v, 'someone.else') === null).toBe(newUserNameSchema.safeParse(v).success);
  });
  it.each(fullNames)('full name %j', (v) => {
    expect(checkField('fullName', v, '') === null).toBe(fullNameSchema.safeParse(v).success);
  });
  it.each(emails)('e-mail %j', (v) => {
    expect(checkField('emailId', v, '') === null).toBe(emailSchema.safeParse(v).success);
  });
  it('covers both answers for each field', () => {
    for (const [list, schema] of [[userNames, newUserNameSchema], [fullNames, fullNameSchema], [emails, emailSchema]] as const) {
      const answers = new Set(list.map((v) => schema.safeParse(v).success));
      expect(answers).toEqual(new Set([true, false]));
    }
  });
});
