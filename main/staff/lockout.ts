import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from '../shared/atomic-write';
import { withFileLock } from '../shared/file-lock';

/** File name of the lockout state in the app's data folder (the kiosk and kioskctl share it). */
export const LOCKOUT_FILE_NAME = 'staff-lockout.json';

/** Wrong credentials in a row that lock a staff id, and for how long (bank policy). */
export const LOCKOUT_AFTER_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/** The path of the lockout state in a data folder. */
export function lockoutFilePath(userDataDir: string): string {
  return join(userDataDir, LOCKOUT_FILE_NAME);
}

const entrySchema = z.object({ failures: z.number().int().nonnegative(), lockedUntil: z.number().nullable() });
const fileSchema = z.object({ version: z.literal(1), entries: z.record(z.string().max(64), entrySchema) });
type Entries = Map<string, z.infer<typeof entrySchema>>;

/** Failed unlocks per staff id, kept on disk so that a restart or kioskctl does not reset them. */
export interface Lockout {
  /** When the staff id's lock ends (ms since the epoch), or null when it is not locked. */
  lockedUntil(staffId: string): Promise<number | null>;
  /** Counts a wrong credential; answers the lock's end when this one locked the id. */
  failed(staffId: string): Promise<number | null>;
  /** A right credential: the count starts again. */
  succeeded(staffId: string): Promise<void>;
  /** IT lifts a lock (kioskctl staff unlock). */
  clear(staffId: string): Promise<void>;
}

/**
 * Opens the lockout state at `file`. Every change reads the file, changes it and writes it
 * back under the file lock, so the kiosk and kioskctl count the same failures. A file that
 * cannot be read as lockout state counts as none (and is replaced at the next change); a
 * failure to write is an error (a lock that cannot be recorded must not be skipped).
 */
export function openLockout(file: string, now: () => number = Date.now): Lockout {
  async function read(): Promise<Entries> {
    const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    if (text === null) return new Map();
    try {
      const parsed = fileSchema.safeParse(JSON.parse(text));
      return new Map(parsed.success ? Object.entries(parsed.data.entries) : []);
    } catch {
      return new Map();
    }
  }
  async function change<T>(fn: (entries: Entries) => T): Promise<T> {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    return withFileLock(file, async () => {
      const entries = await read();
      const result = fn(entries);
      await writeFileAtomically(file, JSON.stringify({ version: 1, entries: Object.fromEntries(entries) }) + '\n', { mode: 0o600 });
      return result;
    });
  }
  const activeLock = (e: z.infer<typeof entrySchema> | undefined): number | null => (e?.lockedUntil != null && e.lockedUntil > now() ? e.lockedUntil : null);

  return {
    async lockedUntil(staffId) {
      return activeLock((await read()).get(staffId));
    },
    failed: (staffId) =>
      change((entries) => {
        const e = entries.get(staffId);
        // A lock that has ended starts a new count.
        const failures = (e && activeLock(e) === null && e.lockedUntil !== null ? 0 : (e?.failures ?? 0)) + 1;
        const lockedUntil = failures >= LOCKOUT_AFTER_FAILURES ? now() + LOCKOUT_MS : null;
        entries.set(staffId, { failures: lockedUntil === null ? failures : 0, lockedUntil });
        return lockedUntil;
      }),
    succeeded: (staffId) =>
      change((entries) => {
        entries.delete(staffId);
      }),
    clear: (staffId) =>
      change((entries) => {
        entries.delete(staffId);
      }),
  };
}
