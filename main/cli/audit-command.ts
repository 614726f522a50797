import type { Command } from 'commander';
import { auditFilePath, createAuditLog, verifyAuditTrail, type ShownAuditEntry } from '../audit/audit-log';
import { KioskError } from '../../domain/kiosk-error';
import type { CliContext } from './cli-context';

function line(e: ShownAuditEntry): string {
  if ('kind' in e) return [e.time, e.kioskId, 'staff', e.staffId, e.outcome, ...(e.requestedBy ? [`for ${e.requestedBy}`] : []), ...(e.by ? [`by ${e.by}`] : [])].join('  ');
  const who = e.userNameBefore === e.userNameAfter ? e.userNameBefore : `${e.userNameBefore} -> ${e.userNameAfter}`;
  const fields = e.changedFields.length > 0 ? e.changedFields.join(',') : '-';
  const by = [`by ${e.staffId ?? '?'}`, ...(e.approvedBy ? [`approved by ${e.approvedBy}`] : []), ...(e.idCheck ? [`id: ${e.idCheck}`] : [])];
  return [e.time, e.kioskId, who, fields, e.face ? 'face' : 'no-face', e.outcome, ...by].join('  ');
}

/** `audit tail [-n N]`: the last lines of this kiosk's audit trail; `audit verify`: its hash chain. */
export function registerAuditCommand(program: Command, ctx: CliContext): void {
  const audit = program.command('audit').description("this kiosk's audit trail of update attempts");
  audit
    .command('tail')
    .description('print the last entries (oldest first)')
    .option('-n, --lines <n>', 'how many entries, 1-1000', '20')
    .action(
      ctx.action(async (o: { lines: string }) => {
        if (!/^\d{1,4}$/.test(o.lines) || Number(o.lines) < 1 || Number(o.lines) > 1000) {
          throw new KioskError('invalid-input', '-n must be a whole number from 1 to 1000.');
        }
        // Reading needs no config: a broken config must not keep IT from the trail.
        const log = createAuditLog({ file: auditFilePath(ctx.io.userDataDir), kioskId: '' });
        const { entries, skipped } = await log.tail(Number(o.lines));
        const human = [
          ...(entries.length === 0 ? [`No audit entries yet (${log.file}).`] : entries.map(line)),
          ...(skipped > 0 ? [`(${skipped} line(s) that are not audit entries were skipped)`] : []),
        ].join('\n');
        return { human, json: { file: log.file, entries, skipped } };
      }),
    );
  audit
    .command('verify')
    .description('check that no line of the audit trail was changed, removed or inserted (exit 1 names the first bad line)')
    .option('--file <path>', 'the trail to check (default: this kiosk\'s; a rotated file works too)')
    .action(
      ctx.action(async (o: { file?: string }) => {
        const file = o.file ?? auditFilePath(ctx.io.userDataDir);
        const v = await verifyAuditTrail(file).catch(() => {
          throw new KioskError('invalid-input', `The audit trail ${file} cannot be read.`);
        });
        if (!v.intact) {
          const message = `The audit trail ${file} is broken at line ${v.badLine}: it ${v.reason}.`;
          return { human: '', json: { file, intact: false, badLine: v.badLine, reason: v.reason }, error: { code: 'internal', message } };
        }
        const from =
          v.start === 'continued'
            ? '. Its first line follows a line that is not in this file (a rotated file, or lines removed from its start): check it together with the file before it'
            : '';
        const legacy = v.unchained > 0 ? ` (the first ${v.unchained} written before the chain existed)` : '';
        const cut = v.cutShort.length > 0 ? `. Cut short by an interrupted write: line(s) ${v.cutShort.join(', ')}` : '';
        return {
          human: `The audit trail ${file} is intact: ${v.lines} line(s)${legacy}${from}${cut}.`,
          json: { file, intact: true, lines: v.lines, start: v.start, unchained: v.unchained, cutShort: v.cutShort },
        };
      }),
    );
}
