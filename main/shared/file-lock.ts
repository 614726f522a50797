import { mkdir, rmdir, stat } from 'node:fs/promises';

/** A lock older than this was left by a writer that died holding it: it is taken over. */
const STALE_MS = 10_000;
/** How long a writer waits for the lock before giving up (the steps it guards take milliseconds). */
const WAIT_MS = 5_000;

/**
 * Runs `fn` holding the lock of `file`, shared by every process that writes it (the kiosk and
 * kioskctl): a folder `${file}.lock` next to it, made atomically (mkdir fails if it exists).
 * A lock older than 10 s is taken over; after waiting 5 s this rejects. Meant for steps of
 * milliseconds: read what the file holds, then write what follows from it. Its folder must
 * exist. (A library such as proper-lockfile would bring graceful-fs and signal-exit, which
 * patches process events, into Electron's main process; this is the part the kiosk needs.)
 */
export async function withFileLock<T>(file: string, fn: () => Promise<T>, now: () => number = Date.now): Promise<T> {
  const lockDir = `${file}.lock`;
  const giveUpAt = now() + WAIT_MS;
  for (let delay = 5; ; delay = Math.min(250, Math.ceil(delay * 1.5))) {
    try {
      await mkdir(lockDir, { mode: 0o700 });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const since = await stat(lockDir).then((s) => s.mtimeMs, () => null);
    if (since !== null && now() - since > STALE_MS) {
      // Taken over: removed, then made again above (a writer racing for it loses at mkdir).
      await rmdir(lockDir).catch(() => undefined);
      continue;
    }
    if (now() >= giveUpAt) throw new Error(`the lock ${lockDir} is held by another writer`);
    await new Promise((r) => setTimeout(r, delay));
  }
  try {
    return await fn();
  } finally {
    await rmdir(lockDir).catch(() => undefined);
  }
}
