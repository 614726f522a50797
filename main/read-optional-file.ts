import { readFile } from 'node:fs/promises';

/** Reads a UTF-8 file; resolves null when it does not exist, rejects on any other error. */
export async function readOptionalFile(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
