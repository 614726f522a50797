import { afterEach, describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand';
import type { CustomerProfile } from '../../domain/ipc/contract';
import type { Result } from '../../domain/kiosk-error';
import type { KioskState } from '../../renderer/src/store';
import { EMPTY_PROFILE } from '../../renderer/src/store/profile-state';
import { editing, fakeApi, INFO, ok, RAVI, type Answers } from './fake-bridge';
import { createKioskStore } from '../../renderer/src/store';

// `profile.onScreen` tells the idle reset whether anything of a customer is held. It replaced
// a comparison of the whole profile with the empty one; that comparison is kept here as the
// reference, and every state the store passes through must agree with it.

type Profile = KioskState['profile'];

/** The idle guard's former rule: the profile, epoch aside, differs from the empty one. */
function formerRule(p: Profile): boolean {
  return JSON.stringify({ ...p, epoch: 0, onScreen: EMPTY_PROFILE.onScreen }) !== JSON.stringify(EMPTY_PROFILE);
}

const watched: { store: StoreApi<KioskState>; disagreements: string[] }[] = [];

/** Records every state in which `onScreen` and the former rule disagree. */
function watch(store: StoreApi<KioskState>): StoreApi<KioskState> {
  const disagreements: string[] = [];
  store.subscribe((s) => {
    if (s.profile.onScreen !== formerRule(s.profile)) disagreements.push(JSON.stringify(s.profile));
  });
  watched.push({ store, disagreements });
  return store;
}

afterEach(() => {
  for (const w of watched.splice(0)) expect(w.disagreements).toEqual([]);
});

async function atFind(answers: Answers = {}) {
  const fake = fakeApi({ kioskInfo: ok(INFO), sessionState: ok({ signedIn: true }), signIn: ok({ signedIn: true }), ...answers });
  const store = createKioskStore({ api: fake.api, newId: () => '00000000-0000-4000-8000-000000000001' });
  await store.getState().boot();
  return { store: watch(store), fireExpired: fake.fireExpired };
}
const onScreen = (store: StoreApi<KioskState>): boolean => store.getState().profile.onScreen;

describe('profile.onScreen on the Find form', () => {
  it('is false on a fresh kiosk, true once staff type, false again when they clear what they typed', async () => {
    const { store } = await atFind();
    expect(onScreen(store)).toBe(false);
    store.getState().setQuery('r');
    expect(onScreen(store)).toBe(true);
    store.getState().setQuery('');
    expect(onScreen(store)).toBe(false);
  });

  it('is true while a lookup error is shown, and false once typing clears the error and the field', async () => {
    const { store } = await atFind();
    await store.getState().lookup();
    expect(store.getState().profile.lookupError).not.toBeNull();
    expect(onScreen(store)).toBe(true);
    store.getState().setQuery('');
    expect(onScreen(store)).toBe(false);
  });

  it('is true for a customer not found (the message names what was typed)', async () => {
    const { store } = await atFind({ lookupProfile: { ok: false, error: { code: 'rejected', message: 'User not registered' } } });
    store.getState().setQuery('nobody.here');
    await store.getState().lookup();
    expect(onScreen(store)).toBe(true);
  });

  it('during a lookup whose query staff cleared: true while it runs; false when it ends in a session expiry', async () => {
    let answer: (r: Result<CustomerProfile>) => void = () => undefined;
    const { store } = await atFind({ lookupProfile: () => new Promise((r) => (answer = r)) });
    store.getState().setQuery('ravi.kumar');
    const pending = store.getState().lookup();
    store.getState().setQuery('');
    expect(onScreen(store)).toBe(true);
    answer({ ok: false, error: { code: 'session-expired', message: '' } });
    await pending;
    expect(store.getState().screen).toBe('sign-in');
    expect(onScreen(store)).toBe(false);
  });

  it('a session expiry pushed during a lookup of a cleared query: false, then true when the record arrives', async () => {
    let answer: (r: Result<CustomerProfile>) => void = () => undefined;
    const { store, fireExpired } = await atFind({ lookupProfile: () => new Promise((r) => (answer = r)) });
    store.getState().setQuery('ravi.kumar');
    const pending = store.getState().lookup();
    store.getState().setQuery('');
    fireExpired();
    expect(onScreen(store)).toBe(false);
    answer(ok(RAVI));
    await pending;
    expect(onScreen(store)).toBe(true);
  });
});

describe('profile.onScreen with a customer', () => {
  it('is true from the lookup to the result, through a session expiry and a sign-in, and false after the wipe', async () => {
    const { store, fireExpired } = await editing({ signIn: ok({ signedIn: true }), updateProfile: ok({ message: '', before: {}, after: {}, changed: ['fullName'], face: false, reEnrollmentReady: false, auditRecorded: true }) });
    watch(store);
    expect(onScreen(store)).toBe(true);
    store.getState().setField('fullName', 'Ravi K');
    await store.getState().review();
    store.getState().backToEdit();
    expect(onScreen(store)).toBe(true);
    await store.getState().review();
    fireExpired();
    expect(store.getState().screen).toBe('sign-in');
    expect(onScreen(store)).toBe(true);
    await store.getState().signIn('pw');
    await store.getState().submit();
    expect(store.getState().profile.submission.status).toBe('done');
    expect(onScreen(store)).toBe(true);
    store.getState().wipeCustomer();
    expect(onScreen(store)).toBe(false);
  });

  it('is false after a sign-out (which wipes)', async () => {
    const { store } = await editing();
    watch(store);
    await store.getState().signOut();
    expect(store.getState().screen).toBe('sign-in');
    expect(onScreen(store)).toBe(false);
  });

  it('stays true through the face paths: details only, then a face retry', async () => {
    const { store } = await editing({
      checkCamera: ok({ camera: 'busy' }),
      updateProfile: ok({ message: '', before: {}, after: {}, changed: ['fullName'], face: true, reEnrollmentReady: false, auditRecorded: true }),
    });
    watch(store);
    store.getState().setField('fullName', 'Ravi K');
    store.getState().setFace(true);
    await store.getState().review();
    await store.getState().prepareFace();
    await store.getState().detailsOnly();
    store.getState().retryFace();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().screen).toBe('before-face');
    expect(onScreen(store)).toBe(true);
  });
});

describe('profile.onScreen against the former rule, action by action from an empty profile', () => {
  // Actions called where the UI would not call them still keep the two in step.
  const actions: [string, (s: KioskState) => unknown][] = [
    ['backToEdit', (s) => s.backToEdit()],
    ['profileInterrupted', (s) => s.profileInterrupted()],
    ['dropFace', (s) => s.dropFace()],
    ['setField', (s) => s.setField('fullName', 'x')],
    ['setFace', (s) => s.setFace(true)],
    ['review', (s) => s.review()],
    ['submit', (s) => s.submit()],
    ['reconcile', (s) => s.reconcile()],
    ['faceOnlyRetry', (s) => s.faceOnlyRetry()],
    ['backToEdit', (s) => s.backToEdit()],
    ['wipeCustomer', (s) => s.wipeCustomer()],
  ];
  it('agrees after each of them', async () => {
    const { store } = await atFind();
    const seen: boolean[] = [];
    for (const [, act] of actions) {
      await act(store.getState());
      expect(onScreen(store)).toBe(formerRule(store.getState().profile));
      seen.push(onScreen(store));
    }
    // A face retry with no record holds its (face-only) review; the next Back clears it.
    expect(seen).toEqual([false, false, false, false, false, false, false, false, true, false, false]);
  });
});
