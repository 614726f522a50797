import { describe, expect, it } from 'vitest';
import { expect as pw } from '@playwright/test';
import type { Transport } from '../../main/deepfaceauth/http-transport';
import { uiSuite, type UiSession } from '../helpers/ui-harness';
import { dropUpdates, failingAudit, loseUpdateAnswers, rejectUpdates } from '../helpers/vendor-faults';
import { fill, findCustomer, inputValues, review, signIn, toEdit } from './ui-steps';

const UPDATE_PATH = '/deepfaceauth/api/v1/basic/user/update';
const open = uiSuite();
let ui: UiSession | null = null;

describe('staff flow in Chromium, bridged to the real main-process handlers', () => {
  it('happy path without face: sign in, find, edit, review, submit, done', async () => {
    ui = await open();
    const { page, ipc } = ui;
    await pw(page.getByText('SANDBOX', { exact: true })).toBeVisible();
    await pw(page.getByText('customer account demo-bank, password sandbox-demo-pass')).toBeVisible();
    await toEdit(page, 'ravi.kumar');
    await pw(page.getByText('ravi.kumar@example.com')).toBeVisible();
    await fill(page, { 'E-mail address': 'ravi.new@example.com', 'Phone number': '+91 91234 56780' });
    await review(page);
    await pw(page.getByRole('heading', { name: 'Review changes' })).toBeVisible();
    const changed = page.locator('tr.changed th');
    await pw(changed).toHaveText(['E-mail', 'Phone']);
    await pw(page.getByRole('row', { name: /Phone/ })).toContainText('+91 9123456780');
    await page.getByRole('button', { name: 'Confirm and update' }).click();
    await pw(page.getByText('The customer’s details were updated.')).toBeVisible();
    await pw(page.getByText('Changed: E-mail, Phone')).toBeVisible();
    expect(ipc.sandbox.state.details('ravi.kumar')).toMatchObject({ emailId: 'ravi.new@example.com', phoneNumber: '9123456780' });
    expect((await ipc.changes(5))).toMatchObject([{ userNameBefore: 'ravi.kumar', changedFields: ['emailId', 'phoneNumber'], outcome: 'applied' }]);
    await page.getByRole('button', { name: 'Done' }).click();
    await pw(page.getByRole('heading', { name: 'Find customer' })).toBeVisible();
    await pw(page.getByLabel('Customer user name')).toHaveValue('');
    expect(await page.evaluate(() => document.body.innerText)).not.toContain('ravi');
  });

  it('shows every validation error next to its field, and sends nothing', async () => {
    ui = await open();
    const { page, ipc } = ui;
    await toEdit(page, 'ravi.kumar');
    const errorOf = (label: string) => page.locator('.field').filter({ has: page.getByLabel(label, { exact: true }) }).getByRole('alert');
    const cases: [string, string, string][] = [
      ['User name', 'ravi kumar', 'A user name cannot contain spaces.'],
      ['User name', 'rk', 'A user name has 3 to 64 characters.'],
      ['User name', 'ravi#kumar', 'Use only letters, digits, dot, underscore, hyphen or @.'],
      ['User name', '', 'Enter a user name.'],
      ['Full name', '   ', 'Enter the full name.'],
      ['Full name', 'Ravi 2 Kumar', 'Use letters, spaces, dots, apostrophes or hyphens.'],
      ['E-mail address', 'ravi@', 'Enter a valid e-mail address, like name@example.com.'],
      ['E-mail address', '', 'Enter the e-mail address.'],
      ['Phone number', '98765abc', 'Use digits, spaces and an optional + only.'],
    ];
    for (const [label, value, message] of cases) {
      await page.getByLabel(label, { exact: true }).fill(value);
      await pw(errorOf(label)).toHaveText(`⚠ ${message}`);
      await pw(page.getByLabel(label, { exact: true })).toHaveAttribute('aria-invalid', 'true');
    }
    // Put everything right but the phone, which only the full check (lazy-loaded rules) refuses.
    await fill(page, { 'User name': 'ravi.kumar', 'Full name': 'Ravi Kumar', 'E-mail address': 'ravi.kumar@example.com', 'Phone number': '+91 12345' });
    await review(page);
    // (The message named the kiosk's country before phones followed the customer's own code.)
    await pw(errorOf('Phone number')).toHaveText('⚠ This is not a valid phone number for the customer’s country code.');
    await fill(page, { 'Phone number': '+91 98765 43210' });
    await review(page);
    await pw(page.getByText('Nothing to change: edit a field or choose to update the face.')).toBeVisible();
    await pw(page.getByRole('heading', { name: 'Edit details' })).toBeVisible();
    expect(ipc.sandbox.requestCount(UPDATE_PATH)).toBe(0);
  });

  it('refuses a rename onto a taken user name before the review', async () => {
    ui = await open();
    const { page, ipc } = ui;
    await toEdit(page, 'ravi.kumar');
    await fill(page, { 'User name': 'priya.sharma' });
    await review(page);
    await pw(page.getByText('This user name is already taken. Choose another one.')).toBeVisible();
    await pw(page.getByRole('heading', { name: 'Edit details' })).toBeVisible();
    await fill(page, { 'User name': 'ravi.k' });
    await review(page);
    await pw(page.getByText('The user name changes: the customer must use the new one from now on.')).toBeVisible();
    expect(ipc.sandbox.requestCount(UPDATE_PATH)).toBe(0);
  });

  it('shows the vendor’s refusal and goes back to the edit with the draft intact', async () => {
    ui = await open({ ipc: { wrapTransport: rejectUpdates('User is blocked for updates') } });
    const { page } = ui;
    await toEdit(page, 'ravi.kumar');
    await fill(page, { 'Full name': 'Ravi K Kumar' });
    await review(page);
    await page.getByRole('button', { name: 'Confirm and update' }).click();
    await pw(page.getByText('The service refused the update.')).toBeVisible();
    await pw(page.getByText(/User is blocked for updates/)).toBeVisible();
    await pw(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Back to edit' }).click();
    await pw(page.getByLabel('Full name', { exact: true })).toHaveValue('Ravi K Kumar');
  });

  it('network down mid-flow: the retry after the service is back succeeds, nothing retyped', async () => {
    ui = await open();
    const { page, ipc } = ui;
    await toEdit(page, 'arjun.mehta');
    await fill(page, { 'E-mail address': 'arjun.new@example.com' });
    await review(page);
    await ipc.sandbox.close();
    await page.getByRole('button', { name: 'Confirm and update' }).click();
    await pw(page.getByText('The update did not go through.')).toBeVisible();
    await pw(page.getByText('The face service cannot be reached. Check the network and try again.')).toBeVisible();
    await ipc.restartSandbox();
    await page.getByRole('button', { name: 'Try again' }).click();
    await pw(page.getByText('The customer’s details were updated.')).toBeVisible();
    expect(ipc.sandbox.state.details('arjun.mehta')).toMatchObject({ emailId: 'arjun.new@example.com' });
    // The first submit failed at the read before the update call; both are attempts.
    expect((await ipc.changes(5)).map((e) => e.outcome)).toEqual(['failed', 'applied']);
    expect(ipc.sandbox.requestCount(UPDATE_PATH)).toBe(1);
  });

  it('outcome unknown: checks, then says it was applied', async () => {
    ui = await open({ ipc: { wrapTransport: loseUpdateAnswers(1) } });
    const { page, ipc } = ui;
    await toEdit(page, 'ananya.iyer');
    await fill(page, { 'Full name': 'Ananya R Iyer' });
    await review(page);
    await page.getByRole('button', { name: 'Confirm and update' }).click();
    await pw(page.getByText('It was applied: the customer’s record has the new details.')).toBeVisible();
    expect(ipc.sandbox.requestCount(UPDATE_PATH)).toBe(1);
    expect((await ipc.changes(5)).map((e) => e.outcome)).toEqual(['unknown', 'reconciled-applied']);
  });

  it('outcome unknown, not applied: offers to submit again, which then works', async () => {
    ui = await open({ ipc: { wrapTransport: dropUpdates(1) } });
    const { page, ipc } = ui;
    await toEdit(page, 'ananya.iyer');
    await fill(page, { 'Full name': 'Ananya R Iyer' });
    await review(page);
    await page.getByRole('button', { name: 'Confirm and update' }).click();
    await pw(page.getByText('It was not applied. Nothing was changed: submit again.')).toBeVisible();
    await page.getByRole('button', { name: 'Submit again' }).click();
    await pw(page.getByText('The customer’s details were updated.')).toBeVisible();
    expect(ipc.sandbox.state.details('ananya.iyer')).toMatchObject({ fullName: 'Ananya R Iyer' });
  });

  it('session expired mid-edit: sign in again and land back on the edit, draft intact', async () => {
    ui = await open();
    const { page, ipc } = ui;
    await toEdit(page, 'sunita.devi');
    await fill(page, { 'User name': 'sunita.d', 'E-mail address': 'sunita.d@example.com' });
    ipc.sandbox.state.expireAllTokens();
    await review(page);
    await pw(page.getByText('Your sign-in has expired. Sign in again to continue where you were.')).toBeVisible();
    expect(await page.evaluate(() => document.body.innerText)).not.toContain('sunita');
    await signIn(page);
    await pw(page.getByRole('heading', { name: 'Edit details' })).toBeVisible();
    expect(await inputValues(page)).toMatchObject({ userName: 'sunita.d', emailId: 'sunita.d@example.com' });
    await review(page);
    await pw(page.getByRole('heading', { name: 'Review changes' })).toBeVisible();
  });

  it('lookup of an unknown user says so and stays on Find customer', async () => {
    ui = await open();
    const { page } = ui;
    await signIn(page);
    await findCustomer(page, 'nobody.here');
    await pw(page.getByText('No customer with this user name. Check the spelling and try again.')).toBeVisible();
    await pw(page.getByRole('heading', { name: 'Find customer' })).toBeVisible();
    await findCustomer(page, 'two words');
    await pw(page.getByText('Enter a user name without spaces.')).toBeVisible();
  });

  it('a wrong password gets its own message, and the password field is emptied', async () => {
    ui = await open();
    const { page } = ui;
    await signIn(page, 'not-the-password');
    await pw(page.getByRole('alert')).toHaveText(/The password is not correct for this customer account/);
    await pw(page.getByLabel('Password')).toHaveValue('');
  });

  it('works by keyboard alone', async () => {
    ui = await open();
    const { page, ipc } = ui;
    await pw(page.getByLabel('Password')).toBeFocused();
    await page.keyboard.type('sandbox-demo-pass');
    await page.keyboard.press('Enter');
    await pw(page.getByLabel('Customer user name')).toBeFocused();
    await page.keyboard.type('priya.sharma');
    await page.keyboard.press('Enter');
    await pw(page.getByRole('heading', { name: 'Edit details' })).toBeFocused();
    // First how the customer's identity was checked: a radio group, chosen with Space.
    await page.keyboard.press('Tab');
    await pw(page.getByRole('radio', { name: 'Aadhaar', exact: true })).toBeFocused();
    await page.keyboard.press('Space');
    await pw(page.getByRole('radio', { name: 'Aadhaar', exact: true })).toBeChecked();
    await page.keyboard.press('Tab');
    await pw(page.getByLabel('User name', { exact: true })).toBeFocused();
    await page.keyboard.press('Tab');
    await pw(page.getByLabel('Full name', { exact: true })).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Priya K Sharma');
    await page.keyboard.press('Enter');
    await pw(page.getByRole('heading', { name: 'Review changes' })).toBeVisible();
    // The new screen's heading has the focus; the next stop is the confirm button.
    await pw(page.getByRole('heading', { name: 'Review changes' })).toBeFocused();
    await page.keyboard.press('Tab');
    await pw(page.getByRole('button', { name: 'Confirm and update' })).toBeFocused();
    await page.keyboard.press('Enter');
    await pw(page.getByText('The customer’s details were updated.')).toBeVisible();
    expect(ipc.sandbox.state.details('priya.sharma')).toMatchObject({ fullName: 'Priya K Sharma' });
  });

  it('updates a record whose untouched values break today’s rules (legacy data)', async () => {
    ui = await open();
    const { page, ipc } = ui;
    ipc.sandbox.state.createUser({ userName: 'mary.obrien', fullName: 'Mary O’Brien, MBA', emailId: 'mary@example.com', phoneNumber: '501234567', countryCode: '+971' }, 'success');
    await toEdit(page, 'mary.obrien');
    await fill(page, { 'E-mail address': 'mary.new@example.com' });
    await review(page);
    await pw(page.locator('tr.changed th')).toHaveText(['E-mail']);
    await page.getByRole('button', { name: 'Confirm and update' }).click();
    await pw(page.getByText('The customer’s details were updated.')).toBeVisible();
    expect(ipc.sandbox.state.details('mary.obrien')).toMatchObject({ fullName: 'Mary O’Brien, MBA', emailId: 'mary.new@example.com', phoneNumber: '501234567' });
  });

  it('a new user name taken between the review and the submit: back to the edit, nothing sent', async () => {
    ui = await open();
    const { page, ipc } = ui;
    await toEdit(page, 'ravi.kumar');
    await fill(page, { 'User name': 'ravi.free' });
    await review(page);
    await pw(page.getByRole('heading', { name: 'Review changes' })).toBeVisible();
    ipc.sandbox.state.createUser({ userName: 'ravi.free', fullName: 'Other Person', emailId: 'o@example.com', phoneNumber: '9000000001', countryCode: '+91' }, 'success');
    await page.getByRole('button', { name: 'Confirm and update' }).click();
    await pw(page.getByRole('heading', { name: 'Edit details' })).toBeVisible();
    await pw(page.getByText(/already taken/)).toBeVisible();
    await pw(page.getByText('This user name is available.')).toHaveCount(0);
    expect(await inputValues(page)).toMatchObject({ userName: 'ravi.free' });
    expect(ipc.sandbox.requestCount(UPDATE_PATH)).toBe(0);
  });

  it('locks the form, Cancel and Sign out while the new user name is being checked', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const holdNameCheck = (send: Transport): Transport => async (req) => {
      if (req.url.endsWith('/user/details') && req.body.includes('ravi.slow')) await gate;
      return send(req);
    };
    ui = await open({ ipc: { wrapTransport: holdNameCheck } });
    const { page } = ui;
    await toEdit(page, 'ravi.kumar');
    await fill(page, { 'User name': 'ravi.slow' });
    await review(page);
    await pw(page.getByRole('button', { name: 'Checking…' })).toBeDisabled();
    await pw(page.getByRole('button', { name: 'Cancel and start over' })).toBeDisabled();
    await pw(page.getByRole('button', { name: 'Sign out' })).toBeDisabled();
    await pw(page.getByLabel('Full name', { exact: true })).toBeDisabled();
    release();
    await pw(page.getByRole('heading', { name: 'Review changes' })).toBeVisible();
    await pw(page.getByRole('button', { name: 'Sign out' })).toBeEnabled();
  });

  it('says so, and offers to try again, when the screens after the unlock cannot be loaded', async () => {
    const chunk = /\/assets\/staff-screens-[^/]*\.js$/;
    ui = await open({ beforeGoto: async (page) => void (await page.route(chunk, (route) => route.abort())) });
    const { page } = ui;
    // The vendor sign-in is one of them.
    await pw(page.getByText('The kiosk could not start. Call branch IT.')).toBeVisible();
    await page.unroute(chunk);
    await page.getByRole('button', { name: 'Try again' }).click();
    await signIn(page);
    await pw(page.getByRole('heading', { name: 'Find customer' })).toBeVisible();
  });

  it('tells staff when the audit line could not be written', async () => {
    ui = await open({ ipc: { audit: failingAudit() } });
    const { page } = ui;
    await toEdit(page, 'ravi.kumar');
    await fill(page, { 'Full name': 'Ravi K' });
    await review(page);
    await page.getByRole('button', { name: 'Confirm and update' }).click();
    await pw(page.getByText('The customer’s details were updated.')).toBeVisible();
    await pw(page.getByText('The audit record of this update could not be written. Tell branch IT.').first()).toBeVisible();
    await page.getByRole('button', { name: 'I have told IT' }).click();
    await pw(page.getByRole('button', { name: 'I have told IT' })).toHaveCount(0);
  });
});
