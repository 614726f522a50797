import { DEMO_CUSTOMER } from '../../domain/demo-account';
import { loadKeytarBackend } from '../../main/secrets/keytar-backend';
import { KEYCHAIN_SERVICE, keychainAccount } from '../../main/secrets/token-store';
import { createIpcHarness, type IpcHarness } from '../../test/helpers/ipc-harness';
import type { BenchContext } from '../lib/context';
import { countingKeytar } from '../lib/keychain';
import type { Row } from '../lib/report';
import { interleaved, median, since } from '../lib/stats';

const CALLS = 50;

async function ok(p: Promise<{ ok: boolean; error?: { message: string } }>, what: string): Promise<void> {
  const r = await p;
  if (!r.ok) throw new Error(`${what} failed: ${r.error?.message}`);
}

/**
 * Row 4: real keychain reads in one staff session, and a cached token read vs a keychain
 * read. The session starts as a restarted kiosk's does, with the token already in the
 * keychain (a sign-in writes the token and keeps it, so it reads nothing); then 50 calls
 * through the IPC handlers, one real 401 from the service (sign in again), and a sign-out.
 */
export async function keychainReads(ctx: BenchContext): Promise<Row[]> {
  // A first kiosk run signs in; its service keeps running for the "restarted" kiosk.
  const first = await createIpcHarness(ctx.logger);
  await ok(first.invoke('session:sign-in', { password: DEMO_CUSTOMER.password }), 'sign-in');
  const { port, state } = first.sandbox;
  await first.sandbox.close();

  const keychain = countingKeytar();
  let ipc: IpcHarness | null = null;
  try {
    ipc = await createIpcHarness(ctx.logger, { sandbox: { port, state }, loadBackend: () => keychain.load(), keepStoredToken: true });
    await ok(ipc.invoke('session:state', {}), 'session state');
    let expiredAt = -1;
    for (let i = 0; i < CALLS; i++) {
      if (i === CALLS / 2) {
        ipc.sandbox.state.expireAllTokens();
        const r = await ipc.invoke('profile:lookup', { userName: 'ravi.kumar' });
        if (r.ok || r.error.code !== 'session-expired') throw new Error('the forced 401 did not end the session');
        expiredAt = keychain.reads();
        await ok(ipc.invoke('session:sign-in', { password: DEMO_CUSTOMER.password }), 'sign-in after the 401');
        continue;
      }
      await ok(ipc.invoke('profile:lookup', { userName: 'ravi.kumar' }), 'lookup');
    }
    await ok(ipc.invoke('session:sign-out', {}), 'sign-out');
    const reads = keychain.reads();

    // Cached (in-memory) token read vs a keychain read, against the real gnome-keyring.
    await ok(ipc.invoke('session:sign-in', { password: DEMO_CUSTOMER.password }), 'sign-in');
    const keytar = await loadKeytarBackend();
    const account = keychainAccount(ipc.config.customerName, null);
    const cached = async (): Promise<number> => {
      const start = performance.now();
      const t = await ipc!.services.tokens.get();
      const ms = since(start);
      if (!t) throw new Error('no cached token');
      return ms;
    };
    const uncached = async (): Promise<number> => {
      const start = performance.now();
      const t = await keytar.getPassword(KEYCHAIN_SERVICE, account);
      const ms = since(start);
      if (!t) throw new Error('the token is not in the keychain');
      return ms;
    };
    const t = await interleaved(Math.max(ctx.runs, 50), cached, uncached);
    const a = median(t.a);
    const b = median(t.b);
    return [
      {
        id: '4a',
        metric: 'Keychain reads in one session',
        unit: '',
        app: reads,
        baseline: null,
        ratio: null,
        budget: '≤ 1, + 1 per 401',
        limits: [{ what: 'keychain reads', value: reads, max: 2, noisy: false }],
        runs: 1,
        note: `Real keychain reads over ${CALLS} IPC calls with one 401 and a sign-out, starting from a token stored by an earlier run: ${reads} (${expiredAt} before the 401; the sign-in after it writes the token and keeps it in memory, so nothing is read again). All keychain calls, writes and deletes included: ${keychain.calls()}.`,
        skipped: false,
      },
      {
        id: '4b',
        metric: 'Token read: cached vs keychain',
        unit: 'ms',
        app: a,
        baseline: b,
        ratio: a / b,
        budget: '≤ 0.01×',
        limits: [{ what: 'ratio', value: a / b, max: 0.01, noisy: true }],
        runs: Math.max(ctx.runs, 50),
        note: 'The kiosk\'s token read (from memory after the first) vs keytar.getPassword on the real gnome-keyring.',
        skipped: false,
      },
    ];
  } finally {
    await ipc?.close();
    await keychain.idle();
    await first.close().catch(() => undefined);
  }
}
