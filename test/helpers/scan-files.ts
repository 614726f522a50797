import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Paths of regular files under `root` (skipping `skip` folder names) whose bytes contain `needle`. */
export async function filesContaining(root: string, needle: string, skip: string[] = []): Promise<string[]> {
  const hits: string[] = [];
  const want = Buffer.from(needle, 'utf8');
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!skip.includes(e.name)) await walk(p);
      } else if (e.isFile()) {
        const s = await stat(p).catch(() => null);
        if (!s || s.size > 50 * 1024 * 1024) continue;
        const buf = await readFile(p).catch(() => null);
        if (buf && buf.includes(want)) hits.push(p);
      }
    }
  }
  await walk(root);
  return hits;
}
