import type { Command } from 'commander';
import { KioskError } from '../../domain/kiosk-error';
import { pinProblem, STAFF_ROLES, staffIdSchema, staffNameSchema, type StaffRole } from '../../domain/staff/staff-rules';
import type { StaffAuditOutcome } from '../../domain/outcomes';
import { changeStaffFile, readStaffFile, staffFilePath } from '../staff/local-directory';
import { hashPin } from '../staff/pin-hash';
import type { CliContext, Output } from './cli-context';
import type { KioskConfig } from '../config';

/** A staff id from the command line, checked like the kiosk checks it. */
function staffIdOf(raw: string): string {
  const r = staffIdSchema.safeParse(raw);
  if (!r.success) throw new KioskError('invalid-input', r.error.issues[0]?.message ?? 'Invalid staff id.');
  return r.data;
}

/** The config, when staff come from the local list; the bank's directory is managed there, not here. */
function localOnly(cfg: KioskConfig): KioskConfig {
  if (cfg.staffDirectory.kind !== 'local') {
    throw new KioskError('config', "Staff come from the bank's directory (staffDirectory \"ldap\"): manage them and their lockouts there. kioskctl manages only the local staff list (staff check works with both).");
  }
  return cfg;
}

/** Reads a PIN from standard input (never an argument: it would be in the shell history and `ps`). */
async function pinFromStdin(ctx: CliContext, isNew: boolean): Promise<string> {
  if (ctx.io.stdinIsTTY) throw new KioskError('invalid-input', 'Pipe the PIN in, e.g.: printf %s "$PIN" | kioskctl staff … --pin-stdin');
  const pin = (await ctx.io.readStdin()).replace(/\r?\n$/, '');
  if (pin.length === 0) throw new KioskError('invalid-input', 'No PIN was given on standard input.');
  if (isNew) {
    const problem = pinProblem(pin);
    if (problem) throw new KioskError('invalid-input', problem);
  }
  return pin;
}

/**
 * `staff add|list|remove|reset-pin|unlock|check`: IT manages the local staff list (staff.json in
 * the machine-wide folder; writing it needs an admin) and lifts lockouts. PINs come on standard
 * input only and are stored as scrypt hashes; nothing prints a PIN or a hash. Every change is a
 * staff line of the audit trail, by `cli:<OS user>`.
 */
export function registerStaffCommands(program: Command, ctx: CliContext): void {
  const staff = program.command('staff').description('the local staff list: who may unlock this kiosk');
  const by = (): string => `cli:${ctx.io.osUser}`;
  /** The staff list's path and a core whose audit trail records IT's change. */
  async function setup(): Promise<{ file: string; audit(staffId: string, outcome: StaffAuditOutcome): Promise<void> }> {
    const cfg = localOnly(await ctx.config());
    const core = await ctx.core(cfg);
    return {
      file: staffFilePath(cfg.systemDir),
      audit: async (staffId, outcome) => {
        await core.auditLog.append({ kind: 'staff', staffId, outcome, by: by() }).catch(() => {
          ctx.io.stderr('kioskctl: warning: the audit record could not be written. Tell branch IT.\n');
        });
      },
    };
  }

  staff
    .command('add <staffId>')
    .description('add a staff member (the PIN on standard input: 6-12 digits)')
    .requiredOption('--name <name>', "the staff member's name, as the kiosk shows it")
    .requiredOption('--role <role>', `${STAFF_ROLES.join(' or ')}`)
    .requiredOption('--pin-stdin', 'read the PIN from standard input')
    .action(
      ctx.action(async (rawId: string, o: { name: string; role: string }): Promise<Output> => {
        const staffId = staffIdOf(rawId);
        const name = staffNameSchema.safeParse(o.name);
        if (!name.success) throw new KioskError('invalid-input', name.error.issues[0]?.message ?? 'Invalid name.');
        const role = STAFF_ROLES.find((r) => r === o.role);
        if (!role) throw new KioskError('invalid-input', `--role must be ${STAFF_ROLES.join(' or ')}.`);
        const pin = await hashPin(await pinFromStdin(ctx, true));
        const { file, audit } = await setup();
        await changeStaffFile(file, (list) => {
          if (list.some((s) => s.staffId === staffId)) throw new KioskError('invalid-input', `${staffId} is already on the staff list.`);
          list.push({ staffId, name: name.data, role: role as StaffRole, pin });
        });
        await audit(staffId, 'staff-added');
        return { human: `Added ${staffId} (${role}).`, json: { staffId, name: name.data, role } };
      }),
    );

  staff
    .command('list')
    .description('the staff list (never a PIN or its hash)')
    .action(
      ctx.action(async (): Promise<Output> => {
        const cfg = localOnly(await ctx.config());
        const core = await ctx.core(cfg);
        const list = (await readStaffFile(staffFilePath(cfg.systemDir))) ?? [];
        const rows = await Promise.all(list.map(async (s) => ({ staffId: s.staffId, name: s.name, role: s.role, locked: (await core.staff.lockedUntil(s.staffId)) !== null })));
        const human = rows.length === 0 ? 'No staff on the list.' : rows.map((r) => `${r.staffId}  ${r.role}  ${r.name}${r.locked ? '  (locked out)' : ''}`).join('\n');
        return { human, json: { staff: rows } };
      }),
    );

  staff
    .command('remove <staffId>')
    .description('remove a staff member: they cannot unlock the kiosk any more')
    .action(
      ctx.action(async (rawId: string): Promise<Output> => {
        const staffId = staffIdOf(rawId);
        const { file, audit } = await setup();
        await changeStaffFile(file, (list) => {
          const i = list.findIndex((s) => s.staffId === staffId);
          if (i < 0) throw new KioskError('invalid-input', `${staffId} is not on the staff list.`);
          list.splice(i, 1);
        });
        await audit(staffId, 'staff-removed');
        return { human: `Removed ${staffId}.`, json: { staffId, removed: true } };
      }),
    );

  staff
    .command('reset-pin <staffId>')
    .description("set a staff member's new PIN (on standard input)")
    .requiredOption('--pin-stdin', 'read the PIN from standard input')
    .action(
      ctx.action(async (rawId: string): Promise<Output> => {
        const staffId = staffIdOf(rawId);
        const pin = await hashPin(await pinFromStdin(ctx, true));
        const { file, audit } = await setup();
        await changeStaffFile(file, (list) => {
          const entry = list.find((s) => s.staffId === staffId);
          if (!entry) throw new KioskError('invalid-input', `${staffId} is not on the staff list.`);
          entry.pin = pin;
        });
        await audit(staffId, 'pin-reset');
        return { human: `New PIN set for ${staffId}.`, json: { staffId, pinReset: true } };
      }),
    );

  staff
    .command('unlock <staffId>')
    .description('lift the lock after too many wrong PINs')
    .action(
      ctx.action(async (rawId: string): Promise<Output> => {
        const staffId = staffIdOf(rawId);
        const cfg = localOnly(await ctx.config());
        const core = await ctx.core(cfg);
        await core.staff.clearLockout(staffId);
        await core.auditLog.append({ kind: 'staff', staffId, outcome: 'lockout-cleared', by: by() }).catch(() => undefined);
        return { human: `${staffId} may try again.`, json: { staffId, unlocked: true } };
      }),
    );

  staff
    .command('check <staffId>')
    .description("check a staff member's PIN (on standard input): exit 0 right, 3 wrong or locked out")
    .requiredOption('--pin-stdin', 'read the PIN from standard input')
    .action(
      ctx.action(async (rawId: string): Promise<Output> => {
        const staffId = staffIdOf(rawId);
        const pin = await pinFromStdin(ctx, false);
        const cfg = await ctx.config();
        const core = await ctx.core(cfg);
        // The same check (and the same lockout count) as the kiosk's unlock.
        const r = await core.staff.verify(staffId, pin);
        if (r.outcome === 'unlocked') {
          await core.auditLog.append({ kind: 'staff', staffId, outcome: 'pin-checked', by: by() }).catch(() => undefined);
          return { human: `The PIN of ${staffId} is right (${r.staff.role}).`, json: { staffId, right: true, role: r.staff.role } };
        }
        const message = r.outcome === 'locked-out' ? `${staffId} is locked out after too many wrong PINs (until ${new Date(r.until).toISOString()}).` : 'Wrong staff id or PIN.';
        return { human: '', json: { staffId, right: false, lockedOut: r.outcome === 'locked-out' }, error: { code: 'unauthorized', message } };
      }),
    );
}
