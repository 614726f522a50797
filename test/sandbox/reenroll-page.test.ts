import type { Browser } from '@playwright/test';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/sandbox-server';
import { launchChromium } from '../helpers/chromium';

// The sandbox's capture page in real Chromium with a fake camera (Chromium is a test
// requirement installed by .ci/run; a missing browser fails here rather than skipping).
let browser: Browser;
let sb: RunningSandbox | null = null;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await sb?.close();
  sb = null;
});

async function faceUpdateUrl(switches: { neverFinish?: boolean; cameraBusy?: boolean } = {}): Promise<string> {
  sb = await startSandbox({ switches });
  const token = sb.state.login('sandbox-demo-pass');
  expect(sb.state.tokenValid(token)).toBe(true);
  const d = sb.state.details('priya.sharma');
  return sb.state.update('priya.sharma', d, true)!;
}

describe('sandbox test switches', () => {
  it('camera busy: the page reports the busy camera and never opens it', async () => {
    const url = await faceUpdateUrl({ cameraBusy: true });
    const page = await browser.newPage();
    await page.goto(url);
    await expect.poll(() => page.locator('body').getAttribute('data-state'), { timeout: 10_000 }).toBe('camera-error');
    expect(await page.getByRole('status').textContent()).toBe('The camera is busy or not working. Ask staff for help.');
    expect(await page.locator('video').evaluate((v) => (v as unknown as { srcObject: unknown }).srcObject)).toBeNull();
    await page.close();
  });

  it('never finishes: the capture is accepted, the status stays draft', async () => {
    const url = await faceUpdateUrl({ neverFinish: true });
    const page = await browser.newPage();
    await page.goto(url);
    await expect.poll(() => page.locator('body').getAttribute('data-state'), { timeout: 10_000 }).toBe('ready');
    await page.getByRole('button', { name: 'Capture face' }).click();
    await expect.poll(() => page.locator('body').getAttribute('data-state'), { timeout: 10_000 }).toBe('success');
    expect(sb!.state.enrollmentStatus(url).status).toBe('draft');
    await page.close();
  });

  it('are read from KIOSK_SANDBOX_SWITCHES, and an unknown one is refused', async () => {
    const { parseSandboxSwitches } = await import('../../main/sandbox/sandbox-state');
    expect(parseSandboxSwitches('never-finish, camera-busy')).toEqual({ neverFinish: true, cameraBusy: true });
    expect(parseSandboxSwitches(undefined)).toEqual({ neverFinish: false, cameraBusy: false });
    expect(() => parseSandboxSwitches('make-coffee')).toThrow(/Unknown sandbox switch "make-coffee"/);
  });
});

describe('sandbox re-enrollment page', () => {
  it('opens the camera, shows a live preview, captures a frame and marks success', async () => {
    const url = await faceUpdateUrl();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(url);
    await expect.poll(() => page.locator('body').getAttribute('data-state'), { timeout: 10_000 }).toBe('ready');
    expect(await page.locator('video').evaluate((v) => (v as unknown as { videoWidth: number }).videoWidth)).toBeGreaterThan(0);
    expect(sb!.state.enrollmentStatus(url).status).toBe('draft');
    await page.getByRole('button', { name: 'Capture face' }).click();
    await expect.poll(() => page.locator('body').getAttribute('data-state'), { timeout: 10_000 }).toBe('success');
    expect(await page.locator('canvas').evaluate((c) => (c as unknown as { width: number }).width)).toBeGreaterThan(0);
    expect(sb!.state.enrollmentStatus(url).status).toBe('success');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('can end in failure, even before the camera has started', async () => {
    const url = await faceUpdateUrl();
    const page = await browser.newPage();
    // A slow camera: it comes up 800 ms after the customer already gave up.
    await page.addInitScript({
      content:
        'const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);' +
        'navigator.mediaDevices.getUserMedia = (c) => new Promise((r) => setTimeout(r, 800)).then(() => real(c));',
    });
    await page.goto(url);
    expect(await page.locator('body').getAttribute('data-state')).toBe('starting');
    await page.getByRole('button', { name: 'End with failure' }).click();
    await expect.poll(() => page.locator('body').getAttribute('data-state'), { timeout: 10_000 }).toBe('failure');
    expect(sb!.state.enrollmentStatus(url).status).toBe('failure');
    // A camera that comes up late does not reopen the finished page.
    await page.waitForTimeout(1200);
    expect(await page.locator('body').getAttribute('data-state')).toBe('failure');
    await page.close();
  });

  it('says so in plain words when the camera is blocked', async () => {
    const url = await faceUpdateUrl();
    const context = await browser.newContext();
    const page = await context.newPage();
    // Runs in the page, where the DOM types exist; passed as text to keep Node types here.
    await page.addInitScript({
      content: "navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));",
    });
    await page.goto(url);
    await expect.poll(() => page.locator('body').getAttribute('data-state'), { timeout: 10_000 }).toBe('camera-error');
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 10_000 }).toMatch(/Camera access was blocked/);
    expect(sb!.state.enrollmentStatus(url).status).toBe('draft');
    await context.close();
  });
});
