import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runKioskctl } from '../helpers/run-kioskctl';

// kioskctl's staff commands end to end, as IT runs them: the built CLI in a child process, the
// machine-wide folder and the data folder in fresh temporary folders.

function place() {
  const root = mkdtempSync(join(process.env['KIOSK_TEST_SCRATCH'] || tmpdir(), 'kioskctl-staff-'));
  const env = { ...process.env, KIOSK_SYSTEM_DIR: join(root, 'system'), XDG_CONFIG_HOME: join(root, 'config'), KIOSK_CONFIG: '' };
  const run = (args: string[], stdin?: string) => runKioskctl(args, { env, ...(stdin === undefined ? {} : { stdin }) });
  return { root, env, run, staffFile: join(root, 'system', 'staff.json'), audit: join(root, 'config', 'enrollment-kiosk', 'audit.jsonl') };
}
const parse = (s: string): Record<string, unknown> => JSON.parse(s) as Record<string, unknown>;

beforeAll(() => assertBuilt());

describe('kioskctl staff', () => {
  it('adds, lists, checks, resets, removes: PINs on stdin only, never printed or stored in clear; every change audited as cli:<user>', async () => {
    const p = place();
    expect((await p.run(['staff', 'add', 'A.Sharma', '--name', 'Anita Sharma', '--role', 'operator', '--pin-stdin'], '246810\n')).code).toBe(0);
    expect((await p.run(['staff', 'add', 'r.iyer', '--name', 'Ravi Iyer', '--role', 'supervisor', '--pin-stdin'], '975310')).code).toBe(0);
    const text = readFileSync(p.staffFile, 'utf8');
    expect(text).not.toContain('246810');
    expect(statSync(p.staffFile).mode & 0o777).toBe(0o640);
    const list = await p.run(['--json', 'staff', 'list']);
    expect(list.code).toBe(0);
    expect(parse(list.stdout)).toEqual({
      ok: true,
      staff: [
        { staffId: 'a.sharma', name: 'Anita Sharma', role: 'operator', locked: false },
        { staffId: 'r.iyer', name: 'Ravi Iyer', role: 'supervisor', locked: false },
      ],
    });
    expect(list.stdout).not.toMatch(/scrypt|pin/i);
    expect((await p.run(['staff', 'check', 'a.sharma', '--pin-stdin'], '246810')).code).toBe(0);
    const wrong = await p.run(['staff', 'check', 'a.sharma', '--pin-stdin'], '246811');
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain('Wrong staff id or PIN.');
    expect((await p.run(['staff', 'reset-pin', 'a.sharma', '--pin-stdin'], '864219')).code).toBe(0);
    expect((await p.run(['staff', 'check', 'a.sharma', '--pin-stdin'], '246810')).code).toBe(3);
    expect((await p.run(['staff', 'check', 'a.sharma', '--pin-stdin'], '864219')).code).toBe(0);
    expect((await p.run(['staff', 'remove', 'r.iyer'])).code).toBe(0);
    expect((await p.run(['staff', 'check', 'r.iyer', '--pin-stdin'], '975310')).code).toBe(3);
    const user = process.env['USER'] ?? '';
    const audit = readFileSync(p.audit, 'utf8');
    for (const pin of ['246810', '246811', '975310', '864219']) expect(audit).not.toContain(pin);
    const lines = audit.trimEnd().split('\n').map((l) => JSON.parse(l) as { staffId: string; outcome: string; by?: string });
    expect(lines.map((l) => [l.staffId, l.outcome])).toEqual([
      ['a.sharma', 'staff-added'],
      ['r.iyer', 'staff-added'],
      ['a.sharma', 'pin-checked'],
      ['a.sharma', 'unlock-refused'],
      ['a.sharma', 'pin-reset'],
      ['a.sharma', 'unlock-refused'],
      ['a.sharma', 'pin-checked'],
      ['r.iyer', 'staff-removed'],
      ['r.iyer', 'unlock-refused'],
    ]);
    expect(lines.filter((l) => l.outcome !== 'unlock-refused').every((l) => l.by?.startsWith('cli:'))).toBe(true);
    if (user) expect(lines[0]?.by).toBe(`cli:${user}`);
  });

  it.each([
    ['too short', '12345'],
    ['not digits', '12ab56'],
    ['all one digit', '777777'],
    ['a simple run', '123456'],
    ['nothing', ''],
  ])('refuses a PIN that is %s with exit 2, and adds nobody', async (_name, pin) => {
    const p = place();
    const r = await p.run(['staff', 'add', 'x.y', '--name', 'X Y', '--role', 'operator', '--pin-stdin'], pin);
    expect(r.code).toBe(2);
    expect(parse((await p.run(['--json', 'staff', 'list'])).stdout)).toMatchObject({ staff: [] });
  });

  it('refuses a second add of one id, a removal of nobody, an unknown role (exit 2)', async () => {
    const p = place();
    await p.run(['staff', 'add', 'a.b', '--name', 'A B', '--role', 'operator', '--pin-stdin'], '246810');
    expect((await p.run(['staff', 'add', 'A.B', '--name', 'A B', '--role', 'operator', '--pin-stdin'], '246810')).code).toBe(2);
    expect((await p.run(['staff', 'remove', 'nobody'])).code).toBe(2);
    expect((await p.run(['staff', 'add', 'c.d', '--name', 'C D', '--role', 'boss', '--pin-stdin'], '246810')).code).toBe(2);
  });

  it('five wrong PINs lock the id for 15 minutes (exit 3 with the right PIN too); staff unlock lifts it', async () => {
    const p = place();
    await p.run(['staff', 'add', 'a.b', '--name', 'A B', '--role', 'operator', '--pin-stdin'], '246810');
    for (let i = 0; i < 5; i++) expect((await p.run(['staff', 'check', 'a.b', '--pin-stdin'], '000000')).code).toBe(3);
    const locked = await p.run(['--json', 'staff', 'check', 'a.b', '--pin-stdin'], '246810');
    expect(locked.code).toBe(3);
    expect(parse(locked.stdout)).toMatchObject({ ok: false, lockedOut: true });
    expect(parse((await p.run(['--json', 'staff', 'list'])).stdout)).toMatchObject({ staff: [{ staffId: 'a.b', locked: true }] });
    expect((await p.run(['staff', 'unlock', 'a.b'])).code).toBe(0);
    expect((await p.run(['staff', 'check', 'a.b', '--pin-stdin'], '246810')).code).toBe(0);
  });
});
