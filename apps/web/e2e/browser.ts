import { chromium, type Browser, type Page } from 'playwright-core';

function startedCivicDesk(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run through `npm run test:e2e`, whose global setup starts CivicDesk');
  return url;
}

/** Where global setup started CivicDesk. */
export const baseURL = startedCivicDesk();

/** Debian's Chromium, headless, without the background traffic a test does not need. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Every demo sign-in's password (demo data only). */
export const DEMO_PASSWORD = 'civicdesk-demo';

/** A fresh browser session (its own cookies) signed in as `email`, on the page CivicDesk opens after sign-in. */
export async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto('/');
  await page.waitForURL((url) => url.pathname === '/sign-in');
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  return page;
}
