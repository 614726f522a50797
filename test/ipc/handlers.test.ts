import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER } from '../../domain/demo-account';
import { registerHandlers } from '../../main/ipc/handle';
import { createHandlers } from '../../main/ipc/handlers';
import { captureLogger } from '../helpers/capture-logger';
import { createIpcHarness, fakeRegistry, KIOSK_SENDER, type IpcHarness } from '../helpers/ipc-harness';
import { spyDeps } from './spy-deps';
import { dropUpdates, failingAudit, loseUpdateAnswers, rejectUpdates, replaceUpdateLink } from '../helpers/vendor-faults';

const UPDATE_PATH = '/deepfaceauth/api/v1/basic/user/update';
let h: IpcHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function signedIn(options: Parameters<typeof createIpcHarness>[1] = {}) {
  const cap = captureLogger();
  h = await createIpcHarness(cap.logger, options);
  expect(await h.invoke('session:sign-in', { password: DEMO_CUSTOMER.password })).toEqual({ ok: true, value: { signedIn: true } });
  return { h, cap };
}

describe('session handlers (real sandbox, real keychain)', () => {
  it('refuses a wrong password with a plain message and signs in with the right one', async () => {
    const cap = captureLogger();
    h = await createIpcHarness(cap.logger);
    expect(await h.invoke('session:state', {})).toEqual({ ok: true, value: { signedIn: false } });
    const wrong = await h.invoke('session:sign-in', { password: 'not-the-password' });
    expect(wrong).toEqual({ ok: false, error: { code: 'rejected', message: expect.stringMatching(/password/i) } });
    expect(await h.invoke('session:sign-in', { password: DEMO_CUSTOMER.password })).toMatchObject({ ok: true });
    expect(await h.invoke('session:state', {})).toEqual({ ok: true, value: { signedIn: true } });
    expect(await h.invoke('session:sign-out', {})).toEqual({ ok: true, value: { revoked: true } });
    expect(await h.invoke('session:state', {})).toEqual({ ok: true, value: { signedIn: false } });
  });

  it('pushes session:expired when the vendor stops accepting the token', async () => {
    const { h } = await signedIn();
    h.sandbox.state.expireAllTokens();
    const r = await h.invoke('profile:lookup', { userName: 'ravi.kumar' });
    expect(r).toMatchObject({ ok: false, error: { code: 'session-expired' } });
    expect(h.pushed).toEqual([{ channel: 'session:expired', payload: { reason: 'expired' } }]);
    expect(await h.invoke('session:state', {})).toEqual({ ok: true, value: { signedIn: false } });
  });

  it('answers not-signed-in before sign-in, without calling the vendor', async () => {
    const cap = captureLogger();
    h = await createIpcHarness(cap.logger);
    expect(await h.invoke('profile:lookup', { userName: 'ravi.kumar' })).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    expect(h.sent).toHaveLength(0);
  });
});

describe('profile handlers (real sandbox, real keychain)', () => {
  it('looks a customer up without handing the enrollment link to the renderer', async () => {
    const { h } = await signedIn();
    const r = await h.invoke('profile:lookup', { userName: 'ravi.kumar' });
    expect(r).toEqual({
      ok: true,
      value: {
        userName: 'ravi.kumar',
        fullName: 'Ravi Kumar',
        emailId: 'ravi.kumar@example.com',
        phoneNumber: '9876543210',
        countryCode: '+91',
        hasEnrollmentLink: true,
        facePending: false,
      },
    });
    expect(JSON.stringify(r)).not.toMatch(/https?:\/\//);
  });

  it('says plainly when a user is not registered', async () => {
    const { h } = await signedIn();
    const r = await h.invoke('profile:lookup', { userName: 'nobody.here' });
    expect(r).toMatchObject({ ok: false, error: { code: 'rejected' } });
  });

  it('checks whether a user name is free', async () => {
    const { h } = await signedIn();
    expect(await h.invoke('profile:check-user-name', { userName: 'priya.sharma' })).toEqual({ ok: true, value: { available: false } });
    expect(await h.invoke('profile:check-user-name', { userName: 'brand.new' })).toEqual({ ok: true, value: { available: true } });
  });

  it('updates details, and refuses to send the same update id twice', async () => {
    const { h } = await signedIn();
    const updateId = randomUUID();
    const request = { updateId, userName: 'ravi.kumar', changes: { emailId: 'ravi.new@example.com', phoneNumber: '+91 91234 56780' }, face: false, idCheck: 'passport' };
    const r = await h.invoke('profile:update', request);
    expect(r).toMatchObject({
      ok: true,
      value: {
        changed: ['emailId', 'phoneNumber'],
        face: false,
        reEnrollmentReady: false,
        after: { userName: 'ravi.kumar', emailId: 'ravi.new@example.com', phoneNumber: '9123456780' },
        before: { emailId: 'ravi.kumar@example.com' },
      },
    });
    expect(h.sandbox.requestCount(UPDATE_PATH)).toBe(1);
    const again = await h.invoke('profile:update', request);
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/already submitted/) } });
    expect(h.sandbox.requestCount(UPDATE_PATH)).toBe(1);
  });

  it('keeps the re-enrollment link of a face update in main', async () => {
    const { h } = await signedIn();
    const updateId = randomUUID();
    const r = await h.invoke('profile:update', { updateId, userName: 'priya.sharma', changes: {}, face: true, idCheck: 'aadhaar' });
    expect(r).toMatchObject({ ok: true, value: { face: true, reEnrollmentReady: true, changed: [] } });
    expect(JSON.stringify(r)).not.toMatch(/https?:\/\//);
    expect(h.journal.get(updateId)?.reEnrollmentUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  });

  it.each([
    ['a link on another origin', 'https://evil.example/deepfaceauth/api/v1/iframe/enroll/portal/a/b', true],
    ['no link', undefined, false],
    ['a link that is not a URL', 'not a url', false],
  ])('a face update answered with %s: applied, the face pending, nothing opened', async (_name, link, refused) => {
    const { h } = await signedIn({ wrapTransport: replaceUpdateLink(link) });
    const updateId = randomUUID();
    const r = await h.invoke('profile:update', { updateId, userName: 'priya.sharma', changes: { fullName: 'Priya S Sharma' }, face: true, idCheck: 'aadhaar' });
    expect(r).toMatchObject({ ok: true, value: { face: true, changed: ['fullName'], reEnrollmentReady: false, faceLinkRefused: refused, auditRecorded: true } });
    expect(h.journal.get(updateId)).toMatchObject({ state: 'face-pending', reEnrollmentUrl: null });
    expect(await h.invoke('profile:lookup', { userName: 'priya.sharma' })).toMatchObject({ ok: true, value: { facePending: true } });
    expect(await h.invoke('enrollment:start', { updateId })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const entries = await h.changes(5);
    expect(entries.map((e) => e.outcome)).toEqual(refused ? ['applied', 'face-link-refused'] : ['applied']);
    expect(h.sandbox.requestCount(UPDATE_PATH)).toBe(1);
  });

  it("validates a phone against the customer's own dialling code: an NRI record with 44 takes a UK number, not an Indian one", async () => {
    const { h } = await signedIn();
    h.sandbox.state.createUser({ userName: 'kavya.nri', fullName: 'Kavya Rao', emailId: 'kavya@example.com', phoneNumber: '7700900123', countryCode: '44' }, 'success');
    const indian = await h.invoke('profile:update', { updateId: randomUUID(), userName: 'kavya.nri', changes: { phoneNumber: '+91 98765 43210' }, face: false, idCheck: 'aadhaar' });
    expect(indian).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'Enter a valid phone number for +44.' } });
    expect(h.sandbox.requestCount(UPDATE_PATH)).toBe(0);
    const uk = await h.invoke('profile:update', { updateId: randomUUID(), userName: 'kavya.nri', changes: { phoneNumber: '07911 123456' }, face: false, idCheck: 'aadhaar' });
    expect(uk).toMatchObject({ ok: true, value: { changed: ['phoneNumber'], after: { phoneNumber: '7911123456' } } });
    expect(h.sandbox.state.details('kavya.nri')).toMatchObject({ phoneNumber: '7911123456', countryCode: '44' });
  });

  it('edits another field of a record whose phone is in a legacy format: the phone goes back as the vendor gave it', async () => {
    const { h } = await signedIn();
    const r = await h.invoke('profile:update', { updateId: randomUUID(), userName: 'meena.pillai', changes: { emailId: 'meena.p@example.com' }, face: false, idCheck: 'aadhaar' });
    expect(r).toMatchObject({ ok: true, value: { changed: ['emailId'], before: { phoneNumber: '+91 98450 12345' }, after: { phoneNumber: '+91 98450 12345' } } });
    expect(h.sandbox.state.details('meena.pillai')).toMatchObject({ emailId: 'meena.p@example.com', phoneNumber: '+91 98450 12345' });
    // The NRI demo customer: a UK number is taken for her own +44 record.
    expect(await h.invoke('profile:lookup', { userName: 'kavya.rao' })).toMatchObject({ ok: true, value: { countryCode: '+44', phoneNumber: '7911123456' } });
    const uk = await h.invoke('profile:update', { updateId: randomUUID(), userName: 'kavya.rao', changes: { phoneNumber: '020 7946 0958' }, face: false, idCheck: 'aadhaar' });
    expect(uk).toMatchObject({ ok: true, value: { after: { phoneNumber: '2079460958' } } });
  });

  it('checks the full rules in main: a taken new user name and a bad phone never reach the update call', async () => {
    const { h } = await signedIn();
    const taken = await h.invoke('profile:update', { updateId: randomUUID(), userName: 'ravi.kumar', changes: { userName: 'priya.sharma' }, face: false, idCheck: 'aadhaar' });
    expect(taken).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/already taken/) } });
    const phone = await h.invoke('profile:update', { updateId: randomUUID(), userName: 'ravi.kumar', changes: { phoneNumber: '12345' }, face: false, idCheck: 'aadhaar' });
    expect(phone).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/phone number/) } });
    const nothing = await h.invoke('profile:update', { updateId: randomUUID(), userName: 'ravi.kumar', changes: { fullName: 'Ravi Kumar' }, face: false, idCheck: 'aadhaar' });
    expect(nothing).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/Nothing to change/) } });
    expect(h.sandbox.requestCount(UPDATE_PATH)).toBe(0);
  });

  it('reconciles an update whose answer was lost after it was applied', async () => {
    const { h } = await signedIn({ wrapTransport: loseUpdateAnswers() });
    const updateId = randomUUID();
    const r = await h.invoke('profile:update', { updateId, userName: 'arjun.mehta', changes: { fullName: 'Arjun K Mehta' }, face: false, idCheck: 'aadhaar' });
    expect(r).toMatchObject({ ok: false, error: { code: 'outcome-unknown' } });
    expect(h.sandbox.requestCount(UPDATE_PATH)).toBe(1);
    expect(await h.invoke('profile:reconcile', { updateId })).toMatchObject({ ok: true, value: { verdict: 'applied' } });
    // Settled: asking again does not read the record again.
    const reads = h.sent.length;
    expect(await h.invoke('profile:reconcile', { updateId })).toMatchObject({ ok: true, value: { verdict: 'applied' } });
    expect(h.sent).toHaveLength(reads);
  });

  it('remembers that a lost face update was applied without its link', async () => {
    const { h } = await signedIn({ wrapTransport: loseUpdateAnswers() });
    const updateId = randomUUID();
    const r = await h.invoke('profile:update', { updateId, userName: 'sunita.devi', changes: { fullName: 'Sunita K Devi' }, face: true, idCheck: 'aadhaar' });
    expect(r).toMatchObject({ ok: false, error: { code: 'outcome-unknown' } });
    expect(await h.invoke('profile:reconcile', { updateId })).toMatchObject({ ok: true, value: { verdict: 'applied-face-pending' } });
    const reads = h.sent.length;
    expect(await h.invoke('profile:reconcile', { updateId })).toMatchObject({ ok: true, value: { verdict: 'applied-face-pending' } });
    expect(h.sent).toHaveLength(reads);
    // The next lookup says the face is not done.
    expect(await h.invoke('profile:lookup', { userName: 'sunita.devi' })).toMatchObject({ ok: true, value: { facePending: true } });
  });

  it('reconciles an update that never reached the vendor as not applied', async () => {
    const { h } = await signedIn({ wrapTransport: dropUpdates() });
    const updateId = randomUUID();
    const r = await h.invoke('profile:update', { updateId, userName: 'arjun.mehta', changes: { fullName: 'Arjun K Mehta' }, face: false, idCheck: 'aadhaar' });
    expect(r).toMatchObject({ ok: false, error: { code: 'outcome-unknown' } });
    expect(h.sandbox.requestCount(UPDATE_PATH)).toBe(0);
    expect(await h.invoke('profile:reconcile', { updateId })).toMatchObject({ ok: true, value: { verdict: 'not-applied' } });
  });

  it('profile:forget drops the values and links main holds for the customer; a reconcile still works, a link no longer opens', async () => {
    const { h } = await signedIn({ wrapTransport: loseUpdateAnswers() });
    const lost = randomUUID();
    expect(await h.invoke('profile:update', { updateId: lost, userName: 'arjun.mehta', changes: { fullName: 'Arjun K Mehta' }, face: false, idCheck: 'aadhaar' })).toMatchObject({
      ok: false,
      error: { code: 'outcome-unknown' },
    });
    expect(h.journal.get(lost)?.values?.after.fullName).toBe('Arjun K Mehta');
    expect(await h.invoke('profile:forget', {})).toEqual({ ok: true, value: { forgotten: true } });
    expect(h.journal.get(lost)?.values).toBeNull();
    expect(JSON.stringify(h.journal.get(lost))).not.toContain('Arjun K Mehta');
    // Compared by fingerprint: the record holds the new values.
    expect(await h.invoke('profile:reconcile', { updateId: lost })).toMatchObject({ ok: true, value: { verdict: 'applied' } });
  });

  it('after profile:forget a face update waiting for its camera window cannot be opened any more, and the face shows as pending', async () => {
    const { h } = await signedIn();
    const updateId = randomUUID();
    expect(await h.invoke('profile:update', { updateId, userName: 'priya.sharma', changes: {}, face: true, idCheck: 'aadhaar' })).toMatchObject({ ok: true, value: { reEnrollmentReady: true } });
    await h.invoke('profile:forget', {});
    expect(h.journal.get(updateId)).toMatchObject({ state: 'applied', reEnrollmentUrl: null, values: null });
    expect(await h.invoke('enrollment:start', { updateId })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await h.invoke('profile:lookup', { userName: 'priya.sharma' })).toMatchObject({ ok: true, value: { facePending: true } });
  });

  it('refuses to reconcile an id it does not know', async () => {
    const { h } = await signedIn();
    expect(await h.invoke('profile:reconcile', { updateId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('forgets pending updates at sign-out', async () => {
    const { h } = await signedIn({ wrapTransport: loseUpdateAnswers() });
    const updateId = randomUUID();
    await h.invoke('profile:update', { updateId, userName: 'arjun.mehta', changes: { fullName: 'Arjun K Mehta' }, face: false, idCheck: 'aadhaar' });
    expect(h.journal.size()).toBe(1);
    await h.invoke('session:sign-out', {});
    expect(h.journal.size()).toBe(0);
  });
});

describe('audit trail of update attempts', () => {
  it('records an applied update: user names, field names and face, who made it and how they checked the customer, never the new values', async () => {
    const { h } = await signedIn();
    const r = await h.invoke('profile:update', { updateId: randomUUID(), userName: 'ravi.kumar', changes: { userName: 'ravi.k', emailId: 'secret.new@example.com' }, face: false, idCheck: 'aadhaar' });
    expect(r).toMatchObject({ ok: true, value: { auditRecorded: true } });
    const entries = await h.changes(10);
    expect(entries).toEqual([
      {
        time: expect.any(String),
        kioskId: 'test-kiosk',
        userNameBefore: 'ravi.kumar',
        userNameAfter: 'ravi.k',
        changedFields: ['userName', 'emailId'],
        face: false,
        outcome: 'applied',
        staffId: 'demo.supervisor',
        idCheck: 'aadhaar',
      },
    ]);
    expect(await readFile(h.audit.file, 'utf8')).not.toContain('secret.new@example.com');
  });

  it('records a rejection, and a lost answer followed by its reconcile', async () => {
    const { h } = await signedIn({ wrapTransport: rejectUpdates('User is blocked') });
    const r = await h.invoke('profile:update', { updateId: randomUUID(), userName: 'ravi.kumar', changes: { fullName: 'Ravi K' }, face: false, idCheck: 'aadhaar' });
    expect(r).toMatchObject({ ok: false, error: { code: 'rejected', message: expect.stringMatching(/blocked/) } });
    expect((await h.changes(5)).map((e) => e.outcome)).toEqual(['rejected']);
    await h.close();
    const again = await signedIn({ wrapTransport: loseUpdateAnswers() });
    const updateId = randomUUID();
    await again.h.invoke('profile:update', { updateId, userName: 'ravi.kumar', changes: { fullName: 'Ravi K' }, face: false, idCheck: 'aadhaar' });
    expect(await again.h.invoke('profile:reconcile', { updateId })).toEqual({ ok: true, value: { verdict: 'applied', auditRecorded: true } });
    expect((await again.h.changes(10)).map((e) => e.outcome)).toEqual(['unknown', 'reconciled-applied']);
  });

  it('reports an audit trail that cannot be written on a failed update, and pushes the warning', async () => {
    const cap = captureLogger();
    const failing = failingAudit();
    h = await createIpcHarness(cap.logger, { audit: failing, wrapTransport: dropUpdates() });
    await h.invoke('session:sign-in', { password: DEMO_CUSTOMER.password });
    const lost = await h.invoke('profile:update', { updateId: randomUUID(), userName: 'ravi.kumar', changes: { fullName: 'Ravi K' }, face: false, idCheck: 'aadhaar' });
    expect(lost).toMatchObject({ ok: false, error: { code: 'outcome-unknown', message: expect.stringMatching(/audit record could not be written/) } });
    expect(cap.text()).toContain('audit line could not be written');
    expect(h.pushed).toContainEqual({ channel: 'audit:write-failed', payload: { outcome: 'unknown' } });
  });

  it('returns auditRecorded: false when the update went through but its line did not', async () => {
    const cap = captureLogger();
    const failing = failingAudit();
    h = await createIpcHarness(cap.logger, { audit: failing });
    await h.invoke('session:sign-in', { password: DEMO_CUSTOMER.password });
    const r = await h.invoke('profile:update', { updateId: randomUUID(), userName: 'ravi.kumar', changes: { fullName: 'Ravi K' }, face: false, idCheck: 'aadhaar' });
    expect(r).toMatchObject({ ok: true, value: { auditRecorded: false } });
  });
});

describe('kiosk handlers', () => {
  it('describe the kiosk without any secret', async () => {
    const cap = captureLogger();
    h = await createIpcHarness(cap.logger);
    const r = await h.invoke('kiosk:info', {});
    expect(r).toEqual({
      ok: true,
      value: { mode: 'sandbox', sandbox: true, locale: 'en', kioskId: 'kiosk', customerName: 'demo-bank', country: 'IN', idleTimeoutSeconds: 120, staffLockSeconds: 300, demoStaff: true, approvalRequired: [], staffDirectory: 'local', version: '0.0.0-test' },
    });
  });

  it('offer a restart only once the fallback screen is up', async () => {
    const cap = captureLogger();
    let fallback = false;
    h = await createIpcHarness(cap.logger, { restartAllowed: () => fallback });
    expect(await h.invoke('kiosk:restart', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    fallback = true;
    expect(await h.invoke('kiosk:restart', {})).toEqual({ ok: true, value: { restarting: true } });
    expect(await h.invoke('kiosk:restart', {})).toEqual({ ok: true, value: { restarting: true } });
    await new Promise((r) => setTimeout(r, 100));
    expect(h.restarts).toBe(1);
  });
});

describe('unexpected errors', () => {
  it('become internal with a fixed message; the detail stays in the main log, redacted', async () => {
    const { deps } = spyDeps();
    deps.profile.lookup = async () => {
      throw new Error('driver exploded near ravi.kumar@example.com');
    };
    const registry = fakeRegistry();
    const cap = captureLogger();
    registerHandlers(registry, createHandlers(deps), { isTrustedSender: () => true, logger: cap.logger });
    const r = await registry.listeners.get('profile:lookup')!(KIOSK_SENDER, [{ userName: 'ravi.kumar' }]);
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong inside the kiosk. Please try again.' } });
    expect(cap.text()).toContain('ipc handler failed unexpectedly');
    expect(cap.text()).not.toContain('ravi.kumar@example.com');
  });
});
