import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { completeFacePendingList, completeFacePendingListQuietly } from '../../main/enrollment/face-pending-sync';
import type { StatusAllQuery } from '../../main/deepfaceauth/client';
import type { EnrollmentStatusAllResponse } from '../../main/deepfaceauth/schemas';
import type { Transport } from '../../main/deepfaceauth/http-transport';
import { KioskError } from '../../domain/kiosk-error';
import { DEMO_CUSTOMER } from '../../domain/demo-account';
import { captureLogger } from '../helpers/capture-logger';
import { createIpcHarness, type IpcHarness } from '../helpers/ipc-harness';
import { json, startTestServer, type TestServer } from '../helpers/test-server';
import { loadConfig } from '../../main/config';
import { createKioskCore } from '../../main/core/kiosk-core';
import type { KeychainBackend } from '../../main/secrets/token-store';

/** A client that answers pages from a list of names, `perPage` at a time. */
function pagedClient(names: string[], opts: { sayTotal?: boolean } = {}) {
  const queries: StatusAllQuery[] = [];
  return {
    queries,
    client: {
      async enrollmentStatusAll(_token: string, q: StatusAllQuery): Promise<EnrollmentStatusAllResponse> {
        queries.push(q);
        const data = names.slice((q.pageNumber - 1) * q.pageCount, q.pageNumber * q.pageCount);
        const total = Math.max(1, Math.ceil(names.length / q.pageCount));
        return { status: '200 OK', data, ...(opts.sayTotal === false ? {} : { currentStatusPageNumber: q.pageNumber, totalStatusPageNumber: total }) };
      },
    },
  };
}

const session = { withToken: <T>(fn: (t: string) => Promise<T>) => fn('tok-0123456789') };
const names = (n: number) => Array.from({ length: n }, (_, i) => `user.${i}`);

describe('completing the face-pending list from the service', () => {
  it('asks for drafts of the last 30 days and adds every listed name, page after page until the last', async () => {
    const added: string[] = [];
    const { client, queries } = pagedClient(names(5));
    const now = new Date('2026-12-02T09:00:00Z');
    const r = await completeFacePendingList({ session, client, pending: { add: (n) => void added.push(n) }, logger: captureLogger().logger, now: () => now, pageCount: 2 });
    expect(r).toEqual({ listed: 5, pages: 3, cut: false });
    expect(added).toEqual(names(5));
    expect(queries.map((q) => q.pageNumber)).toEqual([1, 2, 3]);
    // A day past now: the vendor may read the dates in its own time zone.
    expect(queries[0]).toMatchObject({ statusType: 'draft', to: new Date('2026-12-03T09:00:00Z'), from: new Date('2026-11-02T09:00:00Z'), pageCount: 2 });
  });

  it('without page totals, stops at the first short page', async () => {
    const { client, queries } = pagedClient(names(4), { sayTotal: false });
    const r = await completeFacePendingList({ session, client, pending: { add: () => undefined }, logger: captureLogger().logger, pageCount: 2 });
    expect(r).toEqual({ listed: 4, pages: 3, cut: false });
    expect(queries).toHaveLength(3);
  });

  it('asks at most maxPages pages, and says it was cut short', async () => {
    const { client, queries } = pagedClient(names(50));
    const r = await completeFacePendingList({ session, client, pending: { add: () => undefined }, logger: captureLogger().logger, pageCount: 5, maxPages: 3 });
    expect(r).toEqual({ listed: 15, pages: 3, cut: true });
    expect(queries).toHaveLength(3);
  });

  it('when the call fails, the local list stands and the failure is logged without names', async () => {
    const added: string[] = [];
    const cap = captureLogger();
    const client = {
      async enrollmentStatusAll(): Promise<EnrollmentStatusAllResponse> {
        throw new KioskError('network', 'unreachable');
      },
    };
    expect(await completeFacePendingListQuietly({ session, client, pending: { add: (n) => void added.push(n) }, logger: cap.logger })).toBeNull();
    expect(added).toEqual([]);
    expect(cap.text()).toContain('the local list stands');
    expect(cap.text()).toContain('network');
  });

  it('a failure on a later page keeps the names of the pages before (nothing is removed)', async () => {
    const added: string[] = [];
    const { client } = pagedClient(names(4));
    const failing = {
      async enrollmentStatusAll(t: string, q: StatusAllQuery) {
        if (q.pageNumber === 2) throw new KioskError('timeout', 'slow');
        return client.enrollmentStatusAll(t, q);
      },
    };
    expect(await completeFacePendingListQuietly({ session, client: failing, pending: { add: (n) => void added.push(n) }, logger: captureLogger().logger, pageCount: 2 })).toBeNull();
    expect(added).toEqual(['user.0', 'user.1']);
  });
});

describe('at sign-in, over the sandbox (as in vendor mode)', () => {
  let h: IpcHarness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it("adds the service's unfinished enrollments to the list: the next lookup says the face is pending", async () => {
    h = await createIpcHarness(captureLogger().logger, { facePendingFromService: true });
    // Another kiosk (or kioskctl) left ananya.iyer's face unrecorded: the sandbox holds a draft.
    h.sandbox.state.update('ananya.iyer', { ...h.sandbox.state.details('ananya.iyer') }, true);
    expect(await h.invoke('session:sign-in', { password: DEMO_CUSTOMER.password })).toMatchObject({ ok: true });
    expect(await h.facePendingSynced()).toEqual({ listed: 1, pages: 1, cut: false });
    expect(h.sandbox.requestCount('/deepfaceauth/api/v1/basic/status/enroll/all')).toBe(1);
    expect(await h.invoke('profile:lookup', { userName: 'ananya.iyer' })).toMatchObject({ ok: true, value: { facePending: true } });
    expect(await h.invoke('profile:lookup', { userName: 'ravi.kumar' })).toMatchObject({ ok: true, value: { facePending: false } });
  });

  it('when the call fails, the sign-in still succeeds and the local list stands', async () => {
    const failStatusAll = (send: Transport): Transport => async (req) =>
      req.url.endsWith('/status/enroll/all') ? { kind: 'response', status: 502, contentType: 'text/html', body: '<h1>Bad gateway</h1>' } : send(req);
    h = await createIpcHarness(captureLogger().logger, { facePendingFromService: true, wrapTransport: failStatusAll });
    await h.invoke('session:sign-in', { password: DEMO_CUSTOMER.password });
    // A face left pending at this kiosk before.
    const updateId = randomUUID();
    await h.invoke('profile:update', { updateId, userName: 'priya.sharma', changes: {}, face: true, idCheck: 'aadhaar' });
    await h.invoke('session:sign-out', {});
    expect(await h.invoke('session:sign-in', { password: DEMO_CUSTOMER.password })).toMatchObject({ ok: true });
    expect(await h.facePendingSynced()).toBeNull();
    expect(await h.invoke('profile:lookup', { userName: 'priya.sharma' })).toMatchObject({ ok: true, value: { facePending: true } });
  });

  it('sandbox mode does not ask by default', async () => {
    h = await createIpcHarness(captureLogger().logger);
    await h.invoke('session:sign-in', { password: DEMO_CUSTOMER.password });
    expect(await h.facePendingSynced()).toBeNull();
    expect(h.sandbox.requestCount('/deepfaceauth/api/v1/basic/status/enroll/all')).toBe(0);
  });
});

describe('vendor mode', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  function memoryKeychain(): KeychainBackend {
    const m = new Map<string, string>();
    return {
      getPassword: async (s, a) => m.get(`${s}/${a}`) ?? null,
      setPassword: async (s, a, p) => void m.set(`${s}/${a}`, p),
      deletePassword: async (s, a) => m.delete(`${s}/${a}`),
    };
  }

  it.each([
    ['the kiosk (the default)', undefined, 1],
    ['kioskctl (which turns it off)', false, 0],
  ])('%s: a sign-in asks the service for unfinished enrollments %#', async (_who, setting, calls) => {
    server = await startTestServer((req, res) => {
      if (req.path.endsWith('/login')) return json(res, 200, { accessToken: 'tok-vendor-0123456789', status: '200 OK', message: 'Successfully Logged In' });
      if (req.path.endsWith('/status/enroll/all')) return json(res, 200, { status: '200 OK', currentStatusPageNumber: '1', totalStatusPageNumber: '1', data: [{ userName: 'meena.pillai', timeStamp: '2026-11-28 10:17:40' }] });
      return json(res, 404, {});
    });
    const config = await loadConfig({ env: {}, userDataDir: '/nonexistent', readFile: async () => null, overrides: { baseUrl: server.baseUrl, customerName: 'acme-bank' } });
    const keychain = memoryKeychain();
    const core = await createKioskCore(config, {
      logger: captureLogger().logger,
      loadKeychain: async () => keychain,
      userDataDir: '/nonexistent',
      sandbox: false,
      facePendingFile: null,
      ...(setting === undefined ? {} : { facePendingFromService: setting }),
    });
    try {
      expect(core.backend.kind).toBe('vendor');
      await core.services.session.signIn('vendor-password');
      await core.facePendingSynced();
      expect(server.requests.filter((r) => r.path.endsWith('/status/enroll/all'))).toHaveLength(calls);
      expect(core.enrollment.facePending('meena.pillai')).toBe(calls === 1);
    } finally {
      await core.close();
    }
  });
});
