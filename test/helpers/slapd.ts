import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A real OpenLDAP server (Debian's slapd) for the staff directory tests: its own config, data and
// throwaway CA in a temporary folder, ldaps on a loopback port, run in the foreground (as
// `nobody` when the tests run as root) and always stopped. Never the system's instance.

export const SUFFIX = 'dc=bank,dc=example';
export const PEOPLE = `ou=people,${SUFFIX}`;
export const OPERATORS = `cn=kiosk-operators,ou=groups,${SUFFIX}`;
export const SUPERVISORS = `cn=kiosk-supervisors,ou=groups,${SUFFIX}`;

/** The directory's users: staff id, name, password, and which kiosk group (if any). */
export const LDAP_USERS = [
  { uid: 'p.nair', name: 'Priya Nair', password: 'Branch-Op-2026', group: 'operators' },
  { uid: 's.khan', name: 'Sameer Khan', password: 'Branch-Sup-2026', group: 'supervisors' },
  { uid: 'x.guest', name: 'Guest Clerk', password: 'No-Kiosk-2026', group: null },
] as const;

export interface RunningSlapd {
  url: string;
  /** The CA that signed the server's certificate (PEM file). */
  caFile: string;
  /** Another CA, which did not (a certificate the kiosk must not trust). */
  otherCaFile: string;
  stop(): Promise<void>;
}

export function slapdAvailable(): boolean {
  return existsSync('/usr/sbin/slapd') && existsSync('/usr/sbin/slapadd');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function ldif(): string {
  const entries = [
    `dn: ${SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\ndc: bank\no: Example Bank`,
    `dn: ${PEOPLE}\nobjectClass: organizationalUnit\nou: people`,
    `dn: ou=groups,${SUFFIX}\nobjectClass: organizationalUnit\nou: groups`,
    ...LDAP_USERS.map((u) => `dn: uid=${u.uid},${PEOPLE}\nobjectClass: inetOrgPerson\nuid: ${u.uid}\ncn: ${u.name}\nsn: ${u.name.split(' ').at(-1) ?? u.name}\nuserPassword: ${u.password}`),
    ...(['operators', 'supervisors'] as const).map((g) => {
      const members = LDAP_USERS.filter((u) => u.group === g).map((u) => `member: uid=${u.uid},${PEOPLE}`);
      return `dn: cn=kiosk-${g},ou=groups,${SUFFIX}\nobjectClass: groupOfNames\ncn: kiosk-${g}\n${members.join('\n')}`;
    }),
  ];
  return entries.join('\n\n') + '\n';
}

/** Starts slapd with ldaps on 127.0.0.1 and waits until it accepts connections. */
export async function startSlapd(): Promise<RunningSlapd> {
  // In the system's temporary folder, not the tests' private scratch folder: slapd runs as
  // `nobody` under root and must reach its files. Removed when it stops.
  // (/tmp itself: the test runner points TMPDIR into its private scratch folder.)
  const dir = mkdtempSync(join(existsSync('/tmp') ? '/tmp' : tmpdir(), 'kiosk-slapd-'));
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: dir, stdio: 'ignore' });
  run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=Test Bank Directory CA', '-keyout', 'ca.key', '-out', 'ca.pem']);
  run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=Some Other CA', '-keyout', 'other.key', '-out', 'other.pem']);
  run('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', 'srv.key', '-out', 'srv.csr']);
  writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  run('openssl', ['x509', '-req', '-in', 'srv.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '1', '-extfile', 'ext.cnf', '-out', 'srv.pem']);
  mkdirSync(join(dir, 'db'));
  writeFileSync(
    join(dir, 'slapd.conf'),
    [
      'include /etc/ldap/schema/core.schema',
      'include /etc/ldap/schema/cosine.schema',
      'include /etc/ldap/schema/inetorgperson.schema',
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      `pidfile ${join(dir, 'slapd.pid')}`,
      `TLSCACertificateFile ${join(dir, 'ca.pem')}`,
      `TLSCertificateFile ${join(dir, 'srv.pem')}`,
      `TLSCertificateKeyFile ${join(dir, 'srv.key')}`,
      'database mdb',
      `suffix "${SUFFIX}"`,
      `rootdn "cn=admin,${SUFFIX}"`,
      `directory ${join(dir, 'db')}`,
      // Users bind with their own password and read the kiosk groups; nobody reads a password.
      'access to attrs=userPassword by anonymous auth by * none',
      'access to * by users read by * none',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'data.ldif'), ldif());
  run('/usr/sbin/slapadd', ['-f', join(dir, 'slapd.conf'), '-l', join(dir, 'data.ldif')]);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // slapd drops to nobody: it must read its files and write its database.
    chmodSync(dir, 0o755);
    for (const f of readdirSync(dir)) chownSync(join(dir, f), 65534, 65534);
    for (const f of readdirSync(join(dir, 'db'))) chownSync(join(dir, 'db', f), 65534, 65534);
    chownSync(dir, 65534, 65534);
  }
  const port = await freePort();
  const url = `ldaps://127.0.0.1:${port}`;
  const child: ChildProcess = spawn('/usr/sbin/slapd', ['-d', '0', '-f', join(dir, 'slapd.conf'), '-h', `${url}/`, ...(asRoot ? ['-u', 'nobody', '-g', 'nogroup'] : [])], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`slapd exited (${child.exitCode}): ${stderr.slice(0, 500)}`);
    }
    const up = await new Promise<boolean>((r) => {
      const s = net.connect(port, '127.0.0.1', () => (s.destroy(), r(true)));
      s.on('error', () => r(false));
    });
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`slapd did not start: ${stderr.slice(0, 500)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    caFile: join(dir, 'ca.pem'),
    otherCaFile: join(dir, 'other.pem'),
    stop: async () => {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
