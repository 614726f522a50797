import { describe, expect, it } from 'vitest';
import { createUpdateJournal, JOURNAL_VALUES_KEPT_MS } from '../../main/profile/update-journal';
import type { UpdatePlan } from '../../main/profile/profile-service';

const BEFORE = { userName: 'ravi.kumar', fullName: 'Ravi Kumar', emailId: 'ravi@example.com', phoneNumber: '9876543210' };
const AFTER = { ...BEFORE, emailId: 'ravi.k@example.com', phoneNumber: '9123456789' };
const plan: UpdatePlan = { userName: BEFORE.userName, before: BEFORE, after: AFTER, changed: ['emailId', 'phoneNumber'], face: true };
const LINK = 'https://signzy.app/deepfaceauth/api/v1/iframe/enroll/portal/a/b';

describe('update journal: customer values go with the customer', () => {
  it('keeps the values and link while the customer is there, drops them when told, keeps what a reconcile needs', () => {
    const j = createUpdateJournal();
    j.begin('u1', plan, { staffId: 'demo.operator' });
    j.settle('u1', 'applied', LINK);
    j.begin('u2', plan, { staffId: 'demo.operator' });
    j.settle('u2', 'unknown');
    expect(j.get('u1')).toMatchObject({ values: { before: BEFORE, after: AFTER }, reEnrollmentUrl: LINK });
    j.forgetValues();
    for (const id of ['u1', 'u2']) {
      const e = j.get(id)!;
      expect(e.values).toBeNull();
      expect(e.reEnrollmentUrl).toBeNull();
      expect(e.subject).toEqual({ userNameBefore: 'ravi.kumar', userNameAfter: 'ravi.kumar', changedFields: ['emailId', 'phoneNumber'], face: true, staffId: 'demo.operator' });
      // No value of the customer's is left in what the journal answers.
      expect(JSON.stringify(e)).not.toMatch(/ravi@|ravi\.k@|9876543210|9123456789|Ravi Kumar|portal/);
    }
    expect(j.get('u1')?.state).toBe('applied');
    expect(j.isUsed('u1')).toBe(true);
    expect(() => j.begin('u1', plan, { staffId: 'demo.operator' })).toThrow(/already submitted/);
  });

  it('a reconcile after forgetting still tells before from after, by keyed fingerprint', () => {
    const j = createUpdateJournal();
    j.begin('u1', plan, { staffId: 'demo.operator' });
    j.forgetValues();
    const t = j.reconcileTarget('u1')!;
    expect(t.holdsAfter(AFTER)).toBe(true);
    expect(t.holdsBefore(BEFORE)).toBe(true);
    expect(t.holdsAfter(BEFORE)).toBe(false);
    expect(t.holdsAfter({ ...AFTER, fullName: 'Somebody Else' })).toBe(false);
    expect(t).toMatchObject({ userNameBefore: 'ravi.kumar', userNameAfter: 'ravi.kumar', changed: ['emailId', 'phoneNumber'], face: true });
    // Another journal (another run) has another key: fingerprints cannot be matched across.
    const other = createUpdateJournal();
    other.begin('u1', plan, { staffId: 'demo.operator' });
    expect(other.reconcileTarget('u1')!.holdsAfter(AFTER)).toBe(true);
    expect(j.reconcileTarget('nope')).toBeUndefined();
  });

  it('an answer that comes after the values were forgotten brings no link back', () => {
    const j = createUpdateJournal();
    j.begin('u1', plan, { staffId: 'demo.operator' });
    j.forgetValues();
    j.settle('u1', 'applied', LINK);
    expect(j.get('u1')).toMatchObject({ state: 'applied', reEnrollmentUrl: null });
  });

  it(`forgets by age: entries older than ${JOURNAL_VALUES_KEPT_MS / 60000} minutes lose their values, newer ones keep them`, () => {
    let now = 1_000_000;
    const j = createUpdateJournal({ now: () => now });
    j.begin('old', plan, { staffId: 'demo.operator' });
    now += JOURNAL_VALUES_KEPT_MS;
    j.begin('new', plan, { staffId: 'demo.operator' });
    j.forgetValues(now - JOURNAL_VALUES_KEPT_MS + 1);
    expect(j.get('old')?.values).toBeNull();
    expect(j.get('new')?.values).toEqual({ before: BEFORE, after: AFTER });
  });
});
