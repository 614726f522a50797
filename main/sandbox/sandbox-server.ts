import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { SandboxRejection, SandboxState, type SandboxStateOptions } from './sandbox-state';
import { PAGE_CSP, reenrollPageHtml, REENROLL_CSS, REENROLL_JS } from './reenroll-page';
import type { UpdateParamsKey } from '../config';

export interface SandboxOptions extends SandboxStateOptions {
  /** 0 (default) picks a random free port. */
  port?: number;
  /** Carries on with the users and tokens of an earlier run on the same port (a restart). */
  state?: SandboxState;
  /**
   * The one spelling of the update call's parameters key this service reads (the vendor's is
   * unknown): a client sending the other one is refused, so a wrong default fails a test.
   */
  updateParamsKey?: UpdateParamsKey;
}

export interface RunningSandbox {
  /** Base URL to configure the client with, e.g. http://127.0.0.1:43121/deepfaceauth */
  baseUrl: string;
  port: number;
  state: SandboxState;
  /** Requests received per API path, for tests that prove what was (not) sent. */
  requestCount(path?: string): number;
  close(): Promise<void>;
}

const API = '/deepfaceauth/api/v1/basic';
const PORTAL = /^\/deepfaceauth\/api\/v1\/iframe\/enroll\/portal\/([0-9a-f]{32})\/([0-9a-f]{32})$/;
const MAX_BODY = 64 * 1024;

const userName = z.string().min(1).max(128).regex(/^\S+$/, 'userName must not contain spaces');
const params = z.object({
  userName,
  fullName: z.string().trim().min(1).max(256),
  emailId: z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'emailId is not a valid e-mail address'),
  // Digits, or (checked against the record in SandboxState.update) the record's own legacy value sent back.
  phoneNumber: z.string().min(1).max(32),
});
const withCustomer = { customerName: z.string().min(1) };
/** "yyyy-mm-dd hh:mm:ss" (read as UTC). */
const vendorDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'dates are yyyy-mm-dd hh:mm:ss')
  .transform((s) => Date.parse(s.replace(' ', 'T') + 'Z'))
  .refine((ms) => Number.isFinite(ms), 'not a date');
/** A time as the vendor's rows show it: "2019-06-04 18:17:40". */
const vendorTime = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const bodies = {
  login: z.object({ ...withCustomer, password: z.string().min(1) }),
  logout: z.object({ ...withCustomer, accessToken: z.string().min(1) }),
  details: z.object({ ...withCustomer, userName }),
  update: z
    .object({
      ...withCustomer,
      userName,
      faceToBeUpdated: z.enum(['yes', 'no'], { message: 'faceToBeUpdated must be "yes" or "no"' }),
      parametersToBeUpdated: params.optional(),
      parametersTobeUpdated: params.optional(),
    })
    .refine((b) => (b.parametersToBeUpdated === undefined) !== (b.parametersTobeUpdated === undefined), {
      message: 'parametersToBeUpdated is required',
    }),
  status: z.object({ ...withCustomer, enrollmentUrl: z.string().min(1) }),
  // Every value a string, as documented; the end date under either documented spelling.
  statusAll: z
    .object({
      ...withCustomer,
      pageNumber: z.string().regex(/^[1-9]\d{0,5}$/, 'pageNumber must be a number in a string'),
      pageCount: z.string().regex(/^[1-9]\d{0,2}$/, 'pageCount must be a number in a string'),
      statusType: z.enum(['success', 'failure', 'draft'], { message: 'statusType must be success, failure or draft' }),
      fromThisDate: vendorDate,
      toThisDate: vendorDate.optional(),
      toThsiDate: vendorDate.optional(),
    })
    .refine((b) => b.toThisDate !== undefined || b.toThsiDate !== undefined, { message: 'toThisDate is required' }),
  // A new record's phone is digits; only an update may send a stored legacy one back.
  create: z.object({ ...withCustomer, ...params.shape, phoneNumber: z.string().regex(/^\d{6,15}$/, 'phoneNumber must be digits') }),
  result: z.object({ result: z.enum(['success', 'failure']) }),
};

class HttpFailure extends Error {
  constructor(
    readonly httpStatus: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function sendError(res: http.ServerResponse, httpStatus: number, message: string): void {
  const status = httpStatus === 400 ? '422' : String(httpStatus);
  send(res, httpStatus, { error: { name: 'error', message, status, reason: message } });
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    throw new SandboxRejection('Content-Type must be application/json');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpFailure(413, 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new SandboxRejection('Request body is not valid JSON');
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue?.path.join('.');
    const missing = issue?.code === 'invalid_type' && issue.input === undefined;
    throw new SandboxRejection(missing && field ? `${field} is required` : (issue?.message ?? 'Invalid request'));
  }
  return r.data;
}

/**
 * Starts the embedded DeepFaceAuth-compatible service on 127.0.0.1 (never another
 * interface). It follows deepfaceauth-api.md: same paths, bodies, "200 OK" strings, the
 * HTTP 400 / status "422" error envelope, and 401 for a missing or wrong token.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const updateParamsKey = options.updateParamsKey ?? 'parametersToBeUpdated';
  // Created once the port is known, before any request can arrive.
  let state: SandboxState = undefined as unknown as SandboxState;
  const counts = new Map<string, number>();

  function authorize(req: http.IncomingMessage, customerName: string): void {
    const token = req.headers['authorization'];
    if (typeof token !== 'string' || !state.tokenValid(token)) {
      throw new HttpFailure(401, 'Invalid or expired access token');
    }
    checkCustomer(customerName);
  }
  function checkCustomer(customerName: string): void {
    if (customerName !== state.customerName) throw new SandboxRejection('customerName is not valid');
  }

  async function api(route: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readJson(req);
    switch (route) {
      case '/login': {
        const b = parse(bodies.login, body);
        checkCustomer(b.customerName);
        return send(res, 200, { accessToken: state.login(b.password), status: '200 OK', message: 'Successfully Logged In' });
      }
      case '/logout': {
        const b = parse(bodies.logout, body);
        checkCustomer(b.customerName);
        if (!state.logout(b.accessToken)) throw new HttpFailure(401, 'Invalid or expired access token');
        return send(res, 200, { status: '200 OK', message: 'Successfully logged out' });
      }
      case '/user/details': {
        const b = parse(bodies.details, body);
        authorize(req, b.customerName);
        const u = state.details(b.userName);
        return send(res, 200, {
          userName: u.userName,
          fullName: u.fullName,
          emailId: u.emailId,
          phoneNumber: u.phoneNumber,
          countryCode: u.countryCode,
          enrollmentUrl: u.enrollmentUrl,
          message: 'success',
          status: '200 OK',
        });
      }
      case '/user/update': {
        const b = parse(bodies.update, body);
        authorize(req, b.customerName);
        const p = b[updateParamsKey];
        if (p === undefined) throw new SandboxRejection(`${updateParamsKey} is required`);
        const url = state.update(b.userName, p, b.faceToBeUpdated === 'yes');
        return send(res, 200, {
          status: '200 OK',
          message: 'User successfully updated',
          ...(url ? { reEnrollmentUrl: url } : {}),
        });
      }
      case '/status/enroll/user': {
        const b = parse(bodies.status, body);
        authorize(req, b.customerName);
        const e = state.enrollmentStatus(b.enrollmentUrl);
        return send(res, 200, { userName: e.userName, enrollmentStatus: e.status, message: 'success', status: '200 OK' });
      }
      case '/status/enroll/all': {
        const b = parse(bodies.statusAll, body);
        authorize(req, b.customerName);
        const to = b.toThisDate ?? b.toThsiDate ?? 0;
        const page = state.statusAll(b.statusType, b.fromThisDate, to, Number(b.pageNumber), Number(b.pageCount));
        // Page fields as strings, like the vendor's example.
        return send(res, 200, {
          status: '200 OK',
          message: 'success',
          currentStatusPageNumber: String(page.page),
          totalStatusPageNumber: String(page.totalPages),
          totalStatusEnrollmentCount: String(page.total),
          data: page.users.map((u) => ({
            userName: u.userName,
            fullName: u.fullName,
            emailId: u.emailId,
            phoneNumber: u.phoneNumber,
            faceThumbnail: '',
            faceOriginal: '',
            timeStamp: vendorTime(u.at),
            blacklistState: 'no',
          })),
        });
      }
      case '/user/create': {
        const b = parse(bodies.create, body);
        authorize(req, b.customerName);
        const u = state.createUser({ ...b, countryCode: '+91' });
        return send(res, 200, { status: '200 OK', message: 'User successfully created', enrollmentUrl: u.enrollmentUrl });
      }
      default:
        throw new HttpFailure(404, 'Not found');
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    if (req.method === 'POST' && path.startsWith(API + '/')) return api(path.slice(API.length), req, res);
    if (req.method === 'GET' && PORTAL.test(path)) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PAGE_CSP, 'Cache-Control': 'no-store' });
      return void res.end(reenrollPageHtml({ cameraBusy: state.switches.cameraBusy }));
    }
    if (req.method === 'POST' && path.startsWith('/deepfaceauth/sandbox/result/')) {
      const portal = path.slice('/deepfaceauth/sandbox/result'.length);
      const b = parse(bodies.result, await readJson(req));
      const url = `${state.origin}/deepfaceauth/api/v1/iframe/enroll/portal${portal}`;
      if (!state.finishEnrollment(url, b.result)) throw new SandboxRejection('Enrollment is not open');
      return send(res, 200, { status: '200 OK', message: 'Enrollment recorded' });
    }
    if (req.method === 'GET' && path === '/deepfaceauth/sandbox/reenroll.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      return void res.end(REENROLL_JS);
    }
    if (req.method === 'GET' && path === '/deepfaceauth/sandbox/reenroll.css') {
      res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8' });
      return void res.end(REENROLL_CSS);
    }
    throw new HttpFailure(404, 'Not found');
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (err instanceof HttpFailure) return sendError(res, err.httpStatus, err.message);
      if (err instanceof SandboxRejection) return sendError(res, 400, err.message);
      sendError(res, 500, 'Internal sandbox error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  if (options.state && options.state.origin !== origin) {
    server.close();
    throw new Error('A sandbox state can only be reused on its own port.');
  }
  state = options.state ?? new SandboxState({ ...options, origin });
  return {
    baseUrl: `${state.origin}/deepfaceauth`,
    port,
    state,
    requestCount: (p) =>
      p === undefined ? [...counts.values()].reduce((a, b) => a + b, 0) : (counts.get(API + p) ?? counts.get(p) ?? 0),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
