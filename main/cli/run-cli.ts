import { Command, CommanderError, Option } from 'commander';
import { loadConfig, type ConfigOverrides, type KioskConfig } from '../config';
import { createLogger, type LogLevel } from '../log/logger';
import { KioskError, toKioskError, type KioskErrorCode } from '../shared/kiosk-error';
import { createServices, type KioskServices } from '../services';
import { countrySchema, existingUserNameSchema } from '../profile/profile-rules';
import { createProfileService, validateChanges, type ProfileChanges, type ReconcileVerdict } from '../profile/profile-service';
import { startSandbox } from '../sandbox/sandbox-server';
import { DEMO_CUSTOMER } from '../sandbox/demo-data';
import { EXIT, exitCodeFor } from './exit-codes';
import type { CliIo } from './cli-io';
import { runDoctor } from './doctor';

interface GlobalOptions {
  config?: string;
  baseUrl?: string;
  customer?: string;
  timeoutMs?: string;
  json?: boolean;
}

/** What a command hands back to be printed; with `error`, the command failed. */
interface Output {
  human: string;
  json: Record<string, unknown>;
  error?: { code: KioskErrorCode; message: string };
}

function existingUserName(userName: string): void {
  const r = existingUserNameSchema.safeParse(userName);
  if (!r.success) throw new KioskError('invalid-input', r.error.issues[0]?.message ?? 'Invalid user name.');
}

const RECONCILE_MESSAGES: Record<Exclude<ReconcileVerdict, 'applied'>, string> = {
  'applied-face-pending': 'The answer was lost. The details are saved, but the re-enrollment link was lost: run the update again with only --face.',
  'not-applied': 'The answer was lost, and the update was not applied. It is safe to run it again.',
  undetermined: 'The answer was lost, and the record now matches neither the old nor the new values. Check it with "user show" before doing anything else.',
};

const LOG_LEVELS = new Set(['debug', 'info', 'warn', 'error']);

/**
 * Runs kioskctl with the given arguments (without "node kioskctl") and returns the exit code.
 * Never throws; every failure is printed in plain words (or as JSON with --json).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  let exitCode: number = EXIT.ok;
  const level = io.env['KIOSK_LOG_LEVEL'];
  const logger = createLogger({
    sink: (line) => io.stderr(line + '\n'),
    level: level && LOG_LEVELS.has(level) ? (level as LogLevel) : 'error',
  });
  // With --json, commander's own messages must not break the one-object output.
  const quietUsage = { text: '' };

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
    const e = toKioskError(err);
    if (!(err instanceof KioskError)) logger.error('unexpected CLI failure', { error: err instanceof Error ? err.name : typeof err });
    if (json) io.stdout(JSON.stringify({ ok: false, error: { code: e.code, message: e.message } }) + '\n');
    else io.stderr(`kioskctl: ${e.message}\n`);
    exitCode = exitCodeFor(e.code);
  };

  const program = new Command('kioskctl')
    .description('Provisioning and diagnostics for the enrollment kiosk')
    .option('--config <file>', 'config file (default: $KIOSK_CONFIG or the app data folder)')
    .option('--base-url <url>', 'vendor base URL; selects vendor mode (https, or http on loopback)')
    .option('--customer <name>', 'customer (account) name given by the vendor')
    .option('--timeout-ms <n>', 'deadline for each API call in milliseconds')
    .option('--json', 'print one JSON object')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => (json ? (quietUsage.text += s) : io.stderr(s)),
    })
    .showHelpAfterError(false);

  const globals = (): GlobalOptions => program.opts<GlobalOptions>();

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

  async function services(): Promise<{ cfg: KioskConfig; svc: KioskServices }> {
    const cfg = await config();
    if (cfg.mode === 'sandbox' || cfg.baseUrl === null) {
      throw new KioskError(
        'config',
        'No vendor service is configured (sandbox mode). Start "kioskctl sandbox" and pass --base-url with the URL it prints, or configure vendor mode.',
      );
    }
    return { cfg, svc: createServices(cfg, { logger, baseUrl: cfg.baseUrl, ...(io.loadBackend ? { loadBackend: io.loadBackend } : {}) }) };
  }

  const action =
    <A extends unknown[]>(fn: (...args: A) => Promise<Output>) =>
    async (...args: A): Promise<void> => {
      try {
        print(await fn(...args));
      } catch (err) {
        fail(err);
      }
    };

  program
    .command('login')
    .description('sign in; the token goes to the OS keychain; prints no secret')
    .requiredOption('--password-stdin', 'read the password from standard input')
    .action(
      action(async () => {
        if (io.stdinIsTTY) {
          throw new KioskError('invalid-input', 'Pipe the password in, e.g.: printf %s "$PASSWORD" | kioskctl login --password-stdin');
        }
        const { svc } = await services();
        const password = (await io.readStdin()).replace(/\r?\n$/, '');
        if (password.length === 0) throw new KioskError('invalid-input', 'No password was given on standard input.');
        await svc.session.signIn(password);
        return { human: 'Signed in. The access token is stored in the OS keychain.', json: { signedIn: true } };
      }),
    );

  program
    .command('logout')
    .description('revoke the token at the vendor and delete it locally')
    .action(
      action(async () => {
        const { svc } = await services();
        const { revoked } = await svc.session.signOut();
        return {
          human: revoked ? 'Signed out. The token was revoked and deleted.' : 'Signed out. The token was deleted locally (the vendor did not confirm the logout).',
          json: { signedOut: true, revoked },
        };
      }),
    );

  program
    .command('doctor')
    .description('check config, keychain, API reachability and token')
    .action(
      action(async () => {
        const cfg = await config();
        return runDoctor(cfg, { logger, ...(io.loadBackend ? { loadBackend: io.loadBackend } : {}) });
      }),
    );

  const user = program.command('user').description('customer records');
  user
    .command('show <userName>')
    .description("print a customer's details")
    .action(
      action(async (userName: string) => {
        const { svc } = await services();
        const d = await svc.profile.lookup(userName);
        const fields = { userName: d.userName, fullName: d.fullName, emailId: d.emailId, phoneNumber: d.phoneNumber, countryCode: d.countryCode, enrollmentUrl: d.enrollmentUrl };
        const human = Object.entries(fields).map(([k, v]) => `${k.padEnd(14)} ${v}`).join('\n');
        return { human, json: { user: fields } };
      }),
    );

  user
    .command('update <userName>')
    .description("change a customer's details; --face asks for a new face recording")
    .option('--new-user-name <name>')
    .option('--full-name <name>')
    .option('--email <email>')
    .option('--phone <phone>')
    .option('--country <cc>', 'country of the phone number (default from config, IN)')
    .option('--face', 'also re-record the face; prints the reEnrollmentUrl')
    .action(
      action(async (userName: string, o: { newUserName?: string; fullName?: string; email?: string; phone?: string; country?: string; face?: boolean }) => {
        const cfgCountry = o.country === undefined ? undefined : countrySchema.safeParse(o.country.toUpperCase());
        if (cfgCountry && !cfgCountry.success) throw new KioskError('invalid-input', '--country must be two letters, e.g. IN.');
        const changes: ProfileChanges = {};
        if (o.newUserName !== undefined) changes.userName = o.newUserName;
        if (o.fullName !== undefined) changes.fullName = o.fullName;
        if (o.email !== undefined) changes.emailId = o.email;
        if (o.phone !== undefined) changes.phoneNumber = o.phone;
        const face = o.face === true;
        if (Object.keys(changes).length === 0 && !face) {
          throw new KioskError('invalid-input', 'Nothing to change: give at least one of --new-user-name, --full-name, --email, --phone, --face.');
        }
        const { cfg, svc } = await services();
        const profile = cfgCountry
          ? createProfileService({ client: svc.client, session: svc.session, logger, country: cfgCountry.data })
          : svc.profile;
        // Everything that can be checked offline fails here, before any network call.
        existingUserName(userName);
        validateChanges(changes, cfgCountry?.data ?? cfg.defaultCountry, userName);
        const plan = await profile.plan(userName, changes, face);
        const summary = { userName: plan.after.userName, changed: plan.changed, face };
        const changedText = `Changed: ${plan.changed.length ? plan.changed.join(', ') : 'none'}${face ? ' + face' : ''}.`;
        let reEnrollmentUrl: string | null;
        try {
          reEnrollmentUrl = (await profile.update(plan)).reEnrollmentUrl;
        } catch (err) {
          if (!(err instanceof KioskError) || err.code !== 'outcome-unknown') throw err;
          // The answer was lost: read the record to learn whether it was applied; never resend.
          const verdict = await profile.reconcile(plan).catch(() => {
            throw err;
          });
          if (verdict === 'applied') {
            return { human: `Updated ${plan.after.userName} (confirmed after the answer was lost).\n${changedText}`, json: { ...summary, reEnrollmentUrl: null, reconciled: verdict } };
          }
          return { human: '', json: { ...summary, reconciled: verdict }, error: { code: 'outcome-unknown', message: RECONCILE_MESSAGES[verdict] } };
        }
        const lines = [`Updated ${plan.after.userName}.`, changedText];
        if (reEnrollmentUrl) lines.push(`Re-enrollment URL: ${reEnrollmentUrl}`);
        return { human: lines.join('\n'), json: { ...summary, reEnrollmentUrl } };
      }),
    );

  user
    .command('check-name <userName>')
    .description('tell whether a new user name is still free')
    .action(
      action(async (userName: string) => {
        const { svc } = await services();
        const available = await svc.profile.isUserNameAvailable(userName);
        return { human: available ? `${userName} is available.` : `${userName} is taken.`, json: { userName, available } };
      }),
    );

  program
    .command('enrollment')
    .description('face enrollments')
    .command('status <url>')
    .description('status of an enrollment or re-enrollment URL')
    .action(
      action(async (url: string) => {
        if (!/^https?:\/\/\S{1,2040}$/.test(url)) throw new KioskError('invalid-input', 'Give the enrollment URL (http or https).');
        const { svc } = await services();
        const s = await svc.session.withToken((t) => svc.client.enrollmentStatus(t, url));
        return { human: `Enrollment status: ${s.enrollmentStatus}`, json: { enrollmentStatus: s.enrollmentStatus, userName: s.userName } };
      }),
    );

  program
    .command('sandbox')
    .description('run the embedded sandbox service in the foreground')
    .addOption(new Option('--port <n>', 'port on 127.0.0.1 (default: random)'))
    .addOption(new Option('--token-ttl-seconds <n>', 'make sandbox tokens expire'))
    .action(async (o: { port?: string; tokenTtlSeconds?: string }) => {
      try {
        const port = o.port === undefined ? 0 : Number(o.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new KioskError('invalid-input', '--port must be 0–65535.');
        const ttl = o.tokenTtlSeconds === undefined ? undefined : Number(o.tokenTtlSeconds);
        if (ttl !== undefined && (!Number.isInteger(ttl) || ttl < 1)) throw new KioskError('invalid-input', '--token-ttl-seconds must be a positive whole number.');
        const sb = await startSandbox({ port, ...(ttl !== undefined ? { tokenTtlMs: ttl * 1000 } : {}) }).catch((err: unknown) => {
          const busy = (err as NodeJS.ErrnoException).code === 'EADDRINUSE';
          throw new KioskError(busy ? 'invalid-input' : 'internal', busy ? `Port ${port} on 127.0.0.1 is already in use; choose another --port.` : 'The sandbox service could not start.');
        });
        print({
          human: `SANDBOX DeepFaceAuth service listening.\nBase URL: ${sb.baseUrl}\nCustomer: ${DEMO_CUSTOMER.customerName}  Password: ${DEMO_CUSTOMER.password}\nPress Ctrl+C to stop.`,
          json: { baseUrl: sb.baseUrl, customerName: DEMO_CUSTOMER.customerName },
        });
        await (io.waitForStop ?? (() => new Promise<void>(() => undefined)))();
        await sb.close();
      } catch (err) {
        fail(err);
      }
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.ok;
      // 'commander.help' is the help shown because no command was given: a usage error.
      const message = err.code === 'commander.help' ? 'No command given; see kioskctl --help.' : err.message.replace(/^error: /, '');
      if (json) io.stdout(JSON.stringify({ ok: false, error: { code: 'invalid-input', message } }) + '\n');
      return EXIT.usage;
    }
    fail(err);
  }
  return exitCode;
}
