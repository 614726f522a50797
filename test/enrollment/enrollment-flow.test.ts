import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KioskError } from '../../domain/kiosk-error';
import type { EnrollmentHint } from '../../main/enrollment/enrollment-poll';
import { createEnrollmentController } from '../../main/enrollment/enrollment-controller';
import { createUpdateJournal } from '../../main/profile/update-journal';
import { acceptEnrollmentUrl } from '../../main/security/enrollment-policy';
import { DEMO_CUSTOMER } from '../../domain/demo-account';
import { captureLogger } from '../helpers/capture-logger';
import { createIpcHarness, type IpcHarness } from '../helpers/ipc-harness';

let h: IpcHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** A stand-in camera window that records what happened to it and can send hints. */
function fakeWindows() {
  const log: string[] = [];
  let hint: (h: EnrollmentHint) => void = () => undefined;
  let opened: { url: string; origins: readonly string[] } | null = null;
  return {
    log,
    opened: () => opened,
    hint: (h: EnrollmentHint) => hint(h),
    open: async (url: string, origins: readonly string[], onHint: (h: EnrollmentHint) => void) => {
      opened = { url, origins };
      hint = onHint;
      log.push('open');
      return {
        close: async () => {
          await new Promise((r) => setTimeout(r, 5));
          log.push('closed-and-cleared');
          return { ok: true };
        },
      };
    },
  };
}

const FAST = { firstDelayMs: 20, maxDelayMs: 40 };

async function faceUpdate(windows: ReturnType<typeof fakeWindows>, timeoutMs = 5000) {
  const cap = captureLogger();
  h = await createIpcHarness(cap.logger, { openEnrollmentWindow: windows.open, enrollmentPoll: FAST, enrollmentTimeoutMs: timeoutMs });
  await h.invoke('session:sign-in', { password: DEMO_CUSTOMER.password });
  const updateId = randomUUID();
  const r = await h.invoke('profile:update', { updateId, userName: 'priya.sharma', changes: {}, face: true, idCheck: 'aadhaar' });
  expect(r).toMatchObject({ ok: true, value: { reEnrollmentReady: true } });
  return { h, updateId, url: h.journal.get(updateId)!.reEnrollmentUrl!, cap };
}

async function finished(h: IpcHarness): Promise<unknown> {
  for (let i = 0; i < 200; i++) {
    const e = h.pushed.find((p) => p.channel === 'enrollment:finished');
    if (e) return e.payload;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('no enrollment:finished event');
}

describe('face re-enrollment through IPC (real sandbox, fake window)', () => {
  it('opens the window on the link’s origin, polls until success, clears the window before telling the renderer', async () => {
    const w = fakeWindows();
    const { h, updateId, url } = await faceUpdate(w);
    expect(await h.invoke('enrollment:start', { updateId })).toEqual({ ok: true, value: { timeoutSeconds: 5 } });
    // The window gets every allowed origin (the sandbox's own, here), the link's among them.
    expect(w.opened()).toEqual({ url, origins: [new URL(url).origin] });
    h.sandbox.state.finishEnrollment(url, 'success');
    expect(await finished(h)).toEqual({ outcome: 'success', message: expect.any(String), auditRecorded: true });
    expect(w.log).toEqual(['open', 'closed-and-cleared']);
    expect((await h.changes(5)).map((e) => e.outcome)).toEqual(['applied', 'face-success']);
    expect(await h.invoke('profile:lookup', { userName: 'priya.sharma' })).toMatchObject({ ok: true, value: { facePending: false } });
  });

  it('ends in failure with the status call’s answer', async () => {
    const w = fakeWindows();
    const { h, updateId, url } = await faceUpdate(w);
    await h.invoke('enrollment:start', { updateId });
    h.sandbox.state.finishEnrollment(url, 'failure');
    expect(await finished(h)).toMatchObject({ outcome: 'failure' });
  });

  it('staff cancel: one last check, then cancelled; the user shows as face pending', async () => {
    const w = fakeWindows();
    const { h, updateId } = await faceUpdate(w);
    await h.invoke('enrollment:start', { updateId });
    expect(await h.invoke('enrollment:cancel', { reason: 'staff-cancel' })).toEqual({ ok: true, value: { cancelling: true } });
    expect(await finished(h)).toMatchObject({ outcome: 'cancelled' });
    expect(w.log).toEqual(['open', 'closed-and-cleared']);
    expect(await h.invoke('profile:lookup', { userName: 'priya.sharma' })).toMatchObject({ ok: true, value: { facePending: true } });
  });

  it('remembers an unfinished face across a restart of the kiosk', async () => {
    const file = join(await mkdtemp(join(process.env['KIOSK_TEST_SCRATCH'] || tmpdir(), 'restart-')), 'face-pending.json');
    const w = fakeWindows();
    const first = await createIpcHarness(captureLogger().logger, { openEnrollmentWindow: w.open, enrollmentPoll: FAST, enrollmentTimeoutMs: 200, facePendingFile: file });
    h = first;
    await first.invoke('session:sign-in', { password: DEMO_CUSTOMER.password });
    const updateId = randomUUID();
    expect(await first.invoke('profile:update', { updateId, userName: 'priya.sharma', changes: {}, face: true, idCheck: 'aadhaar' })).toMatchObject({ ok: true });
    await first.invoke('enrollment:start', { updateId });
    expect(await finished(first)).toMatchObject({ outcome: 'timed-out' });
    await first.close();
    // A new kiosk process on the same data folder.
    h = await createIpcHarness(captureLogger().logger, { facePendingFile: file });
    await h.invoke('session:sign-in', { password: DEMO_CUSTOMER.password });
    expect(await h.invoke('profile:lookup', { userName: 'priya.sharma' })).toMatchObject({ ok: true, value: { facePending: true } });
    expect(await h.invoke('profile:lookup', { userName: 'ravi.kumar' })).toMatchObject({ ok: true, value: { facePending: false } });
    // User names only (with when each was added): no e-mail address, no phone number.
    const kept = JSON.parse(await readFile(file, 'utf8')) as { entries: Record<string, number> };
    expect(Object.keys(kept.entries)).toEqual(['priya.sharma']);
    expect(JSON.stringify(kept)).not.toMatch(/@|9123456780/);
  });

  it('times out when the customer walks away; the audit says face-pending', async () => {
    const w = fakeWindows();
    const { h, updateId } = await faceUpdate(w, 200);
    await h.invoke('enrollment:start', { updateId });
    expect(await finished(h)).toMatchObject({ outcome: 'timed-out' });
    expect((await h.changes(5)).at(-1)?.outcome).toBe('face-pending');
  });

  it('a crashed window ends as window-crashed; a session that expires while polling ends it too', async () => {
    const w = fakeWindows();
    const { h, updateId } = await faceUpdate(w);
    await h.invoke('enrollment:start', { updateId });
    w.hint('window-crashed');
    expect(await finished(h)).toMatchObject({ outcome: 'window-crashed' });
    h.pushed.length = 0;
    const again = randomUUID();
    await h.invoke('profile:update', { updateId: again, userName: 'priya.sharma', changes: {}, face: true, idCheck: 'aadhaar' });
    await h.invoke('enrollment:start', { updateId: again });
    h.sandbox.state.expireAllTokens();
    expect(await finished(h)).toMatchObject({ outcome: 'session-expired' });
    expect(h.pushed.some((p) => p.channel === 'session:expired')).toBe(true);
  });

  it('refuses to start without an applied face update, or twice', async () => {
    const w = fakeWindows();
    const { h, updateId } = await faceUpdate(w);
    expect(await h.invoke('enrollment:start', { updateId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const details = randomUUID();
    await h.invoke('profile:update', { updateId: details, userName: 'ravi.kumar', changes: { fullName: 'Ravi K' }, face: false, idCheck: 'aadhaar' });
    expect(await h.invoke('enrollment:start', { updateId: details })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await h.invoke('enrollment:start', { updateId });
    expect(await h.invoke('enrollment:start', { updateId })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/already open/) } });
    await h.invoke('session:sign-out', {});
    expect(await finished(h)).toMatchObject({ outcome: 'cancelled' });
    expect(w.log).toEqual(['open', 'closed-and-cleared']);
  });

  it('staff report a camera problem: camera-error, the window closed before the last check', async () => {
    const w = fakeWindows();
    const { h, updateId } = await faceUpdate(w);
    await h.invoke('enrollment:start', { updateId });
    const checksBefore = h.sandbox.requestCount('/deepfaceauth/api/v1/basic/status/enroll/user');
    await h.invoke('enrollment:cancel', { reason: 'camera-problem' });
    expect(await finished(h)).toMatchObject({ outcome: 'camera-error' });
    expect(w.log).toEqual(['open', 'closed-and-cleared']);
    expect(h.sandbox.requestCount('/deepfaceauth/api/v1/basic/status/enroll/user')).toBeGreaterThan(checksBefore);
    expect((await h.changes(5)).at(-1)?.outcome).toBe('face-camera-error');
  });

  it('a page that leaves the vendor origins ends the recording at once: window closed, one last check, page-blocked', async () => {
    const w = fakeWindows();
    const { h, updateId } = await faceUpdate(w);
    await h.invoke('enrollment:start', { updateId });
    const checksBefore = h.sandbox.requestCount('/deepfaceauth/api/v1/basic/status/enroll/user');
    w.hint('page-blocked');
    expect(await finished(h)).toMatchObject({ outcome: 'page-blocked', auditRecorded: true });
    expect(w.log).toEqual(['open', 'closed-and-cleared']);
    expect(h.sandbox.requestCount('/deepfaceauth/api/v1/basic/status/enroll/user')).toBeGreaterThan(checksBefore);
    expect((await h.changes(5)).at(-1)?.outcome).toBe('face-page-blocked');
    expect(await h.invoke('profile:lookup', { userName: 'priya.sharma' })).toMatchObject({ ok: true, value: { facePending: true } });
  });

  it('a sign-out while the camera window is still opening closes it again and waits for that', async () => {
    const log: string[] = [];
    let letOpen: () => void = () => undefined;
    const cap = captureLogger();
    h = await createIpcHarness(cap.logger, {
      enrollmentPoll: FAST,
      openEnrollmentWindow: async () => {
        log.push('opening');
        await new Promise<void>((r) => (letOpen = r));
        log.push('open');
        return {
          close: async () => {
            log.push('closed-and-cleared');
            return { ok: true };
          },
        };
      },
    });
    await h.invoke('session:sign-in', { password: DEMO_CUSTOMER.password });
    const updateId = randomUUID();
    await h.invoke('profile:update', { updateId, userName: 'priya.sharma', changes: {}, face: true, idCheck: 'aadhaar' });
    const start = h.invoke('enrollment:start', { updateId });
    await vi.waitFor(() => expect(log).toEqual(['opening']));
    const signOut = h.invoke('session:sign-out', {});
    await new Promise((r) => setTimeout(r, 20));
    letOpen();
    expect(await start).toMatchObject({ ok: false, error: { message: expect.stringMatching(/cancelled/) } });
    expect(await signOut).toMatchObject({ ok: true });
    expect(log).toEqual(['opening', 'open', 'closed-and-cleared']);
  });

  it('a camera window that cannot get a clean partition is refused with its own message; the face stays pending', async () => {
    const cap = captureLogger();
    h = await createIpcHarness(cap.logger, {
      openEnrollmentWindow: async () => {
        throw new KioskError('internal', 'The camera window cannot be opened: its storage from an earlier customer could not be cleared.');
      },
    });
    await h.invoke('session:sign-in', { password: DEMO_CUSTOMER.password });
    const updateId = randomUUID();
    await h.invoke('profile:update', { updateId, userName: 'priya.sharma', changes: {}, face: true, idCheck: 'aadhaar' });
    expect(await h.invoke('enrollment:start', { updateId })).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/could not be cleared/) } });
    expect((await h.changes(5)).at(-1)?.outcome).toBe('face-pending');
    expect(await h.invoke('profile:lookup', { userName: 'priya.sharma' })).toMatchObject({ ok: true, value: { facePending: true } });
  });

  it('no camera check while the camera window is open; two checks at once share one', async () => {
    let checks = 0;
    const w = fakeWindows();
    const cap = captureLogger();
    h = await createIpcHarness(cap.logger, {
      openEnrollmentWindow: w.open,
      enrollmentPoll: FAST,
      checkCamera: async () => {
        checks++;
        await new Promise((r) => setTimeout(r, 20));
        return 'ready';
      },
    });
    const [a, b] = await Promise.all([h.invoke('enrollment:camera-check', {}), h.invoke('enrollment:camera-check', {})]);
    expect([a, b]).toEqual([{ ok: true, value: { camera: 'ready' } }, { ok: true, value: { camera: 'ready' } }]);
    expect(checks).toBe(1);
    await h.invoke('session:sign-in', { password: DEMO_CUSTOMER.password });
    const updateId = randomUUID();
    await h.invoke('profile:update', { updateId, userName: 'priya.sharma', changes: {}, face: true, idCheck: 'aadhaar' });
    const [first, second] = await Promise.all([h.invoke('enrollment:start', { updateId }), h.invoke('enrollment:start', { updateId })]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect(await h.invoke('enrollment:camera-check', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('reports the camera check', async () => {
    const cap = captureLogger();
    h = await createIpcHarness(cap.logger, { checkCamera: async () => 'busy' });
    expect(await h.invoke('enrollment:camera-check', {})).toEqual({ ok: true, value: { camera: 'busy' } });
  });
});

describe('re-enrollment links', () => {
  it('in vendor mode, an http link is never opened', async () => {
    const journal = createUpdateJournal();
    const plan = { userName: 'a.b', before: { userName: 'a.b', fullName: 'A', emailId: 'a@b.in', phoneNumber: '9876543210' }, after: { userName: 'a.b', fullName: 'A', emailId: 'a@b.in', phoneNumber: '9876543210' }, changed: [], face: true };
    journal.begin('u1', plan, { staffId: 'demo.operator' });
    journal.settle('u1', 'applied', 'http://vendor.example/deepfaceauth/api/v1/iframe/enroll/portal/a/b');
    let opened = false;
    const c = createEnrollmentController({
      journal,
      // The vendor backend's rule: only https links.
      enrollmentOrigin: (url) => acceptEnrollmentUrl(url, ['https://vendor.example']),
      enrollmentOrigins: ['https://vendor.example'],
      timeoutMs: 1000,
      statusUrlSource: 'reEnrollmentUrl',
      openWindow: async () => {
        opened = true;
        return { close: async () => ({ ok: true }) };
      },
      checkStatus: async () => ({ status: 'draft', message: '' }),
      enrollmentUrlOf: async () => '',
      checkCamera: async () => 'ready',
      audit: async () => true,
      finished: () => undefined,
      logger: captureLogger().logger,
    });
    await expect(c.start('u1')).rejects.toMatchObject({ code: 'bad-response', message: expect.stringMatching(/not a secure address/) });
    expect(opened).toBe(false);
  });
});
