import { chromium, type Browser } from 'playwright-core';

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
