import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/sandbox-server';
import { DEMO_CUSTOMER } from '../../domain/demo-account';

let sb: RunningSandbox | null = null;
afterEach(async () => {
  await sb?.close();
  sb = null;
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${sb!.baseUrl}/api/v1/basic${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function login(): Promise<string> {
  const r = await post('/login', { customerName: 'demo-bank', password: DEMO_CUSTOMER.password });
  return r.body['accessToken'] as string;
}

const PARAMS = { userName: 'ravi.kumar', fullName: 'Ravi Kumar', emailId: 'ravi.kumar@example.com', phoneNumber: '9876543210' };

describe('sandbox service', () => {
  it('listens on loopback only', async () => {
    sb = await startSandbox();
    expect(new URL(sb.baseUrl).hostname).toBe('127.0.0.1');
  });

  it('answers login with the documented body', async () => {
    sb = await startSandbox();
    const r = await post('/login', { customerName: 'demo-bank', password: DEMO_CUSTOMER.password });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: '200 OK', message: 'Successfully Logged In' });
  });

  it('uses the documented error envelope for a rejection', async () => {
    sb = await startSandbox();
    const r = await post('/user/details', { customerName: 'demo-bank', userName: 'nobody' }, { Authorization: await login() });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error: { name: 'error', message: 'User is not registered', status: '422', reason: 'User is not registered' } });
  });

  it.each([[undefined], ['wrong-token'], ['Bearer x']])('rejects the token %j with 401', async (token) => {
    sb = await startSandbox();
    await login();
    const r = await post('/user/details', { customerName: 'demo-bank', userName: 'ravi.kumar' }, token ? { Authorization: token } : {});
    expect(r.status).toBe(401);
  });

  it('requires a raw token, not "Bearer <token>"', async () => {
    sb = await startSandbox();
    const t = await login();
    expect((await post('/user/details', { customerName: 'demo-bank', userName: 'ravi.kumar' }, { Authorization: `Bearer ${t}` })).status).toBe(401);
    expect((await post('/user/details', { customerName: 'demo-bank', userName: 'ravi.kumar' }, { Authorization: t })).status).toBe(200);
  });

  it('names a missing field', async () => {
    sb = await startSandbox();
    const r = await post('/user/update', { customerName: 'demo-bank', userName: 'ravi.kumar', faceToBeUpdated: 'no' }, { Authorization: await login() });
    expect(r.status).toBe(400);
    expect((r.body['error'] as { message: string }).message).toMatch(/parametersToBeUpdated/);
  });

  it.each([
    [{ faceToBeUpdated: true }, /faceToBeUpdated/],
    [{ faceToBeUpdated: 'YES' }, /faceToBeUpdated/],
    [{ parametersToBeUpdated: { ...PARAMS, userName: 'ravi kumar' } }, /spaces/],
    [{ parametersToBeUpdated: { ...PARAMS, userName: 'priya.sharma' } }, /already exists/],
    [{ userName: 'nobody' }, /not registered/],
    [{ customerName: 'other-bank' }, /customerName/],
  ])('rejects an update with %j', async (patch, msg) => {
    sb = await startSandbox();
    const body = { customerName: 'demo-bank', userName: 'ravi.kumar', faceToBeUpdated: 'no', parametersToBeUpdated: PARAMS, ...patch };
    const r = await post('/user/update', body, { Authorization: await login() });
    expect(r.status).toBe(400);
    expect((r.body['error'] as { message: string }).message).toMatch(msg);
  });

  // This test used to accept either spelling: the sandbox reads only the one it is set to
  // (the table's by default), so a client sending the other one fails.
  it('accepts only its own spelling of the update key (the table spelling by default), never both', async () => {
    sb = await startSandbox();
    let t = await login();
    const base = { customerName: 'demo-bank', userName: 'ravi.kumar', faceToBeUpdated: 'no' };
    const other = await post('/user/update', { ...base, parametersTobeUpdated: PARAMS }, { Authorization: t });
    expect(other.status).toBe(400);
    expect((other.body['error'] as { message: string }).message).toBe('parametersToBeUpdated is required');
    expect((await post('/user/update', { ...base, parametersToBeUpdated: PARAMS }, { Authorization: t })).status).toBe(200);
    expect((await post('/user/update', { ...base, parametersToBeUpdated: PARAMS, parametersTobeUpdated: PARAMS }, { Authorization: t })).status).toBe(400);
    await sb.close();
    sb = await startSandbox({ updateParamsKey: 'parametersTobeUpdated' });
    t = await login();
    expect((await post('/user/update', { ...base, parametersTobeUpdated: PARAMS }, { Authorization: t })).status).toBe(200);
    expect((await post('/user/update', { ...base, parametersToBeUpdated: PARAMS }, { Authorization: t })).status).toBe(400);
  });

  it('takes a legacy-format phone only as the record holds it: a new phone must be digits', async () => {
    sb = await startSandbox();
    const t = await login();
    const meena = { userName: 'meena.pillai', fullName: 'Meena Pillai', emailId: 'meena.pillai@example.com' };
    const base = { customerName: 'demo-bank', userName: 'meena.pillai', faceToBeUpdated: 'no' };
    expect((await post('/user/update', { ...base, parametersToBeUpdated: { ...meena, phoneNumber: '+91 98450 12345' } }, { Authorization: t })).status).toBe(200);
    const changed = await post('/user/update', { ...base, parametersToBeUpdated: { ...meena, phoneNumber: '+91 98450 99999' } }, { Authorization: t });
    expect(changed.status).toBe(400);
    expect((changed.body['error'] as { message: string }).message).toBe('phoneNumber must be digits');
    expect((await post('/user/update', { ...base, parametersToBeUpdated: { ...meena, phoneNumber: '9845099999' } }, { Authorization: t })).status).toBe(200);
  });

  it('rejects a body that is not JSON or not sent as JSON', async () => {
    sb = await startSandbox();
    expect((await post('/login', '{oops')).status).toBe(400);
    const res = await fetch(`${sb.baseUrl}/api/v1/basic/login`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(res.status).toBe(400);
  });

  it('creates a user (demo seeding) and refuses a duplicate', async () => {
    sb = await startSandbox();
    const t = await login();
    const u = { customerName: 'demo-bank', userName: 'kavya.nair', fullName: 'Kavya Nair', emailId: 'kavya@example.com', phoneNumber: '9812345670' };
    const r = await post('/user/create', u, { Authorization: t });
    expect(r.body).toMatchObject({ status: '200 OK', message: 'User successfully created' });
    expect(r.body['enrollmentUrl']).toMatch(/\/portal\/[0-9a-f]{32}\/[0-9a-f]{32}$/);
    expect((await post('/user/create', u, { Authorization: t })).status).toBe(400);
  });

  it('expires tokens after the configured lifetime', async () => {
    let now = 0;
    sb = await startSandbox({ tokenTtlMs: 1000, now: () => now });
    const t = await login();
    expect((await post('/user/details', { customerName: 'demo-bank', userName: 'ravi.kumar' }, { Authorization: t })).status).toBe(200);
    now = 1001;
    expect((await post('/user/details', { customerName: 'demo-bank', userName: 'ravi.kumar' }, { Authorization: t })).status).toBe(401);
  });

  it('serves the re-enrollment page with a strict CSP and records its result once', async () => {
    sb = await startSandbox();
    const t = await login();
    const up = await post('/user/update', { customerName: 'demo-bank', userName: 'ravi.kumar', faceToBeUpdated: 'yes', parametersToBeUpdated: PARAMS }, { Authorization: t });
    const url = up.body['reEnrollmentUrl'] as string;
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await page.text()).toContain('SANDBOX');
    const portal = url.split('/portal/')[1];
    const done = await fetch(`${sb.baseUrl}/sandbox/result/${portal}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"result":"failure"}' });
    expect(done.status).toBe(200);
    const again = await fetch(`${sb.baseUrl}/sandbox/result/${portal}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"result":"success"}' });
    expect(again.status).toBe(400);
    const s = await post('/status/enroll/user', { customerName: 'demo-bank', enrollmentUrl: url }, { Authorization: t });
    expect(s.body).toMatchObject({ enrollmentStatus: 'failure', userName: 'ravi.kumar', status: '200 OK' });
  });

  it('lists the users whose latest enrollment has a status, in pages, with the documented row shape', async () => {
    sb = await startSandbox();
    const token = await login();
    const ask = (extra: Record<string, string>) =>
      post('/status/enroll/all', { customerName: 'demo-bank', pageNumber: '1', pageCount: '10', statusType: 'draft', fromThisDate: '2000-01-01 00:00:00', toThisDate: '2100-01-01 00:00:00', ...extra }, { Authorization: token });
    expect((await ask({})).body).toMatchObject({ status: '200 OK', data: [], totalStatusPageNumber: '1', totalStatusEnrollmentCount: '0' });
    sb.state.update('ravi.kumar', PARAMS, true);
    sb.state.update('arjun.mehta', { ...sb.state.details('arjun.mehta') }, true);
    const drafts = await ask({});
    expect(drafts.status).toBe(200);
    expect(drafts.body).toMatchObject({ currentStatusPageNumber: '1', totalStatusPageNumber: '1', totalStatusEnrollmentCount: '2' });
    const rows = drafts.body['data'] as Record<string, unknown>[];
    expect(rows.map((r) => r['userName'])).toEqual(['ravi.kumar', 'arjun.mehta']);
    expect(Object.keys(rows[0]!).sort()).toEqual(['blacklistState', 'emailId', 'faceOriginal', 'faceThumbnail', 'fullName', 'phoneNumber', 'timeStamp', 'userName']);
    expect(rows[0]!['timeStamp']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // Paged, and the table's spelling of the end date works too.
    const second = await post(
      '/status/enroll/all',
      { customerName: 'demo-bank', pageNumber: '2', pageCount: '1', statusType: 'draft', fromThisDate: '2000-01-01 00:00:00', toThsiDate: '2100-01-01 00:00:00' },
      { Authorization: token },
    );
    expect(second.body).toMatchObject({ currentStatusPageNumber: '2', totalStatusPageNumber: '2', data: [{ userName: 'arjun.mehta' }] });
    // Out of the date range: nothing.
    expect((await ask({ toThisDate: '2001-01-01 00:00:00' })).body).toMatchObject({ data: [] });
    expect((await ask({ statusType: 'success' })).body['totalStatusEnrollmentCount']).not.toBe('0');
    const anonymous = await post('/status/enroll/all', { customerName: 'demo-bank', pageNumber: '1', pageCount: '10', statusType: 'draft', fromThisDate: '2000-01-01 00:00:00', toThisDate: '2100-01-01 00:00:00' });
    expect(anonymous.status).toBe(401);
  });

  it.each([
    ['no end date', { toThisDate: undefined }, /toThisDate is required/],
    ['a date in another format', { fromThisDate: '2026-12-02T09:00:00Z' }, /yyyy-mm-dd hh:mm:ss/],
    ['a page number that is a number', { pageNumber: 1 }, /pageNumber/],
    ['an unknown status type', { statusType: 'pending' }, /statusType/],
  ])('refuses a status-of-all request with %s', async (_name, change, message) => {
    sb = await startSandbox();
    const body = { customerName: 'demo-bank', pageNumber: '1', pageCount: '10', statusType: 'draft', fromThisDate: '2000-01-01 00:00:00', toThisDate: '2100-01-01 00:00:00', ...change };
    const r = await post('/status/enroll/all', body, { Authorization: await login() });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toMatch(message);
  });

  it('answers unknown paths with a 404 envelope', async () => {
    sb = await startSandbox();
    const r = await post('/user/delete', {});
    expect(r.status).toBe(404);
    expect(r.body).toHaveProperty('error');
  });
});
