import { open } from 'node:fs/promises';

/**
 * Makes a new or renamed file's directory entry durable (POSIX); a no-op where folders cannot
 * be opened (Windows), where the file itself is already flushed.
 */
export async function syncFolder(folder: string): Promise<void> {
  try {
    const dh = await open(folder, 'r');
    try {
      await dh.sync();
    } finally {
      await dh.close();
    }
  } catch {
    // Windows cannot open a folder for syncing.
  }
}
