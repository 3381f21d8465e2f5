import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseURL, launchBrowser } from './browser';

const ADMIN_EMAIL = 'admin@civicdesk.test';
const DEMO_PASSWORD = 'civicdesk-demo';
// The demo sign-ins the product brief promises.
const DEMO_EMAILS = [
  'admin@civicdesk.test',
  'manager@civicdesk.test',
  'tech@civicdesk.test',
  'employee@civicdesk.test',
  'officer@civicdesk.test',
];

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

beforeEach(async () => {
  context = await browser.newContext({ baseURL });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
});

afterEach(async () => {
  await context.close();
});

async function signIn(email: string, password: string): Promise<void> {
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('signing in', () => {
  it('takes an admin from / through sign-in to the admin screens and back out', async () => {
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/sign-in');

    await signIn(ADMIN_EMAIL, DEMO_PASSWORD);

    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Users' }).waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Dashboard',
      'Queue',
      'Maintenance',
      'Maintenance plans',
      'Users',
      'Departments',
      'Queues',
      'Categories',
      'Assets',
      'Calendars',
      'SLA policies',
      'Rates',
      'History import',
      'Settings',
      'Audit log',
    ]);
    const me = (await (await page.request.get('/api/auth/me')).json()) as { name: string; role: string };
    expect(me.role).toBe('admin');
    const accountMenu = page.getByRole('button', { name: `Account menu for ${me.name}` });
    await accountMenu.getByText(me.name, { exact: true }).waitFor();

    await nav.getByRole('link', { name: 'Users' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/users');
    const table = page.getByRole('table', { name: 'Users' });
    await table.getByRole('cell', { name: ADMIN_EMAIL, exact: true }).waitFor();
    // The demo city has some 300 people: find each demo sign-in by searching.
    const search = page.getByRole('textbox', { name: 'Search' });
    for (const email of DEMO_EMAILS) {
      await search.fill(email);
      await table.getByRole('cell', { name: email, exact: true }).waitFor();
    }

    await accountMenu.click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect((await page.request.get('/api/auth/me')).status()).toBe(401);
  });

  it('shows an error for a wrong password and stays on sign-in', async () => {
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/sign-in');

    await signIn(ADMIN_EMAIL, 'not-the-password');

    const alert = page.getByRole('alert').filter({ hasText: 'Could not sign in' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/\S/);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect((await page.request.get('/api/auth/me')).status()).toBe(401);
  });

  it('opens a bookmarked page after signing in', async () => {
    // The server must answer app paths with the app itself, not only "/".
    await page.goto('/admin/departments');
    await page.waitForURL((url) => url.pathname === '/sign-in');

    await signIn(ADMIN_EMAIL, DEMO_PASSWORD);

    await page.getByRole('heading', { name: 'Departments' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/departments');
  });
});
