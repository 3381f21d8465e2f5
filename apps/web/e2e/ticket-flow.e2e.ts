import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchBrowser, signedIn } from './browser';

const EMPLOYEE = 'employee@civicdesk.test';
const TECH = 'tech@civicdesk.test';
const INTERNAL_NOTE = 'INTERNAL-ONLY-NOTE';
const PUBLIC_REPLY = 'We replaced the toner; please try printing again.';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

describe('a ticket from Get help to a technician’s reply', () => {
  it('is filed by an employee, taken and answered by a technician, and the employee never sees the internal note', async () => {
    const title = `Printer on floor 2 prints blank pages (e2e ${Date.now()})`;

    // The employee starts on Get help and files the ticket in plain words.
    const employee = await signedIn(browser, EMPLOYEE);
    await employee.waitForURL((url) => url.pathname === '/help');
    await employee.getByLabel(/^What’s wrong\?/).fill(title);
    await employee.getByRole('textbox', { name: /^Details/ }).fill('Every page comes out blank since this morning.');
    await employee.getByRole('radio', { name: 'Several people' }).check();
    await employee.getByRole('radio', { name: 'I can work, but badly' }).check();
    await employee.getByRole('button', { name: 'Send to IT' }).click();
    await employee.waitForURL((url) => /^\/tickets\/INC-\d{6}$/.test(url.pathname));
    const number = decodeURIComponent(new URL(employee.url()).pathname.split('/').pop() ?? '');
    await employee.getByRole('heading', { name: title }).waitFor();

    // The technician finds it in the queue among the unassigned tickets of their queues.
    const tech = await signedIn(browser, TECH);
    await tech.waitForURL((url) => url.pathname === '/queue');
    await tech.getByRole('tab', { name: /^Unassigned in my queues/ }).click();
    await tech.getByRole('textbox', { name: 'Search' }).fill(number);
    const row = tech.getByRole('table', { name: 'Tickets' }).getByRole('row').filter({ hasText: number });
    await row.getByRole('link', { name: title }).click();
    await tech.waitForURL((url) => url.pathname === `/tickets/${number}`);
    // A ticket opened from the queue is not "My tickets": no link claims it.
    const techNav = tech.getByRole('navigation', { name: 'Main navigation' });
    expect(await techNav.getByRole('link', { name: 'My tickets' }).getAttribute('data-active')).toBeNull();

    await tech.getByRole('button', { name: 'Take' }).click();
    await tech.getByText('Assigned to you').waitFor();

    await tech.getByText('Internal note', { exact: true }).click();
    await tech.getByRole('textbox', { name: /^Internal note/ }).fill(INTERNAL_NOTE);
    await tech.getByRole('button', { name: 'Add internal note' }).click();
    const note = tech.getByRole('listitem').filter({ hasText: INTERNAL_NOTE });
    await note.waitFor();
    expect(await note.textContent()).toContain('Internal — not visible to the requester');

    await tech.getByText('Public reply', { exact: true }).click();
    await tech.getByRole('textbox', { name: /^Reply to the requester/ }).fill(PUBLIC_REPLY);
    await tech.getByRole('button', { name: 'Send reply' }).click();
    await tech.getByRole('listitem').filter({ hasText: PUBLIC_REPLY }).waitFor();

    // The employee sees the reply and the assignment, and nothing of the internal note.
    await employee.goto(`/tickets/${number}`);
    await employee.getByRole('listitem').filter({ hasText: PUBLIC_REPLY }).waitFor();
    expect(await employee.getByLabel('Ticket details').textContent()).toContain('Taylor Tech');
    expect(await employee.content()).not.toContain(INTERNAL_NOTE);
    const comments = await (await employee.request.get(`/api/tickets/${number}/comments`)).text();
    expect(comments).not.toContain(INTERNAL_NOTE);
  });
});
