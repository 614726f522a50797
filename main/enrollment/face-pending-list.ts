import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../log/logger';
import { writeFileAtomically } from '../shared/atomic-write';
import { withFileLock } from '../shared/file-lock';

/** File name of the list inside the app's data folder. */
export const FACE_PENDING_FILE_NAME = 'face-pending.json';

/** The customers whose face re-enrollment at this kiosk did not finish: user names only. */
export interface FacePendingList {
  has(userName: string): boolean;
  add(userName: string): void;
  delete(userName: string): void;
  /** Resolves once every change so far is on disk (or its failure logged). */
  flushed(): Promise<void>;
}

export interface FacePendingOptions {
  /** Where the list is kept; null: memory only. */
  file: string | null;
  logger: Logger;
  now?: () => number;
  /** At most this many names (the oldest go first). */
  maxEntries?: number;
  /** A name older than this is forgotten. */
  maxAgeMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const fileSchema = z.object({ version: z.literal(1), entries: z.record(z.string().min(1).max(256), z.number().int().nonnegative()) });

/**
 * Opens the list: read from its file (a missing file is an empty list; an unreadable or
 * malformed one is logged and replaced at the next change), answered from memory, every
 * change written through atomically (a temporary file, fsynced, renamed over the old one) in
 * order, merged into what the file holds then under a lock shared with other writers, so the
 * kiosk and kioskctl do not undo each other's changes. Bounded (1,000 names) and forgetful
 * (30 days). Survives restarts and crashes.
 */
export async function openFacePendingList(options: FacePendingOptions): Promise<FacePendingList> {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 1000;
  const maxAgeMs = options.maxAgeMs ?? 30 * DAY_MS;
  const { file, logger } = options;
  const fresh = (at: number): boolean => now() - at < maxAgeMs;

  /** The file's entries, oldest first (a missing file: none; a broken one: none, logged). */
  async function readEntries(): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (!file) return out;
    const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') logger.error('face-pending list could not be read', { code: err.code });
      return null;
    });
    if (text === null) return out;
    let data: z.infer<typeof fileSchema> | null = null;
    try {
      const parsed = fileSchema.safeParse(JSON.parse(text));
      if (parsed.success) data = parsed.data;
    } catch {
      data = null;
    }
    if (!data) {
      logger.error('face-pending list is not valid; starting an empty one');
      return out;
    }
    for (const [name, at] of Object.entries(data.entries).sort((x, y) => x[1] - y[1])) out.set(name, at);
    return out;
  }

  const prune = (map: Map<string, number>): void => {
    for (const [name, at] of map) if (!fresh(at)) map.delete(name);
    while (map.size > maxEntries) {
      const oldest = map.keys().next().value;
      if (oldest === undefined) break;
      map.delete(oldest);
    }
  };
  /** This process's changes not written yet (at: null is a removal). */
  const changes: { name: string; at: number | null }[] = [];
  const apply = (map: Map<string, number>, list: readonly { name: string; at: number | null }[]): void => {
    for (const { name, at } of list) {
      map.delete(name);
      if (at !== null) map.set(name, at);
    }
    prune(map);
  };

  let entries = await readEntries();
  prune(entries);
  let queue: Promise<void> = Promise.resolve();
  const persist = (): void => {
    if (!file) return;
    queue = queue.then(async () => {
      const batch = changes.splice(0);
      if (batch.length === 0) return;
      try {
        await mkdir(dirname(file), { recursive: true, mode: 0o700 });
        // Under the lock other writers share: what they wrote meanwhile, plus this one's changes.
        const merged = await withFileLock(file, async () => {
          const onDisk = await readEntries();
          apply(onDisk, batch);
          await writeFileAtomically(file, JSON.stringify({ version: 1, entries: Object.fromEntries(onDisk) }) + '\n', { mode: 0o600 });
          return onDisk;
        });
        // Adopt the merged list, with any change made while this one was written.
        apply(merged, changes);
        entries = merged;
      } catch (err) {
        logger.error('face-pending list could not be written', { code: (err as NodeJS.ErrnoException).code });
      }
    });
  };
  const change = (name: string, at: number | null): void => {
    apply(entries, [{ name, at }]);
    changes.push({ name, at });
    persist();
  };

  return {
    has: (userName) => {
      const at = entries.get(userName);
      return at !== undefined && fresh(at);
    },
    add: (userName) => change(userName, now()),
    delete(userName) {
      if (entries.has(userName)) change(userName, null);
    },
    flushed: () => queue,
  };
}
