import { afterEach, describe, expect, it } from 'vitest';
import { createSessionService } from '../../main/session/session-service';
import { DEMO_CUSTOMER } from '../../domain/demo-account';
import type { TokenStore } from '../../main/secrets/token-store';
import { KioskError } from '../../domain/kiosk-error';
import { captureLogger } from '../helpers/capture-logger';
import { memoryTokenStore } from '../helpers/memory-token-store';
import { sandboxClient, type ClientFixture } from '../helpers/sandbox-fixture';
import { json, startTestServer } from '../helpers/test-server';
import { createDeepFaceAuthClient } from '../../main/deepfaceauth/client';

let fx: ClientFixture | null = null;
afterEach(async () => {
  await fx?.sandbox.close();
  fx = null;
});

async function setup(tokens: TokenStore = memoryTokenStore()) {
  const cap = captureLogger();
  fx = await sandboxClient(cap.logger);
  const session = createSessionService({ client: fx.client, tokens, logger: cap.logger });
  return { session, cap, fx };
}

describe('session service', () => {
  it('signs in, keeps the token in the store and never logs the password or token', async () => {
    const tokens = memoryTokenStore();
    const { session, cap } = await setup(tokens);
    await session.signIn(DEMO_CUSTOMER.password);
    expect(tokens.value()).toMatch(/^[0-9a-f]{64}$/);
    expect(await session.state()).toEqual({ signedIn: true });
    expect(cap.text()).toContain('signed in');
    expect(cap.text()).not.toContain(DEMO_CUSTOMER.password);
    expect(cap.text()).not.toContain(tokens.value()!);
  });

  it('reports a wrong password in plain words and stores nothing', async () => {
    const tokens = memoryTokenStore();
    const { session } = await setup(tokens);
    await expect(session.signIn('not-the-password')).rejects.toMatchObject({ code: 'rejected' });
    expect(tokens.value()).toBeNull();
  });

  it('refuses an empty password before any network call', async () => {
    const { session, fx } = await setup();
    await expect(session.signIn('')).rejects.toMatchObject({ code: 'invalid-input' });
    expect(fx.sandbox.requestCount()).toBe(0);
  });

  it('reports not-signed-in when there is no token', async () => {
    const { session, fx } = await setup();
    await expect(session.withToken((t) => fx.client.userDetails(t, 'ravi.kumar'))).rejects.toMatchObject({ code: 'not-signed-in' });
    expect(fx.sandbox.requestCount()).toBe(0);
  });

  it('clears the token and tells listeners when the vendor says unauthorized', async () => {
    const tokens = memoryTokenStore();
    const { session, fx } = await setup(tokens);
    await session.signIn(DEMO_CUSTOMER.password);
    let expired = 0;
    session.onExpired(() => expired++);
    fx.sandbox.state.expireAllTokens();
    await expect(session.withToken((t) => fx.client.userDetails(t, 'ravi.kumar'))).rejects.toMatchObject({ code: 'session-expired' });
    expect(tokens.value()).toBeNull();
    expect(expired).toBe(1);
  });

  it('does not let a late refusal of an old token wipe a newer sign-in', async () => {
    const tokens = memoryTokenStore();
    const { session, fx } = await setup(tokens);
    await session.signIn(DEMO_CUSTOMER.password);
    let expired = 0;
    session.onExpired(() => expired++);
    const slow = session.withToken(async (t) => {
      fx.sandbox.state.expireAllTokens();
      await session.signIn(DEMO_CUSTOMER.password);
      return fx.client.userDetails(t, 'ravi.kumar');
    });
    await expect(slow).rejects.toMatchObject({ code: 'unauthorized' });
    expect(tokens.value()).not.toBeNull();
    expect(expired).toBe(0);
    expect((await session.withToken((t) => fx.client.userDetails(t, 'ravi.kumar'))).userName).toBe('ravi.kumar');
  });

  it('signs out: revokes at the vendor and deletes locally', async () => {
    const tokens = memoryTokenStore();
    const { session, fx } = await setup(tokens);
    await session.signIn(DEMO_CUSTOMER.password);
    expect(await session.signOut()).toEqual({ revoked: true });
    expect(tokens.value()).toBeNull();
    expect(fx.sandbox.requestCount('/logout')).toBe(1);
  });

  it('deletes the token locally even when the logout call fails', async () => {
    const tokens = memoryTokenStore('stale-token-123456');
    const { session } = await setup(tokens);
    expect(await session.signOut()).toEqual({ revoked: false });
    expect(tokens.value()).toBeNull();
  });

  it('deletes the token locally even when it cannot be read for the logout call', async () => {
    let cleared = 0;
    const unreadable: TokenStore = {
      get: async () => {
        throw new KioskError('keychain-unavailable', 'The OS keychain is not available.');
      },
      set: async () => undefined,
      clear: async () => void cleared++,
    };
    const { session, fx } = await setup(unreadable);
    expect(await session.signOut()).toEqual({ revoked: false });
    expect(cleared).toBe(1);
    expect(fx.sandbox.requestCount('/logout')).toBe(0);
  });

  it('reports a token that could not be deleted, never "signed out"', async () => {
    const stuck: TokenStore = {
      get: async () => null,
      set: async () => undefined,
      clear: async () => {
        throw new KioskError('keychain-unavailable', 'The OS keychain is not available.');
      },
    };
    const { session } = await setup(stuck);
    await expect(session.signOut()).rejects.toMatchObject({ code: 'keychain-unavailable' });
  });

  it('keeps the session after a 403 (a refusal), and ends it after a 401', async () => {
    let answer = 403;
    const server = await startTestServer((_req, res) => json(res, answer, { error: { message: 'Not allowed for this branch', status: String(answer) } }));
    try {
      const tokens = memoryTokenStore('kept-token-123456');
      const cap = captureLogger();
      const client = createDeepFaceAuthClient({ baseUrl: server.baseUrl, customerName: 'acme', timeoutMs: 5000, updateParamsKey: 'parametersToBeUpdated', logger: cap.logger });
      const session = createSessionService({ client, tokens, logger: cap.logger });
      let expired = 0;
      session.onExpired(() => void expired++);
      await expect(session.withToken((t) => client.userDetails(t, 'ravi.kumar'))).rejects.toMatchObject({ code: 'rejected', message: 'Not allowed for this branch' });
      expect(tokens.value()).toBe('kept-token-123456');
      expect(expired).toBe(0);
      answer = 401;
      await expect(session.withToken((t) => client.userDetails(t, 'ravi.kumar'))).rejects.toMatchObject({ code: 'session-expired' });
      expect(tokens.value()).toBeNull();
      expect(expired).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('passes keychain-unavailable through unchanged', async () => {
    const broken: TokenStore = {
      get: async () => {
        throw new KioskError('keychain-unavailable', 'The OS keychain is not available.');
      },
      set: async () => undefined,
      clear: async () => undefined,
    };
    const { session } = await setup(broken);
    await expect(session.state()).rejects.toMatchObject({ code: 'keychain-unavailable' });
  });
});
