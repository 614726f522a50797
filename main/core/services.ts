import type { KioskConfig } from '../config';
import type { Logger } from '../log/logger';
import type { Backend } from '../backends/backend';
import { createDeepFaceAuthClient, type DeepFaceAuthClient } from '../deepfaceauth/client';
import type { Transport } from '../deepfaceauth/http-transport';
import { createCachedTokenStore } from '../secrets/cached-token-store';
import { KEYCHAIN_SERVICE, type KeychainBackend, type TokenStore } from '../secrets/token-store';
import { createSessionService, type SessionService } from '../session/session-service';
import { createProfileService, type ProfileService } from '../profile/profile-service';

export interface KioskServices {
  client: DeepFaceAuthClient;
  tokens: TokenStore & { keychainCalls(): number };
  session: SessionService;
  profile: ProfileService;
}

export interface ServiceDeps {
  logger: Logger;
  /** Loads the OS keychain binding; the core never imports keytar itself. */
  loadKeychain: () => Promise<KeychainBackend>;
  /** Wraps the backend's transport (tests record requests or lose answers). */
  wrapTransport?: (send: Transport) => Transport;
}

/**
 * Builds the services that talk to the backend (client, token store, session, profile) from
 * a validated config. Part of the core: the app, kioskctl, the tests and the benchmark all
 * get them through `createKioskCore`. Imports nothing from Electron or keytar.
 */
export function createServices(config: KioskConfig, backend: Backend, deps: ServiceDeps): KioskServices {
  const { logger } = deps;
  const client = createDeepFaceAuthClient({
    baseUrl: backend.baseUrl,
    customerName: config.customerName,
    timeoutMs: config.requestTimeoutMs,
    updateParamsKey: config.updateParamsKey,
    logger,
    transport: deps.wrapTransport ? deps.wrapTransport(backend.transport) : backend.transport,
  });
  const tokens = createCachedTokenStore({
    loadBackend: deps.loadKeychain,
    service: KEYCHAIN_SERVICE,
    account: backend.keychainAccount,
    timeoutMs: config.keychainTimeoutMs,
    logger,
  });
  const session = createSessionService({ client, tokens, logger });
  const profile = createProfileService({ client, session, logger, country: config.defaultCountry });
  return { client, tokens, session, profile };
}
