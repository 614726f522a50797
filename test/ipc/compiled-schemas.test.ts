import { describe, expect, it } from 'vitest';
import { compile, type z } from 'zod';
import { CONTRACT } from '../../domain/ipc/contract';
import * as vendor from '../../main/deepfaceauth/schemas';
import * as rules from '../../domain/profile/profile-rules';
import { compiled } from '../../main/shared/compiled-schema';

// IPC requests, the vendor's answers and the profile rules are checked through zod's compiled
// fast path (`compiled`). A schema zod cannot compile still works, silently, on the slower
// runtime parser: this keeps every one of them compilable.
function schemasOf(module: Record<string, unknown>): [string, z.ZodType][] {
  return Object.entries(module).filter((e): e is [string, z.ZodType] => typeof e[1] === 'object' && e[1] !== null && '_zod' in e[1]);
}

const ALL: [string, z.ZodType][] = [
  ...Object.entries(CONTRACT).map(([channel, spec]): [string, z.ZodType] => [`request of ${channel}`, spec.request]),
  ...schemasOf(vendor),
  ...schemasOf(rules),
];

describe('compiled schemas', () => {
  it('finds every schema', () => {
    expect(ALL.length).toBe(Object.keys(CONTRACT).length + 7 + 5);
  });

  it.each(ALL)('%s compiles to the fast path', (_name, schema) => {
    expect(() => compile(schema, { strict: true })).not.toThrow();
  });

  it('compiles a schema once and keeps it', () => {
    const schema = CONTRACT['profile:update'].request;
    expect(compiled(schema)).toBe(compiled(schema));
    expect(compiled(schema)).not.toBe(schema);
  });

  it('gives the same answers and messages as the schema, accepted or refused', () => {
    const schema = CONTRACT['profile:update'].request;
    const id = '6f1c1c1e-8d6a-4a4e-9a57-0c1b2f3a4b5c';
    const inputs: unknown[] = [
      { updateId: id, userName: 'ravi.kumar', changes: { fullName: '  Ravi Kumar  ' }, face: false, idCheck: 'aadhaar' },
      { updateId: id, userName: 'ravi.kumar', changes: { fullName: 'R4vi' }, face: false },
      { updateId: id, userName: 'ravi kumar', changes: {}, face: true },
      { updateId: 'nope', userName: 'ravi.kumar', changes: {}, face: true },
      { updateId: id, userName: 'ravi.kumar', changes: { emailId: 'x@' }, face: false, extra: 1 },
      { updateId: id, userName: 'ravi.kumar', changes: { phoneNumber: '98765 43210' }, face: 'yes' },
      null,
    ];
    expectSameAnswers(schema, inputs);
    expect(compiled(schema).safeParse(inputs[0]).data).toMatchObject({ changes: { fullName: 'Ravi Kumar' } });
  });

  it('reads the vendor answers as the schemas do: defaults, extra fields, re-enrollment links', () => {
    const details = { userName: 'ravi.kumar', fullName: 'Ravi', emailId: 'r@x.in', phoneNumber: '98765', status: '200 OK' };
    expectSameAnswers(vendor.userDetailsResponseSchema, [
      details,
      { ...details, countryCode: '91', enrollmentUrl: 'https://v.example/e', extra: { x: 1 } },
      { ...details, status: '500 Internal' },
      { ...details, userName: '' },
      { ...details, fullName: 7 },
    ]);
    const ok = { status: '200 OK' };
    expectSameAnswers(vendor.updateUserResponseSchema, [
      ok,
      { ...ok, message: 'done', reEnrollmentUrl: 'https://vendor.example/enroll/1' },
      { ...ok, reEnrollmentUrl: 'http://127.0.0.1:4000/enroll/1' },
      { ...ok, reEnrollmentUrl: ' https://vendor.example/enroll/1 ' },
      { ...ok, reEnrollmentUrl: 'http://evil.example/enroll' },
      { ...ok, reEnrollmentUrl: 'javascript:alert(1)' },
      { ...ok, reEnrollmentUrl: 'not a url' },
      { ...ok, reEnrollmentUrl: `https://v.example/${'a'.repeat(2100)}` },
      { status: 'error' },
    ]);
  });
});

/** The compiled schema gives the same success, value (strictly) and issues as the schema. */
function expectSameAnswers(schema: z.ZodType, inputs: unknown[]): void {
  for (const input of inputs) {
    const a = schema.safeParse(input);
    const b = compiled(schema).safeParse(input);
    expect(b.success).toBe(a.success);
    expect(b.data).toStrictEqual(a.data);
    expect(b.error?.issues).toStrictEqual(a.error?.issues);
  }
}
