import { describe, expect, it } from 'vitest';
import type { CustomerProfile, UpdateResult } from '../../domain/ipc/contract';
import type { Result } from '../../domain/kiosk-error';
import { changesOf, diffRows, draftFrom } from '../../renderer/src/form/profile-draft';
import { checkField, checkPhone } from '../../renderer/src/form/validate';
import { createKioskStore } from '../../renderer/src/store';
import { editing, fakeApi, INFO, ok, RAVI } from './fake-bridge';

describe('profile draft and diff', () => {
  it('starts from the record, shows the phone with its country code, and lists only changed fields', () => {
    const draft = { ...draftFrom(RAVI), emailId: ' ravi.new@example.com ' };
    expect(draftFrom(RAVI).phoneNumber).toBe('+91 9876543210');
    const rows = diffRows(RAVI, draft, '9876543210');
    expect(rows.filter((r) => r.changed).map((r) => r.field)).toEqual(['emailId']);
    expect(rows.find((r) => r.field === 'emailId')).toEqual({ field: 'emailId', before: 'ravi@example.com', after: 'ravi.new@example.com', changed: true });
    expect(changesOf(rows, draft)).toEqual({ emailId: 'ravi.new@example.com' });
  });

  it('treats a phone typed differently but equal in value as unchanged', () => {
    const draft = { ...draftFrom(RAVI), phoneNumber: '098765 43210' };
    expect(diffRows(RAVI, draft, '9876543210').some((r) => r.changed)).toBe(false);
  });
});

describe('validators', () => {
  it.each([
    ['userName', 'ravi kumar', 'userName.spaces'],
    ['userName', 'ab', 'userName.length'],
    ['userName', 'a'.repeat(65), 'userName.length'],
    ['userName', 'ravi/k', 'userName.charset'],
    ['userName', '', 'userName.required'],
    ['fullName', '  ', 'fullName.required'],
    ['fullName', 'R2D2', 'fullName.charset'],
    ['emailId', 'x@', 'emailId.format'],
    ['phoneNumber', '98x', 'phoneNumber.characters'],
  ] as const)('%s %j → %s', (field, value, key) => {
    expect(checkField(field, value, 'ravi.kumar')).toBe(key);
  });

  it('accepts the current user name even if it would not pass the new-name rules', () => {
    expect(checkField('userName', 'legacy name!', 'legacy name!')).toBeNull();
  });

  it('checks phones with the lazily loaded rules', async () => {
    expect(await checkPhone('+91 91234 56780', '+91', 'IN')).toEqual({ national: '9123456780' });
    expect(await checkPhone('+91 12345', '+91', 'IN')).toEqual({ error: 'phoneNumber.invalid' });
    expect(await checkPhone('+1 415 555 2671', '+91', 'IN')).toEqual({ error: 'phoneNumber.invalid' });
  });

  it("checks a phone against the customer's own dialling code (an NRI record with 44), the kiosk's country only without one", async () => {
    expect(await checkPhone('07911 123456', '44', 'IN')).toEqual({ national: '7911123456' });
    expect(await checkPhone('+44 7911 123456', '+44', 'IN')).toEqual({ national: '7911123456' });
    // An Indian mobile number would be stored under the UK code: refused.
    expect(await checkPhone('+91 98765 43210', '+44', 'IN')).toEqual({ error: 'phoneNumber.invalid' });
    expect(await checkPhone('98765 43210', '', 'IN')).toEqual({ national: '9876543210' });
    expect(await checkPhone('+44 7911 123456', '', 'IN')).toEqual({ error: 'phoneNumber.invalid' });
  });
});

describe('store', () => {
  it('boots into the configured locale and the right screen', async () => {
    const { store } = await editing();
    expect(store.getState().locale).toBe('hi');
    expect(store.getState().screen).toBe('edit');
  });

  it('asks main for its settings and who is unlocked at once, and shows the first screen only once the configured language is loaded', async () => {
    const fake = fakeApi({ kioskInfo: ok(INFO), sessionState: ok({ signedIn: false }) });
    let release: () => void = () => undefined;
    const loads: string[] = [];
    const store = createKioskStore({
      api: fake.api,
      newId: () => 'id',
      loadLocale: (locale) => {
        loads.push(locale);
        return new Promise<void>((r) => (release = r));
      },
    });
    const booting = store.getState().boot();
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.calls.map((c) => c.method).sort()).toEqual(['kioskInfo', 'staffState']);
    expect(loads).toEqual(['hi']);
    expect(store.getState().screen).toBe('loading');
    release();
    await booting;
    // A supervisor is unlocked and the kiosk is not signed in to the vendor: the vendor sign-in.
    expect(store.getState().screen).toBe('sign-in');
  });

  it('starts on the unlock screen when nobody is unlocked; an operator without a vendor sign-in is told to fetch a supervisor', async () => {
    const locked = fakeApi({ kioskInfo: ok(INFO), staffState: ok({ staff: null }) });
    const store = createKioskStore({ api: locked.api, newId: () => 'id' });
    await store.getState().boot();
    expect(store.getState().screen).toBe('unlock');
    expect(locked.calls.some((c) => c.method === 'sessionState')).toBe(false);
    const op = fakeApi({ kioskInfo: ok(INFO), staffState: ok({ staff: null }), sessionState: ok({ signedIn: false }), unlock: ok({ outcome: 'unlocked', staff: { staffId: 'demo.operator', name: 'Asha', role: 'operator' } }) });
    const s2 = createKioskStore({ api: op.api, newId: () => 'id' });
    await s2.getState().boot();
    await s2.getState().unlock('demo.operator', '246810');
    expect(s2.getState().screen).toBe('no-vendor');
    expect(s2.getState().staff.member?.staffId).toBe('demo.operator');
    expect(JSON.stringify(s2.getState())).not.toContain('246810');
  });

  it('a wrong PIN and a locked-out id are said on the unlock screen; nothing is unlocked', async () => {
    let answer: unknown = ok({ outcome: 'wrong' });
    const fake = fakeApi({ kioskInfo: ok(INFO), staffState: ok({ staff: null }), unlock: () => answer });
    const store = createKioskStore({ api: fake.api, newId: () => 'id' });
    await store.getState().boot();
    await store.getState().unlock('demo.operator', '111111');
    expect(store.getState().staff).toMatchObject({ member: null, refusal: { kind: 'wrong' } });
    answer = ok({ outcome: 'locked-out', minutes: 15 });
    await store.getState().unlock('demo.operator', '111111');
    expect(store.getState().staff).toMatchObject({ member: null, refusal: { kind: 'locked-out', minutes: 15 } });
    expect(store.getState().screen).toBe('unlock');
  });

  it('locking wipes the customer and shows the unlock screen; so does main locking on its own, or answering locked', async () => {
    for (const how of ['button', 'push', 'answer'] as const) {
      const { store, fireLocked, calls } = await editing({ lookupProfile: how === 'answer' ? { ok: false, error: { code: 'locked', message: '' } } : ok(RAVI) });
      if (how === 'button') await store.getState().lock();
      if (how === 'push') fireLocked();
      expect(store.getState().screen, how).toBe('unlock');
      expect(store.getState().staff.member, how).toBeNull();
      expect(JSON.stringify(store.getState().profile), how).not.toMatch(/ravi/i);
      if (how === 'button') expect(calls.some((c) => c.method === 'lock')).toBe(true);
    }
  });

  it('refuses to review a change until staff say how they checked the customer', async () => {
    const { store, calls } = await editing();
    store.getState().setIdCheck('aadhaar');
    // A fresh customer: the check is asked again.
    store.getState().wipeCustomer();
    store.getState().setQuery('ravi.kumar');
    await store.getState().lookup();
    store.getState().setField('fullName', 'Ravi K');
    await store.getState().review();
    expect(store.getState().profile.formError).toBe('form.idCheckMissing');
    expect(store.getState().screen).toBe('edit');
    store.getState().setIdCheck('passport');
    await store.getState().review();
    expect(store.getState().screen).toBe('review');
    await store.getState().submit();
    expect(calls.find((c) => c.method === 'updateProfile')?.request).toMatchObject({ idCheck: 'passport' });
  });

  it('validates as staff type, and refuses to review when nothing changed', async () => {
    const { store, calls } = await editing();
    store.getState().setField('emailId', 'nope');
    expect(store.getState().profile.fieldErrors).toEqual({ emailId: 'emailId.format' });
    store.getState().setField('emailId', RAVI.emailId);
    expect(store.getState().profile.fieldErrors).toEqual({});
    await store.getState().review();
    expect(store.getState().profile.formError).toBe('form.nothingChanged');
    expect(calls.some((c) => c.method === 'updateProfile')).toBe(false);
  });

  it('checks a new user name before the review', async () => {
    const { store, calls } = await editing({ checkUserName: ok({ available: false }) });
    store.getState().setField('userName', 'priya.sharma');
    await store.getState().review();
    expect(store.getState().screen).toBe('edit');
    expect(store.getState().profile.fieldErrors).toEqual({ userName: 'userName.taken' });
    expect(calls.find((c) => c.method === 'checkUserName')?.request).toEqual({ userName: 'priya.sharma' });
  });

  it('submits once, with a fresh id for each attempt, only the changed fields', async () => {
    let release: (r: Result<UpdateResult>) => void = () => undefined;
    const { store, calls } = await editing({ updateProfile: () => new Promise((r) => (release = r)) });
    store.getState().setField('phoneNumber', '+91 91234 56780');
    await store.getState().review();
    expect(store.getState().screen).toBe('review');
    const first = store.getState().submit();
    void store.getState().submit();
    expect(calls.filter((c) => c.method === 'updateProfile')).toHaveLength(1);
    expect(calls.find((c) => c.method === 'updateProfile')?.request).toEqual({
      updateId: '00000000-0000-4000-8000-000000000001',
      userName: 'ravi.kumar',
      changes: { phoneNumber: '+91 91234 56780' },
      face: false,
      idCheck: 'aadhaar',
    });
    release({ ok: false, error: { code: 'network', message: 'down' } });
    await first;
    expect(store.getState().profile.submission.status).toBe('failed');
    expect(store.getState().profile.draft?.phoneNumber).toBe('+91 91234 56780');
  });

  it('reconciles a lost answer and keeps the verdict', async () => {
    const { store } = await editing({
      updateProfile: { ok: false, error: { code: 'outcome-unknown', message: 'lost' } },
      reconcileUpdate: ok({ verdict: 'not-applied', auditRecorded: true }),
    });
    store.getState().setField('fullName', 'Ravi K');
    await store.getState().review();
    await store.getState().submit();
    expect(store.getState().profile.submission).toMatchObject({ status: 'reconciled', verdict: 'not-applied' });
  });

  it('on session expiry goes to sign-in, then back to the same screen with the draft', async () => {
    const { store, fireExpired } = await editing({ signIn: ok({ signedIn: true }) });
    store.getState().setField('fullName', 'Ravi K');
    fireExpired();
    expect(store.getState().screen).toBe('sign-in');
    expect(store.getState().session.resume).toBe('edit');
    await store.getState().signIn('pw');
    expect(store.getState().screen).toBe('edit');
    expect(store.getState().profile.draft?.fullName).toBe('Ravi K');
    expect(JSON.stringify(store.getState())).not.toContain('"pw"');
  });

  it('wipes every customer value, and tells main to drop its copy', async () => {
    const { store, calls } = await editing();
    store.getState().setField('fullName', 'Ravi K');
    store.getState().wipeCustomer();
    expect(store.getState().screen).toBe('find');
    expect(JSON.stringify(store.getState().profile)).not.toMatch(/ravi/i);
    expect(calls.filter((c) => c.method === 'forgetCustomer')).toHaveLength(1);
  });

  it('drops an answer that arrives after the customer was wiped', async () => {
    let release: (r: Result<CustomerProfile>) => void = () => undefined;
    const fake = fakeApi({ kioskInfo: ok(INFO), sessionState: ok({ signedIn: true }), lookupProfile: () => new Promise((r) => (release = r)) });
    const store = createKioskStore({ api: fake.api, newId: () => 'id' });
    await store.getState().boot();
    store.getState().setQuery('ravi.kumar');
    const pending = store.getState().lookup();
    store.getState().wipeCustomer();
    release(ok(RAVI));
    await pending;
    expect(store.getState().screen).toBe('find');
    expect(store.getState().profile.customer).toBeNull();
  });

  it('refuses to sign out while something is in flight', async () => {
    let release: (r: Result<{ available: boolean }>) => void = () => undefined;
    const { store, calls } = await editing({ checkUserName: () => new Promise((r) => (release = r)) });
    store.getState().setField('userName', 'ravi.new');
    const pending = store.getState().review();
    await store.getState().signOut();
    expect(calls.some((c) => c.method === 'signOut')).toBe(false);
    release(ok({ available: true }));
    await pending;
    expect(store.getState().screen).toBe('review');
  });

  it('a session expiry while a lost answer is checked: after sign-in, the check runs again', async () => {
    let checks = 0;
    const { store } = await editing({
      updateProfile: { ok: false, error: { code: 'outcome-unknown', message: 'lost' } },
      reconcileUpdate: () => (++checks === 1 ? { ok: false, error: { code: 'session-expired', message: '' } } : ok({ verdict: 'applied', auditRecorded: true })),
      signIn: ok({ signedIn: true }),
    });
    store.getState().setField('fullName', 'Ravi K');
    await store.getState().review();
    await store.getState().submit();
    expect(store.getState().screen).toBe('sign-in');
    expect(store.getState().session.resume).toBe('result');
    await store.getState().signIn('pw');
    expect(checks).toBe(2);
    expect(store.getState().screen).toBe('result');
    expect(store.getState().profile.submission).toMatchObject({ status: 'reconciled', verdict: 'applied' });
  });

  it('a session expiry during the submit: back to the review, nothing marked as sent', async () => {
    const { store } = await editing({ updateProfile: { ok: false, error: { code: 'session-expired', message: '' } }, signIn: ok({ signedIn: true }) });
    store.getState().setField('fullName', 'Ravi K');
    await store.getState().review();
    await store.getState().submit();
    await store.getState().signIn('pw');
    expect(store.getState().screen).toBe('review');
    expect(store.getState().profile.submission.status).toBe('idle');
  });

  it('sends exactly what was reviewed', async () => {
    const { store, calls } = await editing({ updateProfile: ok({}) });
    store.getState().setField('fullName', 'Ravi K');
    await store.getState().review();
    store.getState().setField('fullName', 'Changed After Review');
    await store.getState().submit();
    expect((calls.find((c) => c.method === 'updateProfile')?.request as { changes: unknown }).changes).toEqual({ fullName: 'Ravi K' });
  });

  it('a face update: camera check first, nothing sent until the camera works, then the window opens', async () => {
    const { store, calls } = await editing({
      checkCamera: ok({ camera: 'ready' }),
      updateProfile: ok({ message: '', before: {}, after: {}, changed: [], face: true, reEnrollmentReady: true, auditRecorded: true }),
      startEnrollment: ok({ timeoutSeconds: 300 }),
    });
    store.getState().setFace(true);
    await store.getState().review();
    await store.getState().prepareFace();
    expect(store.getState().screen).toBe('before-face');
    expect(store.getState().enrollment.phase).toBe('camera-ready');
    expect(calls.some((c) => c.method === 'updateProfile')).toBe(false);
    await store.getState().startFace();
    expect(calls.find((c) => c.method === 'updateProfile')?.request).toMatchObject({ face: true, changes: {} });
    expect(calls.find((c) => c.method === 'startEnrollment')?.request).toEqual({ updateId: '00000000-0000-4000-8000-000000000001' });
    expect(store.getState().screen).toBe('enrollment');
    store.getState().enrollmentFinished({ outcome: 'timed-out', message: '', auditRecorded: true });
    expect(store.getState().screen).toBe('result');
    expect(store.getState().enrollment).toMatchObject({ phase: 'finished', outcome: 'timed-out' });
  });

  it('a busy camera: the details can go without the face', async () => {
    const { store, calls } = await editing({ checkCamera: ok({ camera: 'busy' }), updateProfile: ok({ face: false, reEnrollmentReady: false }) });
    store.getState().setField('fullName', 'Ravi K');
    store.getState().setFace(true);
    await store.getState().review();
    await store.getState().prepareFace();
    expect(store.getState().enrollment).toMatchObject({ phase: 'camera-problem', camera: 'busy' });
    await store.getState().startFace();
    expect(calls.some((c) => c.method === 'updateProfile')).toBe(false);
    await store.getState().detailsOnly();
    expect(calls.find((c) => c.method === 'updateProfile')?.request).toMatchObject({ face: false, changes: { fullName: 'Ravi K' } });
  });
});
