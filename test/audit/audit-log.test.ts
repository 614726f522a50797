import { appendFile, mkdir, mkdtemp, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAuditLog, GENESIS, lineHash, verifyAuditTrail, type AuditRecord, type ShownAuditEntry } from '../../main/audit/audit-log';

const RECORD: AuditRecord & { userNameBefore: string } = { userNameBefore: 'ravi.kumar', userNameAfter: 'ravi.k', changedFields: ['userName', 'emailId'], face: false, outcome: 'applied' };

/** The customer of a change line (staff lines have none). */
const userNameBefore = (e: ShownAuditEntry): string | undefined => ('userNameBefore' in e ? e.userNameBefore : undefined);

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
    // Each line carries the hash of the one before it (the first: GENESIS).
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { time: '2026-11-27T10:00:00.000Z', kioskId: 'branch-1', ...RECORD, prev: GENESIS },
      { time: '2026-11-27T10:00:00.000Z', kioskId: 'branch-1', ...RECORD, outcome: 'rejected', prev: lineHash(lines[0]!) },
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

  it('two writers of one file (the kiosk and kioskctl) never chain to the same line', async () => {
    const file = join(await dir(), 'audit.jsonl');
    const kiosk = createAuditLog({ file, kioskId: 'k' });
    const kioskctl = createAuditLog({ file, kioskId: 'k' });
    await Promise.all(Array.from({ length: 30 }, (_, i) => [kiosk.append({ ...RECORD, userNameBefore: `a${i}` }), kioskctl.append({ ...RECORD, userNameBefore: `b${i}` })]).flat());
    expect((await readFile(file, 'utf8')).trimEnd().split('\n')).toHaveLength(60);
    expect(await verifyAuditTrail(file)).toMatchObject({ intact: true, lines: 60 });
  });

  it('waits for a writer that holds the lock, and takes over a lock its writer left behind', async () => {
    const file = join(await dir(), 'audit.jsonl');
    const log = createAuditLog({ file, kioskId: 'k' });
    // Held by another writer right now: the append waits until it is let go.
    await mkdir(`${file}.lock`);
    let done = false;
    const pending = log.append(RECORD).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 150));
    expect(done).toBe(false);
    await rm(`${file}.lock`, { recursive: true });
    await pending;
    expect(done).toBe(true);
    // Left by a writer that died 20 s ago: taken over.
    await mkdir(`${file}.lock`);
    const old = new Date(Date.now() - 20_000);
    await utimes(`${file}.lock`, old, old);
    await log.append(RECORD);
    expect(await verifyAuditTrail(file)).toMatchObject({ intact: true, lines: 2 });
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
    expect((await log.tail(5)).entries.map(userNameBefore)).toEqual(['new']);
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
    expect((await log.tail(5)).entries.map(userNameBefore)).toEqual(['second', 'third', 'fourth']);
  });

  it('tails the last entries and skips lines that are not entries', async () => {
    const log = createAuditLog({ file: join(await dir(), 'audit.jsonl'), kioskId: 'k' });
    for (let i = 0; i < 5; i++) await log.append({ ...RECORD, userNameBefore: `u${i}` });
    // Another writer (kioskctl, or a run that crashed) left a line unfinished while this log
    // holds the file open.
    await appendFile(log.file, 'not json\n{"time":"x","outcome":"applied","userNameBefore":"no-fields"}\n{"half":');
    await log.append({ ...RECORD, userNameBefore: 'last' });
    const { entries, skipped } = await log.tail(3);
    expect(entries.map(userNameBefore)).toEqual(['u3', 'u4', 'last']);
    // The cut line stays on its own: the next entry was not glued onto it.
    expect(skipped).toBe(3);
    expect(await createAuditLog({ file: join(await dir(), 'none.jsonl'), kioskId: 'k' }).tail(5)).toEqual({ entries: [], skipped: 0 });
  });

  it('verifies its hash chain, and names the first line after a change, a removal or an insertion', async () => {
    const log = createAuditLog({ file: join(await dir(), 'audit.jsonl'), kioskId: 'k' });
    for (let i = 0; i < 5; i++) await log.append({ ...RECORD, userNameBefore: `u${i}` });
    await log.close();
    expect(await verifyAuditTrail(log.file)).toEqual({ intact: true, lines: 5, start: 'genesis', unchained: 0, cutShort: [] });
    const good = await readFile(log.file, 'utf8');
    const lines = good.trimEnd().split('\n');
    const tamper = async (edited: string[]) => {
      await writeFile(log.file, edited.join('\n') + '\n');
      return verifyAuditTrail(log.file);
    };
    // An outcome changed on line 2: line 3 no longer follows it.
    expect(await tamper(lines.map((l, i) => (i === 1 ? l.replace('"applied"', '"rejected"') : l)))).toMatchObject({ intact: false, badLine: 3 });
    // Line 3 removed: what is now line 3 does not follow line 2.
    expect(await tamper(lines.filter((_, i) => i !== 2))).toMatchObject({ intact: false, badLine: 3 });
    // A forged line inserted after line 4, even with a well-formed hash of its own.
    const forged = JSON.stringify({ ...JSON.parse(lines[3]!), userNameBefore: 'forged', prev: lineHash(lines[3]!) });
    expect(await tamper([...lines.slice(0, 4), forged, lines[4]!])).toMatchObject({ intact: false, badLine: 6 });
    // Text that is no entry, and that the next line does not chain over.
    expect(await tamper(['not json', ...lines])).toMatchObject({ intact: false, badLine: 1 });
    expect(await tamper([...lines.slice(0, 2), 'not json', ...lines.slice(2)])).toMatchObject({ intact: false, badLine: 3 });
    // The last line cut short (a crash mid-write): reported as such, not as tampering.
    expect(await tamper([...lines.slice(0, 4), lines[4]!.slice(0, 30)])).toMatchObject({ intact: true, cutShort: [5] });
    await writeFile(log.file, good);
    expect(await verifyAuditTrail(log.file)).toMatchObject({ intact: true });
  });

  it('chains over a line an interrupted write left unfinished, reports it, and still finds tampering after it', async () => {
    const log = createAuditLog({ file: join(await dir(), 'audit.jsonl'), kioskId: 'k' });
    await log.append({ ...RECORD, userNameBefore: 'a' });
    await log.close();
    await appendFile(log.file, '{"time":"2026-12-02T10:00:00.000Z","kioskId":"k","userNa');
    for (const who of ['b', 'c']) await log.append({ ...RECORD, userNameBefore: who });
    await log.close();
    expect(await verifyAuditTrail(log.file)).toEqual({ intact: true, lines: 4, start: 'genesis', unchained: 0, cutShort: [2] });
    const lines = (await readFile(log.file, 'utf8')).trimEnd().split('\n');
    await writeFile(log.file, lines.map((l, i) => (i === 3 ? l.replace('"c"', '"x"') : l)).join('\n') + '\n' + JSON.stringify({ ...JSON.parse(lines[3]!), prev: lineHash(lines[3]!) }) + '\n');
    expect(await verifyAuditTrail(log.file)).toMatchObject({ intact: false, badLine: 5 });
  });

  it('chains a rotated file from the last line of the one before, and accepts lines from before the chain at the start', async () => {
    const log = createAuditLog({ file: join(await dir(), 'audit.jsonl'), kioskId: 'k' });
    await log.append({ ...RECORD, userNameBefore: 'a' });
    await log.append({ ...RECORD, userNameBefore: 'b' });
    await rename(log.file, `${log.file}.1`);
    await log.append({ ...RECORD, userNameBefore: 'c' });
    await log.close();
    expect(await verifyAuditTrail(log.file)).toEqual({ intact: true, lines: 1, start: 'continued', unchained: 0, cutShort: [] });
    // Old and new file together are one chain.
    const joined = join(dirname(log.file), 'joined.jsonl');
    await writeFile(joined, (await readFile(`${log.file}.1`, 'utf8')) + (await readFile(log.file, 'utf8')));
    expect(await verifyAuditTrail(joined)).toEqual({ intact: true, lines: 3, start: 'genesis', unchained: 0, cutShort: [] });

    // A trail written before the chain existed: the next line chains to its last line.
    const legacy = join(await dir(), 'audit.jsonl');
    const old = { time: '2026-01-01T00:00:00.000Z', kioskId: 'k', ...RECORD };
    await writeFile(legacy, `${JSON.stringify(old)}\n${JSON.stringify({ ...old, userNameBefore: 'x' })}\n`);
    const upgraded = createAuditLog({ file: legacy, kioskId: 'k' });
    await upgraded.append(RECORD);
    await upgraded.close();
    expect(await verifyAuditTrail(legacy)).toEqual({ intact: true, lines: 3, start: 'genesis', unchained: 2, cutShort: [] });
    // A line without a hash after a chained one is not accepted.
    await appendFile(legacy, `${JSON.stringify(old)}\n`);
    expect(await verifyAuditTrail(legacy)).toMatchObject({ intact: false, badLine: 4 });
  });
});
