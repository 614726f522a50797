import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../main/config';
import { createKioskCore } from '../main/core/kiosk-core';
import { loadKeytarBackend } from '../main/secrets/keytar-backend';
import { startSandbox, type RunningSandbox } from '../main/sandbox/sandbox-server';
import { DEMO_CUSTOMER } from '../domain/demo-account';
import { captureLogger } from './helpers/capture-logger';
import { filesContaining } from './helpers/scan-files';
import { assertBuilt, runKioskctl, type CliRun } from './helpers/run-kioskctl';

// A canary token and canary customer data go through every flow; no log line, no CLI error
// output and no file may contain them afterwards.
// Random per run, so the value cannot stand in any source file.
const TOKEN = `CANARYTOKEN${randomBytes(12).toString('hex')}`;
const PII = {
  userName: 'canary.zqx',
  fullName: 'Canaryname Zqxwv',
  emailId: 'canary.pii.zqx@example.com',
  phoneNumber: '9811122233',
  countryCode: '+91',
};
const NEW_EMAIL = 'canary.new.zqx@example.com';
const NEW_PHONE = '9811122244';
const PII_VALUES = [PII.fullName, PII.emailId, PII.phoneNumber, NEW_EMAIL, NEW_PHONE];
const scratch = process.env['KIOSK_TEST_SCRATCH'] ?? '';

let sb: RunningSandbox;
beforeAll(async () => {
  assertBuilt();
  sb = await startSandbox({ newToken: () => TOKEN });
  sb.state.createUser(PII, 'success');
});
afterAll(async () => {
  await sb.close();
});

function expectClean(text: string, what: string, values: string[]): void {
  for (const v of values) expect(text, `${what} contains ${v}`).not.toContain(v);
}

describe('canary token and customer data', () => {
  it('never reach the log through the services, with a real keychain', async () => {
    const cap = captureLogger();
    const config = await loadConfig({ env: {}, userDataDir: '/nonexistent', readFile: async () => null, overrides: { baseUrl: sb.baseUrl, customerName: DEMO_CUSTOMER.customerName } });
    const core = await createKioskCore(config, { logger: cap.logger, loadKeychain: loadKeytarBackend, userDataDir: '/nonexistent', sandbox: false });
    const svc = core.services;
    await svc.session.signIn(DEMO_CUSTOMER.password);
    expect(await svc.tokens.get()).toBe(TOKEN);
    await svc.profile.lookup(PII.userName);
    const plan = await svc.profile.plan(PII.userName, { emailId: NEW_EMAIL, phoneNumber: NEW_PHONE }, true);
    const out = await svc.profile.update(plan);
    await svc.session.withToken((t) => svc.client.enrollmentStatus(t, out.reEnrollmentUrl!));
    expect(await svc.profile.reconcile(plan)).toBe('applied-face-pending');
    await svc.profile.lookup('nobody.there').catch(() => undefined);
    sb.state.expireAllTokens();
    await expect(svc.profile.lookup(PII.userName)).rejects.toMatchObject({ code: 'session-expired' });
    await svc.session.signIn(DEMO_CUSTOMER.password);
    await svc.session.signOut();
    await core.close();

    expect(cap.lines.length).toBeGreaterThan(5);
    expectClean(cap.text(), 'service log', [TOKEN, DEMO_CUSTOMER.password, PII.userName, ...PII_VALUES]);
    // Restore the record for the CLI test.
    sb.state.update(PII.userName, { userName: PII.userName, fullName: PII.fullName, emailId: PII.emailId, phoneNumber: PII.phoneNumber }, false);
  });

  it('never reach the CLI output (customer values only where a command prints the record)', async () => {
    const g = ['--base-url', sb.baseUrl, '--customer', DEMO_CUSTOMER.customerName];
    const env = { ...process.env, KIOSK_LOG_LEVEL: 'debug' };
    const runs: { name: string; r: CliRun }[] = [];
    // Each step must do what it should, or the leak checks below would pass vacuously.
    const run = async (name: string, args: string[], expectedCode: number, stdin = ''): Promise<CliRun> => {
      const r = await runKioskctl([...g, ...args], { env, stdin });
      expect(r.code, `${name}: ${r.stderr}`).toBe(expectedCode);
      runs.push({ name, r });
      return r;
    };
    await run('login', ['login', '--password-stdin'], 0, DEMO_CUSTOMER.password);
    await run('doctor', ['--json', 'doctor'], 0);
    await run('show', ['user', 'show', PII.userName], 0);
    await run('update', ['--json', 'user', 'update', PII.userName, '--email', NEW_EMAIL, '--phone', NEW_PHONE], 0);
    const face = await run('face', ['user', 'update', PII.userName, '--face'], 0);
    const url = /Re-enrollment URL: (\S+)/.exec(face.stdout)?.[1] ?? '';
    expect(url).toMatch(/\/portal\//);
    await run('status', ['enrollment', 'status', url], 0);
    await run('bad-input', ['user', 'update', PII.userName, '--email', 'canary-broken-email'], 2);
    await run('unknown', ['user', 'show', 'nobody.there'], 4);
    sb.state.expireAllTokens();
    await run('expired', ['--json', 'user', 'show', PII.userName], 3);
    await run('login2', ['login', '--password-stdin'], 0, DEMO_CUSTOMER.password);
    await run('logout', ['logout'], 0);
    // The debug log really was on, so "no canary in stderr" means something.
    expect(runs.find((x) => x.name === 'update')!.r.stderr).toContain('"level":"debug"');

    for (const { name, r } of runs) {
      expectClean(r.stderr, `${name} stderr`, [TOKEN, DEMO_CUSTOMER.password, ...PII_VALUES]);
      expectClean(r.stdout, `${name} stdout`, [TOKEN, DEMO_CUSTOMER.password]);
      if (name !== 'show') expectClean(r.stdout, `${name} stdout`, PII_VALUES);
    }
    expect(runs.find((x) => x.name === 'show')!.r.stdout).toContain(PII.fullName);
  });

  it('are in no file: not in the test home (keyring included), not in the working tree', async () => {
    expect(scratch, 'run inside test/with-keyring.sh').not.toBe('');
    expect(await filesContaining(scratch, TOKEN)).toEqual([]);
    expect(await filesContaining(process.cwd(), TOKEN, ['node_modules', '.git'])).toEqual([]);
  });
});
