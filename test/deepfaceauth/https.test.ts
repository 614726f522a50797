import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeepFaceAuthClient } from '../../main/deepfaceauth/client';
import { captureLogger } from '../helpers/capture-logger';
import { assertBuilt, runKioskctl } from '../helpers/run-kioskctl';

// A bank's reverse proxy with a certificate from its own CA: refused by default (TLS
// verification stays on), accepted once the CA is installed with NODE_EXTRA_CA_CERTS.
let server: https.Server;
let baseUrl: string;
let caFile: string;

beforeAll(async () => {
  assertBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-tls-'));
  caFile = join(dir, 'ca.pem');
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=Test Bank CA', '-keyout', 'ca.key', '-out', 'ca.pem']);
  run(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', 'srv.key', '-out', 'srv.csr']);
  writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  run(['x509', '-req', '-in', 'srv.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '1', '-extfile', 'ext.cnf', '-out', 'srv.pem']);
  server = https.createServer({ key: readFileSync(join(dir, 'srv.key')), cert: readFileSync(join(dir, 'srv.pem')) }, (req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ accessToken: 'tls-token-0123456789', status: '200 OK', message: 'Successfully Logged In' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}/deepfaceauth`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

describe('https base URLs', () => {
  it('refuses a certificate from an unknown CA with a message for IT', async () => {
    const client = createDeepFaceAuthClient({ baseUrl, customerName: 'b', timeoutMs: 5000, updateParamsKey: 'parametersToBeUpdated', logger: captureLogger().logger });
    await expect(client.login('pw-123456')).rejects.toMatchObject({ code: 'network', message: expect.stringMatching(/certificate is not trusted/) });
  });

  it("works once the bank's CA is installed (NODE_EXTRA_CA_CERTS), end to end through kioskctl", async () => {
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: caFile };
    const r = await runKioskctl(['--base-url', baseUrl, '--customer', 'b', '--json', 'login', '--password-stdin'], { stdin: 'pw', env });
    expect(r.stdout).toContain('"ok":true');
    expect(r.code).toBe(0);
    // Without the CA, the same call is refused.
    const refused = await runKioskctl(['--base-url', baseUrl, '--customer', 'b', 'login', '--password-stdin'], { stdin: 'pw' });
    expect(refused.code).toBe(5);
    expect(refused.stderr).toMatch(/certificate is not trusted/);
  });

  it('works with the CA named by the caFile config key, as the packaged app needs (its fuses ignore NODE_EXTRA_CA_CERTS)', async () => {
    const config = join(dirname(caFile), 'kiosk-config.json');
    writeFileSync(config, JSON.stringify({ mode: 'vendor', baseUrl, customerName: 'b', caFile }));
    const env: NodeJS.ProcessEnv = { ...process.env, KIOSK_CONFIG: config };
    delete env['NODE_EXTRA_CA_CERTS'];
    const r = await runKioskctl(['--json', 'login', '--password-stdin'], { stdin: 'pw', env });
    expect(r.stdout).toContain('"ok":true');
    expect(r.code).toBe(0);
  });
});
