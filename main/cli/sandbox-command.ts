import { Option, type Command } from 'commander';
import { DEMO_CUSTOMER } from '../../domain/demo-account';
import { startSandbox } from '../sandbox/sandbox-server';
import { KioskError } from '../../domain/kiosk-error';
import type { CliContext } from './cli-context';

/** `sandbox`: the embedded DeepFaceAuth-compatible service in the foreground. */
export function registerSandboxCommand(program: Command, ctx: CliContext): void {
  program
    .command('sandbox')
    .description('run the embedded sandbox service in the foreground')
    .addOption(new Option('--port <n>', 'port on 127.0.0.1 (default: random)'))
    .addOption(new Option('--token-ttl-seconds <n>', 'make sandbox tokens expire'))
    .addOption(new Option('--never-finish', 'test switch: captures are accepted but never complete'))
    .addOption(new Option('--camera-busy', 'test switch: the capture page reports the camera as busy'))
    .action(
      ctx.action(async (o: { port?: string; tokenTtlSeconds?: string; neverFinish?: boolean; cameraBusy?: boolean }) => {
        const port = o.port === undefined ? 0 : Number(o.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new KioskError('invalid-input', '--port must be 0–65535.');
        const ttl = o.tokenTtlSeconds === undefined ? undefined : Number(o.tokenTtlSeconds);
        if (ttl !== undefined && (!Number.isInteger(ttl) || ttl < 1)) {
          throw new KioskError('invalid-input', '--token-ttl-seconds must be a positive whole number.');
        }
        const switches = { neverFinish: o.neverFinish === true, cameraBusy: o.cameraBusy === true };
        const sb = await startSandbox({ port, switches, ...(ttl !== undefined ? { tokenTtlMs: ttl * 1000 } : {}) }).catch((err: unknown) => {
          if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
            throw new KioskError('invalid-input', `Port ${port} on 127.0.0.1 is already in use; choose another --port.`);
          }
          throw new KioskError('internal', 'The sandbox service could not start.');
        });
        ctx.print({
          human: `SANDBOX DeepFaceAuth service listening.\nBase URL: ${sb.baseUrl}\nCustomer: ${DEMO_CUSTOMER.customerName}  Password: ${DEMO_CUSTOMER.password}\nPress Ctrl+C to stop.`,
          json: { baseUrl: sb.baseUrl, customerName: DEMO_CUSTOMER.customerName },
        });
        await (ctx.io.waitForStop ?? (() => new Promise<void>(() => undefined)))();
        await sb.close();
        return null;
      }),
    );
}
