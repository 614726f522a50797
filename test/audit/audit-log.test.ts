import { appendFile, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAuditLog, type AuditRecord } from '../../main/audit/audit-log';

const RECORD: AuditRecord = { userNameBefore: 'ravi.kumar', userNameAfter: 'ravi.k', changedFields: ['userName', 'emailId'], face: false, outcome: 'applied' };

async function dir(): Promise<string> {
  return mkdtemp(join(process.env['KIOSK_TEST_SCRATCH'] || tmpdir(), 'audit-test-'));
}

describe('audit log', () => {
  it('appends one JSON line per record, in a private file in a private folder', async () => {
    const d = join(await dir(), 'data');
    const log = createAuditLog({ file: join(d, 'audit.jsonl'), kioskId: 'branch-1', now: () => new Date('2026-11-27T10:00:00Z') });
    await log.append(RECORD);
    await log.append({ ...RECORD, outcome: 'rejected' });
    const lines = (await readFile(log.file, 'utf8')).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { time: '2026-11-27T10:00:00.000Z', kioskId: 'branch-1', ...RECORD },
      { time: '2026-11-27T10:00:00.000Z', kioskId: 'branch-1', ...RECORD, outcome: 'rejected' },
    ]);
    expect((await stat(log.file)).mode & 0o777).toBe(0o600);
    expect((await stat(d)).mode & 0o777).toBe(0o700);
  });

  it('keeps the order of concurrent appends and never interleaves lines', async () => {
    const log = createAuditLog({ file: join(await dir(), 'audit.jsonl'), kioskId: 'k' });
    await Promise.all(Array.from({ length: 50 }, (_, i) => log.append({ ...RECORD, userNameBefore: `user${i}` })));
    const lines = (await readFile(log.file, 'utf8')).trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { userNameBefore: string }).userNameBefore)).toEqual(Array.from({ length: 50 }, (_, i) => `user${i}`));
  });

  it('reports a failed write with a plain message, and keeps working after it', async () => {
    const d = await dir();
    // A folder where the file should be: the append cannot succeed.
    const blocked = createAuditLog({ file: d, kioskId: 'k' });
    await expect(blocked.append(RECORD)).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/audit record could not be written/) });
    await expect(blocked.append(RECORD)).rejects.toMatchObject({ code: 'internal' });
    const log = createAuditLog({ file: join(d, 'audit.jsonl'), kioskId: 'k' });
    await log.append(RECORD);
    expect((await log.tail(5)).entries).toHaveLength(1);
  });

  it('follows its path: after the file is moved away (rotated), lines go to a new file at the path', async () => {
    const log = createAuditLog({ file: join(await dir(), 'audit.jsonl'), kioskId: 'k' });
    await log.append({ ...RECORD, userNameBefore: 'old' });
    await rename(log.file, `${log.file}.1`);
    await log.append({ ...RECORD, userNameBefore: 'new' });
    expect((await log.tail(5)).entries.map((e) => e.userNameBefore)).toEqual(['new']);
    expect((await readFile(`${log.file}.1`, 'utf8')).trimEnd().split('\n')).toHaveLength(1);
  });

  it('keeps the file open: a deleted file is noticed and the line written to a new one', async () => {
    const log = createAuditLog({ file: join(await dir(), 'audit.jsonl'), kioskId: 'k' });
    await log.append({ ...RECORD, userNameBefore: 'first' });
    await rm(log.file);
    await log.append({ ...RECORD, userNameBefore: 'second' });
    await log.append({ ...RECORD, userNameBefore: 'third' });
    const lines = (await readFile(log.file, 'utf8')).trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { userNameBefore: string }).userNameBefore)).toEqual(['second', 'third']);
    expect((await stat(log.file)).mode & 0o777).toBe(0o600);
    // Closed (the kiosk quits), then used again: the next append opens the file again.
    await log.close();
    await log.append({ ...RECORD, userNameBefore: 'fourth' });
    expect((await log.tail(5)).entries.map((e) => e.userNameBefore)).toEqual(['second', 'third', 'fourth']);
  });

  it('tails the last entries and skips lines that are not entries', async () => {
    const log = createAuditLog({ file: join(await dir(), 'audit.jsonl'), kioskId: 'k' });
    for (let i = 0; i < 5; i++) await log.append({ ...RECORD, userNameBefore: `u${i}` });
    // Another writer (kioskctl, or a run that crashed) left a line unfinished while this log
    // holds the file open.
    await appendFile(log.file, 'not json\n{"time":"x","outcome":"applied","userNameBefore":"no-fields"}\n{"half":');
    await log.append({ ...RECORD, userNameBefore: 'last' });
    const { entries, skipped } = await log.tail(3);
    expect(entries.map((e) => e.userNameBefore)).toEqual(['u3', 'u4', 'last']);
    // The cut line stays on its own: the next entry was not glued onto it.
    expect(skipped).toBe(3);
    expect(await createAuditLog({ file: join(await dir(), 'none.jsonl'), kioskId: 'k' }).tail(5)).toEqual({ entries: [], skipped: 0 });
  });
});
