import { loadConfig, type ConfigOverrides, type KioskConfig } from '../config';
import type { Logger } from '../log/logger';
import { createServices, type KioskServices } from '../services';
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
  /** Config plus services; refuses sandbox mode, where there is no service to reach. */
  services(): Promise<{ cfg: KioskConfig; svc: KioskServices }>;
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

  return {
    io,
    logger,
    config,
    async services() {
      const cfg = await config();
      if (cfg.mode === 'sandbox' || cfg.baseUrl === null) {
        throw new KioskError(
          'config',
          'No vendor service is configured (sandbox mode). Start "kioskctl sandbox" and pass --base-url with the URL it prints, or configure vendor mode.',
        );
      }
      const svc = createServices(cfg, { logger, baseUrl: cfg.baseUrl, ...(io.loadBackend ? { loadBackend: io.loadBackend } : {}) });
      return { cfg, svc };
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
        }
      },
  };
}
