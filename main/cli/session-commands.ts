import type { Command } from 'commander';
import { KioskError } from '../../domain/kiosk-error';
import type { CliContext } from './cli-context';
import { runDoctor } from './doctor';

/** login, logout, doctor and enrollment status. */
export function registerSessionCommands(program: Command, ctx: CliContext): void {
  program
    .command('login')
    .description('sign in; the token goes to the OS keychain; prints no secret')
    .requiredOption('--password-stdin', 'read the password from standard input')
    .action(
      ctx.action(async () => {
        if (ctx.io.stdinIsTTY) {
          throw new KioskError('invalid-input', 'Pipe the password in, e.g.: printf %s "$PASSWORD" | kioskctl login --password-stdin');
        }
        const { svc } = await ctx.services();
        const password = (await ctx.io.readStdin()).replace(/\r?\n$/, '');
        if (password.length === 0) throw new KioskError('invalid-input', 'No password was given on standard input.');
        await svc.session.signIn(password);
        return { human: 'Signed in. The access token is stored in the OS keychain.', json: { signedIn: true } };
      }),
    );

  program
    .command('logout')
    .description('revoke the token at the vendor and delete it locally')
    .action(
      ctx.action(async () => {
        const { svc } = await ctx.services();
        const { revoked } = await svc.session.signOut();
        return {
          human: revoked
            ? 'Signed out. The token was revoked and deleted.'
            : 'Signed out. The token was deleted locally (the vendor did not confirm the logout).',
          json: { signedOut: true, revoked },
        };
      }),
    );

  program
    .command('doctor')
    .description('check config, keychain, API reachability and token')
    .action(
      ctx.action(async () => {
        const cfg = await ctx.config();
        return runDoctor(await ctx.core(cfg));
      }),
    );

  program
    .command('enrollment')
    .description('face enrollments')
    .command('status <url>')
    .description('status of an enrollment or re-enrollment URL')
    .action(
      ctx.action(async (url: string) => {
        if (!/^https?:\/\/\S{1,2040}$/.test(url)) throw new KioskError('invalid-input', 'Give the enrollment URL (http or https).');
        const { svc } = await ctx.services();
        const s = await svc.session.withToken((t) => svc.client.enrollmentStatus(t, url));
        return { human: `Enrollment status: ${s.enrollmentStatus}`, json: { enrollmentStatus: s.enrollmentStatus, userName: s.userName } };
      }),
    );
}
