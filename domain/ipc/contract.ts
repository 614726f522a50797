import { z } from 'zod';
import type { Result } from '../kiosk-error';
import { EMAIL, FULL_NAME, PHONE_INPUT_MAX_LENGTH, PHONE_INPUT_PATTERN } from '../profile/profile-limits';
import { emailSchema, existingUserNameSchema, fullNameSchema, newUserNameSchema } from '../profile/profile-rules';
import type { EVENT_CHANNELS, EventChannel, INVOKE_CHANNELS, InvokeChannel } from './channels';
import type { BackendKind } from '../backend-kinds';
import type { Locale } from '../locales';
import type { AuditOutcome, CameraState, EnrollmentOutcome, ReconcileVerdict, StaffAuditOutcome } from '../outcomes';
import type { ProfileFieldName, ProfileValues } from '../profile/profile-fields';
import { ID_CHECKS, staffIdSchema, staffSecretSchema, type StaffRole } from '../staff/staff-rules';
import type { ApprovalSubject } from '../staff/approval-rules';

export type { CameraState, EnrollmentOutcome, ReconcileVerdict } from '../outcomes';
export type { ProfileFieldName, ProfileValues } from '../profile/profile-fields';

// THE IPC contract. Every channel has a request schema (the renderer is untrusted) and a
// response type; the main-process handlers, the preload and the renderer's `window.kiosk`
// type are all derived from it. This file imports only pure modules so the renderer can
// `import type` from it.

/** A string without control characters (newlines, NUL, escape sequences…). */
const plainText = (max: number) =>
  z
    .string()
    .max(max, `At most ${max} characters.`)
    .regex(/^[^\p{Cc}]*$/u, 'Control characters are not allowed.');

const empty = z.strictObject({});

/** A profile field the renderer asks to change; the profile service applies the full rules. */
const profileChangesSchema = z.strictObject({
  userName: z.optional(existingUserNameSchema),
  fullName: plainText(FULL_NAME.max).pipe(fullNameSchema).optional(),
  emailId: plainText(EMAIL.max).pipe(emailSchema).optional(),
  phoneNumber: plainText(PHONE_INPUT_MAX_LENGTH)
    .regex(PHONE_INPUT_PATTERN, 'Enter a phone number with digits only.')
    .optional(),
});

/** A registered customer as staff see it. The enrollment link itself stays in main. */
export interface CustomerProfile extends ProfileValues {
  /** Dialling code as the vendor stores it, e.g. "+91"; empty when unknown. */
  countryCode: string;
  /** True when the vendor holds an enrollment link for this user. */
  hasEnrollmentLink: boolean;
  /** True when a face re-enrollment of this user at this kiosk did not finish. */
  facePending: boolean;
}

export interface UpdateResult {
  /** The vendor's message, scrubbed. */
  message: string;
  before: ProfileValues;
  after: ProfileValues;
  changed: ProfileFieldName[];
  face: boolean;
  /** True when the vendor returned a re-enrollment link the kiosk will open (kept in main for the camera window). */
  reEnrollmentReady: boolean;
  /** True when the vendor's link was outside the allowed origins: not opened, the face stays pending; IT must look. */
  faceLinkRefused: boolean;
  /** False when the audit line could not be written: staff must tell IT. */
  auditRecorded: boolean;
}

export interface KioskInfo {
  mode: BackendKind;
  /** True when the kiosk talks to the embedded sandbox service (shown as SANDBOX on screen). */
  sandbox: boolean;
  locale: Locale;
  kioskId: string;
  /** The bank's customer name at the vendor, to prefill sign-in. */
  customerName: string;
  /** ISO country of phone numbers, e.g. IN. */
  country: string;
  idleTimeoutSeconds: number;
  /** Seconds without staff activity before the kiosk locks. */
  staffLockSeconds: number;
  /** Sandbox mode with no staff list: the demo staff ids and PINs may be shown on the unlock screen. */
  demoStaff: boolean;
  /** Which changes need a supervisor's approval (four eyes). */
  approvalRequired: ApprovalSubject[];
  /** Where staff unlock: a PIN from the local list, or a directory password (LDAP). */
  staffDirectory: 'local' | 'ldap';
  version: string;
}

/** The staff member at the kiosk, as the renderer may show them (never a credential). */
export interface StaffInfo {
  staffId: string;
  name: string;
  role: StaffRole;
}

/**
 * How an approval request went: approved (the id to send with the update, for two minutes); not
 * needed; the supervisor's id or credential wrong, locked out, not a supervisor, or the
 * requester themselves.
 */
export type ApprovalAnswer =
  | { outcome: 'approved'; approvalId: string; expiresInSeconds: number }
  | { outcome: 'not-needed' }
  | { outcome: 'wrong' }
  | { outcome: 'locked-out'; minutes: number }
  | { outcome: 'not-supervisor' }
  | { outcome: 'self' };

/** How an unlock went: the member; a wrong id or credential; or the id locked for some minutes. */
export type UnlockAnswer = { outcome: 'unlocked'; staff: StaffInfo } | { outcome: 'wrong' } | { outcome: 'locked-out'; minutes: number };

interface ChannelSpec<S extends z.ZodType, R> {
  request: S;
  /** Type-only: the response carried in `Result<R>`. Never set at runtime. */
  readonly response?: R;
}

/** Declares a channel's request schema and response type. */
function channel<R>() {
  return <S extends z.ZodType>(request: S): ChannelSpec<S, R> => ({ request });
}

export const CONTRACT = {
  'session:sign-in': channel<{ signedIn: true }>()(
    z.strictObject({ password: plainText(1024).min(1, 'Enter the password.') }),
  ),
  'session:sign-out': channel<{ revoked: boolean }>()(empty),
  'session:state': channel<{ signedIn: boolean }>()(empty),
  'staff:state': channel<{ staff: StaffInfo | null }>()(empty),
  /** The credential crosses IPC once and is never kept (PIN or directory password). */
  'staff:unlock': channel<UnlockAnswer>()(z.strictObject({ staffId: z.string().max(256).pipe(staffIdSchema), secret: staffSecretSchema })),
  'staff:lock': channel<{ locked: true }>()(empty),
  /** Staff touched the screen: the idle lock starts again. `active: false`: already locked. */
  'staff:activity': channel<{ active: boolean }>()(empty),
  'profile:lookup': channel<CustomerProfile>()(z.strictObject({ userName: existingUserNameSchema })),
  'profile:check-user-name': channel<{ available: boolean }>()(z.strictObject({ userName: newUserNameSchema })),
  'profile:update': channel<UpdateResult>()(
    z.strictObject({
      /** Chosen by the renderer for each submit; a second submit with the same id is refused. */
      updateId: z.uuid('The update id is not valid.'),
      userName: existingUserNameSchema,
      changes: profileChangesSchema,
      face: z.boolean(),
      /** How staff checked the customer's identity (the document type, never its number). */
      idCheck: z.enum(ID_CHECKS),
      /** A supervisor's approval of exactly this change, when it needs one. */
      approvalId: z.uuid('The approval id is not valid.').optional(),
    }),
  ),
  /** A supervisor approves the change on screen with their own credential (it crosses IPC once, never kept). */
  'approval:request': channel<ApprovalAnswer>()(
    z.strictObject({
      userName: existingUserNameSchema,
      changes: profileChangesSchema,
      face: z.boolean(),
      supervisorId: z.string().max(256).pipe(staffIdSchema),
      secret: staffSecretSchema,
    }),
  ),
  'profile:reconcile': channel<{ verdict: ReconcileVerdict; auditRecorded: boolean }>()(
    z.strictObject({ updateId: z.uuid('The update id is not valid.') }),
  ),
  /** The customer left the counter (Done, idle wipe): main drops the values it still holds. */
  'profile:forget': channel<{ forgotten: true }>()(empty),
  'enrollment:camera-check': channel<{ camera: CameraState }>()(empty),
  'enrollment:start': channel<{ timeoutSeconds: number }>()(z.strictObject({ updateId: z.uuid('The update id is not valid.') })),
  'enrollment:cancel': channel<{ cancelling: true }>()(
    /** `camera-problem`: staff end it because the page shows a camera error. */
    z.strictObject({ reason: z.enum(['staff-cancel', 'camera-problem']) }),
  ),
  'kiosk:info': channel<KioskInfo>()(empty),
  'kiosk:restart': channel<{ restarting: true }>()(empty),
} satisfies { [C in InvokeChannel]: ChannelSpec<z.ZodType, unknown> };

/** Payloads of the push channels. */
export interface EventPayloads {
  'session:expired': { reason: 'expired' };
  /** An audit line could not be written: staff must tell IT. */
  'audit:write-failed': { outcome: AuditOutcome | StaffAuditOutcome };
  /** A face re-enrollment ended; its window and partition are already gone. */
  'enrollment:finished': { outcome: EnrollmentOutcome; message: string; auditRecorded: boolean };
  /** The kiosk locked (idle, Lock, another member): the renderer wipes the customer and shows the unlock screen. */
  'staff:locked': { reason: 'button' | 'idle' | 'vendor-session-ended' };
}

// Compile-time guards: the channel tables and the contract list the same channels.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const contractMatchesTable: Exact<keyof typeof CONTRACT, InvokeChannel> = true;
const eventsMatchTable: Exact<keyof EventPayloads, EventChannel> = true;
void contractMatchesTable;
void eventsMatchTable;

/** What the renderer sends on a channel. */
export type RequestOf<C extends InvokeChannel> = z.input<(typeof CONTRACT)[C]['request']>;
/** What a handler receives after validation. */
export type ParsedRequestOf<C extends InvokeChannel> = z.output<(typeof CONTRACT)[C]['request']>;
/** What a handler returns inside `Result`. */
export type ResponseOf<C extends InvokeChannel> = (typeof CONTRACT)[C] extends ChannelSpec<z.ZodType, infer R> ? R : never;

type InvokeMethod<C extends InvokeChannel> = RequestOf<C> extends Record<string, never>
  ? () => Promise<Result<ResponseOf<C>>>
  : (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;

type SubscribeMethod<E extends EventChannel> = (listener: (payload: EventPayloads[E]) => void) => () => void;

/** The renderer's `window.kiosk`: one function per invoke channel, one subscribe per push channel. */
export type KioskApi = {
  readonly [C in InvokeChannel as (typeof INVOKE_CHANNELS)[C]]: InvokeMethod<C>;
} & {
  readonly [E in EventChannel as (typeof EVENT_CHANNELS)[E]]: SubscribeMethod<E>;
};
