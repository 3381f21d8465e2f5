import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, signedIn } from './browser';

const TECH = 'tech@civicdesk.test';

/** The demo's overdue levels fire about a second after start; the bell asks every 30 s. */
const ESCALATIONS_WITHIN_MS = 75_000;

const STATE_WORDS = { on_time: 'On time', at_risk: 'At risk', breached: 'Breached', paused: 'Paused', met: 'Met' } as const;
/** "Breached · overdue by 6 d 5 h", "At risk · due in 3 h", "Paused", or "No due time" when no policy applies. */
const CHIP_TEXT = /^(On time|At risk|Breached|Paused|Met)( · (due in|overdue by) \S.*)?$|^No due time$/;

interface TicketSummary {
  dueAt: string | null;
  sla: { state: keyof typeof STATE_WORDS | 'none' };
}

interface SlaTimeline {
  policy: { name: string; version: number } | null;
  escalations: { level: number; firedAt: string | null }[];
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await signedIn(browser, TECH);
});

afterAll(async () => {
  await page.context().close();
  await browser.close();
});

async function apiJson<T>(path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

/** The little of the DOM the page-side function below uses (this project's e2e code has no DOM types). */
interface PageElement {
  children: ArrayLike<PageElement>;
  textContent: string | null;
  cloneNode(deep: true): PageElement;
  querySelectorAll(selector: string): ArrayLike<{ remove(): void }>;
}

/** Each row's cells as a screen reader reads them (glyphs marked aria-hidden left out). */
const rowTexts = (rows: Locator): Promise<string[][]> =>
  rows.evaluateAll((trs: PageElement[]) =>
    trs.map((tr) =>
      Array.from(tr.children, (cell) => {
        const copy = cell.cloneNode(true);
        Array.from(copy.querySelectorAll('[aria-hidden="true"]')).forEach((hidden) => hidden.remove());
        return copy.textContent ?? '';
      }),
    ),
  );

describe('SLA escalations, countdowns and the timeline', () => {
  it('tells the technician of an escalation and shows it on the ticket', async () => {
    const bell = page.getByRole('button', { name: /^Notifications, [1-9]\d* unread$/ });
    await bell.waitFor({ timeout: ESCALATIONS_WITHIN_MS });

    await bell.click();
    const dialog = page.getByRole('dialog', { name: 'Notifications' });
    const escalation = dialog
      .getByRole('listitem')
      .filter({ hasText: 'SLA escalation' })
      .filter({ hasText: /(INC|REQ)-\d{6} escalated: level \d/ })
      .first();
    await escalation.waitFor();
    expect(await escalation.textContent()).toContain('New');
    const number = /((?:INC|REQ)-\d{6}) escalated/.exec((await escalation.textContent()) ?? '')?.[1] ?? '';

    await escalation.getByRole('button').click();
    await page.waitForURL((url) => url.pathname === `/tickets/${number}`);

    // The countdown chip beside the number says what the API says, in words.
    const ticket = await apiJson<TicketSummary>(`/api/tickets/${number}`);
    expect(ticket.sla.state).not.toBe('none');
    const header = page.getByText(number, { exact: true }).locator('..');
    const chip = header.getByText(CHIP_TEXT);
    await chip.waitFor();
    const chipText = (await chip.textContent()) ?? '';
    expect(chipText.startsWith(STATE_WORDS[ticket.sla.state as keyof typeof STATE_WORDS])).toBe(true);
    if (ticket.dueAt && ticket.sla.state !== 'paused') expect(chipText).toMatch(/ · (due in|overdue by) /);

    // The SLA timeline names the policy and lists the level that fired, with when.
    const timeline = await apiJson<SlaTimeline>(`/api/tickets/${number}/sla`);
    const panel = page.getByRole('region', { name: 'SLA timeline' });
    await panel.getByRole('table', { name: 'SLA targets' }).waitFor();
    expect(await panel.textContent()).toContain(`Policy ${timeline.policy?.name} (version ${timeline.policy?.version})`);
    const escalations = panel.getByRole('table', { name: 'Escalations' });
    await escalations.waitFor();
    const fired = (await rowTexts(escalations.locator('tbody tr'))).filter(
      ([, , , , , firedAt]) => firedAt !== 'not yet' && !firedAt?.startsWith('no,'),
    );
    expect(fired.length).toBe(timeline.escalations.filter((e) => e.firedAt !== null).length);
    expect(fired.length).toBeGreaterThan(0);
    expect(fired[0]?.[0]).toMatch(/^Level \d$/);

    // Opening it marked it read.
    await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
    const opened = page
      .getByRole('dialog', { name: 'Notifications' })
      .getByRole('listitem')
      .filter({ hasText: `${number} escalated` })
      .first();
    await opened.waitFor();
    expect(await opened.getByText('New', { exact: true }).count()).toBe(0);
    await page.keyboard.press('Escape');
  }, 120_000);

  it('shows every queue row’s countdown chip in words', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Queue' }).click();
    await page.waitForURL((url) => url.pathname === '/queue');
    const table = page.getByRole('table', { name: 'Tickets' });
    await table.getByRole('link').first().waitFor();

    const chips = (await rowTexts(table.locator('tbody tr'))).map(([due]) => due ?? '');
    expect(chips.length).toBeGreaterThan(0);
    for (const chip of chips) expect(chip).toMatch(CHIP_TEXT);
    // The demo places the technician's tickets in every state of the clock.
    const states = new Set(chips.map((chip) => chip.split(' · ')[0]));
    expect([...states]).toEqual(expect.arrayContaining(['On time', 'At risk', 'Breached', 'Paused']));
    expect(chips.some((chip) => chip.startsWith('Breached · overdue by '))).toBe(true);
  });
});
