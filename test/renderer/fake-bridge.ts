import type { CustomerProfile, KioskApi } from '../../domain/ipc/contract';
import type { Result } from '../../domain/kiosk-error';
import { createKioskStore } from '../../renderer/src/store';

// The store under Node: `window.kiosk` is a fake whose answers each test chooses.

export const RAVI: CustomerProfile = { userName: 'ravi.kumar', fullName: 'Ravi Kumar', emailId: 'ravi@example.com', phoneNumber: '9876543210', countryCode: '+91', hasEnrollmentLink: true, facePending: false };
export const INFO = { mode: 'sandbox', sandbox: true, locale: 'hi', kioskId: 'k1', customerName: 'demo-bank', country: 'IN', idleTimeoutSeconds: 120, staffLockSeconds: 300, demoStaff: false, approvalRequired: [], staffDirectory: 'local', version: '1' } as const;
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export type Answers = Partial<Record<keyof KioskApi, unknown>>;

/** The staff member the fake main says is at the kiosk, unless a test answers `staffState` itself. */
export const SUPERVISOR = { staffId: 'demo.supervisor', name: 'Farah Khan', role: 'supervisor' } as const;

/** A fake bridge: each method answers from `answers` and records its calls. */
export function fakeApi(answers: Answers = {}) {
  const calls: { method: string; request: unknown }[] = [];
  let expired: () => void = () => undefined;
  let locked: () => void = () => undefined;
  const defaults: Answers = { staffState: ok({ staff: SUPERVISOR }), staffActivity: ok({ active: true }) };
  const answer = (method: keyof KioskApi) => async (request?: unknown) => {
    calls.push({ method, request });
    const a = answers[method] ?? defaults[method];
    return (typeof a === 'function' ? (a as (r: unknown) => unknown)(request) : a) ?? ok({});
  };
  const api = {
    signIn: answer('signIn'),
    signOut: answer('signOut'),
    sessionState: answer('sessionState'),
    staffState: answer('staffState'),
    unlock: answer('unlock'),
    lock: answer('lock'),
    staffActivity: answer('staffActivity'),
    lookupProfile: answer('lookupProfile'),
    checkUserName: answer('checkUserName'),
    updateProfile: answer('updateProfile'),
    reconcileUpdate: answer('reconcileUpdate'),
    forgetCustomer: answer('forgetCustomer'),
    requestApproval: answer('requestApproval'),
    kioskInfo: answer('kioskInfo'),
    restartKiosk: answer('restartKiosk'),
    checkCamera: answer('checkCamera'),
    startEnrollment: answer('startEnrollment'),
    cancelEnrollment: answer('cancelEnrollment'),
    onSessionExpired: (l: () => void) => {
      expired = l;
      return () => undefined;
    },
    onAuditWriteFailed: () => () => undefined,
    onEnrollmentFinished: () => () => undefined,
    onStaffLocked: (l: () => void) => {
      locked = l;
      return () => undefined;
    },
  } as unknown as KioskApi;
  return { api, calls, fireExpired: () => expired(), fireLocked: () => locked() };
}

/** A signed-in store on the edit screen of Ravi's record. */
export async function editing(answers: Answers = {}) {
  const fake = fakeApi({ kioskInfo: ok(INFO), sessionState: ok({ signedIn: true }), lookupProfile: ok(RAVI), ...answers });
  let n = 0;
  const store = createKioskStore({ api: fake.api, newId: () => `00000000-0000-4000-8000-00000000000${++n}` });
  await store.getState().boot();
  store.getState().setQuery('ravi.kumar');
  await store.getState().lookup();
  // Staff say how they checked the customer before any change.
  store.getState().setIdCheck('aadhaar');
  return { store, ...fake };
}
