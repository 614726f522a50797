import type { Command } from 'commander';
import { countrySchema, existingUserNameSchema } from '../../domain/profile/profile-rules';
import { createProfileService, validateChanges, type ProfileChanges, type ReconcileVerdict } from '../profile/profile-service';
import { KioskError } from '../../domain/kiosk-error';
import { auditFilePath, createAuditLog, type AuditOutcome } from '../audit/audit-log';
import type { UpdatePlan } from '../profile/profile-service';
import type { CliContext, Output } from './cli-context';

/** Appends the audit line of a CLI update; a failure is a warning on stderr, never silent. */
async function audited(ctx: CliContext, kioskId: string, plan: UpdatePlan, outcome: AuditOutcome): Promise<boolean> {
  const log = createAuditLog({ file: auditFilePath(ctx.io.userDataDir), kioskId });
  try {
    await log.append({ userNameBefore: plan.before.userName, userNameAfter: plan.after.userName, changedFields: [...plan.changed], face: plan.face, outcome });
    return true;
  } catch {
    ctx.io.stderr(`kioskctl: warning: the audit record could not be written to ${log.file}. Tell branch IT.\n`);
    return false;
  } finally {
    await log.close();
  }
}

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
        const { svc } = await ctx.services();
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
  const changes: ProfileChanges = {};
  if (o.newUserName !== undefined) changes.userName = o.newUserName;
  if (o.fullName !== undefined) changes.fullName = o.fullName;
  if (o.email !== undefined) changes.emailId = o.email;
  if (o.phone !== undefined) changes.phoneNumber = o.phone;
  const face = o.face === true;
  if (Object.keys(changes).length === 0 && !face) {
    throw new KioskError('invalid-input', 'Nothing to change: give at least one of --new-user-name, --full-name, --email, --phone, --face.');
  }
  const { cfg, svc } = await ctx.services();
  // Everything that can be checked offline fails here, before any network call.
  checkExistingUserName(userName);
  validateChanges(changes, country?.data ?? cfg.defaultCountry, userName);
  const profile = country ? createProfileService({ client: svc.client, session: svc.session, logger: ctx.logger, country: country.data }) : svc.profile;

  const plan = await profile.plan(userName, changes, face);
  const summary = { userName: plan.after.userName, changed: plan.changed, face };
  const changedText = `Changed: ${plan.changed.length ? plan.changed.join(', ') : 'none'}${face ? ' + face' : ''}.`;
  let reEnrollmentUrl: string | null;
  try {
    reEnrollmentUrl = (await profile.update(plan)).reEnrollmentUrl;
  } catch (err) {
    const lost = err instanceof KioskError && err.code === 'outcome-unknown';
    await audited(ctx, cfg.kioskId, plan, lost ? 'unknown' : err instanceof KioskError && err.code === 'rejected' ? 'rejected' : 'failed');
    if (!lost) throw err;
    // The answer was lost: read the record to learn whether it was applied; never resend.
    const verdict = await profile.reconcile(plan).catch(() => {
      throw err;
    });
    const reconciled: Record<ReconcileVerdict, AuditOutcome> = {
      applied: 'reconciled-applied',
      'applied-face-pending': 'reconciled-face-pending',
      'not-applied': 'reconciled-not-applied',
      undetermined: 'reconciled-undetermined',
    };
    const auditRecorded = await audited(ctx, cfg.kioskId, plan, reconciled[verdict]);
    if (verdict === 'applied') {
      return {
        human: `Updated ${plan.after.userName} (confirmed after the answer was lost).\n${changedText}`,
        json: { ...summary, reEnrollmentUrl: null, reconciled: verdict, auditRecorded },
      };
    }
    return { human: '', json: { ...summary, reconciled: verdict, auditRecorded }, error: { code: 'outcome-unknown', message: RECONCILE_MESSAGES[verdict] } };
  }
  const auditRecorded = await audited(ctx, cfg.kioskId, plan, 'applied');
  const lines = [`Updated ${plan.after.userName}.`, changedText];
  if (reEnrollmentUrl) lines.push(`Re-enrollment URL: ${reEnrollmentUrl}`);
  return { human: lines.join('\n'), json: { ...summary, reEnrollmentUrl, auditRecorded } };
}
