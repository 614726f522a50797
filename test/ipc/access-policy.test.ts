import { afterEach, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../domain/ipc/channels';
import { DEMO_CUSTOMER, DEMO_STAFF } from '../../domain/demo-account';
import { CHANNEL_ACCESS } from '../../main/ipc/access-policy';
import { captureLogger } from '../helpers/capture-logger';
import { createIpcHarness, type IpcHarness } from '../helpers/ipc-harness';
import { VALID } from './spy-deps';

// Main's staff access policy, through the real handlers: nothing about customers without an
// unlocked staff member, the vendor sign-in for supervisors only, and the unlock itself always.

let h: IpcHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});
const pin = (id: string): string => DEMO_STAFF.find((s) => s.staffId === id)?.pin ?? '';

describe('staff access policy', () => {
  it('names every channel', () => {
    expect(Object.keys(CHANNEL_ACCESS).sort()).toEqual(Object.keys(INVOKE_CHANNELS).sort());
  });

  it.each((Object.keys(INVOKE_CHANNELS) as InvokeChannel[]).filter((c) => CHANNEL_ACCESS[c] !== 'anyone'))('%s answers locked while nobody is unlocked', async (channel) => {
    h ??= await createIpcHarness(captureLogger().logger, { staff: null });
    expect(await h.invoke(channel, VALID[channel])).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('lets an operator work on customers, but only a supervisor signs the kiosk in or out of the vendor', async () => {
    h = await createIpcHarness(captureLogger().logger, { staff: 'demo.operator' });
    expect(await h.invoke('session:sign-in', { password: DEMO_CUSTOMER.password })).toMatchObject({ ok: false, error: { code: 'rejected', message: 'Only a supervisor can do this.' } });
    expect(await h.invoke('session:sign-out', {})).toMatchObject({ ok: false, error: { code: 'rejected' } });
    await h.services.session.signIn(DEMO_CUSTOMER.password);
    expect(await h.invoke('profile:lookup', { userName: 'ravi.kumar' })).toMatchObject({ ok: true });
    expect(await h.invoke('staff:state', {})).toEqual({ ok: true, value: { staff: { staffId: 'demo.operator', name: expect.any(String), role: 'operator' } } });
  });

  it('unlocks, locks (wiping what main holds), and reports activity', async () => {
    h = await createIpcHarness(captureLogger().logger, { staff: null });
    expect(await h.invoke('staff:activity', {})).toEqual({ ok: true, value: { active: false } });
    expect(await h.invoke('staff:unlock', { staffId: 'DEMO.Operator ', secret: '000000' })).toEqual({ ok: true, value: { outcome: 'wrong' } });
    expect(await h.invoke('staff:unlock', { staffId: 'demo.operator', secret: pin('demo.operator') })).toMatchObject({ ok: true, value: { outcome: 'unlocked', staff: { staffId: 'demo.operator' } } });
    expect(await h.invoke('staff:activity', {})).toEqual({ ok: true, value: { active: true } });
    expect(await h.invoke('staff:lock', {})).toEqual({ ok: true, value: { locked: true } });
    expect(h.pushed.filter((p) => p.channel === 'staff:locked')).toEqual([{ channel: 'staff:locked', payload: { reason: 'button' } }]);
    expect(await h.invoke('staff:state', {})).toEqual({ ok: true, value: { staff: null } });
  });
});
