import { describe, expect, it } from 'vitest';
import { createCachedTokenStore, keychainHint } from '../../main/secrets/cached-token-store';
import type { KeychainBackend } from '../../main/secrets/token-store';
import { captureLogger } from '../helpers/capture-logger';

function fakeBackend(initial: string | null = null) {
  let value = initial;
  const log: string[] = [];
  let active = 0;
  let maxActive = 0;
  const slow = async <T>(name: string, fn: () => T): Promise<T> => {
    log.push(name);
    active++;
    maxActive = Math.max(maxActive, active);
    await new Promise((r) => setTimeout(r, 10));
    active--;
    return fn();
  };
  const backend: KeychainBackend = {
    getPassword: () => slow('get', () => value),
    setPassword: (_s, _a, p) => slow('set', () => void (value = p)),
    deletePassword: () => slow('delete', () => ((value = null), true)),
  };
  return { backend, log, maxActive: () => maxActive, value: () => value };
}

function store(backend: KeychainBackend, timeoutMs = 1000) {
  return createCachedTokenStore({ loadBackend: async () => backend, service: 's', account: 'a', timeoutMs, logger: captureLogger().logger });
}

describe('cached token store', () => {
  it('reads the keychain once and serves later reads from memory', async () => {
    const fake = fakeBackend('tok-1');
    const s = store(fake.backend);
    expect(await s.get()).toBe('tok-1');
    expect(await s.get()).toBe('tok-1');
    expect(fake.log).toEqual(['get']);
  });

  it('shares one keychain call between concurrent first reads', async () => {
    const fake = fakeBackend('tok-1');
    const s = store(fake.backend);
    const got = await Promise.all([s.get(), s.get(), s.get(), s.get()]);
    expect(got).toEqual(['tok-1', 'tok-1', 'tok-1', 'tok-1']);
    expect(fake.log).toEqual(['get']);
  });

  it('runs keychain calls one at a time', async () => {
    const fake = fakeBackend(null);
    const s = store(fake.backend);
    const [, , , read] = await Promise.all([s.set('a'), s.clear(), s.set('b'), s.get()]);
    expect(fake.maxActive()).toBe(1);
    expect(fake.log).toEqual(['set', 'delete', 'set', 'get']);
    expect(read).toBe('b');
    expect(fake.value()).toBe('b');
  });

  it('does not let an older read overwrite a newer set', async () => {
    const fake = fakeBackend('old');
    const s = store(fake.backend);
    const read = s.get();
    await s.set('new');
    await read;
    expect(await s.get()).toBe('new');
  });

  it('clears memory and keychain', async () => {
    const fake = fakeBackend('tok-1');
    const s = store(fake.backend);
    await s.get();
    await s.clear();
    expect(await s.get()).toBeNull();
    expect(fake.value()).toBeNull();
  });

  it('turns a hung keychain call into keychain-unavailable within the timeout, and recovers after', async () => {
    let release: () => void = () => undefined;
    let hang = true;
    const backend: KeychainBackend = {
      getPassword: () => (hang ? new Promise((r) => (release = () => r(null))) : Promise.resolve('tok')),
      setPassword: async () => undefined,
      deletePassword: async () => true,
    };
    const s = store(backend, 300);
    const t0 = Date.now();
    await expect(s.get()).rejects.toMatchObject({ code: 'keychain-unavailable', message: expect.stringMatching(/did not answer within 0\.3 s/) });
    expect(Date.now() - t0).toBeLessThan(1000);
    // While the hung call has not settled, later calls wait behind it and time out too.
    await expect(s.get()).rejects.toMatchObject({ code: 'keychain-unavailable' });
    hang = false;
    release();
    expect(await s.get()).toBe('tok');
  });

  it('never lets a late write overtake a later delete', async () => {
    let finishSet: () => void = () => undefined;
    let value: string | null = null;
    const order: string[] = [];
    const backend: KeychainBackend = {
      getPassword: async () => value,
      setPassword: (_s, _a, p) =>
        new Promise((r) => {
          finishSet = () => {
            value = p;
            order.push('set');
            r();
          };
        }),
      deletePassword: async () => {
        value = null;
        order.push('delete');
        return true;
      },
    };
    const s = store(backend, 200);
    const set = s.set('tok-late');
    const clear = s.clear();
    await expect(set).rejects.toMatchObject({ code: 'keychain-unavailable' });
    finishSet();
    await clear;
    expect(order).toEqual(['set', 'delete']);
    expect(value).toBeNull();
    expect(await s.get()).toBeNull();
  });

  it('does not cache a token whose set was followed by a clear', async () => {
    const fake = fakeBackend(null);
    const s = store(fake.backend);
    await Promise.all([s.set('tok-A'), s.clear()]);
    expect(fake.value()).toBeNull();
    expect(await s.get()).toBeNull();
  });

  it('gives callers arriving during a set the new token, not an older read', async () => {
    const fake = fakeBackend('old');
    const s = store(fake.backend);
    const early = s.get();
    const set = s.set('new');
    const late = s.get();
    await set;
    expect(await early).toBe('old');
    expect(await late).toBe('new');
  });

  it('reports a backend that fails to load as keychain-unavailable, with no fallback', async () => {
    const s = createCachedTokenStore({
      loadBackend: async () => {
        throw new Error('libsecret-1.so.0: cannot open shared object file');
      },
      service: 's',
      account: 'a',
      timeoutMs: 500,
      logger: captureLogger().logger,
    });
    await expect(s.set('tok')).rejects.toMatchObject({ code: 'keychain-unavailable', message: expect.stringMatching(/libsecret/) });
    await expect(s.get()).rejects.toMatchObject({ code: 'keychain-unavailable' });
  });

  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', /No D-Bus session bus/],
    ['The name org.freedesktop.secrets was not provided by any .service files', /No Secret Service/],
    ['Cannot create an item in a locked collection', /locked/],
    ['something else', /refused the request/],
  ])('gives IT a hint for "%s"', (raw, hint) => {
    expect(keychainHint(raw)).toMatch(hint);
  });
});
