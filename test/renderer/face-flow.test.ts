import { expect as pw, type Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { uiSuite, type UiSession } from '../helpers/ui-harness';
import { fill, review, signIn, toEdit } from './ui-steps';
import { replaceUpdateLink } from '../helpers/vendor-faults';

// Face re-enrollment end to end in Chromium with a fake camera: the kiosk UI bridged to the
// real handlers, the sandbox's capture page in its own context standing in for the camera window.
const open = uiSuite();
let ui: UiSession | null = null;

/** Edit with a face update and an e-mail change, review, confirm: the "before you start" screen. */
async function toBeforeFace(page: Page, userName = 'priya.sharma'): Promise<void> {
  await toEdit(page, userName);
  await fill(page, { 'E-mail address': `${userName}.new@example.com` });
  await page.getByLabel(/Also update the face/).check();
  await review(page);
  await pw(page.getByText('The customer will re-record their face on the camera after this step.')).toBeVisible();
  await page.getByRole('button', { name: 'Confirm and update' }).click();
  await pw(page.getByRole('heading', { name: 'Before the camera starts' })).toBeVisible();
}

async function startCamera(s: UiSession): Promise<Page> {
  await pw(s.page.getByText('The camera is ready.')).toBeVisible();
  await s.page.getByRole('button', { name: 'Start face recording' }).click();
  await pw(s.page.getByRole('heading', { name: 'The customer is re-recording their face.' })).toBeVisible();
  await pw(s.page.getByText(/Time left: \d+:\d\d/)).toBeVisible();
  return s.enrollmentPage();
}

const pageState = (p: Page) => p.locator('body').getAttribute('data-state');

describe('face re-enrollment in Chromium with a fake camera', () => {
  it('success: camera check, camera window with a real video track, capture, status success, window cleared', async () => {
    ui = await open();
    const { page, ipc } = ui;
    await toBeforeFace(page);
    await pw(page.getByText('Look straight at the camera.')).toBeVisible();
    expect(ipc.sandbox.requestCount('/deepfaceauth/api/v1/basic/user/update')).toBe(0);
    const cam = await startCamera(ui);
    await expect.poll(() => pageState(cam), { timeout: 10_000 }).toBe('ready');
    const track = await cam.evaluate(() => {
      const v = document.querySelector('video') as HTMLVideoElement;
      const stream = v.srcObject as MediaStream;
      return { width: v.videoWidth, kind: stream.getVideoTracks()[0]?.kind, live: stream.getVideoTracks()[0]?.readyState, audio: stream.getAudioTracks().length };
    });
    expect(track).toMatchObject({ kind: 'video', live: 'live', audio: 0 });
    expect(track.width).toBeGreaterThan(0);
    await cam.getByRole('button', { name: 'Capture face' }).click();
    await pw(page.getByText('The face was updated.')).toBeVisible({ timeout: 10_000 });
    expect(ui.openEnrollmentContexts()).toBe(0);
    expect((await ipc.changes(5)).map((e) => e.outcome)).toEqual(['applied', 'face-success']);
    await page.getByRole('button', { name: 'Done' }).click();
    await pw(page.getByRole('heading', { name: 'Find customer' })).toBeVisible();
    expect(await page.evaluate(() => document.body.innerText)).not.toContain('priya');
  });

  it('a link outside the allowed origins: the details are saved, nothing opens, staff are told to call IT', async () => {
    ui = await open({ ipc: { wrapTransport: replaceUpdateLink('https://evil.example/deepfaceauth/api/v1/iframe/enroll/portal/a/b') } });
    const { page } = ui;
    await toBeforeFace(page);
    await pw(page.getByText('The camera is ready.')).toBeVisible();
    await page.getByRole('button', { name: 'Start face recording' }).click();
    await pw(page.getByText(/does not trust, so it was not opened/)).toBeVisible();
    await pw(page.getByRole('button', { name: 'Record the face again' })).toBeVisible();
    expect(ui.openEnrollmentContexts()).toBe(0);
    await pw(page.locator('body')).not.toContainText('evil.example');
  });

  it('failure: the vendor’s answer, and a way to record again', async () => {
    ui = await open();
    await toBeforeFace(ui.page);
    const cam = await startCamera(ui);
    await cam.getByRole('button', { name: 'End with failure' }).click();
    await pw(ui.page.getByText('The face could not be recorded.')).toBeVisible({ timeout: 10_000 });
    await pw(ui.page.getByRole('button', { name: 'Record the face again' })).toBeVisible();
    expect(ui.openEnrollmentContexts()).toBe(0);
  });

  it('staff cancel from the staff bar', async () => {
    ui = await open();
    await toBeforeFace(ui.page);
    await startCamera(ui);
    await ui.page.getByRole('button', { name: 'Cancel face recording' }).click();
    await pw(ui.page.getByText('Face recording was cancelled. The face still needs to be recorded.')).toBeVisible({ timeout: 10_000 });
    expect(ui.openEnrollmentContexts()).toBe(0);
    expect((await ui.ipc.changes(5)).at(-1)?.outcome).toBe('face-cancelled');
  });

  it('timeout: the customer walked away; the next lookup says the face is not finished, and offers it again', async () => {
    ui = await open({ ipc: { enrollmentTimeoutMs: 1500 } });
    const { page } = ui;
    await toBeforeFace(page);
    await startCamera(ui);
    await pw(page.getByText('The face recording was not finished in time. The face still needs to be recorded.')).toBeVisible({ timeout: 10_000 });
    expect((await ui.ipc.changes(5)).at(-1)?.outcome).toBe('face-pending');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByLabel('Customer user name').fill('priya.sharma');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await pw(page.getByText('This customer’s last face re-enrollment was not finished.')).toBeVisible();
    await page.getByRole('button', { name: 'Re-record the face now' }).click();
    await pw(page.getByLabel(/Also update the face/)).toBeChecked();
  });

  it('the page never finishes: the status stays draft until the timeout', async () => {
    ui = await open({ ipc: { enrollmentTimeoutMs: 8000 } });
    ui.ipc.sandbox.state.switches.neverFinish = true;
    await toBeforeFace(ui.page);
    const cam = await startCamera(ui);
    await expect.poll(() => pageState(cam), { timeout: 10_000 }).toBe('ready');
    await cam.getByRole('button', { name: 'Capture face' }).click();
    await pw(ui.page.getByText(/not finished in time/)).toBeVisible({ timeout: 15_000 });
  }, 30_000);

  it('camera busy on the capture page: staff report the camera problem, the window is cleared', async () => {
    ui = await open();
    ui.ipc.sandbox.state.switches.cameraBusy = true;
    await toBeforeFace(ui.page);
    const cam = await startCamera(ui);
    await expect.poll(() => pageState(cam), { timeout: 10_000 }).toBe('camera-error');
    await ui.page.getByRole('button', { name: 'The camera does not work' }).click();
    await pw(ui.page.getByText('The camera stopped working during the recording.')).toBeVisible({ timeout: 10_000 });
    expect(ui.openEnrollmentContexts()).toBe(0);
    expect((await ui.ipc.changes(5)).at(-1)?.outcome).toBe('face-camera-error');
  });

  it.each([
    ['busy', 'The camera is in use by another program, or not working.'],
    ['missing', 'No camera was found. Check that it is plugged in.'],
  ] as const)('camera %s at the check: nothing with the face is sent; the details can go alone', async (camera, message) => {
    ui = await open({ ipc: { checkCamera: async () => camera } });
    const { page, ipc } = ui;
    await toBeforeFace(page);
    await pw(page.getByText(message)).toBeVisible();
    await pw(page.getByRole('button', { name: 'Start face recording' })).toHaveCount(0);
    expect(ipc.sandbox.requestCount('/deepfaceauth/api/v1/basic/user/update')).toBe(0);
    await page.getByRole('button', { name: 'Update the details only, without the face' }).click();
    await pw(page.getByText('The customer’s details were updated.')).toBeVisible();
    expect(ipc.sandbox.state.details('priya.sharma')).toMatchObject({ emailId: 'priya.sharma.new@example.com' });
    expect((await ipc.changes(5))).toMatchObject([{ face: false, outcome: 'applied' }]);
  });

  it('session expired during polling: the window closes, sign in again, and the result says the face is not done', async () => {
    ui = await open();
    const { page, ipc } = ui;
    await toBeforeFace(page);
    await startCamera(ui);
    ipc.sandbox.state.expireAllTokens();
    await pw(page.getByText('Your sign-in has expired. Sign in again to continue where you were.')).toBeVisible({ timeout: 10_000 });
    await expect.poll(() => ui!.openEnrollmentContexts(), { timeout: 10_000 }).toBe(0);
    await signIn(page);
    await pw(page.getByText('The sign-in expired during the face recording. The face still needs to be recorded.')).toBeVisible();
  });
});
