import { describe, expect, it } from 'vitest';
import type { SubmissionStatus } from '../../renderer/src/store/types';
import { editing, ok } from './fake-bridge';

// The actions through which one slice asks another to change its state: each does what the
// asking slice used to write itself.

const FACE_APPLIED = { message: '', before: {}, after: { userName: 'ravi.k' }, changed: ['userName'], face: true, reEnrollmentReady: true, auditRecorded: true };

describe('profileInterrupted (the session expired)', () => {
  it.each([
    ['submitting', 'idle'],
    ['checking', 'check-failed'],
    ['idle', 'idle'],
    ['done', 'done'],
    ['failed', 'failed'],
    ['check-failed', 'check-failed'],
    ['reconciled', 'reconciled'],
  ] as const)('a submission %s becomes %s; nothing stays busy; the draft stays', async (status: SubmissionStatus, next: SubmissionStatus) => {
    const { store } = await editing();
    store.getState().setField('fullName', 'Ravi K');
    const p = store.getState().profile;
    store.setState({ profile: { ...p, lookupBusy: true, reviewBusy: true, submission: { ...p.submission, status, updateId: 'u1' } } });
    store.getState().profileInterrupted();
    expect(store.getState().profile).toMatchObject({ lookupBusy: false, reviewBusy: false, submission: { status: next, updateId: 'u1' }, draft: { fullName: 'Ravi K' } });
  });
});

describe('dropFace and faceOnlyRetry', () => {
  it('dropFace leaves the face out of the reviewed update and the draft, keeping the changes', async () => {
    const { store } = await editing();
    store.getState().setField('fullName', 'Ravi K');
    store.getState().setFace(true);
    await store.getState().review();
    store.getState().dropFace();
    expect(store.getState().profile.reviewed).toEqual({ changes: { fullName: 'Ravi K' }, face: false });
    expect(store.getState().profile.draft?.face).toBe(false);
  });

  it('faceOnlyRetry: a face-only update of the record as just updated, nothing sent yet', async () => {
    const { store } = await editing({ checkUserName: ok({ available: true }), updateProfile: ok(FACE_APPLIED), startEnrollment: ok({ timeoutSeconds: 300 }) });
    store.getState().setField('userName', 'ravi.k');
    store.getState().setFace(true);
    await store.getState().review();
    await store.getState().submit();
    expect(store.getState().profile.customer?.userName).toBe('ravi.kumar');
    store.getState().faceOnlyRetry();
    const p = store.getState().profile;
    expect(p.customer?.userName).toBe('ravi.k');
    expect(p.reviewed).toEqual({ changes: {}, face: true });
    expect(p.submission).toEqual({ status: 'idle', updateId: null, result: null, error: null, verdict: null });
  });
});

describe('sessionKnown, clearResume and resetEnrollment', () => {
  it('sessionKnown sets the error only when main sent one', async () => {
    const { store } = await editing();
    store.getState().sessionKnown(false, { code: 'keychain-unavailable', message: '' });
    expect(store.getState().session).toMatchObject({ signedIn: false, error: { code: 'keychain-unavailable' } });
    store.getState().sessionKnown(true);
    expect(store.getState().session).toMatchObject({ signedIn: true, error: { code: 'keychain-unavailable' } });
  });

  it('a wipe clears where to resume and the camera state, through their slices', async () => {
    const { store, fireExpired } = await editing({ checkCamera: ok({ camera: 'busy' }) });
    store.getState().setFace(true);
    await store.getState().review();
    await store.getState().prepareFace();
    fireExpired();
    expect(store.getState().session.resume).toBe('before-face');
    expect(store.getState().enrollment.phase).toBe('camera-problem');
    store.getState().wipeCustomer();
    expect(store.getState().session.resume).toBeNull();
    expect(store.getState().enrollment).toMatchObject({ phase: 'idle', camera: null });
  });
});
