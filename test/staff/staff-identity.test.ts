import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pinProblem, staffIdSchema } from '../../domain/staff/staff-rules';
import { hashPin, isPinHash, verifyPin } from '../../main/staff/pin-hash';
import { LOCKOUT_MS, openLockout } from '../../main/staff/lockout';
import { changeStaffFile, localStaffDirectory, readStaffFile, staffFilePath } from '../../main/staff/local-directory';
import { createStaffSession, type LockReason } from '../../main/staff/staff-session';
import type { StaffAuditRecord } from '../../main/audit/audit-log';
import { captureLogger } from '../helpers/capture-logger';

async function dir(): Promise<string> {
  return mkdtemp(join(process.env['KIOSK_TEST_SCRATCH'] || tmpdir(), 'staff-'));
}

describe('PIN rules', () => {
  it.each([
    ['246810', null],
    ['975310', null],
    ['102938475601', null],
    ['12345', /6–12 digits/],
    ['1234567890123', /6–12 digits/],
    ['12a456', /digits only/],
    ['111111', /one digit repeated/],
    ['123456', /simple run/],
    ['987654', /simple run/],
    ['3456789', /simple run/],
  ])('%s: %s', (pin, problem) => {
    const p = pinProblem(pin);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toMatch(problem);
  });

  it('staff ids are case-folded and trimmed; anything else is refused', () => {
    expect(staffIdSchema.parse(' A.Sharma ')).toBe('a.sharma');
    expect(staffIdSchema.safeParse('a sharma').success).toBe(false);
    expect(staffIdSchema.safeParse('x'.repeat(65)).success).toBe(false);
  });
});

describe('PIN hashes', () => {
  it('are scrypt, salted (two hashes of one PIN differ), checked in constant time, never the PIN', async () => {
    const a = await hashPin('246810');
    const b = await hashPin('246810');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('246810');
    expect(isPinHash(a)).toBe(true);
    expect(await verifyPin('246810', a)).toBe(true);
    expect(await verifyPin('246811', a)).toBe(false);
    // An unknown id: the same work against a decoy, and never a match.
    expect(await verifyPin('246810', null)).toBe(false);
  });

  it('refuse a stored value that is not a hash this kiosk can check (weak cost, wrong length)', async () => {
    expect(isPinHash('scrypt$1024$8$1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(43))).toBe(false);
    expect(isPinHash('246810')).toBe(false);
    expect(await verifyPin('246810', '246810')).toBe(false);
  });
});

describe('lockout', () => {
  it('locks an id after five wrong credentials in a row for 15 minutes, shared through its file; a right one resets the count', async () => {
    const file = join(await dir(), 'staff-lockout.json');
    let now = 1_000_000;
    const kiosk = openLockout(file, () => now);
    const kioskctl = openLockout(file, () => now);
    for (let i = 0; i < 2; i++) expect(await kiosk.failed('a')).toBeNull();
    await kiosk.succeeded('a');
    for (let i = 0; i < 4; i++) expect(await (i % 2 ? kiosk : kioskctl).failed('a')).toBeNull();
    expect(await kioskctl.failed('a')).toBe(now + LOCKOUT_MS);
    expect(await kiosk.lockedUntil('a')).toBe(now + LOCKOUT_MS);
    expect(await kiosk.lockedUntil('b')).toBeNull();
    now += LOCKOUT_MS;
    expect(await kiosk.lockedUntil('a')).toBeNull();
    // After a lock ends, the count starts again.
    expect(await kiosk.failed('a')).toBeNull();
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1, entries: { a: { failures: 1, lockedUntil: null } } });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await kioskctl.clear('a');
    expect(JSON.parse(await readFile(file, 'utf8')).entries).toEqual({});
  });

  it('treats a file that is not lockout state as none', async () => {
    const file = join(await dir(), 'staff-lockout.json');
    await writeFile(file, 'garbage');
    const l = openLockout(file);
    expect(await l.lockedUntil('a')).toBeNull();
    expect(await l.failed('a')).toBeNull();
  });
});

describe('local staff list', () => {
  it('is written by changeStaffFile (mode 0640, never a PIN) and read back; a malformed list is a config error naming the file', async () => {
    const file = staffFilePath(await dir());
    expect(await readStaffFile(file)).toBeNull();
    const pin = await hashPin('246810');
    await changeStaffFile(file, (list) => void list.push({ staffId: 'a.sharma', name: 'Anita Sharma', role: 'operator', pin }));
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    expect(await readStaffFile(file)).toEqual([{ staffId: 'a.sharma', name: 'Anita Sharma', role: 'operator', pin }]);
    expect(await readFile(file, 'utf8')).not.toContain('246810');
    const dir2 = localStaffDirectory(async () => (await readStaffFile(file)) ?? []);
    expect(await dir2.authenticate('a.sharma', '246810')).toEqual({ staffId: 'a.sharma', name: 'Anita Sharma', role: 'operator' });
    expect(await dir2.authenticate('a.sharma', '246811')).toBeNull();
    expect(await dir2.authenticate('nobody', '246810')).toBeNull();
    await writeFile(file, JSON.stringify({ version: 1, staff: [{ staffId: 'x', name: 'X', role: 'boss', pin }] }));
    await expect(readStaffFile(file)).rejects.toMatchObject({ code: 'config', message: expect.stringContaining(file) });
    await writeFile(file, JSON.stringify({ version: 1, staff: [{ staffId: 'x', name: 'X', role: 'operator', pin }, { staffId: 'x', name: 'Y', role: 'operator', pin }] }));
    await expect(readStaffFile(file)).rejects.toMatchObject({ message: expect.stringMatching(/names x twice/) });
    await writeFile(file, '{');
    await expect(readStaffFile(file)).rejects.toMatchObject({ code: 'config' });
  });
});

describe('staff session', () => {
  async function session(idleLockMs = 300_000) {
    const file = join(await dir(), 'staff-lockout.json');
    let now = 5_000_000;
    const lines: Omit<StaffAuditRecord, 'kind'>[] = [];
    const locks: LockReason[] = [];
    const pin = await hashPin('246810');
    const supPin = await hashPin('135790');
    const s = createStaffSession({
      directory: async () =>
        localStaffDirectory(async () => [
          { staffId: 'op', name: 'Op', role: 'operator', pin },
          { staffId: 'sup', name: 'Sup', role: 'supervisor', pin: supPin },
        ]),
      lockout: openLockout(file, () => now),
      audit: { staff: async (l) => (lines.push(l), true) },
      logger: captureLogger().logger,
      now: () => now,
      idleLockMs,
      onLocked: (r) => void locks.push(r),
    });
    return { s, lines, locks, advance: (ms: number) => void (now += ms) };
  }

  it('unlocks with the right PIN only; requires a member (and a supervisor where asked); every attempt audited', async () => {
    const t = await session();
    expect(() => t.s.require()).toThrow(expect.objectContaining({ code: 'locked' }));
    expect(await t.s.unlock('op', '000000')).toEqual({ outcome: 'wrong' });
    expect(await t.s.unlock('op', '246810')).toMatchObject({ outcome: 'unlocked', staff: { staffId: 'op', role: 'operator' } });
    expect(t.s.require().staffId).toBe('op');
    expect(() => t.s.require('supervisor')).toThrow(/Only a supervisor/);
    expect(t.lines).toEqual([
      { staffId: 'op', outcome: 'unlock-refused' },
      { staffId: 'op', outcome: 'unlocked' },
    ]);
  });

  it('locks after the idle limit, touched by activity; a lock wipes (onLocked) and is audited', async () => {
    const t = await session(60_000);
    await t.s.unlock('op', '246810');
    t.advance(50_000);
    t.s.touch();
    t.advance(50_000);
    expect(t.s.current()?.staffId).toBe('op');
    t.advance(10_000);
    expect(t.s.current()).toBeNull();
    expect(t.locks).toEqual(['idle']);
    expect(t.lines.at(-1)).toEqual({ staffId: 'op', outcome: 'locked' });
    // Locking again does nothing.
    t.s.lock('button');
    expect(t.locks).toEqual(['idle']);
  });

  it("another member unlocking ends the first one's session (a wipe) and starts a new one", async () => {
    const t = await session();
    await t.s.unlock('op', '246810');
    await t.s.unlock('sup', '135790');
    expect(t.s.current()?.staffId).toBe('sup');
    expect(t.locks).toEqual(['button']);
  });

  it('verify checks a credential without changing who is at the kiosk, and counts towards the lockout', async () => {
    const t = await session();
    await t.s.unlock('op', '246810');
    expect(await t.s.verify('sup', '135790')).toMatchObject({ outcome: 'unlocked' });
    expect(t.s.current()?.staffId).toBe('op');
    for (let i = 0; i < 4; i++) await t.s.verify('sup', '000000');
    expect(await t.s.verify('sup', '000000')).toMatchObject({ outcome: 'locked-out' });
    expect(await t.s.verify('sup', '135790')).toMatchObject({ outcome: 'locked-out' });
    expect(await t.s.lockedUntil('sup')).not.toBeNull();
    await t.s.clearLockout('sup');
    expect(await t.s.verify('sup', '135790')).toMatchObject({ outcome: 'unlocked' });
  });
});
