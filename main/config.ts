import type { LdapDirectoryConfig } from './staff/ldap-directory';
import { APPROVAL_SUBJECTS, DEFAULT_APPROVAL_REQUIRED, type ApprovalSubject } from '../domain/staff/approval-rules';
import { X509Certificate } from 'node:crypto';
import { lstat, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { KioskError } from '../domain/kiosk-error';
import { countrySchema } from '../domain/profile/profile-rules';
import { isLoopbackHost } from './shared/loopback';
import { BACKEND_KINDS, type BackendKind } from '../domain/backend-kinds';
import { DEMO_CUSTOMER } from '../domain/demo-account';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../domain/locales';
import { DEFAULT_IDLE_TIMEOUT_SECONDS } from '../domain/ui-sizes';


/** Env var naming the config file (unpackaged runs and kioskctl only). */
export const CONFIG_ENV_VAR = 'KIOSK_CONFIG';
/** The per-user file, in the app's data folder: used when there is no machine-wide file. */
export const CONFIG_FILE_NAME = 'kiosk-config.json';
/** Env var naming the machine-wide folder instead of the platform's (unpackaged runs, kioskctl, tests). */
export const SYSTEM_DIR_ENV_VAR = 'KIOSK_SYSTEM_DIR';
/** The machine-wide file, in the system folder: it wins over the per-user one. */
export const SYSTEM_CONFIG_FILE_NAME = 'config.json';

/**
 * The platform's machine-wide config folder. On Windows the fixed system path, never the
 * ProgramData environment variable (anyone starting the kiosk could point that elsewhere).
 */
export function defaultSystemDir(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'C:\\ProgramData\\enrollment-kiosk';
  if (platform === 'darwin') return '/Library/Application Support/enrollment-kiosk';
  return '/etc/enrollment-kiosk';
}

/**
 * Why a machine-wide config file must not be trusted, or null: on Linux and macOS, a link
 * instead of a file, or a file or folder that a non-admin user could write (not owned by
 * root, or writable by group or others). Windows ACLs are not checked here: Users may create
 * folders in ProgramData, so IT must create and lock C:\\ProgramData\\enrollment-kiosk when
 * installing (README, Configuration).
 */
export async function systemFileProblem(path: string, platform: NodeJS.Platform = process.platform): Promise<string | null> {
  if (platform === 'win32') return null;
  if ((await lstat(path)).isSymbolicLink()) return 'is a link, not a file';
  for (const [what, st] of [
    ['the file', await stat(path)],
    [`its folder ${dirname(path)}`, await stat(dirname(path))],
  ] as const) {
    if (st.uid !== 0) return `${what} is owned by a user other than root (uid ${st.uid})`;
    if ((st.mode & 0o022) !== 0) return `${what} can be written by users other than root (mode ${(st.mode & 0o777).toString(8)})`;
  }
  return null;
}

/** A packaged kiosk with no config file: it shows where IT must write one, and starts nothing. */
export class NotConfiguredError extends KioskError {
  constructor(readonly expectedPath: string) {
    super('config', `This kiosk is not configured yet. IT: write its configuration to ${expectedPath}.`);
  }
}
const MAX_CONFIG_BYTES = 64 * 1024;
const SECRET_LIKE_KEYS = /pass(word)?|secret|token|authori[sz]ation|api.?key/i;

/**
 * Checks a vendor base URL: https anywhere, plain http only on a loopback host; no
 * credentials, query or fragment. Returns the URL without a trailing slash, or an error text.
 */
export function checkBaseUrl(raw: string): { ok: true; url: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: 'is not a valid URL' };
  }
  if (url.username || url.password) return { ok: false, message: 'must not contain a user name or password' };
  if (url.search || url.hash) return { ok: false, message: 'must not have a query or fragment' };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return { ok: false, message: 'must use https (plain http is allowed only for a loopback host such as 127.0.0.1)' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: 'must be an https:// URL' };
  }
  return { ok: true, url: url.href.replace(/\/+$/, '') };
}

/** The two spellings of the update call's parameters key in the vendor's docs (which one the service reads is unknown). */
export const UPDATE_PARAMS_KEYS = ['parametersToBeUpdated', 'parametersTobeUpdated'] as const;
export type UpdateParamsKey = (typeof UPDATE_PARAMS_KEYS)[number];

/** Which URL the status call sends: the update's re-enrollment link, or the user's own enrollment link. */
export const STATUS_URL_SOURCES = ['reEnrollmentUrl', 'enrollmentUrl'] as const;
export type StatusUrlSource = (typeof STATUS_URL_SOURCES)[number];

/** An exact https origin (scheme, host, optional port; no path, no wildcard), or an error text. */
export function checkOrigin(raw: string): string | null {
  if (!URL.canParse(raw)) return 'is not a valid origin such as https://signzy.app';
  const u = new URL(raw);
  if (u.protocol !== 'https:') return 'must be an https:// origin';
  if (u.origin !== raw) return 'must be an origin only (https://host or https://host:port): no path, slash, user or wildcard';
  // The URL parser lets characters such as * through in a host name: one exact host only.
  if (!/^(([a-z0-9-]+\.)*[a-z0-9-]+|\[[0-9a-f:.]+\])$/.test(u.hostname)) return 'must name one exact host (no wildcard)';
  return null;
}

const originSchema = z.string().max(256).superRefine((value, ctx) => {
  const problem = checkOrigin(value);
  if (problem) ctx.addIssue({ code: 'custom', message: `"${value.slice(0, 80)}" ${problem}` });
});

const baseUrlSchema = z.string().superRefine((value, ctx) => {
  const checked = checkBaseUrl(value);
  if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.message });
});

const fileSchema = z.strictObject({
  mode: z.enum(BACKEND_KINDS).optional(),
  baseUrl: baseUrlSchema.optional(),
  customerName: z.string().trim().min(1).max(128).optional(),
  requestTimeoutMs: z.number().int().min(1000).max(120_000).optional(),
  updateParamsKey: z.enum(UPDATE_PARAMS_KEYS).optional(),
  enrollmentStatusUrlSource: z.enum(STATUS_URL_SOURCES).optional(),
  idleTimeoutSeconds: z.number().int().min(15).max(3600).optional(),
  locale: z.enum(LOCALES).optional(),
  kioskId: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'use 1–64 letters, digits, dot, underscore or hyphen')
    .optional(),
  defaultCountry: z.optional(countrySchema),
  keychainTimeoutMs: z.number().int().min(500).max(30_000).optional(),
  enrollmentTimeoutSeconds: z.number().int().min(30).max(3600).optional(),
  caFile: z.string().min(1).max(4096).refine((p) => isAbsolute(p), 'must be an absolute path').optional(),
  enrollmentOrigins: z.array(originSchema).min(1, 'list at least one origin').max(16, 'at most 16 origins').optional(),
  staffLockSeconds: z.number().int().min(30).max(3600).optional(),
  staffDirectory: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('local') }),
      z.strictObject({
        kind: z.literal('ldap'),
        url: z.string().regex(/^ldaps:\/\/[A-Za-z0-9.\-[\]:]+(:\d{1,5})?\/?$/, 'must be an ldaps:// URL (TLS); plain ldap:// is not allowed'),
        userDnTemplate: z.string().max(512).refine((t) => t.split('{staffId}').length === 2 && /^[a-zA-Z]+=\{staffId\},/.test(t), 'must start with the attribute holding the staff id, e.g. "uid={staffId},ou=people,dc=bank,dc=in"'),
        operatorGroup: z.string().min(3).max(512),
        supervisorGroup: z.string().min(3).max(512),
        caFile: z.string().min(1).max(4096).refine((p) => isAbsolute(p), 'must be an absolute path').optional(),
        timeoutMs: z.number().int().min(1000).max(30_000).optional(),
      }),
    ])
    .optional(),
  approvalRequired: z.array(z.enum(APPROVAL_SUBJECTS)).max(APPROVAL_SUBJECTS.length).optional(),
});

export type ConfigFile = z.infer<typeof fileSchema>;

/** The validated kiosk configuration with every default applied. */
export interface KioskConfig {
  mode: BackendKind;
  /** Vendor base URL; null in sandbox mode (the backend knows the embedded service's URL). */
  baseUrl: string | null;
  customerName: string;
  requestTimeoutMs: number;
  updateParamsKey: UpdateParamsKey;
  enrollmentStatusUrlSource: StatusUrlSource;
  idleTimeoutSeconds: number;
  locale: Locale;
  kioskId: string;
  defaultCountry: string;
  keychainTimeoutMs: number;
  enrollmentTimeoutSeconds: number;
  /**
   * Extra CA certificates (PEM) trusted for the vendor URL besides the public roots, from the
   * `caFile` key: a bank proxy signed by the bank's own CA. The packaged app ignores
   * NODE_EXTRA_CA_CERTS (its NODE_OPTIONS fuse is off), so this is how IT installs that CA.
   */
  extraCaCertificates: string | null;
  /**
   * The https origins whose re-enrollment pages the kiosk opens (vendor mode); null: the
   * default (the base URL's origin and the vendor's documented portal hosts).
   */
  enrollmentOrigins: string[] | null;
  /** Seconds without staff activity after which the kiosk locks (the customer wipe comes first). */
  staffLockSeconds: number;
  /** Where staff unlock: the local list (staff.json in `systemDir`), or the bank's LDAP directory (with its CA's PEM). */
  staffDirectory: { kind: 'local' } | (LdapDirectoryConfig & { ca: string | null });
  /** Which changes need a supervisor's approval at the kiosk (four eyes). */
  approvalRequired: readonly ApprovalSubject[];
  /** The machine-wide folder: the config IT writes, and the local staff list. */
  systemDir: string;
  /** Where the settings came from, for diagnostics: a file path or "defaults". */
  source: string;
}

export const DEFAULTS = {
  requestTimeoutMs: 15_000,
  updateParamsKey: 'parametersToBeUpdated',
  enrollmentStatusUrlSource: 'reEnrollmentUrl',
  idleTimeoutSeconds: DEFAULT_IDLE_TIMEOUT_SECONDS,
  locale: DEFAULT_LOCALE,
  kioskId: 'kiosk',
  defaultCountry: 'IN',
  keychainTimeoutMs: 2000,
  enrollmentTimeoutSeconds: 300,
  staffLockSeconds: 300,
} as const;

/** Command-line overrides; they win over the file. `baseUrl` selects vendor mode. */
export interface ConfigOverrides {
  baseUrl?: string;
  customerName?: string;
  requestTimeoutMs?: number;
}

export interface LoadConfigDeps {
  env: Readonly<Record<string, string | undefined>>;
  /** The app's user-data folder (Electron's `userData`, or the CLI's equivalent). */
  userDataDir: string;
  /** Reads a file as UTF-8; resolves null when it does not exist. */
  readFile: (path: string) => Promise<string | null>;
  overrides?: ConfigOverrides;
  /**
   * A packaged app: KIOSK_CONFIG and KIOSK_SYSTEM_DIR are ignored, no config file at all is
   * `NotConfiguredError` (never the demo sandbox), and sandbox mode must be asked for.
   */
  packaged?: boolean;
  /** The machine-wide folder (default: the platform's, or KIOSK_SYSTEM_DIR when not packaged). */
  systemDir?: string;
  /** Checks a machine-wide file may be trusted (default: `systemFileProblem`). */
  checkSystemFile?: (path: string) => Promise<string | null>;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys;
    const secret = keys.find((k) => SECRET_LIKE_KEYS.test(k));
    if (secret) {
      return `key "${secret}": secrets never go in the config file; sign in at the kiosk or use "kioskctl login --password-stdin"`;
    }
    return `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`;
  }
  const key = issue.path.join('.') || '(top level)';
  return `key "${key}": ${issue.message}`;
}

/** Reads a config file; null when it does not exist. */
async function readConfigFile(path: string, readFile: LoadConfigDeps['readFile']): Promise<string | null> {
  try {
    return await readFile(path);
  } catch {
    throw new KioskError('config', `Config file ${path} could not be read (check its permissions).`);
  }
}

/**
 * Finds the config file: KIOSK_CONFIG (unpackaged runs and kioskctl), else the machine-wide
 * file (refused when non-admins could write it), else the per-user one. Returns its path and
 * text (null: no file), and the machine-wide path IT is told about.
 */
/** The machine-wide folder: KIOSK_SYSTEM_DIR (unpackaged runs and kioskctl), else the given or the platform's. */
export function resolveSystemDir(deps: Pick<LoadConfigDeps, 'env' | 'packaged' | 'systemDir'>): string {
  const unpackaged = deps.packaged !== true;
  return (unpackaged ? deps.env[SYSTEM_DIR_ENV_VAR] : undefined) || deps.systemDir || defaultSystemDir(process.platform);
}

async function findConfigFile(deps: LoadConfigDeps): Promise<{ path: string; text: string | null; systemPath: string }> {
  const unpackaged = deps.packaged !== true;
  const explicit = unpackaged ? deps.env[CONFIG_ENV_VAR] : undefined;
  const systemPath = join(resolveSystemDir(deps), SYSTEM_CONFIG_FILE_NAME);
  if (explicit) {
    const text = await readConfigFile(explicit, deps.readFile);
    if (text === null) throw new KioskError('config', `Config file ${explicit} (from ${CONFIG_ENV_VAR}) does not exist.`);
    return { path: explicit, text, systemPath };
  }
  const system = await readConfigFile(systemPath, deps.readFile);
  if (system !== null) {
    const problem = await (deps.checkSystemFile ?? systemFileProblem)(systemPath).catch(() => 'could not be checked');
    if (problem) {
      throw new KioskError('config', `Config file ${systemPath}: ${problem}, so a non-admin user could change the kiosk's settings. IT: make it root's and not writable by others (chmod 644, folder 755).`);
    }
    return { path: systemPath, text: system, systemPath };
  }
  const userPath = join(deps.userDataDir, CONFIG_FILE_NAME);
  return { path: userPath, text: await readConfigFile(userPath, deps.readFile), systemPath };
}

/**
 * Loads and validates the kiosk configuration (see `findConfigFile` for which file). No file
 * means sandbox mode with defaults in an unpackaged run, and `NotConfiguredError` in a packaged
 * one; a named file that is missing, unreadable, not JSON, or that has unknown keys or wrong
 * types is a `config` KioskError naming the file and the key.
 */
export async function loadConfig(deps: LoadConfigDeps): Promise<KioskConfig> {
  const { path, text, systemPath } = await findConfigFile(deps);
  if (text === null && deps.packaged) throw new NotConfiguredError(systemPath);
  let file: ConfigFile = {};
  if (text !== null) {
    if (Buffer.byteLength(text, 'utf8') > MAX_CONFIG_BYTES) {
      throw new KioskError('config', `Config file ${path} is larger than 64 KB.`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      // Never echo the parser's message: it quotes the file, which may hold a stray secret.
      throw new KioskError('config', `Config file ${path} is not valid JSON${jsonErrorPlace(text)}.`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new KioskError('config', `Config file ${path} must hold one JSON object.`);
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) {
      throw new KioskError('config', `Config file ${path}: ${parsed.error.issues.map(describeIssue).join('; ')}.`);
    }
    file = parsed.data;
  }
  const extraCa = file.caFile ? await readCaFile(file.caFile, path, deps.readFile) : null;
  const sd = file.staffDirectory;
  const staffDirectory: KioskConfig['staffDirectory'] =
    sd?.kind === 'ldap'
      ? {
          kind: 'ldap',
          url: sd.url,
          userDnTemplate: sd.userDnTemplate,
          operatorGroup: sd.operatorGroup,
          supervisorGroup: sd.supervisorGroup,
          timeoutMs: sd.timeoutMs ?? 5000,
          ca: sd.caFile ? await readCaFile(sd.caFile, path, deps.readFile, 'staffDirectory.caFile') : null,
        }
      : { kind: 'local' };
  if (deps.packaged && file.mode === undefined && file.baseUrl === undefined) {
    // A packaged kiosk runs the demo only when asked to, never by default.
    throw new KioskError('config', `Config file ${path}: key "mode" is required: "vendor" (with "baseUrl") or "sandbox" for the demo.`);
  }
  return { ...resolveConfig(file, deps.overrides ?? {}, text === null ? 'defaults' : path), extraCaCertificates: extraCa, staffDirectory, systemDir: resolveSystemDir(deps) };
}

const MAX_CA_BYTES = 1024 * 1024;
const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Reads and checks the `caFile` PEM bundle: present, bounded, and every block a certificate. */
async function readCaFile(caFile: string, configPath: string, readFile: LoadConfigDeps['readFile'], key = 'caFile'): Promise<string> {
  const fail = (why: string) => new KioskError('config', `Config file ${configPath}: key "${key}": ${why}.`);
  let pem: string | null;
  try {
    pem = await readFile(caFile);
  } catch {
    throw fail(`${caFile} could not be read (check its permissions)`);
  }
  if (pem === null) throw fail(`${caFile} does not exist`);
  if (Buffer.byteLength(pem, 'utf8') > MAX_CA_BYTES) throw fail(`${caFile} is larger than 1 MB`);
  const blocks = pem.match(PEM_CERT) ?? [];
  if (blocks.length === 0) throw fail(`${caFile} holds no PEM certificate`);
  for (const block of blocks) {
    try {
      new X509Certificate(block);
    } catch {
      throw fail(`${caFile} holds a certificate that cannot be read`);
    }
  }
  return blocks.join('\n');
}

function resolveConfig(file: ConfigFile, overrides: ConfigOverrides, source: string): Omit<KioskConfig, 'systemDir'> {
  let baseUrl = file.baseUrl ?? null;
  let mode = file.mode ?? (baseUrl ? 'vendor' : 'sandbox');
  if (overrides.baseUrl !== undefined) {
    const checked = checkBaseUrl(overrides.baseUrl);
    if (!checked.ok) throw new KioskError('config', `--base-url ${checked.message}.`);
    baseUrl = overrides.baseUrl;
    mode = 'vendor';
  }
  if (overrides.requestTimeoutMs !== undefined) {
    const t = overrides.requestTimeoutMs;
    if (!Number.isInteger(t) || t < 1000 || t > 120_000) {
      throw new KioskError('config', '--timeout-ms must be a whole number from 1000 to 120000.');
    }
  }
  const customerName = overrides.customerName ?? file.customerName;
  if (overrides.customerName !== undefined && !/^\S.{0,127}$/.test(overrides.customerName)) {
    throw new KioskError('config', '--customer must be 1–128 characters.');
  }
  const idleTimeoutSeconds = file.idleTimeoutSeconds ?? DEFAULTS.idleTimeoutSeconds;
  const staffLockSeconds = file.staffLockSeconds ?? Math.max(DEFAULTS.staffLockSeconds, idleTimeoutSeconds + 60);
  if (staffLockSeconds <= idleTimeoutSeconds) {
    throw new KioskError('config', `Config (${source}): key "staffLockSeconds" (${staffLockSeconds}) must be longer than "idleTimeoutSeconds" (${idleTimeoutSeconds}): the customer's data is wiped before the kiosk locks.`);
  }
  if (mode === 'vendor') {
    if (!baseUrl) throw new KioskError('config', `Config (${source}): key "baseUrl" is required in vendor mode.`);
    if (!customerName) {
      throw new KioskError('config', `Config (${source}): key "customerName" is required in vendor mode.`);
    }
  } else if (baseUrl) {
    throw new KioskError('config', `Config (${source}): key "baseUrl" applies to vendor mode only; set "mode": "vendor".`);
  } else if (file.enrollmentOrigins) {
    throw new KioskError('config', `Config (${source}): key "enrollmentOrigins" applies to vendor mode only (the sandbox opens only its own pages).`);
  }
  return {
    mode,
    baseUrl: baseUrl ? (checkBaseUrl(baseUrl) as { ok: true; url: string }).url : null,
    customerName: customerName ?? DEMO_CUSTOMER.customerName,
    requestTimeoutMs: overrides.requestTimeoutMs ?? file.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
    updateParamsKey: file.updateParamsKey ?? DEFAULTS.updateParamsKey,
    enrollmentStatusUrlSource: file.enrollmentStatusUrlSource ?? DEFAULTS.enrollmentStatusUrlSource,
    idleTimeoutSeconds,
    locale: file.locale ?? DEFAULTS.locale,
    kioskId: file.kioskId ?? DEFAULTS.kioskId,
    defaultCountry: file.defaultCountry ?? DEFAULTS.defaultCountry,
    keychainTimeoutMs: file.keychainTimeoutMs ?? DEFAULTS.keychainTimeoutMs,
    enrollmentTimeoutSeconds: file.enrollmentTimeoutSeconds ?? DEFAULTS.enrollmentTimeoutSeconds,
    extraCaCertificates: null,
    enrollmentOrigins: file.enrollmentOrigins ? [...new Set(file.enrollmentOrigins)] : null,
    staffLockSeconds,
    staffDirectory: { kind: 'local' },
    approvalRequired: file.approvalRequired ? [...new Set(file.approvalRequired)] : DEFAULT_APPROVAL_REQUIRED,
    source,
  };
}

/**
 * " (line L, column C)" of the first character that cannot belong to valid JSON. Found by
 * binary search over prefixes (a prefix is fine while the parser only runs out of input),
 * because the parser's own message quotes the file and may carry a stray secret.
 */
function jsonErrorPlace(text: string): string {
  const fine = (n: number): boolean => {
    try {
      JSON.parse(text.slice(0, n));
      return true;
    } catch (err) {
      const msg = err instanceof Error ? err.message : '';
      const pos = /position (\d+)/.exec(msg);
      return /end of JSON input/i.test(msg) || (pos !== null && Number(pos[1]) >= n);
    }
  };
  let lo = 0;
  let hi = text.length;
  if (fine(hi)) return '';
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fine(mid)) lo = mid;
    else hi = mid - 1;
  }
  const before = text.slice(0, lo).split('\n');
  return ` (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`;
}
