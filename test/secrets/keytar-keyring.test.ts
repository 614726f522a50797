import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createCachedTokenStore } from '../../main/secrets/cached-token-store';
import { loadKeytarBackend } from '../../main/secrets/keytar-backend';
import { captureLogger } from '../helpers/capture-logger';
import { filesContaining } from '../helpers/scan-files';

// Runs inside test/with-keyring.sh: a private D-Bus session with a throwaway gnome-keyring.
const keyringPid = Number(process.env['KIOSK_TEST_KEYRING_PID']);
const scratch = process.env['KIOSK_TEST_SCRATCH'] ?? '';

function realStore(account: string, timeoutMs = 3000) {
  return createCachedTokenStore({ loadBackend: loadKeytarBackend, service: 'enrollment-kiosk-test', account, timeoutMs, logger: captureLogger().logger });
}

let stopped = false;
afterEach(() => {
  if (stopped) process.kill(keyringPid, 'SIGCONT');
  stopped = false;
});

describe('keytar token store against a real gnome-keyring', () => {
  it('runs inside the private keyring session', () => {
    expect(keyringPid).toBeGreaterThan(0);
    expect(scratch).not.toBe('');
  });

  it('round-trips set, get and delete through the Secret Service', async () => {
    const account = `acct-${randomBytes(4).toString('hex')}`;
    const token = `canary-token-${randomBytes(12).toString('hex')}`;
    await realStore(account).set(token);
    // A fresh store has no cache: this read comes from the keychain itself.
    expect(await realStore(account).get()).toBe(token);
    await realStore(account).clear();
    expect(await realStore(account).get()).toBeNull();
  });

  it('leaves no file anywhere in the test home containing the token', async () => {
    const account = `acct-${randomBytes(4).toString('hex')}`;
    const token = `canary-token-${randomBytes(12).toString('hex')}`;
    await realStore(account).set(token);
    expect(await realStore(account).get()).toBe(token);
    expect(scratch).not.toBe('');
    expect(await filesContaining(scratch, token)).toEqual([]);
    expect(await filesContaining(process.cwd(), token, ['node_modules', '.git'])).toEqual([]);
    await realStore(account).clear();
  });

  it('turns a hung Secret Service into keychain-unavailable within the timeout', async () => {
    const s = realStore(`acct-${randomBytes(4).toString('hex')}`, 1500);
    process.kill(keyringPid, 'SIGSTOP');
    stopped = true;
    const t0 = Date.now();
    await expect(s.get()).rejects.toMatchObject({ code: 'keychain-unavailable' });
    const elapsed = Date.now() - t0;
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(2500);
  });
});
