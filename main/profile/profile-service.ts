import type { output, ZodMiniType } from 'zod/mini';
import { KioskError } from '../../domain/kiosk-error';
import type { Logger } from '../log/logger';
import type { DeepFaceAuthClient } from '../deepfaceauth/client';
import type { UserDetails } from '../deepfaceauth/schemas';
import type { SessionService } from '../session/session-service';
import {
  emailSchema,
  existingUserNameSchema,
  firstIssue,
  fullNameSchema,
  newUserNameSchema,
  type ProfileFields,
} from '../../domain/profile/profile-rules';
import { normalizePhone, phoneRegionOf, plausiblePhone, regionLabel, type PhoneRegion } from '../../domain/profile/phone-rules';
import { compiled } from '../shared/compiled-schema';
import { PROFILE_FIELDS as FIELDS, profileValues } from '../../domain/profile/profile-fields';
import type { ReconcileVerdict } from '../../domain/outcomes';
import { NOT_REGISTERED } from '../../domain/vendor-messages';

export type ProfileChanges = Partial<ProfileFields>;

export interface UpdatePlan {
  /** The user's current user name (the key of the update call). */
  userName: string;
  before: ProfileFields;
  after: ProfileFields;
  changed: (keyof ProfileFields)[];
  face: boolean;
}

/**
 * What a reconcile compares the record with: the user names to look up, whether details were
 * asked to change, and a test for "holds the values before" / "after". The journal answers
 * these from keyed fingerprints once the values themselves are forgotten.
 */
export interface ReconcileTarget {
  userNameBefore: string;
  userNameAfter: string;
  /** Fields asked to change (none: a face-only update). */
  changed: readonly (keyof ProfileFields)[];
  face: boolean;
  holdsBefore(values: ProfileFields): boolean;
  holdsAfter(values: ProfileFields): boolean;
}

/** A plan's reconcile target, compared by value. */
export function targetOfPlan(plan: UpdatePlan): ReconcileTarget {
  const same = (want: ProfileFields) => (values: ProfileFields) => FIELDS.every((f) => values[f] === want[f]);
  return {
    userNameBefore: plan.before.userName,
    userNameAfter: plan.after.userName,
    changed: plan.changed,
    face: plan.face,
    holdsBefore: same(plan.before),
    holdsAfter: same(plan.after),
  };
}

export interface UpdateOutcome {
  message: string;
  reEnrollmentUrl: string | null;
  plan: UpdatePlan;
}

export type { ReconcileVerdict } from '../../domain/outcomes';

export interface ProfileService {
  lookup(userName: string): Promise<UserDetails>;
  /** True when no user has this name at the vendor. */
  isUserNameAvailable(userName: string): Promise<boolean>;
  /**
   * Reads the current details and validates the changes into a plan (no update sent). A phone
   * number is read as one of `country` when given (kioskctl --country), else of the record's
   * own dialling code (an NRI customer's 44), else of the service's country.
   */
  plan(userName: string, changes: ProfileChanges, face: boolean, country?: string): Promise<UpdatePlan>;
  /** Sends the update for a plan. Never retried; a lost answer is `outcome-unknown`. */
  update(plan: UpdatePlan): Promise<UpdateOutcome>;
  /** After `outcome-unknown`: reads details to decide whether the plan was applied. */
  reconcile(target: UpdatePlan | ReconcileTarget): Promise<ReconcileVerdict>;
}

export interface ProfileDeps {
  client: DeepFaceAuthClient;
  session: SessionService;
  logger: Logger;
  /** ISO country of phone numbers, e.g. IN. */
  country: string;
}

function check<S extends ZodMiniType>(schema: S, value: unknown): output<S> {
  const parsed = compiled(schema).safeParse(value);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    throw new KioskError('invalid-input', issue.message);
  }
  return parsed.data;
}

/**
 * Validates the fields a caller wants to change, without the network. A user name equal to
 * `currentUserName` is not a change and is not held to the new-name rules. Phone numbers come
 * back as national numbers of `phone`'s region; with `'plausible'` (before the customer's
 * record, and so its dialling code, is known) a phone is only checked for its characters and
 * digit count and comes back as typed.
 */
export function validateChanges(changes: ProfileChanges, phone: string | PhoneRegion | 'plausible', currentUserName: string): ProfileChanges {
  const out: ProfileChanges = {};
  if (changes.userName !== undefined && changes.userName !== currentUserName) {
    out.userName = check(newUserNameSchema, changes.userName);
  }
  if (changes.fullName !== undefined) out.fullName = check(fullNameSchema, changes.fullName);
  if (changes.emailId !== undefined) out.emailId = check(emailSchema, changes.emailId);
  if (changes.phoneNumber !== undefined) {
    if (phone === 'plausible') {
      if (!plausiblePhone(changes.phoneNumber)) throw new KioskError('invalid-input', 'Enter a valid phone number.');
      out.phoneNumber = changes.phoneNumber;
    } else {
      const region: PhoneRegion = typeof phone === 'string' ? { country: phone } : phone;
      const national = normalizePhone(changes.phoneNumber, region);
      if (national === null) throw new KioskError('invalid-input', `Enter a valid phone number for ${regionLabel(region)}.`);
      out.phoneNumber = national;
    }
  }
  return out;
}

/**
 * Builds the update for one record. Only fields that change are held to the kiosk's rules (a
 * legacy value the vendor already has is sent back as it is); all four are always sent.
 */
export function buildPlan(current: ProfileFields, changes: ProfileChanges, face: boolean, phone: string | PhoneRegion): UpdatePlan {
  const after: ProfileFields = { ...current, ...validateChanges(changes, phone, current.userName) };
  const changed = FIELDS.filter((f) => after[f] !== current[f]);
  if (changed.length === 0 && !face) {
    throw new KioskError('invalid-input', 'Nothing to change: edit a field or choose to update the face.');
  }
  return { userName: current.userName, before: current, after, changed, face };
}

/** Creates the profile service used by the IPC handlers and the CLI. */
export function createProfileService(deps: ProfileDeps): ProfileService {
  const { client, session, logger, country } = deps;

  const lookup = (userName: string): Promise<UserDetails> => {
    const name = check(existingUserNameSchema, userName);
    return session.withToken((t) => client.userDetails(t, name));
  };

  async function tryLookup(userName: string): Promise<UserDetails | null> {
    try {
      return await lookup(userName);
    } catch (err) {
      if (err instanceof KioskError && err.code === 'rejected' && NOT_REGISTERED.test(err.message)) return null;
      throw err;
    }
  }

  return {
    lookup,
    async isUserNameAvailable(userName) {
      check(newUserNameSchema, userName);
      return (await tryLookup(userName)) === null;
    },
    async plan(userName, changes, face, phoneCountry) {
      const record = await lookup(userName);
      const region: PhoneRegion = phoneCountry ? { country: phoneCountry } : phoneRegionOf(record.countryCode, country);
      const plan = buildPlan(profileValues(record), changes, face, region);
      if (plan.changed.includes('userName') && (await tryLookup(plan.after.userName)) !== null) {
        throw new KioskError('invalid-input', 'That user name is already taken. Choose another one.');
      }
      return plan;
    },
    async update(plan) {
      const res = await session.withToken((t) =>
        client.updateUser(t, { userName: plan.userName, face: plan.face, params: plan.after }),
      );
      logger.info('user updated', { changed: plan.changed, face: plan.face });
      const url = res.reEnrollmentUrl ?? null;
      if (plan.face && url === null) {
        logger.warn('face update answered without a re-enrollment link');
      }
      return { message: res.message, reEnrollmentUrl: url, plan };
    },
    async reconcile(planOrTarget) {
      const target = 'holdsAfter' in planOrTarget ? planOrTarget : targetOfPlan(planOrTarget);
      if (target.changed.length === 0) return 'applied-face-pending';
      const afterRecord = await tryLookup(target.userNameAfter);
      if (afterRecord !== null && target.holdsAfter(profileValues(afterRecord))) return target.face ? 'applied-face-pending' : 'applied';
      if (target.userNameAfter !== target.userNameBefore) {
        // Renamed: the update was not applied if the old name still exists and the new one does not.
        if (afterRecord !== null) return 'undetermined';
        return (await tryLookup(target.userNameBefore)) !== null ? 'not-applied' : 'undetermined';
      }
      return afterRecord !== null && target.holdsBefore(profileValues(afterRecord)) ? 'not-applied' : 'undetermined';
    },
  };
}
