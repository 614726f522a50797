import https from 'node:https';
import { rootCertificates } from 'node:tls';
import type { BackendKind } from '../../domain/backend-kinds';
import { KioskError } from '../../domain/kiosk-error';
import type { KioskConfig } from '../config';
import { createHttpTransport, type Transport } from '../deepfaceauth/http-transport';
import type { Logger } from '../log/logger';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../sandbox/sandbox-server';
import { parseSandboxSwitches } from '../sandbox/sandbox-state';
import { acceptEnrollmentUrl } from '../security/enrollment-policy';
import { keychainAccount } from '../secrets/token-store';

/** What every backend answers the same way; the rest of the kiosk asks these, never the mode. */
interface BackendCommon {
  readonly kind: BackendKind;
  /** Base URL the client appends `/api/v1/basic/...` to. */
  readonly baseUrl: string;
  /** The keychain account of this endpoint's token (one per customer name and host). */
  readonly keychainAccount: string;
  /** How requests reach the service (TLS with the bank's CA where the config names one). */
  readonly transport: Transport;
  /** The origins whose re-enrollment pages the kiosk opens (exact: scheme, host, port). */
  readonly enrollmentOrigins: readonly string[];
  /** The origin of a re-enrollment link the kiosk may open, or null: anything else is untrusted text. */
  enrollmentOrigin(url: string): string | null;
  /** Stops what the backend started (the embedded service); idempotent. */
  close(): Promise<void>;
}

/** The embedded DeepFaceAuth stand-in on 127.0.0.1. */
export interface SandboxBackend extends BackendCommon {
  readonly kind: 'sandbox';
  /** The running service; null when none was started (kioskctl, which reaches no sandbox). */
  readonly service: RunningSandbox | null;
}

/** The vendor's service, directly or through the bank's reverse proxy. */
export interface VendorBackend extends BackendCommon {
  readonly kind: 'vendor';
}

export type Backend = SandboxBackend | VendorBackend;

export interface BackendDeps {
  logger: Logger;
  /**
   * Sandbox mode: the embedded service's options (its test switches come from
   * KIOSK_SANDBOX_SWITCHES unless given), or `false` to start none.
   */
  sandbox: (SandboxOptions & { env?: Readonly<Record<string, string | undefined>> }) | false;
}

/**
 * The vendor's hosts whose re-enrollment pages open by default in vendor mode: the two portal
 * hosts in its documented examples and its service host (deepfaceauth-api.md), unless the
 * config's `enrollmentOrigins` names others.
 */
export const VENDOR_PORTAL_ORIGINS = ['https://signzy.app', 'https://signzy.xyz', 'https://deepfaceauth.signzy.app'] as const;

/** A base URL no service listens on (the discard port): a sandbox backend that was not started. */
const NOT_STARTED_URL = 'http://127.0.0.1:9/deepfaceauth';

/**
 * Resolves the config's backend once: starts the embedded sandbox in sandbox mode (unless
 * told not to), and returns what differs between backends. A `config` KioskError when the
 * config or the sandbox switches are wrong.
 */
export async function openBackend(config: KioskConfig, deps: BackendDeps): Promise<Backend> {
  if (config.mode === 'vendor') {
    if (!config.baseUrl) throw new KioskError('config', 'No vendor base URL is configured.');
    return vendorBackend(config, config.baseUrl);
  }
  let service: RunningSandbox | null = null;
  if (deps.sandbox !== false) {
    const { env, ...options } = deps.sandbox;
    let switches = options.switches;
    if (switches === undefined) {
      try {
        switches = parseSandboxSwitches(env?.['KIOSK_SANDBOX_SWITCHES']);
      } catch (err) {
        throw new KioskError('config', err instanceof Error ? err.message : 'Bad KIOSK_SANDBOX_SWITCHES.');
      }
    }
    // The embedded service reads the update key the config names, as the client sends it.
    service = await startSandbox({ customerName: config.customerName, updateParamsKey: config.updateParamsKey, ...options, switches });
    deps.logger.info('sandbox service started', { port: service.port });
  }
  let closed: Promise<void> | null = null;
  // Its own capture page (plain http on loopback), and nothing else.
  const origins = service ? [new URL(service.baseUrl).origin] : [];
  return {
    kind: 'sandbox',
    service,
    baseUrl: service?.baseUrl ?? NOT_STARTED_URL,
    keychainAccount: keychainAccount(config.customerName, null),
    transport: createHttpTransport(),
    enrollmentOrigins: origins,
    enrollmentOrigin: (url) => acceptEnrollmentUrl(url, origins),
    close: () => (closed ??= service ? service.close() : Promise.resolve()),
  };
}

function vendorBackend(config: KioskConfig, baseUrl: string): VendorBackend {
  const ca = config.extraCaCertificates;
  const origins = config.enrollmentOrigins ?? [...new Set([new URL(baseUrl).origin, ...VENDOR_PORTAL_ORIGINS])];
  return {
    kind: 'vendor',
    baseUrl,
    keychainAccount: keychainAccount(config.customerName, baseUrl),
    transport:
      ca && baseUrl.startsWith('https:')
        ? createHttpTransport({ agent: new https.Agent({ ca: [...rootCertificates, ca] }) })
        : createHttpTransport(),
    enrollmentOrigins: origins,
    enrollmentOrigin: (url) => acceptEnrollmentUrl(url, origins),
    close: async () => undefined,
  };
}
