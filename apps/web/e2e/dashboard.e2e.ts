import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, signedIn } from './browser';

const MANAGER = 'manager@civicdesk.test';
const SPEND = 'Spend by work class';
const SPEND_TABLE = 'Spend per period by work class, in dollars';
const VOLUME = 'Tickets created, resolved and open';
/** The seven report panels of the dashboard. */
const PANELS = 7;
/** Their charts: four panels draw two each. */
const FIGURES = 11;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await signedIn(browser, MANAGER);
});

afterAll(async () => {
  await page.context().close();
  await browser.close();
});

/** The little of the page the page-side functions below read (this project's e2e code has no DOM types). */
interface PageElement {
  textContent: string | null;
  click(): void;
  getBoundingClientRect(): { top: number; width: number };
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}
interface PageGlobals {
  document: PageElement;
  innerHeight: number;
  requestAnimationFrame(callback: () => void): number;
}

/**
 * Resolves, with the page's clock (ms since navigation start), once every report panel shows its
 * report (no panel loading, every figure and its summary there) and each chart in view is drawn.
 */
async function dashboardRendered(): Promise<number> {
  const handle = await page.waitForFunction(
    ({ panels, figures }) => {
      const { document, innerHeight } = globalThis as unknown as PageGlobals;
      const figs = Array.from(document.querySelectorAll('main figure [role="img"]'));
      const ready =
        document.querySelectorAll('main section').length >= panels &&
        document.querySelectorAll('main [aria-busy="true"]').length === 0 &&
        figs.length === figures &&
        figs.every((fig) => fig.getBoundingClientRect().top > innerHeight || fig.querySelector('svg.recharts-surface') !== null);
      return ready ? performance.now() : false;
    },
    { panels: PANELS, figures: FIGURES },
    { timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

function panel(title: string): Locator {
  return page.getByRole('region', { name: title });
}

/** Shows a panel's table. */
async function showTable(title: string): Promise<void> {
  await panel(title).getByRole('button', { name: 'Table', exact: true }).click();
}

/** "$1,234" → 1234. */
const dollars = (text: string) => Number(text.replace(/[$,]/g, ''));

/** The spend table's rows: period and total. */
async function spendTotals(): Promise<{ period: string; total: number }[]> {
  const rows = panel(SPEND).getByRole('table', { name: SPEND_TABLE }).locator('tbody tr');
  const cells = await rows.evaluateAll((trs: { cells: ArrayLike<{ textContent: string | null }> }[]) =>
    trs.map((tr) => Array.from(tr.cells, (cell) => cell.textContent ?? '')),
  );
  return cells.map((row) => ({ period: row[0] ?? '', total: dollars(row[4] ?? '') }));
}

/**
 * Resolves when the spend report answers a request that `matches`. The page asks for the reports
 * once it has drawn itself for the new filters (a transition, after the address changes).
 */
function spendAnswered(matches: (url: URL) => boolean): Promise<unknown> {
  return page.waitForResponse((response) => {
    const url = new URL(response.url());
    return url.pathname === '/api/reports/spend' && matches(url);
  });
}

/** Waits until no report is loading (panels keep their last figures, marked busy, while the next load). */
async function reportsLoaded(): Promise<void> {
  await page.locator('main [aria-busy="true"]').first().waitFor({ state: 'detached' });
}

/** The ticket volume chart's summary, which its figure also carries as its accessible description. */
const volumeSummary = () => panel(VOLUME).locator('figcaption').first();

describe('the manager’s dashboard with the demo city', () => {
  it('renders every report on one screen, and says how long that took', async () => {
    // The first visit after start (the database's caches cold), then the same page again.
    await page.goto('/dashboard');
    const firstVisit = await dashboardRendered();
    await page.reload();
    const renderedAt = await dashboardRendered();
    const navigation = await page.evaluate(() => {
      // (Node's types, which this code is checked against, know no navigation entries.)
      const entries = (performance.getEntriesByType as (type: string) => unknown[])('navigation');
      const entry = entries[0] as { responseEnd: number; domContentLoadedEventEnd: number } | undefined;
      return { responseEnd: entry?.responseEnd ?? 0, domContentLoaded: entry?.domContentLoadedEventEnd ?? 0 };
    });
    // Interactive: from a click on a panel's table switch to the table in the page, timed in the page.
    const switchMs = await panel(SPEND).evaluate(async (section: PageElement) => {
      const { requestAnimationFrame } = globalThis as unknown as PageGlobals;
      const button = Array.from(section.querySelectorAll('button')).find((element) => element.textContent === 'Table');
      const start = performance.now();
      button?.click();
      await new Promise<void>((resolve) => {
        const check = () => (section.querySelector('table') ? resolve() : requestAnimationFrame(check));
        check();
      });
      return performance.now() - start;
    });
    await panel(SPEND).getByRole('table', { name: SPEND_TABLE }).waitFor();
    console.log(
      `Dashboard with the demo city (Chromium, this machine): every panel rendered ${Math.round(renderedAt)} ms after navigation start ` +
        `(HTML ${Math.round(navigation.responseEnd)} ms, DOMContentLoaded ${Math.round(navigation.domContentLoaded)} ms); ` +
        `${Math.round(firstVisit)} ms on the first visit after start; chart → table switch ${Math.round(switchMs)} ms after the click.`,
    );

    for (const title of [
      SPEND,
      'Response and resolution times',
      'SLA compliance by priority',
      VOLUME,
      'Top departments and categories by reactive cost',
      'Does prevention pay?',
      'Asset refresh forecast',
    ]) {
      await expect(panel(title).count()).resolves.toBe(1);
    }
    // No report failed.
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    // The demo city has twelve months of spend in the default range, one row a month, none of them empty.
    const totals = await spendTotals();
    expect(totals).toHaveLength(12);
    expect(totals.every((row) => row.total > 0)).toBe(true);
  });

  it('follows a narrower range and a department, keeping both in the address', async () => {
    await page.goto('/dashboard');
    await dashboardRendered();
    await showTable(SPEND);
    const cityYear = await spendTotals();
    const to = await page.getByLabel('To', { exact: true }).inputValue();

    // The last three months: the same figures for those months, and only those.
    const [year, month] = to.split('-').map(Number) as [number, number];
    const start = new Date(Date.UTC(year, month - 3, 1)).toISOString().slice(0, 10);
    await Promise.all([
      spendAnswered((url) => url.searchParams.get('from') === start && !url.searchParams.has('departmentId')),
      page.getByLabel('From', { exact: true }).fill(start),
    ]);
    await reportsLoaded();
    expect(new URL(page.url()).searchParams.get('from')).toBe(start);
    const cityQuarter = await spendTotals();
    expect(cityQuarter).toEqual(cityYear.slice(-3));
    const citySummary = await volumeSummary().textContent();
    expect(await volumeSummary().getAttribute('id')).toBe(
      await panel(VOLUME).getByRole('img').first().getAttribute('aria-describedby'),
    );

    // One department: its spend is part of the city's, month by month, and less in all.
    await page.getByRole('combobox', { name: 'Department' }).click();
    await Promise.all([
      spendAnswered((url) => url.searchParams.get('from') === start && url.searchParams.has('departmentId')),
      page.getByRole('option', { name: 'Police', exact: true }).click(),
    ]);
    await reportsLoaded();
    const address = new URL(page.url()).searchParams;
    expect(address.get('from')).toBe(start);
    expect(address.get('department')).toMatch(/^[0-9a-f-]{36}$/);
    // The charts follow: the ticket volume chart's description now speaks of the department's tickets.
    expect(await volumeSummary().textContent()).not.toBe(citySummary);
    const police = await spendTotals();
    expect(police.map((row) => row.period)).toEqual(cityQuarter.map((row) => row.period));
    police.forEach((row, index) => expect(row.total).toBeLessThanOrEqual(cityQuarter[index]!.total));
    const sum = (rows: { total: number }[]) => rows.reduce((total, row) => total + row.total, 0);
    expect(sum(police)).toBeGreaterThan(0);
    expect(sum(police)).toBeLessThan(sum(cityQuarter));
    await expect(page.getByRole('combobox', { name: 'Department' }).inputValue()).resolves.toBe('Police');
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
  });

  it('downloads the spend table as CSV for the same filters', async () => {
    // Where the last test left the page: the last three months of one department, as a table.
    const url = new URL(page.url());
    expect(url.searchParams.get('department')).not.toBeNull();
    const shown = await spendTotals();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel(SPEND)
        .getByRole('link', { name: `Download CSV: by work class, ${SPEND}` })
        .click(),
    ]);
    const downloaded = new URL(download.url());
    expect(downloaded.pathname).toBe('/api/reports/spend');
    expect(downloaded.searchParams.get('format')).toBe('csv');
    expect(downloaded.searchParams.get('departmentId')).toBe(url.searchParams.get('department'));
    expect(downloaded.searchParams.get('from')).toBe(url.searchParams.get('from'));
    expect(download.suggestedFilename()).toMatch(/^civicdesk-spend-.*\.csv$/);

    const path = await download.path();
    const lines = (await readFile(path, 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('period,periodStart,work_class,labourMinutes,labourCents,expenseCents,totalCents');
    const rows = lines.slice(1).map((line) => line.split(','));
    // One row per month and work class.
    expect(rows).toHaveLength(shown.length * 3);
    // The rows add up to the totals on screen (whole dollars there).
    const byPeriod = new Map<string, number>();
    for (const row of rows) byPeriod.set(row[0]!, (byPeriod.get(row[0]!) ?? 0) + Number(row[6]));
    expect([...byPeriod.values()].map((cents) => Math.round(cents / 100))).toEqual(shown.map((row) => row.total));
  });

  it('prints the monthly report for the council as a clean A4 or Letter document', async () => {
    await page.goto('/dashboard/report');
    await page.getByRole('heading', { level: 1, name: /^IT services report: / }).waitFor();
    await page.waitForFunction(
      (figures) => {
        const { document } = globalThis as unknown as PageGlobals;
        return (
          document.querySelectorAll('main [aria-busy="true"]').length === 0 &&
          document.querySelectorAll('main figure svg.recharts-surface').length >= figures
        );
      },
      FIGURES,
      { timeout: 30_000 },
    );
    // On paper: the sections, their charts and tables; no navigation, header or buttons.
    await page.setViewportSize({ width: 703, height: 1000 }); // A4 inside 12 mm margins, at 96 px/in
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main navigation' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('table').first().isVisible()).resolves.toBe(true);
    const widest = await page.evaluate(() => {
      const { document } = globalThis as unknown as PageGlobals;
      return Math.max(
        ...Array.from(
          document.querySelectorAll('main svg.recharts-surface, main table'),
          (el) => el.getBoundingClientRect().width,
        ),
      );
    });
    expect(widest).toBeLessThanOrEqual(703);

    const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    const a4 = await page.pdf({ format: 'A4', printBackground: true });
    const letter = await page.pdf({ format: 'Letter', printBackground: true });
    console.log(`Monthly report as PDF: ${pageCount(a4)} A4 pages (${a4.length} bytes), ${pageCount(letter)} Letter pages.`);
    // The title and the month at a glance, then each of the seven sections from a new page.
    for (const pdf of [a4, letter]) {
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pageCount(pdf)).toBeGreaterThanOrEqual(1 + PANELS);
      expect(pageCount(pdf)).toBeLessThanOrEqual(3 * (1 + PANELS));
    }
  });
});
