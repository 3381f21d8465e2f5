import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signedIn } from './browser';

const TECH = 'tech@civicdesk.test';
const MINUTES = 95;
const NOTE = 'Checked every item on the list (e2e)';

interface CalendarItem {
  number: string | null;
  title: string;
  status: string | null;
  projected: boolean;
  dueAt: string;
  assignee: { id: string } | null;
}

interface TicketCosts {
  labourMinutes: number;
  labourCostCents: number;
  totalCents: number;
  workLogs: { minutes: number; rateCents: number; costCents: number; note: string; user: { name: string } }[];
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

/** "$1,234.56", as the ticket page writes cents. */
const dollars = (cents: number) => `$${Math.floor(cents / 100).toLocaleString('en-US')}.${String(cents % 100).padStart(2, '0')}`;

/** Months since year 0, to count the clicks from this month to another. */
const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7));

describe('preventive maintenance, from the calendar to the cost on the ticket', () => {
  it('lets a technician open a generated task from the calendar, log time, resolve it, and see its cost', async () => {
    // The demo's plans leave their next tasks open, made ahead of their due dates by the lead time.
    const me = await apiJson<{ id: string }>('/api/auth/me');
    const today = new Date();
    const from = new Date(today.getTime() - 31 * 86_400_000).toISOString();
    const to = new Date(today.getTime() + 62 * 86_400_000).toISOString();
    const { items } = await apiJson<{ items: CalendarItem[] }>(
      `/api/maintenance/calendar?from=${from}&to=${to}&assigneeId=${me.id}`,
    );
    const task = items
      .filter((item) => !item.projected && item.number && item.status !== 'resolved' && item.status !== 'closed')
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
    if (!task?.number) throw new Error('The demo city has no open maintenance task for the technician');
    const number = task.number;

    // The technician opens the calendar from the navigation, lists their own work, and finds the task's month.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Maintenance' }).click();
    await page.waitForURL((url) => url.pathname === '/maintenance');
    await page.getByRole('heading', { name: 'Maintenance calendar' }).waitFor();
    // (Mantine draws its own radios over visually hidden inputs: people click the label, or use the keyboard.)
    // Each change is made once the page shows the last one: filters are read from the address as rendered.
    await page.locator('label', { hasText: /^List$/ }).click();
    await page.getByRole('radio', { name: 'List', checked: true }).waitFor({ state: 'attached' });
    await page.getByRole('switch', { name: 'Only my work' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('switch', { name: 'Only my work', checked: true }).waitFor({ state: 'attached' });
    await page.waitForURL((url) => url.searchParams.get('view') === 'list' && url.searchParams.get('mine') === '1');
    const months = monthIndex(task.dueAt) - monthIndex(new Date().toISOString());
    for (let step = 0; step < Math.abs(months); step++) {
      await page.getByRole('button', { name: months > 0 ? 'Next month' : 'Previous month' }).click();
    }
    if (months !== 0) await page.waitForURL((url) => url.searchParams.get('month') === task.dueAt.slice(0, 7));
    const entry = page.getByRole('link', { name: new RegExp(`^${number} `) });
    await entry.waitFor();
    expect(await entry.textContent()).toContain(task.title);
    await entry.click();
    await page.waitForURL((url) => url.pathname === `/tickets/${number}`);
    await page.getByRole('heading', { name: task.title }).waitFor();

    // Nothing is logged on it yet.
    const totals = page.getByLabel('Cost totals');
    await totals.waitFor();
    expect(await totals.textContent()).toContain('Total$0.00');

    // Log the time worked.
    await page.getByRole('button', { name: 'Log time' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log time' });
    await dialog.getByRole('textbox', { name: /^Minutes/ }).fill(String(MINUTES));
    await dialog.getByRole('textbox', { name: /^Note/ }).fill(NOTE);
    await dialog.getByRole('button', { name: 'Log time' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('table', { name: 'Work logs' }).getByRole('row').filter({ hasText: NOTE }).waitFor();

    // Complete the task.
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Resolved' }).click();
    await page.getByRole('combobox', { name: 'Status' }).and(page.locator('[value="Resolved"]')).waitFor();

    // The cost is the technician's rate on the day times the time, and the page shows it.
    const costs = await apiJson<TicketCosts>(`/api/tickets/${number}/costs`);
    expect(costs.labourMinutes).toBe(MINUTES);
    const [log] = costs.workLogs;
    expect(costs.workLogs).toHaveLength(1);
    expect(log?.rateCents).toBeGreaterThan(0);
    expect(log?.costCents).toBe(Math.round(((log?.rateCents ?? 0) * MINUTES) / 60));
    expect(costs.totalCents).toBe(costs.labourCostCents);
    expect(costs.labourCostCents).toBe(log?.costCents);
    await page.getByLabel('Cost totals').getByText(dollars(costs.totalCents)).first().waitFor();
    const shown = (await totals.textContent()) ?? '';
    expect(shown).toContain('Labour time1 h 35 min');
    expect(shown).toContain(`Total${dollars(costs.totalCents)}`);

    // Back on the calendar, the task shows as done.
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/maintenance');
    await page.getByRole('listitem').filter({ has: entry }).filter({ hasText: 'Resolved' }).waitFor();
  });
});
