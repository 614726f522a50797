import { chmod, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFacePendingList } from '../../main/enrollment/face-pending-list';
import { captureLogger } from '../helpers/capture-logger';

const DAY = 24 * 60 * 60 * 1000;
const fileIn = async () => join(await mkdtemp(join(process.env['KIOSK_TEST_SCRATCH'] || tmpdir(), 'face-pending-')), 'data', 'face-pending.json');

describe('the face-pending list on disk', () => {
  it('survives a restart: user names only, in a private file, written atomically', async () => {
    const file = await fileIn();
    let now = 1_000 * DAY;
    const first = await openFacePendingList({ file, logger: captureLogger().logger, now: () => now });
    first.add('priya.sharma');
    first.add('ravi.kumar');
    first.delete('ravi.kumar');
    await first.flushed();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, entries: { 'priya.sharma': now } });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    now += DAY;
    const again = await openFacePendingList({ file, logger: captureLogger().logger, now: () => now });
    expect(again.has('priya.sharma')).toBe(true);
    expect(again.has('ravi.kumar')).toBe(false);
  });

  it('forgets a name after 30 days and keeps at most its bound, the oldest going first', async () => {
    const file = await fileIn();
    let now = 1_000 * DAY;
    const list = await openFacePendingList({ file, logger: captureLogger().logger, now: () => now, maxEntries: 3 });
    for (const name of ['a', 'b', 'c', 'd']) {
      list.add(name);
      now += 1000;
    }
    expect(['a', 'b', 'c', 'd'].map((n) => list.has(n))).toEqual([false, true, true, true]);
    now += 30 * DAY;
    expect(list.has('d')).toBe(false);
    await list.flushed();
    const reopened = await openFacePendingList({ file, logger: captureLogger().logger, now: () => now });
    expect(['b', 'c', 'd'].some((n) => reopened.has(n))).toBe(false);
  });

  it('starts empty from a file that is not a list, says so, and replaces it at the next change', async () => {
    const file = await fileIn();
    const cap = captureLogger();
    await openFacePendingList({ file: null, logger: cap.logger });
    const list0 = await openFacePendingList({ file, logger: cap.logger });
    list0.add('x');
    await list0.flushed();
    await writeFile(file, '{"version":1,"entries":{"a":"yesterday"}}');
    const list = await openFacePendingList({ file, logger: cap.logger });
    expect(list.has('a')).toBe(false);
    expect(cap.text()).toContain('face-pending list is not valid');
    list.add('b');
    await list.flushed();
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ entries: { b: expect.any(Number) } });
  });

  it('logs a list that cannot be written, and keeps answering from memory', async () => {
    const file = await fileIn();
    const cap = captureLogger();
    const list = await openFacePendingList({ file, logger: cap.logger });
    list.add('a');
    await list.flushed();
    await chmod(file, 0o400);
    await chmod(join(file, '..'), 0o500);
    list.add('b');
    await list.flushed();
    await chmod(join(file, '..'), 0o700);
    expect(list.has('b')).toBe(true);
    // As root the folder's mode does not stop the write; either way nothing is thrown.
    if (process.getuid?.() !== 0) expect(cap.text()).toContain('face-pending list could not be written');
  });

  it('two writers changing the list in the same instant both keep their names (the writes take turns under a lock)', async () => {
    const file = await fileIn();
    const kiosk = await openFacePendingList({ file, logger: captureLogger().logger });
    const kioskctl = await openFacePendingList({ file, logger: captureLogger().logger });
    for (let i = 0; i < 10; i++) {
      kiosk.add(`kiosk.${i}`);
      kioskctl.add(`kioskctl.${i}`);
    }
    await Promise.all([kiosk.flushed(), kioskctl.flushed()]);
    const names = Object.keys((JSON.parse(await readFile(file, 'utf8')) as { entries: object }).entries);
    expect(names).toHaveLength(20);
  });

  it('merges with what another process wrote: the kiosk and kioskctl do not undo each other', async () => {
    const file = await fileIn();
    const kiosk = await openFacePendingList({ file, logger: captureLogger().logger });
    const kioskctl = await openFacePendingList({ file, logger: captureLogger().logger });
    kioskctl.add('from.kioskctl');
    await kioskctl.flushed();
    kiosk.add('from.kiosk');
    await kiosk.flushed();
    expect(Object.keys((JSON.parse(await readFile(file, 'utf8')) as { entries: object }).entries).sort()).toEqual(['from.kiosk', 'from.kioskctl']);
    // The kiosk now knows the other's name too, and a removal by one is not brought back by the other.
    expect(kiosk.has('from.kioskctl')).toBe(true);
    kiosk.delete('from.kioskctl');
    await kiosk.flushed();
    kioskctl.add('another');
    await kioskctl.flushed();
    expect(Object.keys((JSON.parse(await readFile(file, 'utf8')) as { entries: object }).entries).sort()).toEqual(['another', 'from.kiosk']);
  });
});

