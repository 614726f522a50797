import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect as pw, type Page } from '@playwright/test';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Transport } from '../../main/deepfaceauth/http-transport';
import { uiSuite, type UiSession } from '../helpers/ui-harness';
import { fill, findCustomer, inputValues, review, toEdit } from './ui-steps';

const ARTIFACTS = join(process.env['KIOSK_TEST_ARTIFACTS'] ?? join(process.cwd(), 'test-artifacts'), 'screenshots');
const IDLE_MS = 120_000;
const open = uiSuite();
let ui: UiSession | null = null;

beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
});

const RAVI_VALUES = ['ravi.kumar', 'Ravi Kumar', 'ravi.kumar@example.com', '9876543210', 'ravi.typed@example.com'];

async function expectNoCustomerTrace(page: Page, values: string[]): Promise<void> {
  const trace = await page.evaluate(() => ({
    text: document.body.innerText,
    html: document.body.innerHTML,
    inputs: [...document.querySelectorAll('input')].map((i) => i.value).join('\n'),
    session: sessionStorage.length,
    local: localStorage.length,
  }));
  for (const v of values) {
    expect(trace.text, `text holds ${v}`).not.toContain(v);
    expect(trace.html, `DOM holds ${v}`).not.toContain(v);
    expect(trace.inputs, `an input holds ${v}`).not.toContain(v);
  }
  expect(trace.session).toBe(0);
  expect(trace.local).toBe(0);
}

describe('idle reset', () => {
  it('warns with a countdown, then wipes every value of the customer and returns to Find customer', async () => {
    ui = await open({ beforeGoto: (page) => page.clock.install() });
    const { page } = ui;
    await toEdit(page, 'ravi.kumar');
    await fill(page, { 'E-mail address': 'ravi.typed@example.com' });
    await page.evaluate(() => sessionStorage.setItem('probe', 'x'));
    await page.clock.runFor(IDLE_MS + 1000);
    await pw(page.getByRole('alertdialog', { name: 'Still there?' })).toBeVisible();
    await pw(page.getByText(/cleared in 1?\d seconds/)).toBeVisible();
    await page.clock.runFor(20_000);
    await pw(page.getByRole('heading', { name: 'Find customer' })).toBeVisible();
    await pw(page.getByRole('alertdialog')).toHaveCount(0);
    await expectNoCustomerTrace(page, RAVI_VALUES);
    // The staff sign-in survives: no sign-in screen, and a lookup works at once.
    await pw(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  });

  it('keeps everything when staff answer the warning', async () => {
    ui = await open({ beforeGoto: (page) => page.clock.install() });
    const { page } = ui;
    await toEdit(page, 'ravi.kumar');
    await fill(page, { 'E-mail address': 'ravi.typed@example.com' });
    await page.clock.runFor(IDLE_MS + 5000);
    await page.getByRole('button', { name: 'I am still here' }).click();
    await pw(page.getByRole('alertdialog')).toHaveCount(0);
    await page.clock.runFor(30_000);
    expect(await inputValues(page)).toMatchObject({ emailId: 'ravi.typed@example.com' });
  });

  it('never fires while a submit is in flight', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const holdUpdates = (send: Transport): Transport => async (req) => {
      if (req.url.endsWith('/user/update')) await gate;
      return send(req);
    };
    ui = await open({ beforeGoto: (page) => page.clock.install(), ipc: { wrapTransport: holdUpdates } });
    const { page } = ui;
    await toEdit(page, 'ravi.kumar');
    await fill(page, { 'Full name': 'Ravi K Kumar' });
    await review(page);
    await page.getByRole('button', { name: 'Confirm and update' }).click();
    await pw(page.getByText('Updating the customer’s details…')).toBeVisible();
    await page.clock.runFor(IDLE_MS * 2);
    await pw(page.getByRole('alertdialog')).toHaveCount(0);
    release();
    await pw(page.getByText('The customer’s details were updated.')).toBeVisible();
  });
});

describe('the fallback screen after repeated crashes', () => {
  it('asks main to restart the kiosk, once, in English and Hindi, without accessibility problems', async () => {
    ui = await open({ path: 'fallback.html', ipc: { restartAllowed: () => true } });
    const { page, ipc } = ui;
    await pw(page.getByRole('heading', { name: 'The kiosk needs a restart' })).toBeVisible();
    await pw(page.getByRole('heading', { name: 'कियोस्क को फिर से शुरू करना होगा' })).toBeVisible();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'fallback-landscape.png') });
    await page.getByRole('button', { name: /Restart the kiosk/ }).click();
    await pw(page.getByText(/Restarting/)).toBeVisible();
    await pw(page.getByRole('button', { name: /Restart the kiosk/ })).toBeDisabled();
    await new Promise((r) => setTimeout(r, 150));
    expect(ipc.restarts).toBe(1);
  });
});

describe('language', () => {
  it('starts in the configured locale', async () => {
    ui = await open({ ipc: { config: { locale: 'hi' } } });
    await pw(ui.page.getByRole('heading', { name: 'स्टाफ़ साइन-इन' })).toBeVisible();
    expect(await ui.page.evaluate(() => document.documentElement.lang)).toBe('hi');
  });

  it('switches between English and Hindi on screen', async () => {
    ui = await open();
    const { page } = ui;
    await pw(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await toHindi(page);
    await pw(page.getByRole('heading', { name: 'स्टाफ़ साइन-इन' })).toBeVisible();
    await pw(page.getByLabel('पासवर्ड')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('hi');
    await toEnglish(page);
    await pw(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  });

  it('stays readable when a language cannot be loaded, and loads it on the next try', async () => {
    ui = await open({ beforeGoto: async (page) => void (await page.route(/\/assets\/hi-[^/]*\.js$/, (route) => route.abort())) });
    const { page } = ui;
    await pw(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
    await toHindi(page);
    // Still English, and the switch still offers Hindi.
    await pw(page.getByRole('button', { name: /Switch the language to Hindi/ })).toBeVisible();
    await pw(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.unroute(/\/assets\/hi-[^/]*\.js$/);
    await toHindi(page);
    await pw(page.getByRole('heading', { name: 'स्टाफ़ साइन-इन' })).toBeVisible();
  });
});

/** axe on the current screen in its current language, and screenshots in both orientations. */
async function captureIn(page: Page, name: string, lang: 'en' | 'hi', checked: string[]): Promise<void> {
  await pw(page.locator('html')).toHaveAttribute('lang', lang);
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${name}/${lang}: ${v.id} ${v.help} (${v.nodes.length})`)).toEqual([]);
  for (const [orientation, viewport] of [
    ['landscape', { width: 1920, height: 1080 }],
    ['portrait', { width: 1080, height: 1920 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${lang}-${orientation}.png`) });
  }
  await page.setViewportSize({ width: 1920, height: 1080 });
  checked.push(`${name}-${lang}`);
}

const toHindi = (page: Page) => page.getByRole('button', { name: /Switch the language to Hindi/ }).click();
const toEnglish = (page: Page) => page.getByRole('button', { name: /भाषा अंग्रेज़ी में बदलें/ }).click();

/** The current screen in English, then in Hindi, then back to English. */
async function captureScreen(page: Page, name: string, checked: string[]): Promise<void> {
  await captureIn(page, name, 'en', checked);
  await toHindi(page);
  await captureIn(page, name, 'hi', checked);
  await toEnglish(page);
  await pw(page.locator('html')).toHaveAttribute('lang', 'en');
}

describe('every screen: accessibility (axe) and screenshots, both languages and orientations', () => {
  it('from sign-in to the result, with the errors and the idle warning', async () => {
    const checked: string[] = [];
    ui = await open({ beforeGoto: (page) => page.clock.install() });
    const { page } = ui;
    await pw(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
    await captureScreen(page, 'sign-in', checked);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await captureScreen(page, 'sign-in-error', checked);
    await page.getByLabel('Password').fill('sandbox-demo-pass');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await pw(page.getByRole('heading', { name: 'Find customer' })).toBeVisible();
    await captureScreen(page, 'find', checked);
    await page.getByLabel('Customer user name').fill('nobody.here');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await pw(page.getByText(/No customer with this user name/)).toBeVisible();
    await captureScreen(page, 'find-not-found', checked);
    await page.getByLabel('Customer user name').fill('ravi.kumar');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await pw(page.getByRole('heading', { name: 'Edit details' })).toBeVisible();
    await captureScreen(page, 'edit', checked);
    await fill(page, { 'User name': 'ravi kumar', 'E-mail address': 'ravi@' });
    await captureScreen(page, 'edit-errors', checked);
    await fill(page, { 'User name': 'ravi.k', 'E-mail address': 'ravi.k@example.com' });
    await page.getByLabel(/Also update the face/).check();
    await review(page);
    await pw(page.getByRole('heading', { name: 'Review changes' })).toBeVisible();
    await captureScreen(page, 'review', checked);
    // Any input answers the warning, the language switch included: each language gets its own.
    await page.clock.runFor(IDLE_MS + 1000);
    await pw(page.getByRole('alertdialog')).toBeVisible();
    await captureIn(page, 'idle-warning', 'en', checked);
    await page.getByRole('button', { name: 'I am still here' }).click();
    await toHindi(page);
    await page.clock.runFor(IDLE_MS + 1000);
    await pw(page.getByRole('alertdialog', { name: 'क्या आप अभी भी यहाँ हैं?' })).toBeVisible();
    await captureIn(page, 'idle-warning', 'hi', checked);
    await page.getByRole('button', { name: 'मैं अभी यहाँ हूँ' }).click();
    await toEnglish(page);
    await page.getByRole('button', { name: 'Confirm and update' }).click();
    await pw(page.getByText('The camera is ready.')).toBeVisible();
    await captureScreen(page, 'before-face', checked);
    await page.getByRole('button', { name: 'Start face recording' }).click();
    await pw(page.getByRole('heading', { name: 'The customer is re-recording their face.' })).toBeVisible();
    // The staff bar: a language switch would need the header, which the camera window covers;
    // Hindi is checked on the other screens.
    await captureIn(page, 'staff-bar', 'en', checked);
    const cam = await ui.enrollmentPage();
    await pw(cam.getByRole('button', { name: 'Capture face' })).toBeEnabled({ timeout: 10_000 });
    await cam.getByRole('button', { name: 'Capture face' }).click();
    await pw(page.getByText('The customer’s details were updated.')).toBeVisible();
    await pw(page.getByText('The face was updated.')).toBeVisible({ timeout: 10_000 });
    await captureScreen(page, 'result-success', checked);
    expect(checked).toHaveLength(21);
  }, 180_000);

  it('the failure, refusal and reconcile screens', async () => {
    const checked: string[] = [];
    let mode: 'down' | 'lost' | 'dropped' | 'rejected' = 'down';
    const wrap = (send: Transport): Transport => async (req) => {
      if (!req.url.endsWith('/user/update')) return send(req);
      if (mode === 'down') return { kind: 'not-sent', reason: 'network' };
      if (mode === 'dropped') return { kind: 'sent-no-answer', reason: 'timeout' };
      if (mode === 'rejected') {
        return { kind: 'response', status: 400, contentType: 'application/json', body: JSON.stringify({ error: { message: 'User is locked', status: 400 } }) };
      }
      await send(req);
      return { kind: 'sent-no-answer', reason: 'network' };
    };
    ui = await open({ ipc: { wrapTransport: wrap } });
    const { page } = ui;
    await toEdit(page, 'priya.sharma');
    await fill(page, { 'Full name': 'Priya S Sharma' });
    await review(page);
    await page.getByRole('button', { name: 'Confirm and update' }).click();
    await pw(page.getByText('The update did not go through.')).toBeVisible();
    await captureScreen(page, 'result-failed', checked);
    mode = 'lost';
    await page.getByRole('button', { name: 'Try again' }).click();
    await pw(page.getByText(/It was applied/)).toBeVisible();
    await captureScreen(page, 'result-reconciled', checked);
    await page.getByRole('button', { name: 'Done' }).click();
    await findCustomer(page, 'arjun.mehta');
    await fill(page, { 'Full name': 'Arjun S Mehta' });
    await review(page);
    mode = 'dropped';
    await page.getByRole('button', { name: 'Confirm and update' }).click();
    await pw(page.getByText(/It was not applied/)).toBeVisible();
    await captureScreen(page, 'result-not-applied', checked);
    mode = 'rejected';
    await page.getByRole('button', { name: 'Submit again' }).click();
    await pw(page.getByText('The service refused the update.')).toBeVisible();
    await captureScreen(page, 'result-rejected', checked);
    expect(checked).toHaveLength(8);
  }, 120_000);
});
