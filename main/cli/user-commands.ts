import { ID_CHECKS } from '../../domain/staff/staff-rules';
import type { Command } from 'commander';
import { countrySchema, existingUserNameSchema } from '../../domain/profile/profile-rules';
import { randomUUID } from 'node:crypto';
import type { ProfileChanges, ReconcileVerdict } from '../profile/profile-service';
import { KioskError } from '../../domain/kiosk-error';
import type { CliContext, Output } from './cli-context';

const RECONCILE_MESSAGES: Record<Exclude<ReconcileVerdict, 'applied'>, string> = {
  'applied-face-pending': 'The answer was lost. The details are saved, but the re-enrollment link was lost: run the update again with only --face.',
  'not-applied': 'The answer was lost, and the update was not applied. It is safe to run it again.',
  undetermined: 'The answer was lost, and the record now matches neither the old nor the new values. Check it with "user show" before doing anything else.',
};

interface UpdateFlags {
  newUserName?: string;
  fullName?: string;
  email?: string;
  phone?: string;
  country?: string;
  face?: boolean;
  idCheck?: string;
}

function checkExistingUserName(userName: string): void {
  const r = existingUserNameSchema.safeParse(userName);
  if (!r.success) throw new KioskError('invalid-input', r.error.issues[0]?.message ?? 'Invalid user name.');
}

/** `user show`, `user update` (with reconcile after a lost answer) and `user check-name`. */
export function registerUserCommands(program: Command, ctx: CliContext): void {
  const user = program.command('user').description('customer records');

  user
    .command('show <userName>')
    .description("print a customer's details")
    .action(
      ctx.action(async (userName: string) => {
        const { svc, core } = await ctx.services();
        const d = await svc.profile.lookup(userName);
        // A link outside enrollmentOrigins is untrusted text: said to be there, never printed.
        const enrollmentUrl = d.enrollmentUrl === '' || core.backend.enrollmentOrigin(d.enrollmentUrl) ? d.enrollmentUrl : '(outside enrollmentOrigins; not shown)';
        const fields = { userName: d.userName, fullName: d.fullName, emailId: d.emailId, phoneNumber: d.phoneNumber, countryCode: d.countryCode, enrollmentUrl };
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
    .option('--id-check <type>', `how the customer's identity was checked: ${ID_CHECKS.join(', ')}`)
    .action(ctx.action((userName: string, flags: UpdateFlags) => update(ctx, userName, flags)));

  user
    .command('check-name <userName>')
    .description('tell whether a new user name is still free')
    .action(
      ctx.action(async (userName: string) => {
        const { svc } = await ctx.services();
        const available = await svc.profile.isUserNameAvailable(userName);
        return { human: available ? `${userName} is available.` : `${userName} is taken.`, json: { userName, available } };
      }),
    );
}

async function update(ctx: CliContext, userName: string, o: UpdateFlags): Promise<Output> {
  const country = o.country === undefined ? undefined : countrySchema.safeParse(o.country.toUpperCase());
  if (country && !country.success) throw new KioskError('invalid-input', '--country must be two letters, e.g. IN.');
  const idCheck = o.idCheck === undefined ? undefined : ID_CHECKS.find((c) => c === o.idCheck);
  if (o.idCheck !== undefined && idCheck === undefined) throw new KioskError('invalid-input', `--id-check must be one of ${ID_CHECKS.join(', ')}.`);
  const changes: ProfileChanges = {};
  if (o.newUserName !== undefined) changes.userName = o.newUserName;
  if (o.fullName !== undefined) changes.fullName = o.fullName;
  if (o.email !== undefined) changes.emailId = o.email;
  if (o.phone !== undefined) changes.phoneNumber = o.phone;
  const face = o.face === true;
  if (Object.keys(changes).length === 0 && !face) {
    throw new KioskError('invalid-input', 'Nothing to change: give at least one of --new-user-name, --full-name, --email, --phone, --face.');
  }
  const { core } = await ctx.services();
  // A user name that cannot exist is a usage error, like a malformed IPC request.
  checkExistingUserName(userName);

  // The same workflow as the kiosk's: it checks the values before any network call, and
  // refusals, failures and lost answers are audited alike.
  const updateId = randomUUID();
  let applied;
  try {
    // Audited as the OS user who ran it.
    const who = { staffId: `cli:${ctx.io.osUser}`, ...(idCheck ? { idCheck } : {}) };
    applied = await core.updates.submit({ updateId, userName, changes, face, who, ...(country ? { country: country.data } : {}) });
  } catch (err) {
    if (!(err instanceof KioskError && err.code === 'outcome-unknown')) throw err;
    // The answer was lost: read the record to learn whether it was applied; never resend.
    const { subject, verdict, auditRecorded } = await core.updates.reconcile(updateId).catch(() => {
      throw err;
    });
    const summary = { userName: subject.userNameAfter, changed: subject.changedFields, face };
    if (verdict === 'applied') {
      return {
        human: `Updated ${subject.userNameAfter} (confirmed after the answer was lost).\n${changedText(subject.changedFields, face)}`,
        json: { ...summary, reEnrollmentUrl: null, reconciled: verdict, auditRecorded },
      };
    }
    return { human: '', json: { ...summary, reconciled: verdict, auditRecorded }, error: { code: 'outcome-unknown', message: RECONCILE_MESSAGES[verdict] } };
  }
  const { plan, reEnrollmentUrl, facePending, faceLinkRefused, auditRecorded } = applied;
  const lines = [`Updated ${plan.after.userName}.`, changedText(plan.changed, face)];
  if (reEnrollmentUrl) lines.push(`Re-enrollment URL: ${reEnrollmentUrl}`);
  if (faceLinkRefused) {
    // Untrusted text: the link itself is never printed.
    ctx.io.stderr('kioskctl: warning: the service sent a re-enrollment link outside the allowed origins (config key enrollmentOrigins); it was not printed. Tell branch IT.\n');
  } else if (facePending) {
    ctx.io.stderr('kioskctl: warning: no usable re-enrollment link came back; the face is still to be recorded.\n');
  }
  if (facePending) lines.push('Face: still to be recorded. Run the update again with only --face.');
  return {
    human: lines.join('\n'),
    json: { userName: plan.after.userName, changed: plan.changed, face, reEnrollmentUrl, facePending, faceLinkRefused, auditRecorded },
  };
}

function changedText(changed: readonly string[], face: boolean): string {
  return `Changed: ${changed.length ? changed.join(', ') : 'none'}${face ? ' + face' : ''}.`;
}
