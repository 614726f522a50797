import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER, DEMO_STAFF } from '../../domain/demo-account';
import { DEFAULT_APPROVAL_REQUIRED } from '../../domain/staff/approval-rules';
import { captureLogger } from '../helpers/capture-logger';
import { createIpcHarness, type IpcHarness } from '../helpers/ipc-harness';

// Four eyes through the real handlers with the default policy (e-mail, phone, face): main
// refuses such a change without a supervisor's approval of exactly that change, minted by
// `approval:request` for another staff member, used once, within two minutes.

let h: IpcHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});
const pin = (id: string): string => DEMO_STAFF.find((s) => s.staffId === id)?.pin ?? '';
const EMAIL = { userName: 'ravi.kumar', changes: { emailId: 'ravi.four@example.com' }, face: false };

async function operatorKiosk(): Promise<IpcHarness> {
  const harness = await createIpcHarness(captureLogger().logger, { staff: 'demo.operator', config: { approvalRequired: [...DEFAULT_APPROVAL_REQUIRED] } });
  await harness.services.session.signIn(DEMO_CUSTOMER.password);
  return harness;
}

describe('four-eyes approval', () => {
  it('refuses an e-mail change without an approval, sends it with the supervisor’s, and audits both ids', async () => {
    h = await operatorKiosk();
    const refused = await h.invoke('profile:update', { updateId: randomUUID(), ...EMAIL, idCheck: 'aadhaar' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'approval-required' } });
    expect(h.sandbox.state.details('ravi.kumar').emailId).not.toBe('ravi.four@example.com');
    const a = await h.invoke('approval:request', { ...EMAIL, supervisorId: 'demo.supervisor', secret: pin('demo.supervisor') });
    expect(a).toMatchObject({ ok: true, value: { outcome: 'approved', expiresInSeconds: 120 } });
    const approvalId = a.ok && a.value.outcome === 'approved' ? a.value.approvalId : '';
    expect(await h.invoke('profile:update', { updateId: randomUUID(), ...EMAIL, idCheck: 'aadhaar', approvalId })).toMatchObject({ ok: true });
    expect(await h.changes(2)).toMatchObject([
      { outcome: 'approval-refused', staffId: 'demo.operator' },
      { outcome: 'applied', staffId: 'demo.operator', approvedBy: 'demo.supervisor', idCheck: 'aadhaar' },
    ]);
    const { entries } = await h.audit.tail(20);
    expect(entries.filter((e) => 'kind' in e && e.outcome === 'approval-granted')).toMatchObject([{ staffId: 'demo.supervisor', requestedBy: 'demo.operator' }]);
    // Used once (the record now holds the new address: the next change is another one).
    const again = { ...EMAIL, changes: { emailId: 'ravi.again@example.com' } };
    expect(await h.invoke('profile:update', { updateId: randomUUID(), ...again, idCheck: 'aadhaar', approvalId })).toMatchObject({ ok: false, error: { code: 'approval-required', message: expect.stringMatching(/already used/) } });
  });

  it('refuses self-approval, an operator as approver, a wrong PIN; an approval for another diff does not fit', async () => {
    h = await createIpcHarness(captureLogger().logger, { staff: 'demo.supervisor', config: { approvalRequired: ['emailId'] } });
    await h.services.session.signIn(DEMO_CUSTOMER.password);
    expect(await h.invoke('approval:request', { ...EMAIL, supervisorId: 'demo.supervisor', secret: pin('demo.supervisor') })).toEqual({ ok: true, value: { outcome: 'self' } });
    await h.close();
    h = await operatorKiosk();
    expect(await h.invoke('approval:request', { ...EMAIL, supervisorId: 'demo.operator2', secret: pin('demo.operator2') })).toEqual({ ok: true, value: { outcome: 'not-supervisor' } });
    expect(await h.invoke('approval:request', { ...EMAIL, supervisorId: 'demo.supervisor', secret: '000000' })).toEqual({ ok: true, value: { outcome: 'wrong' } });
    expect(await h.invoke('approval:request', { userName: 'ravi.kumar', changes: { fullName: 'Ravi K' }, face: false, supervisorId: 'demo.supervisor', secret: pin('demo.supervisor') })).toEqual({ ok: true, value: { outcome: 'not-needed' } });
    const a = await h.invoke('approval:request', { ...EMAIL, supervisorId: 'demo.supervisor', secret: pin('demo.supervisor') });
    const approvalId = a.ok && a.value.outcome === 'approved' ? a.value.approvalId : '';
    const other = await h.invoke('profile:update', { updateId: randomUUID(), userName: 'ravi.kumar', changes: { emailId: 'someone.else@example.com' }, face: false, idCheck: 'pan', approvalId });
    expect(other).toMatchObject({ ok: false, error: { code: 'approval-required', message: expect.stringMatching(/different change/) } });
    const { entries } = await h.audit.tail(30);
    expect(entries.filter((e) => 'kind' in e && e.outcome === 'approval-refused').map((e) => e.staffId)).toEqual(['demo.operator2']);
  });

  it('a lock forgets every approval', async () => {
    h = await operatorKiosk();
    const a = await h.invoke('approval:request', { ...EMAIL, supervisorId: 'demo.supervisor', secret: pin('demo.supervisor') });
    const approvalId = a.ok && a.value.outcome === 'approved' ? a.value.approvalId : '';
    await h.invoke('staff:lock', {});
    await h.staff.unlock('demo.operator', pin('demo.operator'));
    expect(await h.invoke('profile:update', { updateId: randomUUID(), ...EMAIL, idCheck: 'aadhaar', approvalId })).toMatchObject({ ok: false, error: { code: 'approval-required', message: expect.stringMatching(/already used|not known/) } });
  });
});
