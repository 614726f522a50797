import { KioskError } from '../../domain/kiosk-error';
import type { Logger } from '../log/logger';
import type { DeepFaceAuthClient } from '../deepfaceauth/client';
import type { TokenStore } from '../secrets/token-store';

export interface SessionState {
  signedIn: boolean;
}

export interface SessionService {
  /** Logs in with the password (used once, then dropped) and keeps the token in the keychain. */
  signIn(password: string): Promise<void>;
  /** Revokes the token at the vendor (best effort) and always deletes it locally. */
  signOut(): Promise<{ revoked: boolean }>;
  state(): Promise<SessionState>;
  /**
   * Runs a vendor call with the current token. No token → `not-signed-in`. An `unauthorized`
   * answer clears the token everywhere, notifies listeners and becomes `session-expired`.
   */
  withToken<T>(fn: (token: string) => Promise<T>): Promise<T>;
  onExpired(listener: () => void): () => void;
  /** Called after each successful sign-in (the token is stored); a throwing listener is logged. */
  onSignedIn(listener: () => void): () => void;
}

export interface SessionDeps {
  client: DeepFaceAuthClient;
  tokens: TokenStore;
  logger: Logger;
}

/** Creates the session service over a client and a token store. */
export function createSessionService(deps: SessionDeps): SessionService {
  const { client, tokens, logger } = deps;
  const listeners = new Set<() => void>();
  const signedInListeners = new Set<() => void>();

  async function expire(): Promise<void> {
    logger.warn('session expired; clearing the stored token');
    try {
      await tokens.clear();
    } catch {
      logger.error('could not delete the expired token from the keychain');
    }
    for (const l of [...listeners]) {
      try {
        l();
      } catch {
        logger.error('session-expired listener failed');
      }
    }
  }

  return {
    async signIn(password) {
      if (typeof password !== 'string' || password.length === 0 || password.length > 1024) {
        throw new KioskError('invalid-input', 'Enter the password.');
      }
      logger.addSecret(password);
      try {
        const { accessToken } = await client.login(password);
        await tokens.set(accessToken);
        logger.info('signed in');
        for (const l of [...signedInListeners]) {
          try {
            l();
          } catch {
            logger.error('signed-in listener failed');
          }
        }
      } catch (err) {
        if (err instanceof KioskError && err.code === 'unauthorized') {
          throw new KioskError('rejected', 'The customer name or password is not correct.');
        }
        throw err;
      } finally {
        logger.removeSecret(password);
      }
    },
    async signOut() {
      // The local token goes even when it cannot be read for the vendor's logout; only a
      // failure to delete it is an error (staff must not be told "signed out" then).
      let token: string | null = null;
      try {
        token = await tokens.get();
      } catch (err) {
        const code = err instanceof KioskError ? err.code : 'internal';
        logger.warn('token could not be read for the logout call; deleting it locally anyway', { code });
      }
      let revoked = false;
      if (token) {
        try {
          await client.logout(token);
          revoked = true;
        } catch (err) {
          const code = err instanceof KioskError ? err.code : 'internal';
          logger.warn('logout call failed; deleting the token locally anyway', { code });
        }
      }
      await tokens.clear();
      logger.info('signed out', { revoked });
      return { revoked };
    },
    async state() {
      return { signedIn: (await tokens.get()) !== null };
    },
    async withToken(fn) {
      const token = await tokens.get();
      if (!token) throw new KioskError('not-signed-in', 'Please sign in first.');
      try {
        return await fn(token);
      } catch (err) {
        if (err instanceof KioskError && err.code === 'unauthorized') {
          // A late refusal of an older token must not wipe a sign-in made meanwhile.
          const current = await tokens.get().catch(() => token);
          if (current !== token) {
            throw new KioskError('unauthorized', 'The sign-in changed while this request was running. Please try again.');
          }
          await expire();
          throw new KioskError('session-expired', 'The sign-in has expired. Please sign in again.');
        }
        throw err;
      }
    },
    onExpired(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onSignedIn(listener) {
      signedInListeners.add(listener);
      return () => signedInListeners.delete(listener);
    },
  };
}
