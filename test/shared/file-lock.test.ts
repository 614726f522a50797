import { mkdir, mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFileLock } from '../../main/shared/file-lock';

async function file(): Promise<string> {
  return join(await mkdtemp(join(process.env['KIOSK_TEST_SCRATCH'] || tmpdir(), 'lock-')), 'data.json');
}

describe('file lock', () => {
  it('runs one holder at a time and lets go after, even when the step fails', async () => {
    const f = await file();
    const order: string[] = [];
    const step = (name: string) => async () => {
      order.push(`${name}:in`);
      await new Promise((r) => setTimeout(r, 20));
      order.push(`${name}:out`);
      return name;
    };
    expect(await Promise.all([withFileLock(f, step('a')), withFileLock(f, step('b'))])).toEqual(['a', 'b']);
    expect(order).toEqual(['a:in', 'a:out', 'b:in', 'b:out']);
    await expect(withFileLock(f, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(stat(`${f}.lock`)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('gives up on a lock another writer keeps holding, with a clear error', async () => {
    const f = await file();
    await mkdir(`${f}.lock`);
    // A clock ten times as fast, stopping short of the lock's 10 s staleness: past the 5 s wait
    // after about half a real second.
    const t0 = Date.now();
    const fast = (): number => t0 + Math.min(9_000, (Date.now() - t0) * 10);
    let ran = false;
    await expect(withFileLock(f, async () => void (ran = true), fast)).rejects.toThrow(/held by another writer/);
    expect(ran).toBe(false);
  });
});
