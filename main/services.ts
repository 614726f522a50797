import type { KioskConfig } from './config';
import type { Logger } from './log/logger';
import { createDeepFaceAuthClient, type DeepFaceAuthClient } from './deepfaceauth/client';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import { createHttpTransport, type Transport } from './deepfaceauth/http-transport';
import { createCachedTokenStore } from './secrets/cached-token-store';
import { loadKeytarBackend } from './secrets/keytar-backend';
import { KEYCHAIN_SERVICE, keychainAccount, type KeychainBackend, type TokenStore } from './secrets/token-store';
import { createSessionService, type SessionService } from './session/session-service';
import { createProfileService, type ProfileService } from './profile/profile-service';

export interface KioskServices {
  client: DeepFaceAuthClient;
  tokens: TokenStore & { keychainCalls(): number };
  session: SessionService;
  profile: ProfileService;
}

export interface ServiceDeps {
  logger: Logger;
  /** The vendor (or sandbox) base URL the client talks to. */
  baseUrl: string;
  loadBackend?: () => Promise<KeychainBackend>;
  transport?: Transport;
}

/**
 * Builds the main-process services from a validated config. Shared by the Electron app and
 * kioskctl so both behave the same. Imports nothing from Electron.
 */
export function createServices(config: KioskConfig, deps: ServiceDeps): KioskServices {
  const { logger } = deps;
  const client = createDeepFaceAuthClient({
    baseUrl: deps.baseUrl,
    customerName: config.customerName,
    timeoutMs: config.requestTimeoutMs,
    updateParamsKey: config.updateParamsKey,
    logger,
    ...(deps.transport ? { transport: deps.transport } : {}),
    ...(!deps.transport && config.extraCaCertificates && deps.baseUrl.startsWith('https:')
      ? { transport: createHttpTransport({ agent: new https.Agent({ ca: [...rootCertificates, config.extraCaCertificates] }) }) }
      : {}),
  });
  const tokens = createCachedTokenStore({
    loadBackend: deps.loadBackend ?? loadKeytarBackend,
    service: KEYCHAIN_SERVICE,
    account: keychainAccount(config.customerName, config.mode === 'vendor' ? config.baseUrl : null),
    timeoutMs: config.keychainTimeoutMs,
    logger,
  });
  const session = createSessionService({ client, tokens, logger });
  const profile = createProfileService({ client, session, logger, country: config.defaultCountry });
  return { client, tokens, session, profile };
}
