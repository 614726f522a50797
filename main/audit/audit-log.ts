import { mkdir, open, stat, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { KioskError } from '../../domain/kiosk-error';
import { AUDIT_OUTCOMES, type AuditOutcome } from '../../domain/outcomes';
import { PROFILE_FIELDS, type ProfileFieldName } from '../../domain/profile/profile-fields';

export type { AuditOutcome } from '../../domain/outcomes';

/** File name of the audit trail inside the app's data folder. */
export const AUDIT_FILE_NAME = 'audit.jsonl';

/** Where the audit trail of a data folder is. */
export function auditFilePath(userDataDir: string): string {
  return join(userDataDir, AUDIT_FILE_NAME);
}

export type AuditField = ProfileFieldName;

/** One line of the audit trail: who was changed, which fields (never their values), and how it ended. */
export interface AuditEntry {
  time: string;
  kioskId: string;
  userNameBefore: string;
  userNameAfter: string;
  changedFields: AuditField[];
  face: boolean;
  outcome: AuditOutcome;
}

export type AuditRecord = Omit<AuditEntry, 'time' | 'kioskId'>;

const entrySchema = z.object({
  time: z.string(),
  kioskId: z.string(),
  userNameBefore: z.string(),
  userNameAfter: z.string(),
  changedFields: z.array(z.enum(PROFILE_FIELDS)),
  face: z.boolean(),
  outcome: z.enum(AUDIT_OUTCOMES),
});

export interface AuditLog {
  /**
   * Appends one line and flushes it to disk before resolving. Throws `internal` with a plain
   * message when it cannot: a lost audit line is reported, never dropped silently.
   */
  append(record: AuditRecord): Promise<void>;
  /** The last `n` entries (oldest first); lines that are not valid entries are skipped. */
  tail(n: number): Promise<{ entries: AuditEntry[]; skipped: number }>;
  /** Closes the file after the writes in progress (a later append opens it again). */
  close(): Promise<void>;
  readonly file: string;
}

const TAIL_WINDOW_BYTES = 1024 * 1024;

/**
 * Creates the append-only JSON Lines audit trail. Writes are serialised. The file is opened
 * for appending on the first write (created 0600, its folder 0700 and synced) and kept open.
 * Before each line the path is checked: a file deleted or moved away (rotated) is opened
 * again at its path, and a last line left unfinished (by a failed write, or by kioskctl
 * writing to the same file) is ended first, so it never swallows this one. Each line is
 * written whole and fsynced before `append` resolves; a short write is an error.
 */
export function createAuditLog(options: { file: string; kioskId: string; now?: () => Date }): AuditLog {
  const { file, kioskId } = options;
  const now = options.now ?? (() => new Date());
  let queue: Promise<unknown> = Promise.resolve();
  let handle: { fh: FileHandle; dev: number; ino: number } | null = null;

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

  async function write(line: string): Promise<void> {
    const { fh, size } = await current();
    try {
      let text = line;
      if (size > 0) {
        // A line cut short must not swallow this one.
        const last = Buffer.alloc(1);
        await fh.read(last, 0, 1, size - 1);
        if (last.toString() !== '\n') text = '\n' + line;
      }
      const bytes = Buffer.from(text, 'utf8');
      const { bytesWritten } = await fh.write(bytes);
      if (bytesWritten !== bytes.length) throw new Error('short write to the audit file');
      await fh.sync();
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
      const entry: AuditEntry = { time: now().toISOString(), kioskId, ...record, changedFields: [...record.changedFields] };
      const line = JSON.stringify(entry) + '\n';
      const run = queue.then(() => write(line));
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
      const entries: AuditEntry[] = [];
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
        if (e.success) entries.push(e.data);
        else skipped++;
      }
      return { entries: entries.slice(-n), skipped };
    },
  };
}

/** Makes a new file's directory entry durable too (POSIX; a no-op where folders cannot be opened). */
async function syncFolder(folder: string): Promise<void> {
  try {
    const dh = await open(folder, 'r');
    try {
      await dh.sync();
    } finally {
      await dh.close();
    }
  } catch {
    // Windows cannot open a folder for syncing; the file itself is already flushed.
  }
}
