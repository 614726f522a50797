import { readFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../main/config';
import { ldapStaffDirectory, type LdapDirectoryConfig } from '../../main/staff/ldap-directory';
import { captureLogger } from '../helpers/capture-logger';
import { createIpcHarness } from '../helpers/ipc-harness';
import { OPERATORS, PEOPLE, startSlapd, SUPERVISORS, type RunningSlapd } from '../helpers/slapd';

// Unlocking against a real OpenLDAP server (Debian's slapd, started by the test on a loopback
// port with ldaps and a throwaway CA; .ci/run installs it).

let slapd: RunningSlapd;
beforeAll(async () => {
  slapd = await startSlapd();
}, 30_000);
afterAll(async () => {
  await slapd?.stop();
});

const config = (over: Partial<LdapDirectoryConfig> = {}): LdapDirectoryConfig => ({
  kind: 'ldap',
  url: slapd.url,
  userDnTemplate: `uid={staffId},${PEOPLE}`,
  operatorGroup: OPERATORS,
  supervisorGroup: SUPERVISORS,
  timeoutMs: 2000,
  ...over,
});
const directory = (over: Partial<LdapDirectoryConfig> = {}, ca: string | null = readFileSync(slapd.caFile, 'utf8')) => {
  const cap = captureLogger();
  return { dir: ldapStaffDirectory(config(over), { ca, logger: cap.logger }), cap };
};

describe('LDAP staff directory (real slapd, ldaps)', () => {
  it('unlocks with the directory password; group membership gives the role; the name comes from the directory', async () => {
    const { dir } = directory();
    expect(await dir.authenticate('p.nair', 'Branch-Op-2026')).toEqual({ staffId: 'p.nair', name: 'Priya Nair', role: 'operator' });
    expect(await dir.authenticate('s.khan', 'Branch-Sup-2026')).toEqual({ staffId: 's.khan', name: 'Sameer Khan', role: 'supervisor' });
    expect(dir.countsFailures).toBe(false);
  });

  it('refuses a wrong password, an unknown user and a user in no kiosk group, never logging the password', async () => {
    const { dir, cap } = directory();
    expect(await dir.authenticate('p.nair', 'wrong-password')).toBeNull();
    expect(await dir.authenticate('nobody.here', 'Branch-Op-2026')).toBeNull();
    expect(await dir.authenticate('x.guest', 'No-Kiosk-2026')).toBeNull();
    expect(cap.text()).toContain('in no kiosk group');
    expect(cap.text()).not.toMatch(/Branch-Op-2026|No-Kiosk-2026|wrong-password/);
  });

  it('does not trust a server certificate the configured CA did not sign', async () => {
    const { dir } = directory({}, readFileSync(slapd.otherCaFile, 'utf8'));
    await expect(dir.authenticate('p.nair', 'Branch-Op-2026')).rejects.toMatchObject({ code: 'network', message: expect.stringMatching(/certificate is not trusted/) });
    const noCa = directory({}, null);
    await expect(noCa.dir.authenticate('p.nair', 'Branch-Op-2026')).rejects.toMatchObject({ message: expect.stringMatching(/certificate is not trusted/) });
  });

  it('says clearly, within its timeout, when the directory is down or hangs', async () => {
    // Down: a port nobody listens on.
    const closed = await new Promise<number>((r) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as AddressInfo;
        s.close(() => r(port));
      });
    });
    const down = directory({ url: `ldaps://127.0.0.1:${closed}` });
    await expect(down.dir.authenticate('p.nair', 'Branch-Op-2026')).rejects.toMatchObject({ message: expect.stringMatching(/could not be reached/) });
    // Hung: accepts the connection and never answers.
    const sockets: net.Socket[] = [];
    const hung = net.createServer((s) => void sockets.push(s));
    await new Promise<void>((r) => hung.listen(0, '127.0.0.1', r));
    try {
      const h = directory({ url: `ldaps://127.0.0.1:${(hung.address() as AddressInfo).port}`, timeoutMs: 1000 });
      const t0 = Date.now();
      await expect(h.dir.authenticate('p.nair', 'Branch-Op-2026')).rejects.toMatchObject({ message: expect.stringMatching(/could not be reached/) });
      expect(Date.now() - t0).toBeLessThan(4000);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => hung.close(() => r()));
    }
  });

  it('is what the config names: ldaps only, a DN template with {staffId}, the CA read from caFile', async () => {
    const files: Record<string, string> = { [slapd.caFile]: readFileSync(slapd.caFile, 'utf8') };
    const load = (sd: unknown) =>
      loadConfig({
        env: {},
        userDataDir: '/u',
        readFile: async (p) => (p === '/u/kiosk-config.json' ? JSON.stringify({ staffDirectory: sd }) : (files[p] ?? null)),
      });
    const good = { kind: 'ldap', url: slapd.url, userDnTemplate: `uid={staffId},${PEOPLE}`, operatorGroup: OPERATORS, supervisorGroup: SUPERVISORS, caFile: slapd.caFile };
    expect((await load(good)).staffDirectory).toMatchObject({ kind: 'ldap', url: slapd.url, timeoutMs: 5000, ca: expect.stringContaining('BEGIN CERTIFICATE') });
    await expect(load({ ...good, url: 'ldap://127.0.0.1:389' })).rejects.toMatchObject({ code: 'config', message: expect.stringMatching(/ldaps/) });
    await expect(load({ ...good, userDnTemplate: `uid=x,${PEOPLE}` })).rejects.toMatchObject({ message: expect.stringMatching(/staffDirectory.userDnTemplate/) });
    await expect(load({ ...good, bindPassword: 'x' })).rejects.toMatchObject({ code: 'config' });
  });

  it('through the kiosk: a supervisor unlocks with the directory password; the kiosk counts no failures itself', async () => {
    const h = await createIpcHarness(captureLogger().logger, {
      staff: null,
      config: { staffDirectory: { kind: 'ldap', url: slapd.url, userDnTemplate: `uid={staffId},${PEOPLE}`, operatorGroup: OPERATORS, supervisorGroup: SUPERVISORS, caFile: slapd.caFile } },
    });
    try {
      expect(await h.invoke('kiosk:info', {})).toMatchObject({ ok: true, value: { staffDirectory: 'ldap', demoStaff: false } });
      for (let i = 0; i < 6; i++) expect(await h.invoke('staff:unlock', { staffId: 's.khan', secret: 'nope' })).toEqual({ ok: true, value: { outcome: 'wrong' } });
      expect(await h.invoke('staff:unlock', { staffId: 'S.Khan', secret: 'Branch-Sup-2026' })).toMatchObject({ ok: true, value: { outcome: 'unlocked', staff: { staffId: 's.khan', role: 'supervisor', name: 'Sameer Khan' } } });
      // The demo staff do not exist here.
      expect(await h.invoke('staff:unlock', { staffId: 'demo.operator', secret: '246810' })).toEqual({ ok: true, value: { outcome: 'wrong' } });
    } finally {
      await h.close();
    }
  });
});
