import type { z } from 'zod';
import { KioskError, type KioskErrorCode, type Result } from '../../domain/kiosk-error';
import type { Logger } from '../log/logger';
import { CONTRACT, type ParsedRequestOf, type ResponseOf } from '../../domain/ipc/contract';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../domain/ipc/channels';
import { compiled } from '../shared/compiled-schema';
import { checkPayload, DEFAULT_PAYLOAD_LIMITS, type PayloadLimits } from './payload-guard';

/** What main knows about who sent a request, taken from the IPC event by the Electron adapter. */
export interface SenderInfo {
  webContentsId: number;
  /** True when the sending frame is the top frame of its page. */
  isMainFrame: boolean;
  /** URL of the sending frame; empty when the frame is gone. */
  frameUrl: string;
}

/** Where handlers are registered: `ipcMain` through its adapter, or a fake in tests. */
export interface IpcRegistry {
  handle(channel: string, listener: (sender: SenderInfo, args: readonly unknown[]) => Promise<unknown>): void;
}

export type Handler<C extends InvokeChannel> = (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>;

/** One handler per channel of the contract; a missing one is a compile error. */
export type Handlers = { [C in InvokeChannel]: Handler<C> };

export interface RegisterOptions {
  isTrustedSender: (sender: SenderInfo) => boolean;
  logger: Logger;
  limits?: PayloadLimits;
}

const REFUSED = 'This request was refused.';
const INVALID = 'The request was not valid.';

function fail(code: KioskErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** A message about bad input that is safe to send back: it never echoes keys or values. */
function invalidInputMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue || issue.code === 'unrecognized_keys' || issue.code === 'invalid_type') return INVALID;
  const field = issue.path.map(String).join('.');
  return field ? `${field}: ${issue.message}` : INVALID;
}

/**
 * Wraps one handler: drops requests from anything but the kiosk window's main frame on the
 * app's origin, checks size and shape, validates strictly against the contract, calls the
 * handler and returns a `Result`. Never throws across IPC: unexpected errors become
 * `internal` with a fixed message and are logged (redacted) in main only.
 */
export function wrapHandler<C extends InvokeChannel>(
  channel: C,
  handler: Handler<C>,
  options: RegisterOptions,
): (sender: SenderInfo, args: readonly unknown[]) => Promise<Result<ResponseOf<C>>> {
  const { logger } = options;
  const schema: z.ZodType = CONTRACT[channel].request;
  const limits = options.limits ?? DEFAULT_PAYLOAD_LIMITS;
  // Compiled on the channel's first request (see compiled-schema.ts), then kept here.
  let check: z.ZodType | undefined;
  return async (sender, args) => {
    if (!options.isTrustedSender(sender)) {
      logger.warn('ipc request from an untrusted sender dropped', { channel, webContentsId: sender.webContentsId });
      return fail('invalid-input', REFUSED);
    }
    if (args.length !== 1) return fail('invalid-input', INVALID);
    const reason = checkPayload(args[0], limits);
    if (reason) {
      logger.warn('ipc request refused', { channel, reason });
      return fail('invalid-input', INVALID);
    }
    const parsed = (check ??= compiled(schema)).safeParse(args[0]);
    if (!parsed.success) return fail('invalid-input', invalidInputMessage(parsed.error));
    try {
      const value = await handler(parsed.data as ParsedRequestOf<C>);
      return { ok: true, value };
    } catch (err) {
      if (err instanceof KioskError) return fail(err.code, err.message);
      logger.error('ipc handler failed unexpectedly', {
        channel,
        error: err instanceof Error ? err.name : typeof err,
        detail: err instanceof Error ? err.message : undefined,
      });
      return fail('internal', 'Something went wrong inside the kiosk. Please try again.');
    }
  };
}

/** Registers every handler of the contract. Returns the channels registered, in contract order. */
export function registerHandlers(registry: IpcRegistry, handlers: Handlers, options: RegisterOptions): InvokeChannel[] {
  const channels = Object.keys(INVOKE_CHANNELS) as InvokeChannel[];
  for (const channel of channels) {
    registerOne(registry, channel, handlers[channel], options);
  }
  return channels;
}

function registerOne<C extends InvokeChannel>(
  registry: IpcRegistry,
  channel: C,
  handler: Handler<C>,
  options: RegisterOptions,
): void {
  registry.handle(channel, wrapHandler(channel, handler, options));
}
