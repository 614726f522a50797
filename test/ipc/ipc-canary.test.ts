import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Transport } from '../../main/deepfaceauth/http-transport';
import { DEMO_CUSTOMER } from '../../domain/demo-account';
import { captureLogger } from '../helpers/capture-logger';
import { createIpcHarness, type IpcHarness } from '../helpers/ipc-harness';

// A canary token, random per run, goes through sign-in and update flows over the IPC
// handlers: no answer, no error, no push and no log line may contain it (or the password).
const TOKEN = `CANARYTOKEN${randomBytes(12).toString('hex')}`;

let h: IpcHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe('canary token over IPC', () => {
  it('never appears in an IPC answer, an error, a push or a log line', async () => {
    const cap = captureLogger();
    let loseNextUpdate = false;
    const wrapTransport = (send: Transport): Transport => async (req) => {
      const outcome = await send(req);
      if (loseNextUpdate && req.url.endsWith('/user/update')) {
        loseNextUpdate = false;
        return { kind: 'sent-no-answer', reason: 'network' };
      }
      return outcome;
    };
    h = await createIpcHarness(cap.logger, { sandbox: { newToken: () => TOKEN }, wrapTransport });
    const answers: unknown[] = [];
    const call = async (...args: Parameters<IpcHarness['invoke']>) => {
      const r = await h!.invoke(...args);
      answers.push(r);
      return r;
    };

    await call('session:sign-in', { password: 'wrong-password' });
    expect(await call('session:sign-in', { password: DEMO_CUSTOMER.password })).toMatchObject({ ok: true });
    expect(await h.services.tokens.get()).toBe(TOKEN);
    await call('session:state', {});
    await call('kiosk:info', {});
    await call('profile:lookup', { userName: 'ravi.kumar' });
    await call('profile:lookup', { userName: 'nobody.there' });
    await call('profile:check-user-name', { userName: 'ravi.new' });
    expect(await call('profile:update', { updateId: randomUUID(), userName: 'ravi.kumar', changes: { emailId: 'ravi.c@example.com' }, face: true, idCheck: 'aadhaar' })).toMatchObject({ ok: true });
    loseNextUpdate = true;
    const lost = randomUUID();
    expect(await call('profile:update', { updateId: lost, userName: 'priya.sharma', changes: { fullName: 'Priya S' }, face: false, idCheck: 'aadhaar' })).toMatchObject({ ok: false });
    expect(await call('profile:reconcile', { updateId: lost })).toMatchObject({ ok: true, value: { verdict: 'applied' } });
    await call('profile:update', { updateId: randomUUID(), userName: 'ravi.kumar', changes: { phoneNumber: '123' }, face: false, idCheck: 'aadhaar' });
    h.sandbox.state.expireAllTokens();
    expect(await call('profile:lookup', { userName: 'ravi.kumar' })).toMatchObject({ ok: false, error: { code: 'session-expired' } });
    await call('session:sign-in', { password: DEMO_CUSTOMER.password });
    await call('session:sign-out', {});

    expect(answers.length).toBeGreaterThan(10);
    expect(h.pushed.length).toBe(1);
    expect(cap.lines.length).toBeGreaterThan(5);
    const everything = [JSON.stringify(answers), JSON.stringify(h.pushed), cap.text()].join('\n');
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(TOKEN.slice(11));
    expect(everything).not.toContain(DEMO_CUSTOMER.password);
    expect(everything).not.toContain('wrong-password');
  });
});
