import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, stat, type FileHandle } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { KioskError } from '../../domain/kiosk-error';
import { AUDIT_OUTCOMES, STAFF_AUDIT_OUTCOMES, type AuditOutcome, type StaffAuditOutcome } from '../../domain/outcomes';
import { ID_CHECKS, type IdCheck } from '../../domain/staff/staff-rules';
import { PROFILE_FIELDS, type ProfileFieldName } from '../../domain/profile/profile-fields';
import { syncFolder } from '../shared/sync-folder';
import { withFileLock } from '../shared/file-lock';

export type { AuditOutcome } from '../../domain/outcomes';

/** File name of the audit trail inside the app's data folder. */
export const AUDIT_FILE_NAME = 'audit.jsonl';

/** Where the audit trail of a data folder is. */
export function auditFilePath(userDataDir: string): string {
  return join(userDataDir, AUDIT_FILE_NAME);
}

export type AuditField = ProfileFieldName;

/**
 * A line about a customer: who was changed, which fields (never their values), how it ended,
 * and who did it: the staff member (`cli:<OS user>` for kioskctl), the supervisor who approved
 * it, and how the customer's identity was checked (the document type only).
 */
export interface ChangeAuditRecord {
  userNameBefore: string;
  userNameAfter: string;
  changedFields: AuditField[];
  face: boolean;
  outcome: AuditOutcome;
  /** Absent only in lines written before staff identity existed. */
  staffId?: string;
  approvedBy?: string;
  idCheck?: IdCheck;
}

/** A line about staff: an unlock (right, wrong, locked out), a lock, an approval, the vendor sign-in. */
export interface StaffAuditRecord {
  kind: 'staff';
  staffId: string;
  outcome: StaffAuditOutcome;
  /** For an approval: the staff member whose change it was asked for. */
  requestedBy?: string;
  /** Who did it when not the staff member named: IT through kioskctl (`cli:<OS user>`). */
  by?: string;
}

export type AuditRecord = ChangeAuditRecord | StaffAuditRecord;

/** An entry as `tail` shows it: the record with its time and kiosk, without its chain hash. */
export type ShownAuditEntry = AuditRecord & { time: string; kioskId: string };

/**
 * One line of the audit trail. `prev`: SHA-256 (hex) of the line before this one, so an edited
 * or deleted line breaks the chain; the first line of a trail has GENESIS, the first of a
 * rotated file the old file's last line.
 */
export type AuditEntry = ShownAuditEntry & { prev: string };

/** The `prev` of the first line of a new trail. */
export const GENESIS = '0'.repeat(64);

/** The hash a line's successor carries as `prev` (of the line's text, without its newline). */
export function lineHash(line: string): string {
  return createHash('sha256').update(line, 'utf8').digest('hex');
}

const lineCommon = {
  time: z.string(),
  kioskId: z.string(),
  // Lines written before the chain existed have none.
  prev: z.string().regex(/^[0-9a-f]{64}$/).optional(),
};
const entrySchema = z.union([
  z.object({
    ...lineCommon,
    userNameBefore: z.string(),
    userNameAfter: z.string(),
    changedFields: z.array(z.enum(PROFILE_FIELDS)),
    face: z.boolean(),
    outcome: z.enum(AUDIT_OUTCOMES),
    staffId: z.string().optional(),
    approvedBy: z.string().optional(),
    idCheck: z.enum(ID_CHECKS).optional(),
  }),
  z.object({
    ...lineCommon,
    kind: z.literal('staff'),
    staffId: z.string(),
    outcome: z.enum(STAFF_AUDIT_OUTCOMES),
    requestedBy: z.string().optional(),
    by: z.string().optional(),
  }),
]);

export interface AuditLog {
  /**
   * Appends one line and flushes it to disk before resolving. Throws `internal` with a plain
   * message when it cannot: a lost audit line is reported, never dropped silently.
   */
  append(record: AuditRecord): Promise<void>;
  /** The last `n` entries (oldest first); lines that are not valid entries are skipped. */
  tail(n: number): Promise<{ entries: ShownAuditEntry[]; skipped: number }>;
  /** Closes the file after the writes in progress (a later append opens it again). */
  close(): Promise<void>;
  readonly file: string;
}

const TAIL_WINDOW_BYTES = 1024 * 1024;
/** How far back a writer reads for the last line it chains to (entries are well under 4 KB). */
const LAST_LINE_WINDOW_BYTES = 64 * 1024;

/**
 * Creates the append-only JSON Lines audit trail. Writes are serialised. The file is opened
 * for appending on the first write (created 0600, its folder 0700 and synced) and kept open.
 * Before each line the path is checked: a file deleted or moved away (rotated) is opened
 * again at its path, and a last line left unfinished (by a failed write, or by kioskctl
 * writing to the same file) is ended first, so it never swallows this one. Reading the last
 * line and writing the next is done under a lock file shared with other writers (kioskctl),
 * so two processes never chain to the same line. Each line is written whole and fsynced
 * before `append` resolves; a short write is an error.
 */
export function createAuditLog(options: { file: string; kioskId: string; now?: () => Date }): AuditLog {
  const { file, kioskId } = options;
  const now = options.now ?? (() => new Date());
  let queue: Promise<unknown> = Promise.resolve();
  let handle: { fh: FileHandle; dev: number; ino: number } | null = null;
  /** Hash of the last line this writer wrote: where a rotated (new, empty) file's chain starts. */
  let carried: string | null = null;

  async function closeHandle(): Promise<void> {
    const current = handle;
    handle = null;
    await current?.fh.close().catch(() => undefined);
  }

  /** The open file if it is still the one at `file`, else the file at `file` (created if need be). */
  async function current(): Promise<{ fh: FileHandle; size: number }> {
    if (handle) {
      const at = await stat(file).catch(() => null);
      if (at && at.dev === handle.dev && at.ino === handle.ino) return { fh: handle.fh, size: at.size };
      await closeHandle();
    }
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    const fh = await open(file, 'a+', 0o600);
    try {
      const st = await fh.stat();
      if (st.size === 0) await syncFolder(dirname(file));
      handle = { fh, dev: st.dev, ino: st.ino };
      return { fh, size: st.size };
    } catch (err) {
      await fh.close().catch(() => undefined);
      throw err;
    }
  }

  /** The file's last line (and whether it was left unfinished), read from its end. */
  async function lastLine(fh: FileHandle, size: number): Promise<{ line: string; unfinished: boolean }> {
    const length = Math.min(size, LAST_LINE_WINDOW_BYTES);
    const buf = Buffer.alloc(length);
    await fh.read(buf, 0, length, size - length);
    let text = buf.toString('utf8');
    const unfinished = !text.endsWith('\n');
    if (!unfinished) text = text.slice(0, -1);
    return { line: text.slice(text.lastIndexOf('\n') + 1), unfinished };
  }

  async function write(entry: ShownAuditEntry): Promise<void> {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await withFileLock(file, () => writeLocked(entry));
  }

  async function writeLocked(entry: ShownAuditEntry): Promise<void> {
    const { fh, size } = await current();
    try {
      // Chained to whatever the file ends with, whoever wrote it (kioskctl writes here too).
      let lead = '';
      let prev = carried ?? GENESIS;
      if (size > 0) {
        const last = await lastLine(fh, size);
        // A line cut short must not swallow this one (and breaks the chain, as it should).
        if (last.unfinished) lead = '\n';
        prev = lineHash(last.line);
      }
      const line = JSON.stringify({ ...entry, prev });
      const bytes = Buffer.from(lead + line + '\n', 'utf8');
      const { bytesWritten } = await fh.write(bytes);
      if (bytesWritten !== bytes.length) throw new Error('short write to the audit file');
      await fh.sync();
      carried = lineHash(line);
    } catch (err) {
      await closeHandle();
      throw err;
    }
  }

  return {
    file,
    close() {
      // After the writes queued before it; a later append opens the file again.
      const run = queue.then(closeHandle);
      queue = run.catch(() => undefined);
      return run;
    },
    append(record) {
      const entry: ShownAuditEntry = { time: now().toISOString(), kioskId, ...record };
      const run = queue.then(() => write(entry));
      queue = run.catch(() => undefined);
      return run.catch(() => {
        throw new KioskError('internal', 'The audit record could not be written. Tell branch IT.');
      });
    },
    async tail(n) {
      let size: number;
      try {
        size = (await stat(file)).size;
      } catch {
        return { entries: [], skipped: 0 };
      }
      const start = Math.max(0, size - TAIL_WINDOW_BYTES);
      const fh = await open(file, 'r');
      let text: string;
      try {
        const buf = Buffer.alloc(size - start);
        let got = 0;
        while (got < buf.length) {
          const { bytesRead } = await fh.read(buf, got, buf.length - got, start + got);
          if (bytesRead === 0) break;
          got += bytesRead;
        }
        text = buf.subarray(0, got).toString('utf8');
      } finally {
        await fh.close();
      }
      const lines = text.split('\n');
      if (start > 0) lines.shift(); // the first line may be cut
      const entries: ShownAuditEntry[] = [];
      let skipped = 0;
      for (const line of lines) {
        if (line.trim() === '') continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          skipped++;
          continue;
        }
        const e = entrySchema.safeParse(parsed);
        if (e.success) {
          // The chain is for `verify`; the entries shown are the record itself.
          const { prev, ...shown } = e.data;
          void prev;
          entries.push(shown as ShownAuditEntry);
        } else skipped++;
      }
      return { entries: entries.slice(-n), skipped };
    },
  };
}


/** What `verifyAuditTrail` found. */
export type AuditVerdict =
  /** `cutShort`: lines an interrupted write left unfinished (the next line chains over them). */
  | { intact: true; lines: number; start: 'genesis' | 'continued' | 'empty'; unchained: number; cutShort: number[] }
  | { intact: false; lines: number; badLine: number; reason: string };

/**
 * Checks a trail's hash chain line by line: every line an entry, every `prev` the hash of the
 * line before. Lines from before the chain existed (no `prev`) are accepted only at the start.
 * The first line may continue an earlier (rotated) file's chain. A line an interrupted write
 * left unfinished is reported in `cutShort` when the next line chains over its exact text (as
 * the writer does), or when it is the last line; the check goes on past it. Never throws on
 * content.
 */
export async function verifyAuditTrail(file: string): Promise<AuditVerdict> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  let previous: string | null = null;
  let unchained = 0;
  let start: 'genesis' | 'continued' | 'empty' = 'empty';
  const cutShort: number[] = [];
  /** A line that is no JSON, waiting to see whether the next one chains over it. */
  let unfinished = false;
  const broken = (reason: string, at = n): AuditVerdict => ({ intact: false, lines: n, badLine: at, reason });
  try {
    for await (const line of lines) {
      n++;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        if (unfinished) return broken('not an audit entry (not JSON)', n - 1);
        unfinished = true;
        previous = line;
        continue;
      }
      const e = entrySchema.safeParse(parsed);
      if (!e.success) return broken(unfinished ? 'not an audit entry (not JSON)' : 'not an audit entry', unfinished ? n - 1 : n);
      if (unfinished) {
        // Only the writer's own continuation (chained to the exact cut text) makes it a cut.
        if (previous === null || e.data.prev !== lineHash(previous)) return broken('not an audit entry (not JSON)', n - 1);
        cutShort.push(n - 1);
        unfinished = false;
        previous = line;
        continue;
      }
      if (e.data.prev === undefined) {
        if (unchained !== n - 1) return broken('has no hash of the line before it (lines after the first chained one must have one)');
        unchained++;
      } else if (previous === null) {
        start = e.data.prev === GENESIS ? 'genesis' : 'continued';
      } else if (e.data.prev !== lineHash(previous)) {
        return broken('does not follow the line before it: a line was changed, removed or inserted here');
      }
      previous = line;
    }
  } finally {
    lines.close();
    input.destroy();
  }
  if (unfinished) cutShort.push(n);
  if (start === 'empty' && unchained > 0) start = 'genesis';
  return { intact: true, lines: n, start, unchained, cutShort };
}
