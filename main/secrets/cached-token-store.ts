import { KioskError } from '../../domain/kiosk-error';
import type { Logger } from '../log/logger';
import type { KeychainBackend, TokenStore } from './token-store';

export interface CachedTokenStoreOptions {
  /** Resolves the keychain backend; called once, lazily. */
  loadBackend: () => Promise<KeychainBackend>;
  service: string;
  account: string;
  /** Upper bound for one keychain call. */
  timeoutMs: number;
  logger: Logger;
}

/** Text for IT, chosen from what the keychain library said, without repeating it verbatim. */
export function keychainHint(raw: string): string {
  if (/DISPLAY|autolaunch|DBUS_SESSION_BUS_ADDRESS|dbus/i.test(raw) && !/secrets/i.test(raw)) {
    return 'No D-Bus session bus was found. Start the kiosk inside a desktop session (or a D-Bus session) with a Secret Service such as gnome-keyring.';
  }
  if (/org\.freedesktop\.secrets|ServiceUnknown|not provided by any/i.test(raw)) {
    return 'No Secret Service is running on the D-Bus session. Install and start gnome-keyring (or another Secret Service).';
  }
  if (/locked|dismissed|prompt|cancel/i.test(raw)) {
    return 'The keyring is locked. Unlock the login keyring for the kiosk user.';
  }
  if (/cannot find module|libsecret|\.node|dlopen|NODE_MODULE_VERSION/i.test(raw)) {
    return 'The keychain module could not be loaded. Install libsecret-1-0 and reinstall the kiosk.';
  }
  return 'The OS keychain refused the request. Check that the Secret Service (gnome-keyring) is running and unlocked.';
}

function unavailable(hint: string): KioskError {
  return new KioskError('keychain-unavailable', `The OS keychain is not available. ${hint}`);
}

/**
 * Wraps a keychain backend: the token is cached in memory after the first read, concurrent
 * first reads share one call, keychain calls run one at a time, and each caller waits at most
 * `timeoutMs` so a hung Secret Service becomes `keychain-unavailable` in seconds. A hung call
 * keeps its place in the queue until it settles, so a late write can never overtake a later
 * delete. There is no fallback store: without a keychain there is no token.
 */
export function createCachedTokenStore(options: CachedTokenStoreOptions): TokenStore & { keychainCalls(): number } {
  const { service, account, timeoutMs, logger } = options;
  let backendPromise: Promise<KeychainBackend> | null = null;
  let cached: { token: string | null } | null = null;
  let inflightGet: { generation: number; promise: Promise<string | null> } | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let calls = 0;
  // Bumped by set/clear: an answer from an older generation never lands in the cache.
  let generation = 0;

  function backend(): Promise<KeychainBackend> {
    backendPromise ??= options.loadBackend().catch((err: unknown) => {
      backendPromise = null;
      const raw = err instanceof Error ? err.message : String(err);
      logger.error('keychain module failed to load', { hint: keychainHint(raw) });
      throw unavailable(keychainHint(raw));
    });
    return backendPromise;
  }

  /**
   * Queues a keychain call; the caller gets an answer or `keychain-unavailable` within the
   * timeout, which starts once the keychain module is loaded (loading it fails fast or not
   * at all; the timeout is for a Secret Service that does not answer).
   */
  async function run<T>(op: string, fn: (b: KeychainBackend) => Promise<T>): Promise<T> {
    const b = await backend();
    const task = queue.then(() => {
      calls++;
      return fn(b);
    });
    // The next call starts only when this one has really finished, however long that takes.
    queue = task.catch(() => undefined);
    return withTimeout(task, timeoutMs, op);
  }

  function withTimeout<T>(p: Promise<T>, ms: number, op: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        logger.error('keychain call timed out', { op, timeoutMs: ms });
        reject(unavailable(`The Secret Service did not answer within ${Math.round(ms / 100) / 10} s; it may be hung or waiting for an unlock prompt.`));
      }, ms);
      p.then(
        (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        (err: unknown) => {
          clearTimeout(timer);
          if (err instanceof KioskError) return reject(err);
          const raw = err instanceof Error ? err.message : String(err);
          logger.error('keychain call failed', { op, hint: keychainHint(raw) });
          reject(unavailable(keychainHint(raw)));
        },
      );
    });
  }

  return {
    async get() {
      if (cached) return cached.token;
      if (!inflightGet || inflightGet.generation !== generation) {
        const gen = generation;
        const promise = run('get', (b) => b.getPassword(service, account)).then((token) => {
          if (token) logger.addSecret(token);
          if (gen === generation) cached = { token };
          return token;
        });
        const entry = { generation: gen, promise };
        inflightGet = entry;
        void promise.catch(() => undefined).finally(() => {
          if (inflightGet === entry) inflightGet = null;
        });
      }
      return inflightGet.promise;
    },
    async set(token) {
      const gen = ++generation;
      cached = null;
      logger.addSecret(token);
      await run('set', (b) => b.setPassword(service, account, token));
      if (gen === generation) cached = { token };
    },
    async clear() {
      const gen = ++generation;
      const old = cached?.token;
      cached = { token: null };
      try {
        await run('delete', (b) => b.deletePassword(service, account));
      } catch (err) {
        // The keychain may still hold the token: the next read asks it again.
        if (gen === generation) cached = null;
        throw err;
      } finally {
        if (old) logger.removeSecret(old);
      }
    },
    keychainCalls: () => calls,
  };
}
