import type { z } from 'zod';
import { KioskError } from '../../domain/kiosk-error';
import type { Logger } from '../log/logger';
import { compiled } from '../shared/compiled-schema';
import { classifyResponse } from './classify';
import { createHttpTransport, type Transport } from './http-transport';
import { defaultSleep, withRetry, type RetryPolicy } from './retry';
import {
  enrollmentStatusAllResponseSchema,
  enrollmentStatusResponseSchema,
  loginResponseSchema,
  logoutResponseSchema,
  updateUserResponseSchema,
  userDetailsResponseSchema,
  type EnrollmentStatusAllResponse,
  type EnrollmentStatusResponse,
  type UpdateUserResponse,
  type UserDetails,
} from './schemas';
import type { ProfileFields } from '../../domain/profile/profile-rules';
import type { UpdateParamsKey } from '../config';


export interface ClientOptions {
  baseUrl: string;
  customerName: string;
  timeoutMs: number;
  updateParamsKey: UpdateParamsKey;
  logger: Logger;
  transport?: Transport;
  retry?: Partial<RetryPolicy>;
}

export interface UpdateUserRequest {
  /** The user's current user name. */
  userName: string;
  face: boolean;
  /** All four fields as they should be after the update. */
  params: ProfileFields;
}

/** The DeepFaceAuth "basic" v1 API as the kiosk uses it. Every method throws KioskError only. */
export interface DeepFaceAuthClient {
  login(password: string): Promise<{ accessToken: string }>;
  logout(token: string): Promise<void>;
  userDetails(token: string, userName: string): Promise<UserDetails>;
  updateUser(token: string, request: UpdateUserRequest): Promise<UpdateUserResponse>;
  enrollmentStatus(token: string, enrollmentUrl: string): Promise<EnrollmentStatusResponse>;
  /** One page of the users whose enrollment has this status, enrolled within the dates. */
  enrollmentStatusAll(token: string, query: StatusAllQuery): Promise<EnrollmentStatusAllResponse>;
}

export interface StatusAllQuery {
  statusType: 'success' | 'failure' | 'draft';
  /** Inclusive range, sent as the vendor's "yyyy-mm-dd hh:mm:ss" (UTC: the docs name no zone). */
  from: Date;
  to: Date;
  pageNumber: number;
  pageCount: number;
}

/** A date as the vendor's status call takes it: "yyyy-mm-dd hh:mm:ss", in UTC. */
export function vendorDateTime(d: Date): string {
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

type CallName = 'login' | 'logout' | 'user-details' | 'update-user' | 'enrollment-status' | 'enrollment-status-all';

const PATHS: Record<CallName, string> = {
  login: '/api/v1/basic/login',
  logout: '/api/v1/basic/logout',
  'user-details': '/api/v1/basic/user/details',
  'update-user': '/api/v1/basic/user/update',
  'enrollment-status': '/api/v1/basic/status/enroll/user',
  'enrollment-status-all': '/api/v1/basic/status/enroll/all',
};

/**
 * Creates the DeepFaceAuth client. Bodies and headers follow deepfaceauth-api.md: POST, JSON,
 * the raw token in `Authorization`, `customerName` in every body. Reads retry at most twice,
 * within one time budget; login and update never retry. An update that was sent but got no
 * answer, a 5xx or an unreadable answer is reported as `outcome-unknown` (it may have been
 * applied: reconcile by reading the record, never by sending it again).
 */
export function createDeepFaceAuthClient(options: ClientOptions): DeepFaceAuthClient {
  const transport = options.transport ?? createHttpTransport();
  const policy: RetryPolicy = {
    retries: 2,
    baseDelayMs: 300,
    maxDelayMs: 2000,
    sleep: defaultSleep,
    random: Math.random,
    ...options.retry,
  };
  const log = options.logger;

  const UPDATE_UNKNOWN =
    'The update was sent but no clear answer came back, so it may or may not have been applied. Check before sending it again.';

  /** One HTTP exchange; `deadlineAt` is the end of the whole call's time budget. */
  async function exchange<S extends z.ZodType>(
    name: CallName,
    body: Record<string, unknown>,
    schema: S,
    token: string | null,
    secrets: readonly string[],
    deadlineAt: number,
  ): Promise<z.output<S>> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (token !== null) headers['Authorization'] = token;
    const started = Date.now();
    const outcome = await transport({
      url: options.baseUrl + PATHS[name],
      headers,
      body: JSON.stringify({ customerName: options.customerName, ...body }),
      deadlineMs: Math.max(1, deadlineAt - started),
    });
    const ms = Date.now() - started;
    if (outcome.kind === 'local-error') {
      log.error('vendor request could not be built', { call: name });
      throw new KioskError('internal', 'The kiosk could not build the request. Please sign in again.');
    }
    if (outcome.kind === 'not-sent' || outcome.kind === 'sent-no-answer') {
      log.warn('vendor call failed', { call: name, outcome: outcome.kind, reason: outcome.reason, ms });
      if (name === 'update-user' && outcome.kind === 'sent-no-answer') throw new KioskError('outcome-unknown', UPDATE_UNKNOWN);
      if (outcome.reason === 'tls') {
        throw new KioskError(
          'network',
          "The face service's security certificate is not trusted. IT: check the base URL, or name the bank's CA certificate in the config key caFile.",
        );
      }
      if (outcome.reason === 'timeout') {
        throw new KioskError('timeout', 'The face service did not answer in time. Please try again.');
      }
      throw new KioskError('network', 'The face service could not be reached. Check the network connection and try again.');
    }
    if (outcome.kind === 'too-large') {
      log.warn('vendor call failed', { call: name, outcome: 'too-large', ms });
      throw new KioskError('bad-response', 'The face service sent an answer that is too large.');
    }
    const classified = classifyResponse(outcome.status, outcome.contentType, outcome.body, secrets);
    if (!classified.ok) {
      log.warn('vendor call failed', { call: name, httpStatus: outcome.status, code: classified.error.code, ms });
      throw classified.error;
    }
    const parsed = compiled(schema).safeParse(classified.json);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(body)'))].slice(0, 5);
      log.warn('vendor answer has the wrong shape', { call: name, httpStatus: outcome.status, fields, ms });
      throw new KioskError('bad-response', 'The face service sent an answer the kiosk does not understand.');
    }
    log.debug('vendor call ok', { call: name, httpStatus: outcome.status, ms });
    return parsed.data;
  }

  /** A read: retried on transport failures and 502/503/504, all within one time budget. */
  function read<S extends z.ZodType>(name: CallName, body: Record<string, unknown>, schema: S, token: string): Promise<z.output<S>> {
    const deadlineAt = Date.now() + options.timeoutMs;
    return withRetry(() => exchange(name, body, schema, token, [token], deadlineAt), { ...policy, deadlineAt });
  }

  /** A call that is never retried. */
  function once<S extends z.ZodType>(
    name: CallName,
    body: Record<string, unknown>,
    schema: S,
    token: string | null,
    secrets: readonly string[],
  ): Promise<z.output<S>> {
    return exchange(name, body, schema, token, secrets, Date.now() + options.timeoutMs);
  }

  return {
    async login(password) {
      const res = await once('login', { password }, loginResponseSchema, null, [password]);
      return { accessToken: res.accessToken };
    },
    async logout(token) {
      await once('logout', { accessToken: token }, logoutResponseSchema, null, [token]);
    },
    userDetails(token, userName) {
      return read('user-details', { userName }, userDetailsResponseSchema, token);
    },
    async updateUser(token, request) {
      const body = {
        userName: request.userName,
        faceToBeUpdated: request.face ? 'yes' : 'no',
        [options.updateParamsKey]: {
          userName: request.params.userName,
          fullName: request.params.fullName,
          emailId: request.params.emailId,
          phoneNumber: request.params.phoneNumber,
        },
      };
      try {
        return await once('update-user', body, updateUserResponseSchema, token, [token]);
      } catch (err) {
        // The vendor (or a proxy in front of it) got the update and then failed or answered
        // nonsense: it may have been applied. Only a clear refusal means "not applied".
        if (err instanceof KioskError && (err.code === 'server' || err.code === 'bad-response')) {
          throw new KioskError('outcome-unknown', UPDATE_UNKNOWN, err.httpStatus === undefined ? {} : { httpStatus: err.httpStatus });
        }
        if (!(err instanceof KioskError)) {
          // A fault in the kiosk's own code around the call: whether the update went out is
          // not known, so it is never reported as "not applied".
          log.error('update call failed unexpectedly', { error: err instanceof Error ? err.name : typeof err });
          throw new KioskError('outcome-unknown', UPDATE_UNKNOWN);
        }
        throw err;
      }
    },
    enrollmentStatus(token, enrollmentUrl) {
      return read('enrollment-status', { enrollmentUrl }, enrollmentStatusResponseSchema, token);
    },
    enrollmentStatusAll(token, query) {
      const to = vendorDateTime(query.to);
      // Every value a string, as documented. The end date is sent under both of its documented
      // spellings (the parameter table's "toThsiDate" and the example's "toThisDate").
      const body = {
        pageNumber: String(query.pageNumber),
        pageCount: String(query.pageCount),
        statusType: query.statusType,
        fromThisDate: vendorDateTime(query.from),
        toThisDate: to,
        toThsiDate: to,
      };
      return read('enrollment-status-all', body, enrollmentStatusAllResponseSchema, token);
    },
  };
}
