import AxeBuilder from '@axe-core/playwright';
import { expect as pw, type Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../domain/demo-account';
import { uiSuite, type UiSession } from '../helpers/ui-harness';
import { checkIdentity, fill, findCustomer, signIn } from './ui-steps';

// Staff identity in the UI over the real main-process handlers: the kiosk starts locked, each
// staff member unlocks as themselves (PIN pad or keyboard), operators cannot sign the kiosk in,
// wrong PINs lock the id, Lock and the idle limit lock the kiosk and wipe the customer, and every
// change's audit line names who made it and how the customer was checked.

const open = uiSuite();
let ui: UiSession | null = null;
const pinOf = (staffId: string): string => DEMO_STAFF.find((s) => s.staffId === staffId)?.pin ?? '';

async function unlockWithPad(page: Page, staffId: string, pin: string): Promise<void> {
  await pw(page.getByRole('heading', { name: 'Unlock the kiosk' })).toBeVisible();
  await page.getByLabel('Staff id').fill(staffId);
  for (const digit of pin) await page.getByRole('group', { name: 'Number pad' }).getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Unlock' }).click();
}

describe('unlock, lock and accountability', () => {
  it('starts locked; an operator unlocks with the PIN pad but cannot sign the kiosk in; a supervisor can; the change is audited with both', async () => {
    ui = await open({ ipc: { staff: null } });
    const { page, ipc } = ui;
    await pw(page.getByRole('heading', { name: 'Unlock the kiosk' })).toBeVisible();
    await pw(page.getByLabel('Staff id')).toBeFocused();
    // The sandbox shows its demo staff.
    await pw(page.getByText(/Sandbox staff: demo\.operator/)).toBeVisible();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await unlockWithPad(page, 'demo.operator', pinOf('demo.operator'));
    await pw(page.getByRole('heading', { name: 'The kiosk is not signed in' })).toBeVisible();
    await pw(page.getByText('Asha Verma (demo operator) (operator)')).toBeVisible();
    // The PIN is nowhere on the page.
    expect(await page.content()).not.toContain(pinOf('demo.operator'));
    await page.getByRole('button', { name: 'Lock for a supervisor' }).click();

    await unlockWithPad(page, 'demo.supervisor', pinOf('demo.supervisor'));
    await signIn(page);
    await findCustomer(page, 'ravi.kumar');
    await fill(page, { 'Full name': 'Ravi K Kumar' });
    // No review before the identity check.
    await page.getByRole('button', { name: 'Review changes' }).click();
    await pw(page.getByText('Say how you checked the customer’s identity before changing anything.')).toBeVisible();
    await checkIdentity(page, 'PAN card');
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByRole('button', { name: 'Confirm and update' }).click();
    await pw(page.getByText('The customer’s details were updated.')).toBeVisible();
    expect(await ipc.changes(1)).toMatchObject([{ userNameBefore: 'ravi.kumar', outcome: 'applied', staffId: 'demo.supervisor', idCheck: 'pan' }]);
    const { entries } = await ipc.audit.tail(20);
    expect(entries.filter((e) => 'kind' in e).map((e) => [e.staffId, e.outcome])).toEqual([
      ['demo.operator', 'unlocked'],
      ['demo.operator', 'locked'],
      ['demo.supervisor', 'unlocked'],
    ]);
  });

  it('says a wrong PIN; five in a row lock the id for 15 minutes, even with the right PIN after', async () => {
    ui = await open({ ipc: { staff: null } });
    const { page, ipc } = ui;
    for (let i = 0; i < 4; i++) {
      await unlockWithPad(page, 'demo.operator', '111111');
      await pw(page.getByText('The staff id or PIN is not right.')).toBeVisible();
    }
    await unlockWithPad(page, 'demo.operator', '111111');
    await pw(page.getByText(/this staff id is locked for 15 more minutes/)).toBeVisible();
    await unlockWithPad(page, 'demo.operator', pinOf('demo.operator'));
    await pw(page.getByText(/this staff id is locked for 1\d more minutes/)).toBeVisible();
    await pw(page.getByRole('heading', { name: 'Unlock the kiosk' })).toBeVisible();
    // Another id is not affected.
    await unlockWithPad(page, 'demo.supervisor', pinOf('demo.supervisor'));
    await pw(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
    const { entries } = await ipc.audit.tail(20);
    const outcomes = entries.filter((e) => 'kind' in e && e.staffId === 'demo.operator').map((e) => e.outcome);
    expect(outcomes).toEqual(['unlock-refused', 'unlock-refused', 'unlock-refused', 'unlock-refused', 'locked-out', 'unlock-while-locked-out']);
    expect(JSON.stringify(entries)).not.toContain('111111');
  });

  it('Lock wipes the customer on screen and in main; the next staff member starts from nothing', async () => {
    ui = await open();
    const { page, ipc } = ui;
    await signIn(page);
    await findCustomer(page, 'ravi.kumar');
    await fill(page, { 'E-mail address': 'ravi.typed@example.com' });
    await page.getByRole('button', { name: 'Lock' }).click();
    await pw(page.getByRole('heading', { name: 'Unlock the kiosk' })).toBeVisible();
    expect(await page.content()).not.toMatch(/ravi/i);
    expect(ipc.journal.size()).toBe(0);
    expect(ipc.staff.current()).toBeNull();
    // Main refuses customer requests while locked, whatever the page does (IPC tests: access policy).
    expect(() => ipc.staff.require()).toThrow(/locked/);
    await unlockWithPad(page, 'demo.operator2', pinOf('demo.operator2'));
    await pw(page.getByRole('heading', { name: 'Find customer' })).toBeVisible();
    await pw(page.getByLabel('Customer user name')).toHaveValue('');
  });

  it('four eyes: an operator’s phone change waits for another staff member’s supervisor approval on screen; the audit line names both', async () => {
    ui = await open({ ipc: { staff: null, config: { approvalRequired: ['emailId', 'phoneNumber', 'face'] } } });
    const { page, ipc } = ui;
    // A supervisor signs the kiosk in, and locks it; the vendor sign-in stays for the operator.
    await unlockWithPad(page, 'demo.supervisor', pinOf('demo.supervisor'));
    await signIn(page);
    await page.getByRole('button', { name: 'Lock' }).click();
    await unlockWithPad(page, 'demo.operator', pinOf('demo.operator'));
    await findCustomer(page, 'ravi.kumar');
    await checkIdentity(page, 'Voter ID');
    await fill(page, { 'Phone number': '+91 91234 56780' });
    await page.getByRole('button', { name: 'Review changes' }).click();
    await pw(page.getByRole('heading', { name: 'Supervisor approval needed' })).toBeVisible();
    await pw(page.getByRole('button', { name: 'Confirm and update' })).toBeDisabled();
    // Not the operator's own id; a wrong PIN is said.
    await page.getByLabel('Supervisor staff id').fill('demo.operator');
    await page.getByLabel('Supervisor PIN').fill(pinOf('demo.operator'));
    await page.getByRole('button', { name: 'Approve' }).click();
    await pw(page.getByText('You cannot approve your own change: ask another supervisor.')).toBeVisible();
    await page.getByLabel('Supervisor staff id').fill('demo.supervisor');
    await page.getByLabel('Supervisor PIN').fill('000000');
    await page.getByRole('button', { name: 'Approve' }).click();
    await pw(page.getByText('The supervisor id or PIN is not right.')).toBeVisible();
    await page.getByLabel('Supervisor PIN').fill(pinOf('demo.supervisor'));
    await page.getByRole('button', { name: 'Approve' }).click();
    await pw(page.getByText('Approved by demo.supervisor. Confirm within two minutes.')).toBeVisible();
    expect(await page.content()).not.toContain(pinOf('demo.supervisor'));
    await page.getByRole('button', { name: 'Confirm and update' }).click();
    await pw(page.getByText('The customer’s details were updated.')).toBeVisible();
    expect(await ipc.changes(1)).toMatchObject([{ outcome: 'applied', staffId: 'demo.operator', approvedBy: 'demo.supervisor', idCheck: 'voter-id', changedFields: ['phoneNumber'] }]);
  });

  it('locks after staffLockSeconds without input, after the customer wipe', async () => {
    ui = await open({ beforeGoto: (page) => page.clock.install() });
    const { page } = ui;
    await signIn(page);
    await findCustomer(page, 'ravi.kumar');
    await page.clock.runFor(150_000);
    // The customer went at idleTimeoutSeconds (120 s, plus the 20 s warning); the staff member is still there.
    await pw(page.getByRole('heading', { name: 'Find customer' })).toBeVisible();
    await page.clock.runFor(160_000);
    await pw(page.getByRole('heading', { name: 'Unlock the kiosk' })).toBeVisible();
  });
});
