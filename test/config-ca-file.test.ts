import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../main/config';
import { KioskError } from '../domain/kiosk-error';

let realCa = '';
beforeAll(() => {
  const dir = mkdtempSync(join(process.env['KIOSK_TEST_SCRATCH'] || tmpdir(), 'ca-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=Config CA', '-keyout', 'k.pem', '-out', 'ca.pem'], { cwd: dir, stdio: 'ignore' });
  realCa = readFileSync(join(dir, 'ca.pem'), 'utf8');
});

function load(files: Record<string, string>) {
  return loadConfig({ env: { KIOSK_CONFIG: '/etc/kiosk.json' }, userDataDir: '/data', readFile: async (p) => files[p] ?? null });
}

async function message(p: Promise<unknown>): Promise<string> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(KioskError);
  expect((err as KioskError).code).toBe('config');
  return (err as KioskError).message;
}

const vendor = { mode: 'vendor', baseUrl: 'https://dfa-proxy.bank.example/deepfaceauth', customerName: 'bank' };

describe('the caFile key', () => {
  it('loads the PEM certificates of the bank CA', async () => {
    const c = await load({ '/etc/kiosk.json': JSON.stringify({ ...vendor, caFile: '/etc/bank-ca.pem' }), '/etc/bank-ca.pem': `# bank CA\n${realCa}` });
    expect(c.extraCaCertificates).toBe(realCa.trim());
  });

  it('is null without the key', async () => {
    expect((await load({ '/etc/kiosk.json': JSON.stringify(vendor) })).extraCaCertificates).toBeNull();
  });

  it.each([
    [{ caFile: 'bank-ca.pem' }, {}, /key "caFile": must be an absolute path/],
    [{ caFile: '/etc/none.pem' }, {}, /key "caFile": \/etc\/none\.pem does not exist/],
    [{ caFile: '/etc/x.pem' }, { '/etc/x.pem': 'not a certificate' }, /holds no PEM certificate/],
    [{ caFile: '/etc/x.pem' }, { '/etc/x.pem': '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n' }, /cannot be read/],
  ])('refuses %j', async (extra, files, pattern) => {
    const m = await message(load({ '/etc/kiosk.json': JSON.stringify({ ...vendor, ...extra }), ...files }));
    expect(m).toMatch(pattern);
  });
});
