import { describe, expect, it, vi } from 'vitest';
import type { StoreApi } from 'zustand';
import { createKioskStore, type KioskState } from '../../renderer/src/store';
import { createEnrollmentSlice } from '../../renderer/src/store/enrollment-slice';
import { createProfileSlice } from '../../renderer/src/store/profile-slice';
import { createSessionSlice } from '../../renderer/src/store/session-slice';
import { createStaffSlice } from '../../renderer/src/store/staff-slice';
import { createUiSlice } from '../../renderer/src/store/ui-slice';
import type { SetOwnState, SessionSlice } from '../../renderer/src/store/types';
import { editing, fakeApi, INFO, ok, SUPERVISOR, type Answers } from './fake-bridge';

// Each slice writes only its own state: what another slice must change, it asks that slice's
// action for. Each case runs one action with every other slice's actions replaced by recorders,
// then checks that no other slice's state was replaced (not even by an equal copy) and which
// actions of other slices were asked for.

const SLICES = { ui: createUiSlice, staff: createStaffSlice, session: createSessionSlice, profile: createProfileSlice, enrollment: createEnrollmentSlice };
type SliceName = keyof typeof SLICES;

/** A slice's state keys and action names, read from its own creator. */
function keysOf(name: SliceName): { state: string[]; actions: string[] } {
  const slice: object = SLICES[name]({ api: fakeApi().api, newId: () => 'id' })(() => undefined, () => ({}) as KioskState);
  const entries = Object.entries(slice);
  return { state: entries.filter(([, v]) => typeof v !== 'function').map(([k]) => k), actions: entries.filter(([, v]) => typeof v === 'function').map(([k]) => k) };
}
const KEYS = Object.fromEntries(Object.keys(SLICES).map((n) => [n, keysOf(n as SliceName)])) as Record<SliceName, { state: string[]; actions: string[] }>;
const others = (own: SliceName): SliceName[] => (Object.keys(SLICES) as SliceName[]).filter((n) => n !== own);

interface Case {
  slice: SliceName;
  action: string;
  setup: () => Promise<StoreApi<KioskState>>;
  act: (s: KioskState) => unknown;
  /** What the recorders of other slices' actions answer (default: undefined). */
  returns?: Record<string, unknown>;
  /** Other slices' actions the action must ask for, with their arguments. */
  asks: Record<string, unknown[][]>;
}

const UNIQUE_IDS = () => {
  let n = 0;
  return () => `00000000-0000-4000-8000-00000000000${++n}`;
};
async function booted(answers: Answers = {}, boot = true): Promise<StoreApi<KioskState>> {
  const store = createKioskStore({ api: fakeApi({ kioskInfo: ok(INFO), sessionState: ok({ signedIn: true }), ...answers }).api, newId: UNIQUE_IDS() });
  if (boot) await store.getState().boot();
  return store;
}
const edited = async (answers: Answers = {}) => (await editing(answers)).store;
async function reviewedChange(answers: Answers = {}, face = false): Promise<StoreApi<KioskState>> {
  const store = await edited(answers);
  store.getState().setField('fullName', 'Ravi K');
  store.getState().setFace(face);
  await store.getState().review();
  return store;
}
const FACE_APPLIED = { message: '', before: {}, after: { userName: 'ravi.k' }, changed: [], face: true, reEnrollmentReady: true, auditRecorded: true };
/** A face update sent and its camera window open. */
async function cameraOpen(): Promise<StoreApi<KioskState>> {
  const store = await reviewedChange({ checkCamera: ok({ camera: 'ready' }), updateProfile: ok(FACE_APPLIED), startEnrollment: ok({ timeoutSeconds: 300 }) }, true);
  await store.getState().prepareFace();
  await store.getState().startFace();
  return store;
}
async function expiredOn(store: StoreApi<KioskState>): Promise<StoreApi<KioskState>> {
  store.getState().sessionExpired();
  return store;
}
const EXPIRED = { code: 'session-expired', message: '' } as const;

const CASES: Case[] = [
  // ui
  { slice: 'ui', action: 'boot', setup: () => booted({}, false), act: (s) => s.boot(), asks: { staffKnown: [[SUPERVISOR]] } },
  { slice: 'ui', action: 'boot', setup: () => booted({ staffState: ok({ staff: null }) }, false), act: (s) => s.boot(), asks: { staffKnown: [[null]] } },
  { slice: 'ui', action: 'handleCommonError', setup: () => edited(), act: (s) => s.handleCommonError({ code: 'locked', message: '' }), asks: { staffLocked: [[]] } },
  // staff
  {
    slice: 'staff',
    action: 'staffKnown',
    setup: () => booted({ sessionState: { ok: false, error: { code: 'keychain-unavailable', message: 'locked' } } }, false),
    act: (s) => s.staffKnown(SUPERVISOR),
    asks: { sessionKnown: [[false, { code: 'keychain-unavailable', message: 'locked' }]], navigate: [[{ type: 'boot', unlocked: true, signedIn: false, supervisor: true }]] },
  },
  { slice: 'staff', action: 'staffKnown', setup: () => booted({}, false), act: (s) => s.staffKnown(null), asks: { navigate: [[{ type: 'boot', unlocked: false, signedIn: false, supervisor: false }]] } },
  {
    slice: 'staff',
    action: 'unlock',
    setup: () => booted({ staffState: ok({ staff: null }), unlock: ok({ outcome: 'unlocked', staff: { ...SUPERVISOR, role: 'operator' } }) }),
    act: (s) => s.unlock('demo.operator', '246810'),
    asks: { sessionKnown: [[true]], navigate: [[{ type: 'boot', unlocked: true, signedIn: true, supervisor: false }]] },
  },
  { slice: 'staff', action: 'unlock', setup: () => booted({ staffState: ok({ staff: null }), unlock: ok({ outcome: 'wrong' }) }), act: (s) => s.unlock('demo.operator', '111111'), asks: {} },
  { slice: 'staff', action: 'lock', setup: () => edited(), act: (s) => s.lock(), asks: { wipeCustomer: [[]], navigate: [[{ type: 'locked' }]] } },
  { slice: 'staff', action: 'staffLocked', setup: () => edited(), act: (s) => s.staffLocked(), asks: { wipeCustomer: [[]], navigate: [[{ type: 'locked' }]] } },
  { slice: 'staff', action: 'staffActive', setup: () => edited({ staffActivity: ok({ active: false }) }), act: (s) => s.staffActive(), asks: { wipeCustomer: [[]], navigate: [[{ type: 'locked' }]] } },
  { slice: 'ui', action: 'handleCommonError', setup: () => edited(), act: (s) => s.handleCommonError(EXPIRED), asks: { sessionExpired: [[]] } },
  { slice: 'ui', action: 'navigate', setup: () => edited(), act: (s) => s.navigate({ type: 'reviewed' }), asks: {} },
  { slice: 'ui', action: 'setLocale', setup: () => booted(), act: (s) => s.setLocale('en'), asks: {} },
  { slice: 'ui', action: 'auditWriteFailed', setup: () => booted(), act: (s) => s.auditWriteFailed(), asks: {} },
  { slice: 'ui', action: 'dismissAuditWarning', setup: () => booted(), act: (s) => s.dismissAuditWarning(), asks: {} },
  // session
  {
    slice: 'session',
    action: 'signIn',
    setup: async () => {
      const store = await edited({ signIn: ok({ signedIn: true }), updateProfile: { ok: false, error: { code: 'outcome-unknown', message: '' } }, reconcileUpdate: { ok: false, error: EXPIRED } });
      store.getState().setField('fullName', 'Ravi K');
      await store.getState().review();
      await store.getState().submit();
      return store;
    },
    act: (s) => s.signIn('pw'),
    asks: { navigate: [[{ type: 'signed-in', resume: 'result' }]], reconcile: [[]] },
  },
  { slice: 'session', action: 'signOut', setup: () => edited(), act: (s) => s.signOut(), asks: { wipeCustomer: [[]], navigate: [[{ type: 'signed-out', supervisor: true }]] } },
  { slice: 'session', action: 'sessionExpired', setup: () => reviewedChange(), act: (s) => s.sessionExpired(), asks: { profileInterrupted: [[]], navigate: [[{ type: 'session-expired', supervisor: true }]] } },
  { slice: 'session', action: 'sessionKnown', setup: () => booted({}, false), act: (s) => s.sessionKnown(false, EXPIRED), asks: {} },
  { slice: 'session', action: 'clearResume', setup: async () => expiredOn(await edited()), act: (s) => s.clearResume(), asks: {} },
  // profile
  { slice: 'profile', action: 'setQuery', setup: () => booted(), act: (s) => s.setQuery('ravi'), asks: {} },
  {
    slice: 'profile',
    action: 'requestApproval',
    setup: () => reviewedChange({ requestApproval: ok({ outcome: 'approved', approvalId: '3f2c1a9e-8d4b-4c6a-9e2f-1b7d5a3c9e09', expiresInSeconds: 120 }) }),
    act: (s) => s.requestApproval('demo.supervisor', '135790'),
    asks: {},
  },
  { slice: 'profile', action: 'setIdCheck', setup: () => edited(), act: (s) => s.setIdCheck('pan'), asks: {} },
  {
    slice: 'profile',
    action: 'lookup',
    setup: async () => {
      const store = await booted({ lookupProfile: ok({ userName: 'ravi.kumar', fullName: 'Ravi Kumar', emailId: 'r@example.com', phoneNumber: '9876543210', countryCode: '+91', hasEnrollmentLink: true, facePending: false }) });
      store.getState().setQuery('ravi.kumar');
      return store;
    },
    act: (s) => s.lookup(),
    asks: { navigate: [[{ type: 'customer-found' }]] },
  },
  {
    slice: 'profile',
    action: 'lookup',
    setup: async () => {
      const store = await booted({ lookupProfile: { ok: false, error: EXPIRED } });
      store.getState().setQuery('ravi.kumar');
      return store;
    },
    act: (s) => s.lookup(),
    returns: { handleCommonError: true },
    asks: { handleCommonError: [[EXPIRED]] },
  },
  { slice: 'profile', action: 'setField', setup: () => edited(), act: (s) => s.setField('emailId', 'x@'), asks: {} },
  { slice: 'profile', action: 'setFace', setup: () => edited(), act: (s) => s.setFace(true), asks: {} },
  {
    slice: 'profile',
    action: 'review',
    setup: async () => {
      const store = await edited({ checkUserName: ok({ available: true }) });
      store.getState().setField('userName', 'ravi.new');
      return store;
    },
    act: (s) => s.review(),
    asks: { navigate: [[{ type: 'reviewed' }]] },
  },
  { slice: 'profile', action: 'backToEdit', setup: () => reviewedChange(), act: (s) => s.backToEdit(), asks: { navigate: [[{ type: 'back-to-edit' }]] } },
  {
    slice: 'profile',
    action: 'submit',
    setup: () => reviewedChange({ updateProfile: ok(FACE_APPLIED) }, true),
    act: (s) => s.submit(),
    asks: { navigate: [[{ type: 'submitting' }]], openEnrollment: [[]] },
  },
  {
    slice: 'profile',
    action: 'submit',
    setup: () => reviewedChange({ updateProfile: { ok: false, error: { code: 'invalid-input', message: 'taken' } } }),
    act: (s) => s.submit(),
    asks: { navigate: [[{ type: 'submitting' }], [{ type: 'values-refused' }]], handleCommonError: [[{ code: 'invalid-input', message: 'taken' }]] },
  },
  {
    slice: 'profile',
    action: 'reconcile',
    setup: async () => {
      const store = await reviewedChange({ updateProfile: { ok: false, error: { code: 'outcome-unknown', message: '' } }, reconcileUpdate: { ok: false, error: { code: 'network', message: '' } } });
      await store.getState().submit();
      return store;
    },
    act: (s) => s.reconcile(),
    asks: { handleCommonError: [[{ code: 'network', message: '' }]] },
  },
  { slice: 'profile', action: 'wipeCustomer', setup: cameraOpen, act: (s) => s.wipeCustomer(), asks: { resetEnrollment: [[]], clearResume: [[]], navigate: [[{ type: 'customer-wiped' }]] } },
  {
    slice: 'profile',
    action: 'profileInterrupted',
    setup: async () => {
      const store = await reviewedChange({ updateProfile: () => new Promise(() => undefined) });
      void store.getState().submit();
      return store;
    },
    act: (s) => s.profileInterrupted(),
    asks: {},
  },
  { slice: 'profile', action: 'dropFace', setup: () => reviewedChange({}, true), act: (s) => s.dropFace(), asks: {} },
  { slice: 'profile', action: 'faceOnlyRetry', setup: cameraOpen, act: (s) => s.faceOnlyRetry(), asks: {} },
  // enrollment
  { slice: 'enrollment', action: 'prepareFace', setup: () => reviewedChange({ checkCamera: ok({ camera: 'ready' }) }, true), act: (s) => s.prepareFace(), asks: { navigate: [[{ type: 'before-face' }]] } },
  { slice: 'enrollment', action: 'checkCamera', setup: () => reviewedChange({ checkCamera: { ok: false, error: EXPIRED } }, true), act: (s) => s.checkCamera(), asks: { handleCommonError: [[EXPIRED]] } },
  {
    slice: 'enrollment',
    action: 'startFace',
    setup: async () => {
      const store = await reviewedChange({ checkCamera: ok({ camera: 'ready' }) }, true);
      await store.getState().prepareFace();
      return store;
    },
    act: (s) => s.startFace(),
    asks: { submit: [[]] },
  },
  { slice: 'enrollment', action: 'openEnrollment', setup: cameraOpen, act: (s) => s.openEnrollment(), asks: { navigate: [[{ type: 'enrollment-opened' }]] } },
  { slice: 'enrollment', action: 'cancelEnrollment', setup: cameraOpen, act: (s) => s.cancelEnrollment('staff-cancel'), asks: {} },
  {
    slice: 'enrollment',
    action: 'enrollmentFinished',
    setup: cameraOpen,
    act: (s) => s.enrollmentFinished({ outcome: 'cancelled', message: '', auditRecorded: true }),
    asks: { navigate: [[{ type: 'enrollment-finished', outcome: 'cancelled' }]] },
  },
  {
    slice: 'enrollment',
    action: 'detailsOnly',
    setup: async () => {
      const store = await reviewedChange({ checkCamera: ok({ camera: 'busy' }) }, true);
      await store.getState().prepareFace();
      return store;
    },
    act: (s) => s.detailsOnly(),
    asks: { dropFace: [[]], submit: [[]] },
  },
  { slice: 'enrollment', action: 'retryFace', setup: cameraOpen, act: (s) => s.retryFace(), asks: { faceOnlyRetry: [[]], navigate: [[{ type: 'before-face' }]] } },
  { slice: 'enrollment', action: 'resetEnrollment', setup: cameraOpen, act: (s) => s.resetEnrollment(), asks: {} },
];

/** Replaces every action of the other slices with a recorder; returns what each was asked. */
function recordOthers(store: StoreApi<KioskState>, own: SliceName, returns: Record<string, unknown> = {}): Record<string, unknown[][]> {
  const asked: Record<string, unknown[][]> = {};
  const stubs = others(own).flatMap((n) => KEYS[n].actions.map((action) => [action, vi.fn((...args: unknown[]) => {
    (asked[action] ??= []).push(args);
    return returns[action];
  })] as const));
  store.setState(Object.fromEntries(stubs) as Partial<KioskState>);
  return asked;
}

/** The state objects of the other slices, by key (compared by identity: a copy is a write too). */
function othersState(store: StoreApi<KioskState>, own: SliceName): Record<string, unknown> {
  const state = store.getState() as unknown as Record<string, unknown>;
  return Object.fromEntries(others(own).flatMap((n) => KEYS[n].state.map((k) => [k, state[k]])));
}

describe('each slice changes only its own state', () => {
  it.each(CASES.map((c) => [`${c.slice}.${c.action}`, JSON.stringify(c.asks), c] as const))('%s writes none of the other slices\' state and asks them for %s', async (_, __, c) => {
    const store = await c.setup();
    const asked = recordOthers(store, c.slice, c.returns);
    const before = othersState(store, c.slice);
    await c.act(store.getState());
    await new Promise((r) => setTimeout(r, 0)); // what the action started without waiting
    const after = othersState(store, c.slice);
    for (const key of Object.keys(before)) expect(after[key], `${key} was written`).toBe(before[key]);
    expect(asked).toEqual(c.asks);
  });

  it('covers every action of every slice', () => {
    const all = (Object.keys(SLICES) as SliceName[]).flatMap((n) => KEYS[n].actions.map((a) => `${n}.${a}`));
    expect(new Set(CASES.map((c) => `${c.slice}.${c.action}`))).toEqual(new Set(all));
  });

  it('knows every key of the store, each owned by one slice', async () => {
    const store = await booted();
    const owned = (Object.keys(SLICES) as SliceName[]).flatMap((n) => [...KEYS[n].state, ...KEYS[n].actions]);
    expect(owned.sort()).toEqual(Object.keys(store.getState()).sort());
  });

  it('refuses, at compile time, a slice\'s write to another slice\'s state', () => {
    const writes: unknown[] = [];
    const set: SetOwnState<SessionSlice> = (update) => writes.push(update);
    set((s) => ({ session: { ...s.session, resume: null } }));
    // @ts-expect-error the screen is the ui slice's: the session slice navigates instead
    set({ screen: 'find' });
    // @ts-expect-error neither in a callback's answer
    set((s) => ({ session: s.session, profile: s.profile }));
    // The calls above still run: typecheck (npm run typecheck) is what refuses them.
    expect(writes).toHaveLength(3);
  });
});
