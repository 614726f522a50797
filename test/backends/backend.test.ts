import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../main/config';
import { openBackend, type Backend } from '../../main/backends/backend';
import { captureLogger } from '../helpers/capture-logger';

async function config(file: Record<string, unknown> | null) {
  return loadConfig({ env: {}, userDataDir: '/nonexistent', readFile: async (p) => (file && p === '/nonexistent/kiosk-config.json' ? JSON.stringify(file) : null) });
}

let opened: Backend | null = null;
afterEach(async () => {
  await opened?.close();
  opened = null;
});

describe('the backend, resolved once from the config', () => {
  it('sandbox mode starts the embedded service on loopback and says what differs', async () => {
    opened = await openBackend(await config(null), { logger: captureLogger().logger, sandbox: {} });
    expect(opened.kind).toBe('sandbox');
    if (opened.kind !== 'sandbox') return;
    expect(opened.service).not.toBeNull();
    expect(opened.baseUrl).toBe(opened.service?.baseUrl);
    expect(new URL(opened.baseUrl).hostname).toBe('127.0.0.1');
    expect(opened.keychainAccount).toBe('demo-bank@sandbox');
    // Its own capture page (plain http on loopback) and nothing else: not another port, not the vendor's.
    const own = new URL(opened.baseUrl).origin;
    expect(opened.enrollmentOrigins).toEqual([own]);
    expect(opened.enrollmentOrigin(`${own}/deepfaceauth/api/v1/iframe/enroll/portal/a/b`)).toBe(own);
    expect(opened.enrollmentOrigin(`http://127.0.0.1:${opened.service!.port + 1}/deepfaceauth/x`)).toBeNull();
    expect(opened.enrollmentOrigin('https://signzy.app/deepfaceauth/x')).toBeNull();
    const health = await fetch(`${opened.baseUrl}/api/v1/basic/user/details`, { method: 'POST', body: '{}' });
    expect(health.status).toBeGreaterThanOrEqual(400);
    await opened.close();
    await opened.close(); // idempotent
    await expect(fetch(`${opened.baseUrl}/api/v1/basic/user/details`, { method: 'POST', body: '{}' })).rejects.toThrow();
  });

  it('sandbox mode without starting the service (kioskctl) still knows its keychain account', async () => {
    opened = await openBackend(await config(null), { logger: captureLogger().logger, sandbox: false });
    expect(opened).toMatchObject({ kind: 'sandbox', service: null, keychainAccount: 'demo-bank@sandbox' });
  });

  it('refuses bad sandbox switches as a config error', async () => {
    await expect(
      openBackend(await config(null), { logger: captureLogger().logger, sandbox: { env: { KIOSK_SANDBOX_SWITCHES: 'melt-down' } } }),
    ).rejects.toMatchObject({ code: 'config' });
  });

  it('vendor mode: no sandbox, a keychain account per customer and host, https links only', async () => {
    const cap = captureLogger();
    opened = await openBackend(await config({ mode: 'vendor', baseUrl: 'https://dfa.bank.example/deepfaceauth', customerName: 'a-bank' }), { logger: cap.logger, sandbox: {} });
    expect(opened).toMatchObject({ kind: 'vendor', baseUrl: 'https://dfa.bank.example/deepfaceauth', keychainAccount: 'a-bank@dfa.bank.example' });
    // By default: the base URL's origin and the vendor's documented portal hosts.
    expect(opened.enrollmentOrigins).toEqual(['https://dfa.bank.example', 'https://signzy.app', 'https://signzy.xyz', 'https://deepfaceauth.signzy.app']);
    expect(opened.enrollmentOrigin('https://signzy.app/deepfaceauth/api/v1/iframe/enroll/portal/a/b')).toBe('https://signzy.app');
    expect(opened.enrollmentOrigin('https://dfa.bank.example/deepfaceauth/portal/x')).toBe('https://dfa.bank.example');
    expect(opened.enrollmentOrigin('https://evil.example/deepfaceauth/x')).toBeNull();
    expect(opened.enrollmentOrigin('http://127.0.0.1:4000/deepfaceauth/x')).toBeNull();
    expect(cap.text()).not.toContain('sandbox service started');
  });

  it("vendor mode with enrollmentOrigins: exactly the configured origins", async () => {
    opened = await openBackend(
      await config({ mode: 'vendor', baseUrl: 'https://dfa.bank.example/deepfaceauth', customerName: 'a-bank', enrollmentOrigins: ['https://enroll.bank.example', 'https://signzy.xyz'] }),
      { logger: captureLogger().logger, sandbox: {} },
    );
    expect(opened.enrollmentOrigins).toEqual(['https://enroll.bank.example', 'https://signzy.xyz']);
    expect(opened.enrollmentOrigin('https://signzy.xyz/x')).toBe('https://signzy.xyz');
    expect(opened.enrollmentOrigin('https://signzy.app/x')).toBeNull();
    expect(opened.enrollmentOrigin('https://dfa.bank.example/x')).toBeNull();
  });
});
