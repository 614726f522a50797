import { expect, type Page } from '@playwright/test';
import { DEMO_CUSTOMER } from '../../domain/demo-account';

// Staff actions in the UI, by what staff see: labels, button names, headings.

export async function signIn(page: Page, password: string = DEMO_CUSTOMER.password): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function findCustomer(page: Page, userName: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Find customer' })).toBeVisible();
  await page.getByLabel('Customer user name').fill(userName);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
}

export async function toEdit(page: Page, userName: string): Promise<void> {
  await signIn(page);
  await findCustomer(page, userName);
  await expect(page.getByRole('heading', { name: 'Edit details' })).toBeVisible();
}

export async function fill(page: Page, values: Partial<Record<'User name' | 'Full name' | 'E-mail address' | 'Phone number', string>>): Promise<void> {
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value);
}

/** Says how the customer's identity was checked (Aadhaar unless told), as staff do before any change. */
export async function checkIdentity(page: Page, document = 'Aadhaar'): Promise<void> {
  await page.getByRole('radio', { name: document, exact: true }).check();
}

/** Reviews the edit; the identity check is made first when staff have not made it yet. */
export async function review(page: Page): Promise<void> {
  const radios = page.getByRole('group', { name: /How did you check/ }).getByRole('radio');
  if ((await radios.count()) > 0 && !(await page.locator('input[name="idCheck"]:checked').count())) await checkIdentity(page);
  await page.getByRole('button', { name: 'Review changes' }).click();
}

export async function inputValues(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('input')].map((i) => [i.name, i.value])));
}
