import { randomUUID } from 'node:crypto';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../domain/ipc/channels';
import { DEMO_CUSTOMER, DEMO_STAFF } from '../../domain/demo-account';
import { DEMO_USERS } from '../../main/sandbox/demo-data';
import { createIpcHarness } from '../../test/helpers/ipc-harness';
import type { BenchContext } from '../lib/context';
import type { Row } from '../lib/report';

const BUDGET = 16 * 1024;

/** Image bytes in any form: a data URL, a long base64 run, JPEG or PNG magic numbers. */
function looksLikeImage(text: string): boolean {
  return /data:image\//i.test(text) || /[A-Za-z0-9+/]{2048,}={0,2}/.test(text) || text.includes('\u00ff\u00d8\u00ff') || text.includes('\u0089PNG');
}

/**
 * Row 7: the largest serialized request or response over every invoke channel and push
 * event, driving the staff flow (face included) through the real handlers, plus requests
 * with every field at its maximum length. IPC uses structured clone, whose size for this
 * plain data is close to its JSON length; JSON is what is measured.
 */
export async function ipcPayload(ctx: BenchContext): Promise<Row> {
  const ipc = await createIpcHarness(ctx.logger);
  const sizes: { channel: string; bytes: number; text: string }[] = [];
  const seen = new Set<string>();
  /** Calls a channel and records both sizes; `expect` says whether it must succeed or fail. */
  const call = async (channel: InvokeChannel, request: Record<string, unknown>, expect: 'ok' | 'refused' = 'ok') => {
    const response = await ipc.invoke(channel, request);
    if (response.ok !== (expect === 'ok')) throw new Error(`${channel}: expected ${expect}, got ${JSON.stringify(response).slice(0, 200)}`);
    seen.add(channel);
    for (const value of [request, response]) {
      const text = JSON.stringify(value);
      sizes.push({ channel, bytes: Buffer.byteLength(text, 'utf8'), text });
    }
    return response;
  };
  try {
    await call('kiosk:info', {});
    await call('session:state', {});
    await call('session:sign-in', { password: DEMO_CUSTOMER.password });
    for (const u of DEMO_USERS) await call('profile:lookup', { userName: u.userName });
    await call('profile:check-user-name', { userName: 'ravi.k' });
    const detailsId = randomUUID();
    await call('profile:update', { updateId: detailsId, userName: 'ravi.kumar', changes: { fullName: 'Ravi K Kumar', emailId: 'ravi.new@example.com' }, face: false, idCheck: 'aadhaar' });
    await call('profile:reconcile', { updateId: detailsId });
    await call('approval:request', { userName: 'ravi.kumar', changes: { emailId: 'ravi.newer@example.com' }, face: false, supervisorId: 'demo.operator', secret: '246810' });
    // Every field at the longest the rules allow (a 254-character e-mail, a 32-character phone).
    const email = `${'e'.repeat(64)}@${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(57)}.com`;
    const phone = '+91  (912)  345 - 6780          ';
    if (email.length !== 254 || phone.length !== 32) throw new Error('the longest fields are not at their limits');
    const long = {
      userName: 'priya.sharma',
      changes: { userName: `p${'x'.repeat(63)}`, fullName: `Priya ${'a'.repeat(94)}`, emailId: email, phoneNumber: phone },
      face: false,
      idCheck: 'driving-licence',
    };
    await call('profile:update', { updateId: randomUUID(), ...long });
    await call('enrollment:camera-check', {});
    const faceId = randomUUID();
    await call('profile:update', { updateId: faceId, userName: 'arjun.mehta', changes: {}, face: true, idCheck: 'aadhaar' });
    await call('enrollment:start', { updateId: faceId });
    await call('enrollment:cancel', { reason: 'staff-cancel' });
    for (let i = 0; i < 100 && !ipc.pushed.some((p) => p.channel === 'enrollment:finished'); i++) await new Promise((r) => setTimeout(r, 50));
    // Done: main drops the customer's values.
    await call('profile:forget', {});
    await call('kiosk:restart', {}, 'refused');
    // The service stops accepting the token: the session:expired push.
    ipc.sandbox.state.expireAllTokens();
    await call('profile:lookup', { userName: 'ravi.kumar' }, 'refused');
    await call('session:sign-in', { password: DEMO_CUSTOMER.password });
    await call('session:sign-out', {});
    // Staff: who is at the kiosk, activity, lock (the staff:locked push), a wrong and a right unlock.
    await call('staff:state', {});
    await call('staff:activity', {});
    await call('staff:lock', {});
    await call('staff:unlock', { staffId: 'demo.operator', secret: '000000' });
    const operator = DEMO_STAFF.find((s) => s.staffId === 'demo.operator');
    await call('staff:unlock', { staffId: 'demo.operator', secret: operator?.pin ?? '' });
    for (const p of ipc.pushed) {
      const text = JSON.stringify(p.payload);
      sizes.push({ channel: p.channel, bytes: Buffer.byteLength(text, 'utf8'), text });
    }
    const missing = (Object.keys(INVOKE_CHANNELS) as InvokeChannel[]).filter((c) => !seen.has(c));
    if (missing.length) throw new Error(`channels not exercised: ${missing.join(', ')}`);
    const largest = sizes.reduce((m, s) => (s.bytes > m.bytes ? s : m));
    const images = sizes.filter((s) => looksLikeImage(s.text)).length;
    return {
      id: '7',
      metric: 'Largest IPC payload',
      unit: 'bytes',
      app: largest.bytes,
      baseline: null,
      ratio: null,
      budget: '≤ 16 KB; no image bytes',
      limits: [
        { what: 'largest payload (bytes)', value: largest.bytes, max: BUDGET, noisy: false },
        { what: 'payloads carrying image bytes', value: images, max: 0, noisy: false },
      ],
      runs: 1,
      note: `${sizes.length} payloads over all ${seen.size} invoke channels and ${new Set(ipc.pushed.map((p) => p.channel)).size} push channels; largest on ${largest.channel}. Payloads with image bytes: ${images}.`,
      skipped: false,
    };
  } finally {
    await ipc.close();
  }
}
