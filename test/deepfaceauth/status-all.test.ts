import type http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeepFaceAuthClient, vendorDateTime, type DeepFaceAuthClient } from '../../main/deepfaceauth/client';
import { captureLogger } from '../helpers/capture-logger';
import { json, startTestServer, type RecordedRequest, type TestServer } from '../helpers/test-server';

// The vendor's "status of all users" call, replayed with the documented answer's shape
// (deepfaceauth-api.md: page fields documented as Int but shown as strings, rows with faces,
// a timeStamp and blacklistState) and realistic values in place of its placeholders.

const TOKEN = 'tok-abcdef-0123456789';
let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve(handler: (req: RecordedRequest, res: http.ServerResponse) => void): Promise<DeepFaceAuthClient> {
  server = await startTestServer(handler);
  return createDeepFaceAuthClient({ baseUrl: server.baseUrl, customerName: 'acme-bank', timeoutMs: 3000, updateParamsKey: 'parametersToBeUpdated', logger: captureLogger().logger, retry: { sleep: async () => undefined } });
}

const ROW = {
  userName: 'meena.pillai',
  fullName: 'Meena Pillai',
  emailId: 'meena.pillai@example.in',
  phoneNumber: '9845012345',
  faceThumbnail: 'https://signzy.app/deepfaceauth/thumb/3f9a.jpg',
  faceOriginal: 'https://signzy.app/deepfaceauth/face/3f9a.jpg',
  timeStamp: '2026-11-28 10:17:40',
  blacklistState: 'no',
};
const QUERY = { statusType: 'draft' as const, from: new Date('2026-11-02T09:00:00Z'), to: new Date('2026-12-02T09:00:00Z'), pageNumber: 1, pageCount: 100 };

describe('status of all users (POST /status/enroll/all)', () => {
  it('sends every value as a string, the dates as yyyy-mm-dd hh:mm:ss, the end date under both documented spellings', async () => {
    const client = await serve((_req, res) => json(res, 200, { status: '200 OK', message: 'success', data: [] }));
    await client.enrollmentStatusAll(TOKEN, QUERY);
    const req = server!.requests[0]!;
    expect(req.path).toMatch(/\/api\/v1\/basic\/status\/enroll\/all$/);
    expect(req.headers['authorization']).toBe(TOKEN);
    expect(JSON.parse(req.body)).toEqual({
      customerName: 'acme-bank',
      pageNumber: '1',
      pageCount: '100',
      statusType: 'draft',
      fromThisDate: '2026-11-02 09:00:00',
      toThisDate: '2026-12-02 09:00:00',
      toThsiDate: '2026-12-02 09:00:00',
    });
    expect(vendorDateTime(new Date('2019-06-04T18:17:40.999Z'))).toBe('2019-06-04 18:17:40');
  });

  it.each([
    ['strings, as in the example', { currentStatusPageNumber: '2', totalStatusPageNumber: '3', totalStatusEnrollmentCount: '201' }],
    ['numbers, as in the table', { currentStatusPageNumber: 2, totalStatusPageNumber: 3, totalStatusEnrollmentCount: 201 }],
  ])('reads the documented answer with page fields as %s, keeping the user names only', async (_name, pages) => {
    const client = await serve((_req, res) => json(res, 200, { status: '200 OK', message: 'success', ...pages, data: [ROW, { ...ROW, userName: 'kavya.rao' }] }));
    const r = await client.enrollmentStatusAll(TOKEN, QUERY);
    expect(r).toMatchObject({ currentStatusPageNumber: 2, totalStatusPageNumber: 3, data: ['meena.pillai', 'kavya.rao'] });
    expect(JSON.stringify(r)).not.toMatch(/Pillai|9845012345|thumb|face\//);
  });

  it('takes a body whose status is not 200 OK as a refusal', async () => {
    const client = await serve((_req, res) => json(res, 200, { status: '500', message: 'Internal error', data: [] }));
    await expect(client.enrollmentStatusAll(TOKEN, QUERY)).rejects.toMatchObject({ code: 'rejected' });
  });

  it('is defensive: rows without a usable user name are skipped, a missing data is an empty page, page fields may be absent', async () => {
    const rows = [ROW, { ...ROW, userName: '' }, { fullName: 'No Name' }, null, 'text', 7, { ...ROW, userName: 42 }, { ...ROW, userName: 'x'.repeat(300) }];
    let answer: unknown = { status: '200 OK', data: rows };
    const client = await serve((_req, res) => json(res, 200, answer));
    expect((await client.enrollmentStatusAll(TOKEN, QUERY)).data).toEqual(['meena.pillai']);
    answer = { status: '200 OK', message: 'no records' };
    expect(await client.enrollmentStatusAll(TOKEN, QUERY)).toMatchObject({ data: [] });
  });

  it.each([
    ['data that is not a list', { status: '200 OK', data: { userName: 'x' } }],
    ['a page number that is not a number', { status: '200 OK', totalStatusPageNumber: 'many', data: [] }],
    ['a negative page count', { status: '200 OK', totalStatusPageNumber: -1, data: [] }],
  ])('refuses %s as an answer it does not understand', async (_name, body) => {
    const client = await serve((_req, res) => json(res, 200, body));
    await expect(client.enrollmentStatusAll(TOKEN, QUERY)).rejects.toMatchObject({ code: 'bad-response' });
  });
});
