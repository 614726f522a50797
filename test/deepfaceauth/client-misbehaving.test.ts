import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeepFaceAuthClient, type DeepFaceAuthClient } from '../../main/deepfaceauth/client';
import { captureLogger } from '../helpers/capture-logger';
import { json, startTestServer, type RecordedRequest, type TestServer } from '../helpers/test-server';
import type http from 'node:http';

const TOKEN = 'tok-abcdef-0123456789';
const PARAMS = { userName: 'ravi.kumar', fullName: 'Ravi Kumar', emailId: 'ravi@example.com', phoneNumber: '9876543210' };
let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve(
  handler: (req: RecordedRequest, res: http.ServerResponse, socket: net.Socket) => void,
  timeoutMs = 5000,
  realSleep = false,
): Promise<{ client: DeepFaceAuthClient; server: TestServer; sleeps: number[] }> {
  server = await startTestServer(handler);
  const sleeps: number[] = [];
  const client = createDeepFaceAuthClient({
    baseUrl: server.baseUrl,
    customerName: 'acme',
    timeoutMs,
    updateParamsKey: 'parametersToBeUpdated',
    logger: captureLogger().logger,
    retry: {
      // Fixed, largest delays (300 ms, then 600 ms) so timing tests have wide margins.
      random: () => 1,
      sleep: async (ms) => {
        sleeps.push(ms);
        if (realSleep) await new Promise((r) => setTimeout(r, ms));
      },
    },
  });
  return { client, server, sleeps };
}

const update = (c: DeepFaceAuthClient) => c.updateUser(TOKEN, { userName: 'ravi.kumar', face: false, params: PARAMS });

describe('client against misbehaving servers', () => {
  it('holds the deadline when the server never answers (±1 s)', async () => {
    const { client, server } = await serve(() => undefined, 2000);
    const t0 = Date.now();
    await expect(client.userDetails(TOKEN, 'ravi.kumar')).rejects.toMatchObject({ code: 'timeout' });
    const elapsed = Date.now() - t0;
    expect(elapsed).toBeGreaterThanOrEqual(1900);
    expect(elapsed).toBeLessThan(3000);
    expect(server.requests).toHaveLength(1);
  });

  it('holds the deadline when the body stalls halfway', async () => {
    const { client } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"userName": "ravi.ku');
    }, 1500);
    const t0 = Date.now();
    await expect(client.userDetails(TOKEN, 'ravi.kumar')).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - t0).toBeLessThan(2500);
  });

  it('reports a timed-out update as outcome-unknown, sent once', async () => {
    const { client, server } = await serve(() => undefined, 1500);
    await expect(update(client)).rejects.toMatchObject({ code: 'outcome-unknown' });
    expect(server.requests).toHaveLength(1);
  });

  it('reports a connection reset after the update was sent as outcome-unknown, never resent', async () => {
    const { client, server } = await serve((_req, _res, socket) => socket.destroy());
    await expect(update(client)).rejects.toMatchObject({ code: 'outcome-unknown' });
    expect(server.requests).toHaveLength(1);
    expect(JSON.parse(server.requests[0]!.body).parametersToBeUpdated).toEqual(PARAMS);
  });

  it('retries a read twice after connection resets, then reports network', async () => {
    const { client, server, sleeps } = await serve((_req, _res, socket) => socket.destroy());
    await expect(client.userDetails(TOKEN, 'ravi.kumar')).rejects.toMatchObject({ code: 'network' });
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('never retries login', async () => {
    const { client, server } = await serve((_req, _res, socket) => socket.destroy());
    await expect(client.login('pw-123456')).rejects.toMatchObject({ code: 'network' });
    expect(server.requests).toHaveLength(1);
  });

  it('never retries an update on 503, and reports its outcome as unknown', async () => {
    const { client, server } = await serve((_req, res) => json(res, 503, { message: 'busy' }));
    await expect(update(client)).rejects.toMatchObject({ code: 'outcome-unknown' });
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ['a 500', (res: http.ServerResponse) => json(res, 500, { message: 'boom' })],
    ['a 504 from a proxy', (res: http.ServerResponse) => json(res, 504, {})],
    ['an unreadable 200', (res: http.ServerResponse) => (res.writeHead(200, { 'Content-Type': 'text/html' }), res.end('<html>proxy page</html>'))],
  ])('reports an update answered with %s as outcome-unknown (it may have been applied)', async (_name, answer) => {
    const { client, server } = await serve((_req, res) => answer(res));
    await expect(update(client)).rejects.toMatchObject({ code: 'outcome-unknown' });
    expect(server.requests).toHaveLength(1);
  });

  // These answers used to be "outcome unknown": the vendor said 200 OK, so the update was
  // applied; an unusable link only means the face stays pending.
  it.each([
    ['no link', {}],
    ['an empty link', { reEnrollmentUrl: '' }],
    ['a link that is not a URL', { reEnrollmentUrl: 'not a url' }],
    ['a javascript: link', { reEnrollmentUrl: 'javascript:alert(1)' }],
    ['a link with a broken host', { reEnrollmentUrl: 'http://[::1/portal' }],
    ['a link that is not a string', { reEnrollmentUrl: { href: 'https://signzy.app/x' } }],
  ])('takes an update answered 200 OK with %s as applied without a link', async (_name, extra) => {
    const { client, server } = await serve((_req, res) => json(res, 200, { status: '200 OK', message: 'User successfully updated', ...extra }));
    const r = await update(client);
    expect(r.reEnrollmentUrl).toBeUndefined();
    expect(server.requests).toHaveLength(1);
  });

  it("passes a usable link on as the vendor sent it (trusting it is the backend's decision)", async () => {
    const { client } = await serve((_req, res) => json(res, 200, { status: '200 OK', message: 'User successfully updated', reEnrollmentUrl: ' http://evil.example/portal ' }));
    expect((await update(client)).reEnrollmentUrl).toBe('http://evil.example/portal');
  });

  it('reports an unexpected fault around an update call as outcome-unknown, never as not applied', async () => {
    const { logger, lines } = captureLogger();
    const client = createDeepFaceAuthClient({
      baseUrl: 'http://127.0.0.1:9',
      customerName: 'acme',
      timeoutMs: 5000,
      updateParamsKey: 'parametersToBeUpdated',
      logger,
      transport: () => Promise.reject(new RangeError('a fault in the kiosk')),
    });
    await expect(update(client)).rejects.toMatchObject({ code: 'outcome-unknown' });
    expect(lines.join('\n')).toContain('update call failed unexpectedly');
    expect(lines.join('\n')).not.toContain('a fault in the kiosk');
  });

  it('reports an update the vendor clearly refused as rejected, not unknown', async () => {
    const { client } = await serve((_req, res) => json(res, 400, { error: { message: 'userName already exists', status: '422' } }));
    await expect(update(client)).rejects.toMatchObject({ code: 'rejected', message: 'userName already exists' });
  });

  it('keeps retries of a read within one time budget', async () => {
    // 600 ms answer + 300 ms pause + 600 ms answer = 1.5 s. A third try would start after a
    // 600 ms pause with under the 1 s minimum left of the 2.4 s budget, so it is not made.
    const { client, server, sleeps } = await serve((_req, res) => setTimeout(() => json(res, 502, {}), 600), 2400, true);
    const t0 = Date.now();
    await expect(client.userDetails(TOKEN, 'ravi.kumar')).rejects.toMatchObject({ code: 'server', httpStatus: 502 });
    expect(Date.now() - t0).toBeLessThan(2400);
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([300]);
  });

  it('refuses a token that could not be sent back as a header', async () => {
    const { client } = await serve((_req, res) => json(res, 200, { accessToken: 'abc\ndef-ghi-jkl', status: '200 OK' }));
    await expect(client.login('pw-123456')).rejects.toMatchObject({ code: 'bad-response' });
  });

  it('removes e-mails and phone numbers from vendor messages', async () => {
    const { client } = await serve((_req, res) => json(res, 400, { error: { message: 'Email priya@example.com or phone 9123456780 already registered', status: '422' } }));
    const err = (await update(client).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/^Email \S+ or phone \S+ already registered$/);
    expect(err.message).not.toMatch(/priya|9123456780/);
  });

  it('reports an update that could not connect as network, not outcome-unknown', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const client = createDeepFaceAuthClient({
      baseUrl: `http://127.0.0.1:${port}/deepfaceauth`,
      customerName: 'acme',
      timeoutMs: 2000,
      updateParamsKey: 'parametersToBeUpdated',
      logger: captureLogger().logger,
    });
    await expect(update(client)).rejects.toMatchObject({ code: 'network' });
  });

  it('does not retry a 500 and reports it as server', async () => {
    const { client, server } = await serve((_req, res) => json(res, 500, { message: 'boom' }));
    await expect(client.userDetails(TOKEN, 'ravi.kumar')).rejects.toMatchObject({ code: 'server', httpStatus: 500 });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a 502 HTML page twice and never shows the page', async () => {
    const { client, server } = await serve((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<html><body><h1>502 Bad Gateway</h1><p>nginx secret-internal-host</p></body></html>');
    });
    const err = await client.userDetails(TOKEN, 'ravi.kumar').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'server', httpStatus: 502 });
    expect((err as Error).message).not.toMatch(/nginx|<|secret-internal-host/);
    expect(server.requests).toHaveLength(3);
  });

  it('succeeds when a read recovers on the third attempt after 503s', async () => {
    let n = 0;
    const { client, server } = await serve((_req, res) =>
      ++n < 3
        ? json(res, 503, {})
        : json(res, 200, { userName: 'ravi.kumar', fullName: 'R', emailId: 'r@x.in', phoneNumber: '9876543210', countryCode: '+91', enrollmentUrl: 'https://x/y', message: 'success', status: '200 OK' }),
    );
    expect((await client.userDetails(TOKEN, 'ravi.kumar')).userName).toBe('ravi.kumar');
    expect(server.requests).toHaveLength(3);
  });

  it('reports malformed JSON as bad-response', async () => {
    const { client } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"status": "200 OK", ');
    });
    await expect(client.userDetails(TOKEN, 'ravi.kumar')).rejects.toMatchObject({ code: 'bad-response' });
  });

  it('reports a body of the wrong shape as bad-response, not undefined fields', async () => {
    const { client } = await serve((_req, res) => json(res, 200, { status: '200 OK', message: 'success', userName: 42 }));
    await expect(client.userDetails(TOKEN, 'ravi.kumar')).rejects.toMatchObject({ code: 'bad-response' });
  });

  it('reports a login answer without a token as bad-response', async () => {
    const { client } = await serve((_req, res) => json(res, 200, { status: '200 OK', message: 'Successfully Logged In' }));
    await expect(client.login('pw-123456')).rejects.toMatchObject({ code: 'bad-response' });
  });

  it('treats HTTP 200 with a non-200 status string as a failure', async () => {
    const { client } = await serve((_req, res) => json(res, 200, { status: '500 Internal Server Error', message: 'Lookup failed' }));
    await expect(client.userDetails(TOKEN, 'ravi.kumar')).rejects.toMatchObject({ code: 'rejected', message: 'Lookup failed' });
  });

  it('reports HTTP 401 as unauthorized', async () => {
    const { client } = await serve((_req, res) => json(res, 401, { error: { message: 'nope', status: '401' } }));
    await expect(client.userDetails(TOKEN, 'ravi.kumar')).rejects.toMatchObject({ code: 'unauthorized' });
  });

  // This test used to expect 403 to be `unauthorized` too (a sign-out): only a 401 or an
  // answer that names the token ends the session; a 403 is a refusal of the request.
  it('reports HTTP 403 as a refusal with its message, or plainly without a body', async () => {
    const { client } = await serve((req, res) =>
      req.path.endsWith('/user/details') ? json(res, 403, { error: { message: 'Not allowed for this branch', status: '403' } }) : (res.writeHead(403), res.end('Forbidden')),
    );
    await expect(client.userDetails(TOKEN, 'ravi.kumar')).rejects.toMatchObject({ code: 'rejected', message: 'Not allowed for this branch', httpStatus: 403 });
    await expect(client.enrollmentStatus(TOKEN, 'https://signzy.app/deepfaceauth/x')).rejects.toMatchObject({ code: 'rejected', httpStatus: 403 });
  });

  it("reports a 403 that names the token as unauthorized (the vendor's invalid-token answer), and 'not authorized to…' as a refusal", async () => {
    let message = 'Invalid access token';
    const { client } = await serve((_req, res) => json(res, 403, { error: { message, status: '403' } }));
    await expect(client.userDetails(TOKEN, 'ravi.kumar')).rejects.toMatchObject({ code: 'unauthorized' });
    message = 'You are not authorized to update this user';
    await expect(client.userDetails(TOKEN, 'ravi.kumar')).rejects.toMatchObject({ code: 'rejected', message });
  });

  it('reads enrollment status values in any letter case', async () => {
    const { client } = await serve((_req, res) => json(res, 200, { userName: 'ravi.kumar', enrollmentStatus: 'Success', message: 'done', status: '200 OK' }));
    await expect(client.enrollmentStatus(TOKEN, 'https://signzy.app/deepfaceauth/x')).resolves.toMatchObject({ enrollmentStatus: 'success' });
  });

  it('reports an error body that names the token as unauthorized', async () => {
    const { client } = await serve((_req, res) => json(res, 400, { error: { message: 'Invalid access token', status: '422' } }));
    await expect(client.userDetails(TOKEN, 'ravi.kumar')).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('reports the 400/422 envelope as rejected with its message', async () => {
    const { client, server } = await serve((_req, res) => json(res, 400, { error: { message: 'User is not registered', status: '422', name: 'error' } }));
    await expect(client.userDetails(TOKEN, 'nobody')).rejects.toMatchObject({ code: 'rejected', message: 'User is not registered', httpStatus: 400 });
    expect(server.requests).toHaveLength(1);
  });

  it('hides the token and markup if the vendor echoes them in a message', async () => {
    const { client } = await serve((_req, res) => json(res, 400, { error: { message: `Bad request <b>for</b> ${TOKEN}\n\u0007`, status: '422' } }));
    const err = (await update(client).catch((e: unknown) => e)) as Error;
    expect(err.message).not.toContain(TOKEN);
    for (const bad of ['<', '>', '\u0007', '\n']) expect(err.message).not.toContain(bad);
  });

  it('refuses an oversized answer', async () => {
    const { client } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ status: '200 OK', pad: 'x'.repeat(2 * 1024 * 1024) }));
    });
    await expect(client.userDetails(TOKEN, 'ravi.kumar')).rejects.toMatchObject({ code: 'bad-response' });
  });
});
