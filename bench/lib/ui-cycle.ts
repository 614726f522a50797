import type { Page } from '@playwright/test';
import { DEMO_CUSTOMER } from '../../domain/demo-account';

// Staff steps for the benchmark, by what staff see (the same labels the UI tests use). Each
// waits for the screen it leads to, so a broken flow fails the run instead of timing nothing.

export async function signIn(page: Page): Promise<void> {
  await page.getByLabel('Password').fill(DEMO_CUSTOMER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Find customer' }).waitFor();
}

/** One complete update: find → identity checked, full name edited → review → confirm → result → done. */
export async function updateCycle(page: Page, userName: string, fullName: string): Promise<void> {
  await page.getByLabel('Customer user name').fill(userName);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await page.getByRole('heading', { name: 'Edit details' }).waitFor();
  await page.getByLabel('Full name', { exact: true }).fill(fullName);
  await page.getByRole('radio', { name: 'Aadhaar', exact: true }).check();
  await page.getByRole('button', { name: 'Review changes' }).click();
  await page.getByRole('heading', { name: 'Review changes' }).waitFor();
  await page.getByRole('button', { name: 'Confirm and update' }).click();
  await page.getByText('The customer’s details were updated.').waitFor();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('heading', { name: 'Find customer' }).waitFor();
}
