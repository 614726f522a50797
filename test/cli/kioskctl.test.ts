import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createAuditLog } from '../../main/audit/audit-log';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/sandbox-server';
import { DEMO_CUSTOMER } from '../../domain/demo-account';
import { json, startTestServer, type TestServer } from '../helpers/test-server';
import { assertBuilt, KIOSKCTL, runKioskctl } from '../helpers/run-kioskctl';

let sb: RunningSandbox | null = null;
let server: TestServer | null = null;
beforeAll(() => assertBuilt());
afterEach(async () => {
  await sb?.close();
  await server?.close();
  sb = null;
  server = null;
});

/** Tokens every sandbox in this file issued, for the leak checks. */
const issued: string[] = [];

/** A sandbox with its own customer name, so keychain entries never carry over between tests. */
async function sandboxArgs(): Promise<string[]> {
  const customerName = `demo-bank-${randomBytes(4).toString('hex')}`;
  sb = await startSandbox({
    customerName,
    newToken: () => {
      const t = randomBytes(32).toString('hex');
      issued.push(t);
      return t;
    },
  });
  return ['--base-url', sb.baseUrl, '--customer', customerName];
}

/** A D-Bus session config with no service directories: nothing can be auto-started on it. */
function busWithoutServices(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kioskctl-bus-'));
  const file = join(dir, 'session.conf');
  writeFileSync(
    file,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:dir=${dir}</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>`,
  );
  return file;
}

async function signedIn(): Promise<string[]> {
  const g = await sandboxArgs();
  const r = await runKioskctl([...g, 'login', '--password-stdin'], { stdin: DEMO_CUSTOMER.password + '\n' });
  expect(r.code).toBe(0);
  return g;
}

function parse(stdout: string): Record<string, unknown> {
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as Record<string, unknown>;
}

describe('kioskctl end to end against the sandbox', () => {
  it('login → show → update → update with face → status → logout', async () => {
    const g = await sandboxArgs();
    const login = await runKioskctl([...g, '--json', 'login', '--password-stdin'], { stdin: DEMO_CUSTOMER.password });
    expect(login.code).toBe(0);
    expect(parse(login.stdout)).toEqual({ ok: true, signedIn: true });

    const show = await runKioskctl([...g, '--json', 'user', 'show', 'priya.sharma']);
    expect(show.code).toBe(0);
    expect(parse(show.stdout)).toMatchObject({ ok: true, user: { userName: 'priya.sharma', fullName: 'Priya Sharma', phoneNumber: '9123456780', countryCode: '+91' } });

    const upd = await runKioskctl([...g, '--json', 'user', 'update', 'priya.sharma', '--new-user-name', 'priya.s', '--email', 'priya.s@example.com', '--phone', '+91 99887 66554']);
    expect(upd.code).toBe(0);
    expect(parse(upd.stdout)).toEqual({ ok: true, userName: 'priya.s', changed: ['userName', 'emailId', 'phoneNumber'], face: false, reEnrollmentUrl: null, facePending: false, faceLinkRefused: false, auditRecorded: true });
    const audit = await runKioskctl([...g, '--json', 'audit', 'tail', '-n', '1']);
    expect(audit.code).toBe(0);
    expect(parse(audit.stdout)).toMatchObject({
      ok: true,
      entries: [{ userNameBefore: 'priya.sharma', userNameAfter: 'priya.s', changedFields: ['userName', 'emailId', 'phoneNumber'], face: false, outcome: 'applied' }],
    });
    expect(audit.stdout).not.toContain('priya.s@example.com');
    const human = await runKioskctl([...g, 'audit', 'tail', '-n', '1']);
    expect(human.stdout).toMatch(/priya\.sharma -> priya\.s {2}userName,emailId,phoneNumber {2}no-face {2}applied/);
    expect((await runKioskctl([...g, 'audit', 'tail', '-n', '0'])).code).toBe(2);
    expect(sb!.state.details('priya.s')).toMatchObject({ emailId: 'priya.s@example.com', phoneNumber: '9988766554', fullName: 'Priya Sharma' });

    const face = await runKioskctl([...g, 'user', 'update', 'priya.s', '--face']);
    expect(face.code).toBe(0);
    const url = /Re-enrollment URL: (\S+)/.exec(face.stdout)?.[1];
    expect(url).toMatch(/\/iframe\/enroll\/portal\//);

    const status = await runKioskctl([...g, '--json', 'enrollment', 'status', url!]);
    expect(parse(status.stdout)).toEqual({ ok: true, enrollmentStatus: 'draft', userName: 'priya.s' });
    sb!.state.finishEnrollment(url!, 'success');
    const status2 = await runKioskctl([...g, 'enrollment', 'status', url!]);
    expect(status2.stdout).toContain('Enrollment status: success');

    const logout = await runKioskctl([...g, '--json', 'logout']);
    expect(parse(logout.stdout)).toEqual({ ok: true, signedOut: true, revoked: true });
    const after = await runKioskctl([...g, 'user', 'show', 'priya.s']);
    expect(after.code).toBe(3);
  });

  it('doctor reports every check healthy when signed in', async () => {
    const g = await signedIn();
    const r = await runKioskctl([...g, '--json', 'doctor']);
    expect(r.code).toBe(0);
    const out = parse(r.stdout);
    expect(out['healthy']).toBe(true);
    expect((out['checks'] as { name: string; ok: boolean }[]).map((c) => [c.name, c.ok])).toEqual([
      ['config', true],
      ['keychain', true],
      ['api', true],
      ['token', true],
    ]);
  });

  it('doctor says "not signed in" with exit 3, and ok:false in JSON', async () => {
    const g = await sandboxArgs();
    const r = await runKioskctl([...g, 'doctor']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/FAIL token +not signed in/);
    const j = await runKioskctl([...g, '--json', 'doctor']);
    expect(j.code).toBe(3);
    expect(parse(j.stdout)).toMatchObject({ ok: false, healthy: false, error: { code: 'not-signed-in' } });
  });

  it('exit 2: invalid input fails before any network call', async () => {
    const g = await signedIn();
    const before = sb!.requestCount();
    for (const bad of [['--email', 'not-an-email'], ['--phone', '12345'], ['--new-user-name', 'has space'], []]) {
      const r = await runKioskctl([...g, '--json', 'user', 'update', 'ravi.kumar', ...bad]);
      expect(r.code).toBe(2);
      expect(parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    const r2 = await runKioskctl([...g, 'user', 'show', 'ravi kumar']);
    expect(r2.code).toBe(2);
    expect(sb!.requestCount()).toBe(before);
  });

  it('exit 2: usage errors and bad global flags', async () => {
    expect((await runKioskctl(['frobnicate'])).code).toBe(2);
    expect((await runKioskctl([])).code).toBe(2);
    expect((await runKioskctl(['--help'])).code).toBe(0);
    const j = await runKioskctl(['--json', 'user', 'show']);
    expect(j.code).toBe(2);
    expect(parse(j.stdout)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const http = await runKioskctl(['--base-url', 'http://example.com/dfa', '--customer', 'x', 'user', 'show', 'a']);
    expect(http.code).toBe(2);
    expect(http.stderr).toMatch(/must use https/);
  });

  it('exit 2: sandbox mode without a base URL explains what to do', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kioskctl-'));
    const r = await runKioskctl(['user', 'show', 'ravi.kumar'], { env: { ...process.env, XDG_CONFIG_HOME: home, KIOSK_CONFIG: '' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sandbox mode.*kioskctl sandbox/);
  });

  it('exit 2: a config file with an unknown key names the key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kioskctl-'));
    writeFileSync(join(dir, 'c.json'), '{"mode":"vendor","baseUrl":"https://x.example","customerName":"b","timeout":5}');
    const r = await runKioskctl(['--config', join(dir, 'c.json'), 'doctor']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown key "timeout"/);
  });

  it('exit 3: not signed in, and an expired session deletes the token', async () => {
    const g = await sandboxArgs();
    expect((await runKioskctl([...g, 'user', 'show', 'ravi.kumar'])).code).toBe(3);
    const login = await runKioskctl([...g, 'login', '--password-stdin'], { stdin: DEMO_CUSTOMER.password });
    expect(login.code).toBe(0);
    sb!.state.expireAllTokens();
    const expired = await runKioskctl([...g, '--json', 'user', 'show', 'ravi.kumar']);
    expect(expired.code).toBe(3);
    expect(parse(expired.stdout)).toMatchObject({ error: { code: 'session-expired' } });
    const again = await runKioskctl([...g, '--json', 'user', 'show', 'ravi.kumar']);
    expect(parse(again.stdout)).toMatchObject({ error: { code: 'not-signed-in' } });
  });

  it('exit 4: the vendor rejects (unknown user, wrong password)', async () => {
    const g = await signedIn();
    const r = await runKioskctl([...g, 'user', 'show', 'nobody.here']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('User is not registered');
    const pw = await runKioskctl([...g, 'login', '--password-stdin'], { stdin: 'wrong' });
    expect(pw.code).toBe(4);
  });

  it('audits an update refused before the update call, as the kiosk does (same workflow)', async () => {
    const g = await signedIn();
    const r = await runKioskctl([...g, 'user', 'update', 'nobody.here', '--full-name', 'No Body']);
    expect(r.code).toBe(4);
    const taken = await runKioskctl([...g, 'user', 'update', 'ravi.kumar', '--new-user-name', 'priya.sharma']);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('already taken');
    const before = sb!.requestCount();
    const invalid = await runKioskctl([...g, 'user', 'update', 'ravi.kumar', '--email', 'not-an-email']);
    expect(invalid.code).toBe(2);
    expect(sb!.requestCount()).toBe(before);
    const audit = await runKioskctl([...g, '--json', 'audit', 'tail', '-n', '3']);
    expect(parse(audit.stdout)).toMatchObject({
      ok: true,
      entries: [
        { userNameBefore: 'nobody.here', userNameAfter: 'nobody.here', changedFields: ['fullName'], face: false, outcome: 'rejected' },
        { userNameBefore: 'ravi.kumar', userNameAfter: 'priya.sharma', changedFields: ['userName'], face: false, outcome: 'rejected' },
        { userNameBefore: 'ravi.kumar', userNameAfter: 'ravi.kumar', changedFields: ['emailId'], face: false, outcome: 'rejected' },
      ],
    });
    expect(audit.stdout).not.toContain('No Body');
    expect(audit.stdout).not.toContain('not-an-email');
    expect(sb!.requestCount('/user/update')).toBe(0);
  });

  it('a face update whose link is outside enrollmentOrigins: exit 0, face pending, the link never printed, audited', async () => {
    const g = await signedIn();
    const [, baseUrl, , customer] = g;
    const dir = mkdtempSync(join(tmpdir(), 'kioskctl-origins-'));
    const config = join(dir, 'kiosk-config.json');
    writeFileSync(config, JSON.stringify({ mode: 'vendor', baseUrl, customerName: customer, enrollmentOrigins: ['https://signzy.app'] }));
    const r = await runKioskctl(['--config', config, '--json', 'user', 'update', 'arjun.mehta', '--face']);
    expect(r.code).toBe(0);
    expect(parse(r.stdout)).toMatchObject({ ok: true, userName: 'arjun.mehta', face: true, reEnrollmentUrl: null, facePending: true, faceLinkRefused: true });
    expect(r.stderr).toMatch(/outside the allowed origins/);
    // Untrusted text: neither the portal link nor its host appears anywhere.
    for (const out of [r.stdout, r.stderr]) {
      expect(out).not.toContain('/iframe/enroll/portal/');
      expect(out).not.toContain(new URL(baseUrl!).host);
    }
    const audit = await runKioskctl([...g, '--json', 'audit', 'tail', '-n', '2']);
    expect(parse(audit.stdout)).toMatchObject({ entries: [{ userNameBefore: 'arjun.mehta', face: true, outcome: 'applied' }, { userNameBefore: 'arjun.mehta', face: true, outcome: 'face-link-refused' }] });
    // The same update with the default origins (the base URL's own) prints the link.
    const ok = await runKioskctl([...g, '--json', 'user', 'update', 'arjun.mehta', '--face']);
    expect(parse(ok.stdout)).toMatchObject({ ok: true, facePending: false, reEnrollmentUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1/) });
  });

  it('audit verify: exit 0 on an intact trail, exit 1 with the first bad line after an edit', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kioskctl-audit-')), 'audit.jsonl');
    const log = createAuditLog({ file, kioskId: 'k1' });
    for (const outcome of ['applied', 'rejected', 'applied'] as const) {
      await log.append({ userNameBefore: 'ravi.kumar', userNameAfter: 'ravi.kumar', changedFields: ['emailId'], face: false, outcome });
    }
    await log.close();
    const ok = await runKioskctl(['--json', 'audit', 'verify', '--file', file]);
    expect(ok.code).toBe(0);
    expect(parse(ok.stdout)).toEqual({ ok: true, file, intact: true, lines: 3, start: 'genesis', unchained: 0, cutShort: [] });
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, lines.map((l, i) => (i === 1 ? l.replace('"rejected"', '"applied"') : l)).join('\n'));
    const bad = await runKioskctl(['audit', 'verify', '--file', file]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/broken at line 3/);
    const json = await runKioskctl(['--json', 'audit', 'verify', '--file', file]);
    expect(parse(json.stdout)).toMatchObject({ ok: false, intact: false, badLine: 3 });
    expect((await runKioskctl(['audit', 'verify', '--file', join(tmpdir(), 'no-such-trail.jsonl')])).code).toBe(2);
  });

  it('exit 5: network down and timeout', async () => {
    const down = await runKioskctl(['--base-url', 'http://127.0.0.1:9/deepfaceauth', '--customer', 'x', 'login', '--password-stdin'], { stdin: 'pw' });
    expect(down.code).toBe(5);
    server = await startTestServer(() => undefined);
    const t0 = Date.now();
    const slow = await runKioskctl(['--base-url', server.baseUrl, '--customer', 'x', '--timeout-ms', '1000', 'login', '--password-stdin'], { stdin: 'pw' });
    expect(slow.code).toBe(5);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  /** A vendor stand-in that cuts the connection on every update, after applying it if asked. */
  async function lossyVendor(applyBeforeCut: boolean): Promise<{ args: string[]; updates: () => number }> {
    let updates = 0;
    const record = { userName: 'ravi.kumar', fullName: 'Ravi Kumar', emailId: 'r@example.com', phoneNumber: '9876543210' };
    server = await startTestServer((req, res, socket) => {
      const body = JSON.parse(req.body) as Record<string, unknown>;
      if (req.path.endsWith('/login')) return json(res, 200, { accessToken: 'tok-lost-update-1', status: '200 OK', message: 'ok' });
      if (req.path.endsWith('/user/details')) {
        if (body['userName'] !== record.userName) return json(res, 400, { error: { message: 'User is not registered', status: '422' } });
        return json(res, 200, { ...record, countryCode: '+91', enrollmentUrl: '', message: 'success', status: '200 OK' });
      }
      updates++;
      if (applyBeforeCut) Object.assign(record, body['parametersToBeUpdated']);
      socket.destroy();
    });
    const args = ['--base-url', server.baseUrl, '--customer', 'x'];
    expect((await runKioskctl([...args, 'login', '--password-stdin'], { stdin: 'pw' })).code).toBe(0);
    return { args, updates: () => updates };
  }

  it('exit 5: a lost update answer is reconciled; not applied means "safe to run again", sent once', async () => {
    const v = await lossyVendor(false);
    const r = await runKioskctl([...v.args, '--json', 'user', 'update', 'ravi.kumar', '--full-name', 'Ravi Rao']);
    expect(r.code).toBe(5);
    expect(parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'outcome-unknown', message: expect.stringMatching(/not applied.*safe to run it again/) }, reconciled: 'not-applied' });
    expect(v.updates()).toBe(1);
  });

  it('exit 0: a lost update answer is reconciled as applied, sent once', async () => {
    const v = await lossyVendor(true);
    const r = await runKioskctl([...v.args, '--json', 'user', 'update', 'ravi.kumar', '--full-name', 'Ravi Rao']);
    expect(r.code).toBe(0);
    expect(parse(r.stdout)).toMatchObject({ ok: true, reconciled: 'applied', changed: ['fullName'] });
    expect(v.updates()).toBe(1);
  });

  it('exit 5: a lost face update says the details are saved but the face link must be fetched again', async () => {
    const v = await lossyVendor(true);
    const r = await runKioskctl([...v.args, 'user', 'update', 'ravi.kumar', '--email', 'new@example.com', '--face']);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/details are saved.*only --face/);
    expect(v.updates()).toBe(1);
  });

  it('exit 1: an answer the kiosk cannot read', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html>maintenance</html>');
    });
    const r = await runKioskctl(['--base-url', server.baseUrl, '--customer', 'x', 'login', '--password-stdin'], { stdin: 'pw' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unreadable answer/);
  });

  it('exit 6: no Secret Service on the D-Bus session', async () => {
    const g = await sandboxArgs();
    const r = await runKioskctl([...g, '--json', 'login', '--password-stdin'], { stdin: DEMO_CUSTOMER.password, wrapper: ['dbus-run-session', `--config-file=${busWithoutServices()}`, '--'] });
    expect(r.code).toBe(6);
    expect(parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'keychain-unavailable', message: expect.stringMatching(/Secret Service/) } });
    expect(r.ms).toBeLessThan(10_000);
  });

  it('exit 6: no D-Bus at all', async () => {
    const g = await sandboxArgs();
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_RUNTIME_DIR: mkdtempSync(join(tmpdir(), 'nobus-')) };
    delete env['DBUS_SESSION_BUS_ADDRESS'];
    delete env['DISPLAY'];
    const r = await runKioskctl([...g, '--json', 'doctor'], { env });
    expect(r.code).toBe(6);
    expect(r.ms).toBeLessThan(10_000);
    const out = parse(r.stdout);
    const keychain = (out['checks'] as { name: string; ok: boolean; detail: string }[]).find((c) => c.name === 'keychain');
    expect(keychain).toMatchObject({ ok: false, detail: expect.stringMatching(/D-Bus/) });
  });

  it('runs the sandbox in the foreground until asked to stop', async () => {
    const child = spawn(process.execPath, [KIOSKCTL, '--json', 'sandbox'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const first = await new Promise<string>((resolve, reject) => {
        child.stdout.once('data', (d: Buffer) => resolve(d.toString()));
        child.once('exit', () => reject(new Error('sandbox exited before printing its URL')));
      });
      const { baseUrl } = parse(first) as { baseUrl: string };
      expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/deepfaceauth$/);
      const login = await runKioskctl(['--base-url', baseUrl, '--customer', 'demo-bank', 'login', '--password-stdin'], { stdin: DEMO_CUSTOMER.password });
      expect(login.code).toBe(0);
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      await expect(fetch(`${baseUrl}/api/v1/basic/login`, { method: 'POST' })).rejects.toThrow();
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('exit 2: the sandbox port is already taken', async () => {
    sb = await startSandbox();
    const r = await runKioskctl(['sandbox', '--port', String(sb.port)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already in use/);
  });

  it('never prints the token or password, even with --json', async () => {
    const g = await sandboxArgs();
    const before = issued.length;
    const outputs: string[] = [];
    for (const args of [['login', '--password-stdin'], ['doctor'], ['user', 'show', 'ravi.kumar'], ['user', 'show', 'nobody.here'], ['logout']]) {
      for (const jsonFlag of [[], ['--json']]) {
        const r = await runKioskctl([...g, ...jsonFlag, ...args], { stdin: DEMO_CUSTOMER.password, env: { ...process.env, KIOSK_LOG_LEVEL: 'debug' } });
        outputs.push(r.stdout, r.stderr);
      }
    }
    const tokens = issued.slice(before);
    expect(tokens.length).toBeGreaterThan(0);
    const all = outputs.join('\n');
    expect(all).toContain('"level":"debug"');
    expect(all).not.toContain(DEMO_CUSTOMER.password);
    for (const t of tokens) expect(all).not.toContain(t);
  });
});
