import { loadConfig, type ConfigOverrides, type KioskConfig } from '../config';
import type { Logger } from '../log/logger';
import type { KioskServices } from '../core/services';
import { createKioskCore, type KioskCore } from '../core/kiosk-core';
import { auditFilePath } from '../audit/audit-log';
import { loadKeytarBackend } from '../secrets/keytar-backend';
import { KioskError, type KioskErrorCode } from '../../domain/kiosk-error';
import type { CliIo } from './cli-io';

/** What a command hands back to be printed; with `error`, the command failed. */
export interface Output {
  human: string;
  json: Record<string, unknown>;
  error?: { code: KioskErrorCode; message: string };
}

/** The global flags every command shares. */
export interface GlobalOptions {
  config?: string;
  baseUrl?: string;
  customer?: string;
  timeoutMs?: string;
  json?: boolean;
}

/** What command modules get: config and services built from the global flags, and printing. */
export interface CliContext {
  io: CliIo;
  logger: Logger;
  config(): Promise<KioskConfig>;
  /** The kiosk core for a config (the same wiring as the app's), without windows; closed after the command. */
  core(cfg: KioskConfig): Promise<KioskCore>;
  /** Config plus the core and its services; refuses sandbox mode, where there is no service to reach. */
  services(): Promise<{ cfg: KioskConfig; svc: KioskServices; core: KioskCore }>;
  print(output: Output): void;
  /** Wraps a command body: its Output is printed, anything thrown becomes a clean failure. */
  action<A extends unknown[]>(fn: (...args: A) => Promise<Output | null>): (...args: A) => Promise<void>;
}

/** Builds the context over the parsed global flags. */
export function createCliContext(
  io: CliIo,
  logger: Logger,
  globals: () => GlobalOptions,
  print: (o: Output) => void,
  fail: (err: unknown) => void,
): CliContext {
  async function config(): Promise<KioskConfig> {
    const g = globals();
    const overrides: ConfigOverrides = {};
    if (g.baseUrl !== undefined) overrides.baseUrl = g.baseUrl;
    if (g.customer !== undefined) overrides.customerName = g.customer;
    if (g.timeoutMs !== undefined) {
      if (!/^\d{1,9}$/.test(g.timeoutMs)) throw new KioskError('config', '--timeout-ms must be a whole number of milliseconds.');
      overrides.requestTimeoutMs = Number(g.timeoutMs);
    }
    const env = g.config !== undefined ? { ...io.env, KIOSK_CONFIG: g.config } : io.env;
    return loadConfig({ env, userDataDir: io.userDataDir, readFile: io.readFile, overrides });
  }

  const built: KioskCore[] = [];
  async function core(cfg: KioskConfig): Promise<KioskCore> {
    const c = await createKioskCore(cfg, {
      logger,
      loadKeychain: io.loadBackend ?? loadKeytarBackend,
      userDataDir: io.userDataDir,
      // kioskctl never starts the embedded service behind a command (only `kioskctl sandbox` does).
      sandbox: false,
      // The face-pending list is completed from the service by the kiosk's own sign-in; a
      // `kioskctl login` stays one call.
      facePendingFromService: false,
      onAuditFailure: () => io.stderr(`kioskctl: warning: the audit record could not be written to ${auditFilePath(io.userDataDir)}. Tell branch IT.\n`),
    });
    built.push(c);
    return c;
  }

  return {
    io,
    logger,
    config,
    core,
    async services() {
      const cfg = await config();
      const c = await core(cfg);
      if (c.backend.kind === 'sandbox') {
        throw new KioskError(
          'config',
          'No vendor service is configured (sandbox mode). Start "kioskctl sandbox" and pass --base-url with the URL it prints, or configure vendor mode.',
        );
      }
      return { cfg, svc: c.services, core: c };
    },
    print,
    action:
      (fn) =>
      async (...args) => {
        try {
          const out = await fn(...args);
          if (out) print(out);
        } catch (err) {
          fail(err);
        } finally {
          // Writes the audit trail's last line to disk and closes it.
          for (const c of built.splice(0)) await c.close().catch(() => undefined);
        }
      },
  };
}
