import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../log/logger';

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
 * order. Bounded (1,000 names) and forgetful (30 days). Survives restarts and crashes.
 */
export async function openFacePendingList(options: FacePendingOptions): Promise<FacePendingList> {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 1000;
  const maxAgeMs = options.maxAgeMs ?? 30 * DAY_MS;
  const entries = new Map<string, number>();
  const { file, logger } = options;

  if (file) {
    const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') logger.error('face-pending list could not be read', { code: err.code });
      return null;
    });
    if (text !== null) {
      let data: z.infer<typeof fileSchema> | null = null;
      try {
        const parsed = fileSchema.safeParse(JSON.parse(text));
        if (parsed.success) data = parsed.data;
      } catch {
        data = null;
      }
      if (data) {
        // Oldest first, so the bound drops the oldest.
        for (const [name, at] of Object.entries(data.entries).sort((a, b) => a[1] - b[1])) entries.set(name, at);
      } else {
        logger.error('face-pending list is not valid; starting an empty one');
      }
    }
  }

  const fresh = (at: number): boolean => now() - at < maxAgeMs;
  let queue: Promise<void> = Promise.resolve();
  const persist = (): void => {
    if (!file) return;
    const body = JSON.stringify({ version: 1, entries: Object.fromEntries(entries) }) + '\n';
    queue = queue.then(async () => {
      try {
        await mkdir(dirname(file), { recursive: true, mode: 0o700 });
        const tmp = `${file}.${process.pid}.tmp`;
        const fh = await open(tmp, 'w', 0o600);
        try {
          await fh.writeFile(body, 'utf8');
          await fh.sync();
        } finally {
          await fh.close();
        }
        await rename(tmp, file);
      } catch (err) {
        logger.error('face-pending list could not be written', { code: (err as NodeJS.ErrnoException).code });
      }
    });
  };
  const prune = (): void => {
    for (const [name, at] of entries) if (!fresh(at)) entries.delete(name);
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  };
  prune();

  return {
    has: (userName) => {
      const at = entries.get(userName);
      return at !== undefined && fresh(at);
    },
    add(userName) {
      entries.delete(userName);
      entries.set(userName, now());
      prune();
      persist();
    },
    delete(userName) {
      if (entries.delete(userName)) persist();
    },
    flushed: () => queue,
  };
}
