import { chown, open, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncFolder } from './sync-folder';

/**
 * Replaces `file` with `text` so that a crash leaves the old file or the new one, never half of
 * one: a temporary file next to it (created with `mode`), written and fsynced, renamed over
 * the old one, and the folder synced. With `groupOfFolder`, a process running as root gives
 * the file its folder's group (a file the kiosk's user reads through its group).
 */
export async function writeFileAtomically(file: string, text: string, options: { mode: number; groupOfFolder?: boolean }): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  const fh = await open(tmp, 'w', options.mode);
  try {
    await fh.writeFile(text, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  if (options.groupOfFolder && process.getuid?.() === 0) {
    await chown(tmp, 0, (await stat(dirname(file))).gid);
  }
  await rename(tmp, file);
  await syncFolder(dirname(file));
}
