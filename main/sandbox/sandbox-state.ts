import { randomBytes } from 'node:crypto';
import { DEMO_CUSTOMER } from '../../domain/demo-account';
import { DEMO_USERS, type DemoUser } from './demo-data';

export type EnrollmentStatus = 'success' | 'failure' | 'draft';

interface UserRecord extends DemoUser {
  enrollmentUrl: string;
}

interface EnrollmentRecord {
  userName: string;
  status: EnrollmentStatus;
  /** When it was started (ms since the epoch). */
  at: number;
}

/** One page of `statusAll`. */
export interface StatusPage {
  users: { userName: string; fullName: string; emailId: string; phoneNumber: string; at: number }[];
  page: number;
  totalPages: number;
  total: number;
}

/** Test switches of the stand-in capture page. */
export interface SandboxSwitches {
  /** The page accepts the capture but the enrollment stays `draft` for ever. */
  neverFinish: boolean;
  /** The page reports the camera as busy (NotReadableError) instead of opening it. */
  cameraBusy: boolean;
}

/** Reads `KIOSK_SANDBOX_SWITCHES` (e.g. "never-finish,camera-busy"); unknown names are refused. */
export function parseSandboxSwitches(value: string | undefined): SandboxSwitches {
  const switches: SandboxSwitches = { neverFinish: false, cameraBusy: false };
  for (const name of (value ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    if (name === 'never-finish') switches.neverFinish = true;
    else if (name === 'camera-busy') switches.cameraBusy = true;
    else throw new Error(`Unknown sandbox switch "${name}" (known: never-finish, camera-busy).`);
  }
  return switches;
}

export interface SandboxStateOptions {
  switches?: Partial<SandboxSwitches>;
  customerName?: string;
  password?: string;
  users?: readonly DemoUser[];
  /** Token lifetime; omitted means tokens never expire. */
  tokenTtlMs?: number;
  now?: () => number;
  /** Makes tokens (tests use a canary); default 32 random bytes in hex. */
  newToken?: () => string;
  /** Origin of the sandbox server, used in enrollment URLs. */
  origin?: string;
}

/** A 400/422 rejection in the vendor's documented envelope. */
export class SandboxRejection extends Error {}

const hex32 = (): string => randomBytes(16).toString('hex');

/** The sandbox's in-memory data: tokens, users and enrollments. */
export class SandboxState {
  readonly customerName: string;
  private readonly password: string;
  private readonly tokens = new Map<string, number>();
  private readonly users = new Map<string, UserRecord>();
  private readonly enrollments = new Map<string, EnrollmentRecord>();
  private readonly now: () => number;
  private readonly newToken: () => string;
  private readonly ttl: number | undefined;
  readonly origin: string;
  /** Test switches; tests may flip them while the service runs. */
  switches: SandboxSwitches;

  constructor(options: SandboxStateOptions = {}) {
    this.customerName = options.customerName ?? DEMO_CUSTOMER.customerName;
    this.password = options.password ?? DEMO_CUSTOMER.password;
    this.now = options.now ?? Date.now;
    this.newToken = options.newToken ?? (() => randomBytes(32).toString('hex'));
    this.ttl = options.tokenTtlMs;
    this.origin = options.origin ?? 'http://127.0.0.1';
    this.switches = { neverFinish: false, cameraBusy: false, ...options.switches };
    for (const u of options.users ?? DEMO_USERS) this.createUser(u, 'success');
  }

  portalUrl(): string {
    return `${this.origin}/deepfaceauth/api/v1/iframe/enroll/portal/${hex32()}/${hex32()}`;
  }

  login(password: string): string {
    if (password !== this.password) throw new SandboxRejection('Invalid customerName or password');
    const token = this.newToken();
    this.tokens.set(token, this.ttl === undefined ? Number.POSITIVE_INFINITY : this.now() + this.ttl);
    return token;
  }

  logout(token: string): boolean {
    return this.tokens.delete(token);
  }

  tokenValid(token: string): boolean {
    const exp = this.tokens.get(token);
    if (exp === undefined) return false;
    if (exp <= this.now()) {
      this.tokens.delete(token);
      return false;
    }
    return true;
  }

  /** Makes every issued token invalid (tests of the expiry path). */
  expireAllTokens(): void {
    this.tokens.clear();
  }

  createUser(u: DemoUser, status: EnrollmentStatus = 'draft'): UserRecord {
    if (this.users.has(u.userName)) throw new SandboxRejection('userName already exists');
    const record: UserRecord = { ...u, enrollmentUrl: this.portalUrl() };
    this.users.set(u.userName, record);
    this.enrollments.set(record.enrollmentUrl, { userName: u.userName, status, at: this.now() });
    return record;
  }

  details(userName: string): UserRecord {
    const u = this.users.get(userName);
    if (!u) throw new SandboxRejection('User is not registered');
    return u;
  }

  update(userName: string, params: Omit<DemoUser, 'countryCode'>, face: boolean): string | null {
    const u = this.details(userName);
    // Like a vendor that keeps old records: a stored legacy phone may come back unchanged, a new one must be digits.
    if (params.phoneNumber !== u.phoneNumber && !/^\d{6,15}$/.test(params.phoneNumber)) {
      throw new SandboxRejection('phoneNumber must be digits');
    }
    if (params.userName !== userName && this.users.has(params.userName)) {
      throw new SandboxRejection('userName already exists');
    }
    const updated: UserRecord = { ...u, ...params };
    this.users.delete(userName);
    this.users.set(updated.userName, updated);
    for (const e of this.enrollments.values()) if (e.userName === userName) e.userName = updated.userName;
    if (!face) return null;
    const url = this.portalUrl();
    this.enrollments.set(url, { userName: updated.userName, status: 'draft', at: this.now() });
    return url;
  }

  /** Status of an enrollment URL; a user's original URL reports their latest enrollment. */
  enrollmentStatus(url: string): EnrollmentRecord {
    const e = this.enrollments.get(url);
    if (!e) throw new SandboxRejection('Enrollment not found');
    const user = [...this.users.values()].find((u) => u.enrollmentUrl === url);
    if (user) {
      const latest = [...this.enrollments.values()].filter((r) => r.userName === user.userName).at(-1);
      if (latest) return latest;
    }
    return e;
  }

  /**
   * The users whose latest enrollment has this status and was started within [from, to]
   * (ms; `to` counts to the end of its second), oldest first, one page (numbered from 1) of
   * `pageCount`.
   */
  statusAll(status: EnrollmentStatus, from: number, to: number, page: number, pageCount: number): StatusPage {
    const latest = new Map<string, EnrollmentRecord>();
    for (const e of this.enrollments.values()) latest.set(e.userName, e);
    const matching = [...latest.values()].flatMap((e) => {
      const u = this.users.get(e.userName);
      return u && e.status === status && e.at >= from && e.at < to + 1000 ? [{ userName: u.userName, fullName: u.fullName, emailId: u.emailId, phoneNumber: u.phoneNumber, at: e.at }] : [];
    });
    const rows = matching.slice((page - 1) * pageCount, page * pageCount);
    return { users: rows, page, totalPages: Math.max(1, Math.ceil(matching.length / pageCount)), total: matching.length };
  }

  /** The capture page reports its result; only a draft enrollment can finish. */
  finishEnrollment(url: string, status: 'success' | 'failure'): boolean {
    const e = this.enrollments.get(url);
    if (!e || e.status !== 'draft') return false;
    if (!this.switches.neverFinish) e.status = status;
    return true;
  }
}
