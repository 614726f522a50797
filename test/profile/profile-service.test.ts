import { afterEach, describe, expect, it } from 'vitest';
import { buildPlan, createProfileService } from '../../main/profile/profile-service';
import { createSessionService } from '../../main/session/session-service';
import { DEMO_CUSTOMER } from '../../domain/demo-account';
import { captureLogger } from '../helpers/capture-logger';
import { memoryTokenStore } from '../helpers/memory-token-store';
import { sandboxClient, type ClientFixture } from '../helpers/sandbox-fixture';

const RAVI = { userName: 'ravi.kumar', fullName: 'Ravi Kumar', emailId: 'ravi.kumar@example.com', phoneNumber: '9876543210' };

let fx: ClientFixture | null = null;
afterEach(async () => {
  await fx?.sandbox.close();
  fx = null;
});

async function setup() {
  const cap = captureLogger();
  fx = await sandboxClient(cap.logger);
  const session = createSessionService({ client: fx.client, tokens: memoryTokenStore(), logger: cap.logger });
  await session.signIn(DEMO_CUSTOMER.password);
  const profile = createProfileService({ client: fx.client, session, logger: cap.logger, country: 'IN' });
  return { profile, fx, cap };
}

describe('buildPlan', () => {
  it('keeps unchanged fields at their current values and lists the changed ones', () => {
    const plan = buildPlan(RAVI, { emailId: ' ravi@example.com ', phoneNumber: '+91 91234 56780' }, false, 'IN');
    expect(plan.after).toEqual({ ...RAVI, emailId: 'ravi@example.com', phoneNumber: '9123456780' });
    expect(plan.changed).toEqual(['emailId', 'phoneNumber']);
  });

  it('refuses a plan that changes nothing and does not update the face', () => {
    expect(() => buildPlan(RAVI, { fullName: 'Ravi Kumar' }, false, 'IN')).toThrow(/Nothing to change/);
  });

  it('allows a face-only update', () => {
    expect(buildPlan(RAVI, {}, true, 'IN').changed).toEqual([]);
  });

  it('does not hold a legacy user name to the new-name rules when it is unchanged', () => {
    const legacy = { ...RAVI, userName: 'rk' };
    expect(buildPlan(legacy, { userName: 'rk', fullName: 'Ravi K' }, false, 'IN').after.userName).toBe('rk');
  });

  it.each([
    [{ userName: 'ravi kumar' }, /spaces/],
    [{ emailId: 'nope' }, /e-mail/],
    [{ phoneNumber: '123' }, /phone number for IN/],
    [{ fullName: '  ' }, /full name/],
  ])('rejects %j', (changes, msg) => {
    expect(() => buildPlan(RAVI, changes, false, 'IN')).toThrow(msg);
  });
});

describe('profile service against the sandbox', () => {
  it('plans and applies an update, sending all four fields', async () => {
    const { profile, fx } = await setup();
    const plan = await profile.plan('ravi.kumar', { fullName: 'Ravi Kumar Rao' }, false);
    const out = await profile.update(plan);
    expect(out.reEnrollmentUrl).toBeNull();
    const body = JSON.parse(fx.sent.at(-1)!.body);
    expect(body.parametersToBeUpdated).toEqual({ ...RAVI, fullName: 'Ravi Kumar Rao' });
    expect((await profile.lookup('ravi.kumar')).fullName).toBe('Ravi Kumar Rao');
  });

  it('refuses a rename onto a taken user name before sending the update', async () => {
    const { profile, fx } = await setup();
    await expect(profile.plan('ravi.kumar', { userName: 'priya.sharma' }, false)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/already taken/) });
    expect(fx.sandbox.requestCount('/user/update')).toBe(0);
  });

  it('checks user-name availability', async () => {
    const { profile } = await setup();
    expect(await profile.isUserNameAvailable('new.name')).toBe(true);
    expect(await profile.isUserNameAvailable('priya.sharma')).toBe(false);
  });

  it('returns a reEnrollmentUrl for a face update', async () => {
    const { profile } = await setup();
    const out = await profile.update(await profile.plan('ravi.kumar', {}, true));
    expect(out.reEnrollmentUrl).toMatch(/\/iframe\/enroll\/portal\//);
  });

  it('reconciles: applied after the update, not-applied before it', async () => {
    const { profile } = await setup();
    const plan = await profile.plan('ravi.kumar', { userName: 'ravi.k', emailId: 'rk@example.com' }, false);
    expect(await profile.reconcile(plan)).toBe('not-applied');
    await profile.update(plan);
    expect(await profile.reconcile(plan)).toBe('applied');
  });

  it('reconciles a same-name update by comparing fields', async () => {
    const { profile } = await setup();
    const plan = await profile.plan('ravi.kumar', { phoneNumber: '9123456789' }, false);
    expect(await profile.reconcile(plan)).toBe('not-applied');
    await profile.update(plan);
    expect(await profile.reconcile(plan)).toBe('applied');
  });

  it('says the face is still pending after a face-only update whose answer was lost', async () => {
    const { profile } = await setup();
    const plan = await profile.plan('ravi.kumar', {}, true);
    expect(await profile.reconcile(plan)).toBe('applied-face-pending');
  });

  it('says the details were applied but the face link is lost for a fields + face update', async () => {
    const { profile } = await setup();
    const plan = await profile.plan('ravi.kumar', { fullName: 'Ravi Rao' }, true);
    expect(await profile.reconcile(plan)).toBe('not-applied');
    await profile.update(plan);
    expect(await profile.reconcile(plan)).toBe('applied-face-pending');
  });

  it('says undetermined when someone else changed the record meanwhile', async () => {
    const { profile, fx } = await setup();
    const plan = await profile.plan('ravi.kumar', { fullName: 'Ravi Rao' }, false);
    fx.sandbox.state.update('ravi.kumar', { ...RAVI, fullName: 'Somebody Else' }, false);
    expect(await profile.reconcile(plan)).toBe('undetermined');
  });

  it('never logs customer values', async () => {
    const { profile, cap } = await setup();
    await profile.update(await profile.plan('ravi.kumar', { emailId: 'secret.person@example.com', phoneNumber: '9000011111' }, true));
    expect(cap.text()).not.toMatch(/secret\.person|9000011111|ravi/);
  });
});
