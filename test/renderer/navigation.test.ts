import { describe, expect, it } from 'vitest';
import { ENROLLMENT_OUTCOMES } from '../../domain/outcomes';
import { nextScreen, resumeAfterExpiry, SCREENS, type NavigationEvent, type Screen } from '../../renderer/src/store/navigation';
import type { SubmissionStatus } from '../../renderer/src/store/types';
import { editing, fakeApi, INFO, ok } from './fake-bridge';
import { createKioskStore } from '../../renderer/src/store';

// The screen that follows each event: the table the whole UI's flow rests on.

describe('nextScreen: events that lead to one screen from anywhere', () => {
  const table: [NavigationEvent, Screen][] = [
    [{ type: 'boot', unlocked: true, signedIn: true, supervisor: false }, 'find'],
    [{ type: 'boot', unlocked: true, signedIn: true, supervisor: true }, 'find'],
    // Only a supervisor signs the kiosk in to the vendor; an operator is told to fetch one.
    [{ type: 'boot', unlocked: true, signedIn: false, supervisor: true }, 'sign-in'],
    [{ type: 'boot', unlocked: true, signedIn: false, supervisor: false }, 'no-vendor'],
    [{ type: 'boot', unlocked: false, signedIn: true, supervisor: true }, 'unlock'],
    [{ type: 'locked' }, 'unlock'],
    [{ type: 'signed-in', resume: null }, 'find'],
    [{ type: 'signed-in', resume: 'edit' }, 'edit'],
    [{ type: 'signed-in', resume: 'result' }, 'result'],
    [{ type: 'signed-out', supervisor: true }, 'sign-in'],
    [{ type: 'session-expired', supervisor: true }, 'sign-in'],
    [{ type: 'session-expired', supervisor: false }, 'no-vendor'],
    [{ type: 'customer-found' }, 'edit'],
    [{ type: 'reviewed' }, 'review'],
    [{ type: 'back-to-edit' }, 'edit'],
    [{ type: 'values-refused' }, 'edit'],
    [{ type: 'submitting' }, 'result'],
    [{ type: 'before-face' }, 'before-face'],
    [{ type: 'back-to-review' }, 'review'],
    [{ type: 'enrollment-opened' }, 'enrollment'],
  ];
  it.each(table)('%j → %s', (event, expected) => {
    for (const current of SCREENS) expect(nextScreen(current, event), `from ${current}`).toBe(expected);
  });
});

describe('nextScreen: events whose screen depends on where staff are', () => {
  it.each(SCREENS)('a wipe from %s: Find customer, unless staff are not unlocked and signed in yet', (current) => {
    const expected = current === 'sign-in' || current === 'loading' || current === 'unlock' || current === 'no-vendor' ? current : 'find';
    expect(nextScreen(current, { type: 'customer-wiped' })).toBe(expected);
  });

  it.each(ENROLLMENT_OUTCOMES)('the camera window ends with %s', (outcome) => {
    // A session expiry moves staff to sign-in on its own; the outcome waits on the result.
    const expected = outcome === 'session-expired' ? 'enrollment' : 'result';
    expect(nextScreen('enrollment', { type: 'enrollment-finished', outcome })).toBe(expected);
    expect(nextScreen('sign-in', { type: 'enrollment-finished', outcome })).toBe(outcome === 'session-expired' ? 'sign-in' : 'result');
  });
});

describe('resumeAfterExpiry: where staff land after signing in again', () => {
  const statuses: SubmissionStatus[] = ['idle', 'submitting', 'done', 'failed', 'checking', 'check-failed', 'reconciled'];
  // Screens where the submission's status does not matter.
  const whatever: [Screen, Screen | null][] = [
    ['loading', null],
    ['unlock', null],
    ['sign-in', null],
    ['no-vendor', null],
    ['find', 'find'],
    ['edit', 'edit'],
    ['review', 'review'],
    ['before-face', 'before-face'],
    // The camera window closed with the session: its outcome is on the result.
    ['enrollment', 'result'],
  ];
  it.each(whatever.flatMap(([screen, resume]) => statuses.map((status) => [screen, status, resume] as const)))('expired on %s with the submission %s → %s', (screen, status, resume) => {
    expect(resumeAfterExpiry(screen, status)).toBe(resume);
  });

  // On the result, the status decides: a submit cut short was not applied (the vendor refused
  // the token), so back to the review; anything known or still to be checked stays.
  const onResult: [SubmissionStatus, Screen][] = [
    ['idle', 'review'],
    ['submitting', 'review'],
    ['done', 'result'],
    ['failed', 'result'],
    ['checking', 'result'],
    ['check-failed', 'result'],
    ['reconciled', 'result'],
  ];
  it.each(onResult)('expired on the result with the submission %s → %s', (status, resume) => {
    expect(resumeAfterExpiry('result', status)).toBe(resume);
  });
});

describe('navigate, the store action', () => {
  it('moves the screen by the table, and the session expiry keeps where to resume', async () => {
    const { store, fireExpired } = await editing({ signIn: ok({ signedIn: true }) });
    store.getState().navigate({ type: 'reviewed' });
    expect(store.getState().screen).toBe('review');
    fireExpired();
    expect(store.getState().screen).toBe('sign-in');
    expect(store.getState().session.resume).toBe('review');
    await store.getState().signIn('pw');
    expect(store.getState().screen).toBe('review');
  });

  it('wakes no subscriber when the screen stays as it is', async () => {
    const store = createKioskStore({ api: fakeApi({ kioskInfo: ok(INFO), sessionState: ok({ signedIn: false }) }).api, newId: () => 'id' });
    await store.getState().boot();
    let notified = 0;
    store.subscribe(() => notified++);
    store.getState().navigate({ type: 'customer-wiped' });
    expect(store.getState().screen).toBe('sign-in');
    expect(notified).toBe(0);
    store.getState().navigate({ type: 'boot', unlocked: true, signedIn: true, supervisor: true });
    expect(notified).toBe(1);
  });
});
