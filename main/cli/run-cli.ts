import { Command, CommanderError } from 'commander';
import { createLogger, type LogLevel } from '../log/logger';
import { KioskError, toKioskError } from '../../domain/kiosk-error';
import { createCliContext, type GlobalOptions, type Output } from './cli-context';
import type { CliIo } from './cli-io';
import { EXIT, exitCodeFor } from './exit-codes';
import { registerAuditCommand } from './audit-command';
import { registerSandboxCommand } from './sandbox-command';
import { registerSessionCommands } from './session-commands';
import { registerUserCommands } from './user-commands';
import { registerStaffCommands } from './staff-commands';

const LOG_LEVELS = new Set(['debug', 'info', 'warn', 'error']);

/**
 * Runs kioskctl with the given arguments (without "node kioskctl") and returns the exit code.
 * Never throws; every failure is printed in plain words (or as one JSON object with --json).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  let exitCode: number = EXIT.ok;
  const level = io.env['KIOSK_LOG_LEVEL'];
  const logger = createLogger({
    sink: (line) => io.stderr(line + '\n'),
    level: level && LOG_LEVELS.has(level) ? (level as LogLevel) : 'error',
  });

  const print = (o: Output): void => {
    if (json) {
      const head = o.error ? { ok: false, error: o.error } : { ok: true };
      io.stdout(JSON.stringify({ ...head, ...o.json }) + '\n');
    } else {
      if (o.human) io.stdout(o.human.endsWith('\n') ? o.human : o.human + '\n');
      if (o.error) io.stderr(`kioskctl: ${o.error.message}\n`);
    }
    exitCode = o.error ? exitCodeFor(o.error.code) : EXIT.ok;
  };
  const fail = (err: unknown): void => {
    if (!(err instanceof KioskError)) logger.error('unexpected CLI failure', { error: err instanceof Error ? err.name : typeof err });
    const e = toKioskError(err);
    print({ human: '', json: {}, error: { code: e.code, message: e.message } });
  };

  const program = new Command('kioskctl')
    .description('Provisioning and diagnostics for the enrollment kiosk')
    .option('--config <file>', 'config file (default: $KIOSK_CONFIG or the app data folder)')
    .option('--base-url <url>', 'vendor base URL; selects vendor mode (https, or http on loopback)')
    .option('--customer <name>', 'customer (account) name given by the vendor')
    .option('--timeout-ms <n>', 'deadline for each API call in milliseconds')
    .option('--json', 'print one JSON object')
    .exitOverride()
    // With --json, commander's own error text would break the one-object output: it is
    // replaced by the JSON error printed below.
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => (json ? undefined : io.stderr(s)) });

  const ctx = createCliContext(io, logger, () => program.opts<GlobalOptions>(), print, fail);
  registerSessionCommands(program, ctx);
  registerUserCommands(program, ctx);
  registerSandboxCommand(program, ctx);
  registerAuditCommand(program, ctx);
  registerStaffCommands(program, ctx);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    if (!(err instanceof CommanderError)) {
      fail(err);
      return exitCode;
    }
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.ok;
    // 'commander.help' is the help shown because no command was given: a usage error.
    const message = err.code === 'commander.help' ? 'No command given; see kioskctl --help.' : err.message.replace(/^error: /, '');
    if (json) io.stdout(JSON.stringify({ ok: false, error: { code: 'invalid-input', message } }) + '\n');
    return EXIT.usage;
  }
  return exitCode;
}
