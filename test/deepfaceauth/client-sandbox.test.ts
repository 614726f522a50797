import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER } from '../../domain/demo-account';
import { captureLogger } from '../helpers/capture-logger';
import { sandboxClient, type ClientFixture } from '../helpers/sandbox-fixture';

let fx: ClientFixture | null = null;
afterEach(async () => {
  await fx?.sandbox.close();
  fx = null;
});

const RAVI = { userName: 'ravi.kumar', fullName: 'Ravi Kumar', emailId: 'ravi.kumar@example.com', phoneNumber: '9876543210' };

describe('DeepFaceAuth client against the sandbox', () => {
  it('logs in with customerName and password, without an Authorization header', async () => {
    fx = await sandboxClient(captureLogger().logger);
    const { accessToken } = await fx.client.login(DEMO_CUSTOMER.password);
    expect(accessToken).toMatch(/^[0-9a-f]{64}$/);
    const req = fx.sent[0]!;
    expect(req.url).toBe(`${fx.sandbox.baseUrl}/api/v1/basic/login`);
    expect(req.headers['Content-Type']).toBe('application/json');
    expect(req.headers['Authorization']).toBeUndefined();
    expect(JSON.parse(req.body)).toEqual({ customerName: 'demo-bank', password: DEMO_CUSTOMER.password });
  });

  it('reads every documented field of user details, sending the raw token', async () => {
    fx = await sandboxClient(captureLogger().logger);
    const { accessToken } = await fx.client.login(DEMO_CUSTOMER.password);
    const d = await fx.client.userDetails(accessToken, 'ravi.kumar');
    expect(d).toMatchObject({ ...RAVI, countryCode: '+91', message: 'success', status: '200 OK' });
    expect(d.enrollmentUrl).toMatch(/\/api\/v1\/iframe\/enroll\/portal\/[0-9a-f]{32}\/[0-9a-f]{32}$/);
    const req = fx.sent[1]!;
    expect(req.headers['Authorization']).toBe(accessToken);
    expect(JSON.parse(req.body)).toEqual({ customerName: 'demo-bank', userName: 'ravi.kumar' });
  });

  it('sends an update with all four fields under the configured key and "no" as a string', async () => {
    fx = await sandboxClient(captureLogger().logger);
    const { accessToken } = await fx.client.login(DEMO_CUSTOMER.password);
    const params = { ...RAVI, fullName: 'Ravi Kumar Rao' };
    const res = await fx.client.updateUser(accessToken, { userName: 'ravi.kumar', face: false, params });
    expect(res).toMatchObject({ status: '200 OK', message: 'User successfully updated' });
    expect(res.reEnrollmentUrl).toBeUndefined();
    expect(JSON.parse(fx.sent[1]!.body)).toEqual({
      customerName: 'demo-bank',
      userName: 'ravi.kumar',
      faceToBeUpdated: 'no',
      parametersToBeUpdated: params,
    });
    expect((await fx.client.userDetails(accessToken, 'ravi.kumar')).fullName).toBe('Ravi Kumar Rao');
  });

  it("a client whose update key differs from the service's is refused, so a wrong default fails here", async () => {
    fx = await sandboxClient(captureLogger().logger, {}, 'parametersTobeUpdated');
    const { accessToken } = await fx.client.login(DEMO_CUSTOMER.password);
    await expect(fx.client.updateUser(accessToken, { userName: 'ravi.kumar', face: false, params: { ...RAVI, emailId: 'ravi@example.com' } })).rejects.toMatchObject({
      code: 'rejected',
      message: 'parametersToBeUpdated is required',
    });
    expect((await fx.client.userDetails(accessToken, 'ravi.kumar')).emailId).not.toBe('ravi@example.com');
  });

  it('uses the lower-case-b key when configured, and a sandbox set to it accepts it', async () => {
    fx = await sandboxClient(captureLogger().logger, { updateParamsKey: 'parametersTobeUpdated' }, 'parametersTobeUpdated');
    const { accessToken } = await fx.client.login(DEMO_CUSTOMER.password);
    await fx.client.updateUser(accessToken, { userName: 'ravi.kumar', face: false, params: { ...RAVI, emailId: 'ravi@example.com' } });
    const body = JSON.parse(fx.sent[1]!.body) as Record<string, unknown>;
    expect(body['parametersTobeUpdated']).toBeDefined();
    expect(body['parametersToBeUpdated']).toBeUndefined();
    expect((await fx.client.userDetails(accessToken, 'ravi.kumar')).emailId).toBe('ravi@example.com');
  });

  it('gets a reEnrollmentUrl for a face update, whose status is draft until captured', async () => {
    fx = await sandboxClient(captureLogger().logger);
    const { accessToken } = await fx.client.login(DEMO_CUSTOMER.password);
    const res = await fx.client.updateUser(accessToken, { userName: 'ravi.kumar', face: true, params: RAVI });
    expect(JSON.parse(fx.sent[1]!.body).faceToBeUpdated).toBe('yes');
    const url = res.reEnrollmentUrl!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/deepfaceauth\/api\/v1\/iframe\/enroll\/portal\//);
    const s = await fx.client.enrollmentStatus(accessToken, url);
    expect(s).toMatchObject({ userName: 'ravi.kumar', enrollmentStatus: 'draft', status: '200 OK' });
    expect(JSON.parse(fx.sent[2]!.body)).toEqual({ customerName: 'demo-bank', enrollmentUrl: url });
    expect(fx.sandbox.state.finishEnrollment(url, 'success')).toBe(true);
    expect((await fx.client.enrollmentStatus(accessToken, url)).enrollmentStatus).toBe('success');
  });

  it('reports a rejection with the vendor message (unknown user)', async () => {
    fx = await sandboxClient(captureLogger().logger);
    const { accessToken } = await fx.client.login(DEMO_CUSTOMER.password);
    await expect(fx.client.userDetails(accessToken, 'nobody.here')).rejects.toMatchObject({ code: 'rejected', message: 'User is not registered' });
  });

  it('logs out with the token in the body, after which the token is refused', async () => {
    fx = await sandboxClient(captureLogger().logger);
    const { accessToken } = await fx.client.login(DEMO_CUSTOMER.password);
    await fx.client.logout(accessToken);
    const req = fx.sent[1]!;
    expect(JSON.parse(req.body)).toEqual({ customerName: 'demo-bank', accessToken });
    await expect(fx.client.userDetails(accessToken, 'ravi.kumar')).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('treats an expired token as unauthorized', async () => {
    let now = 1_000_000;
    fx = await sandboxClient(captureLogger().logger, { tokenTtlMs: 60_000, now: () => now });
    const { accessToken } = await fx.client.login(DEMO_CUSTOMER.password);
    await fx.client.userDetails(accessToken, 'ravi.kumar');
    now += 61_000;
    await expect(fx.client.userDetails(accessToken, 'ravi.kumar')).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('refuses a wrong password as a rejection', async () => {
    fx = await sandboxClient(captureLogger().logger);
    await expect(fx.client.login('wrong-password')).rejects.toMatchObject({ code: 'rejected' });
  });
});
