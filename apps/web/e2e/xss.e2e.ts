import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { appRoutePatterns } from './app-routes';
import { baseURL, DEMO_PASSWORD, launchBrowser } from './browser';
import { MARKER, XSS_CORPUS, type XssPayload } from './xss-corpus';
import { assetImportCsv, historyImportFile } from './xss-imports';
import { seedXssCity, type XssCity, type XssField } from './xss-seed';
import { missingText, XssWatch, type XssFinding } from './xss-watch';

type Who = 'anonymous' | 'requester' | 'technician' | 'manager' | 'admin';

/** One screen as one person sees it. */
interface Screen {
  /** The route pattern of routes.tsx it shows. */
  route: string;
  name: string;
  who: Who;
  path: string;
  /** What the person does there: open a dialog, search, upload a file. */
  then?: (page: Page) => Promise<void>;
  /**
   * Text the screen must show, escaped rather than stripped: payloads and the names of seeded
   * records, or an error page's words. Checks run once it shows all of it.
   */
  shows: string[];
  /** Only this part of the screen counts for `shows` (where a form field also holds the text). */
  within?: string;
}

interface ScreenResult {
  screen: string;
  ms: number;
  /** Milliseconds to load the page, to do what the person does, and until it showed what it must. */
  steps: [number, number, number];
  findings: XssFinding[];
  missing: string[];
  /** A step of the screen that could not be done (a button missing, a wait that timed out), or a page without the CSP. */
  error: string | null;
}

let browser: Browser;
let city: XssCity;
const watch = new XssWatch(new URL(baseURL).origin);
const pages = new Map<Who, Page>();
let seedMs = 0;
/** The latest notifications of the suite's requester and technician, as their bells list them. */
const bellTexts = new Map<Who, string[]>();
let historyImport: ReturnType<typeof historyImportFile>;
let assetImport: ReturnType<typeof assetImportCsv>;

/** The policy every page must come with: scripts from the app's origin only, nothing inline. */
function scriptPolicy(header: string | undefined): string[] | undefined {
  const directive = (header ?? '')
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name === 'script-src');
  return directive?.slice(1);
}

/** A browser session for `who`, instrumented before its first page loads, signed in through the API. */
async function sessionFor(who: Who, credentials: { email: string; password: string } | null): Promise<Page> {
  const context: BrowserContext = await browser.newContext({ baseURL });
  context.setDefaultTimeout(20_000);
  // Whole-app loads on a busy shared CI machine: a navigation may take longer than a click.
  context.setDefaultNavigationTimeout(60_000);
  await watch.instrument(context);
  if (credentials) {
    const signIn = await context.request.post('/api/auth/login', {
      data: { email: credentials.email, password: credentials.password },
      headers: { 'x-civicdesk': '1' },
    });
    expect(signIn.status()).toBe(200);
  }
  const page = await context.newPage();
  pages.set(who, page);
  return page;
}

/** The payloads a field took, as the screens write them. */
function shown(field: XssField, form: (payload: XssPayload) => string = (payload) => payload.text): string[] {
  return city.ledger.acceptedIds(field).map((id) => form(XSS_CORPUS[id - 1]!));
}

/** Addresses are stored in lower case; each got the run's own mail domain, the local part is the payload. */
const emailLocalPart = (payload: XssPayload) => payload.text.toLowerCase().replace(/@xss\.test$/, '');
const lowerCase = (payload: XssPayload) => payload.text.toLowerCase();

/** One payload of each of these families, for the addresses and search boxes that echo what they are given. */
const REFLECTED = (['event handler', 'url scheme', 'attribute breakout', 'polyglot'] as const).map((family) =>
  XSS_CORPUS.find((payload) => payload.family === family)!,
);

async function openBell(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
  await page.getByRole('dialog', { name: 'Notifications' }).getByRole('listitem').first().waitFor();
}

/** `text` as a CSS string: quotes, backslashes and control characters as hex escapes. */
const cssString = (text: string) => `"${text.replace(/["\\]|[^\x20-\uffff]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;

/**
 * Opens a row's dialog (Edit, Members, Holidays…) by its button's label. An attribute selector, as
 * matching accessible names across a table of long payload names is slow on a busy machine.
 */
async function openRowDialog(page: Page, label: string): Promise<void> {
  await page
    .locator(`button[aria-label=${cssString(label)}]`)
    .first()
    .click();
  await page.getByRole('dialog').first().waitFor();
}

/** Picks the first option of a Mantine select. */
async function pickFirst(page: Page, label: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option').first().click();
}

async function search(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Search' }).fill(text);
}

/** Every screen of the app, as each kind of person sees it, with the seeded records on it. */
function screens(): Screen[] {
  const main = city.mainTicket.number;
  const titles = shown('ticket title');
  const holidays = city.calendarWithHolidays;
  return [
    { route: '/sign-in', name: 'Sign in', who: 'anonymous', path: '/sign-in', shows: ['Sign in to the city IT helpdesk'] },
    ...REFLECTED.map((payload) => ({
      route: '*',
      name: `no such page: payload ${payload.id} in the address`,
      who: 'requester' as const,
      path: `/${encodeURIComponent(payload.text)}`,
      shows: ['Page not found'],
    })),

    // The requester.
    {
      route: '/',
      name: 'start (requester): Get help',
      who: 'requester',
      path: '/',
      shows: [city.requester.name, `Devices of ${city.homeDepartmentName}`],
    },
    {
      route: '/help',
      name: 'Get help, categories open',
      who: 'requester',
      path: '/help',
      then: async (page) => {
        await page.getByRole('combobox', { name: 'What is it about?' }).click();
        await page.getByRole('listbox').waitFor();
      },
      shows: shown('category name'),
    },
    { route: '/tickets', name: 'My tickets (requester)', who: 'requester', path: '/tickets', shows: titles },
    {
      route: '/tickets/:number',
      name: 'the worked ticket (requester), bell open',
      who: 'requester',
      path: `/tickets/${main}`,
      then: openBell,
      shows: [
        ...city.descriptions.slice(0, 1).map((description) => description.text),
        ...shown('public reply (staff)'),
        ...shown('reply (requester)'),
        ...bellTexts.get('requester')!,
      ],
    },
    ...city.descriptions.slice(1).map((description) => ({
      route: '/tickets/:number',
      name: `${description.number}, with the longest description (requester)`,
      who: 'requester' as const,
      path: `/tickets/${description.number}`,
      shows: [description.text],
    })),
    ...REFLECTED.map((payload) => ({
      route: '/tickets/:number',
      name: `no such ticket: payload ${payload.id} as the number`,
      who: 'requester' as const,
      path: `/tickets/${encodeURIComponent(payload.text)}`,
      shows: [payload.text],
    })),

    // The technician.
    {
      route: '/queue',
      name: 'Queue: mine, bell open',
      who: 'technician',
      path: '/queue',
      then: openBell,
      shows: [...titles, ...shown('queue name'), ...bellTexts.get('technician')!],
    },
    ...REFLECTED.slice(0, 2).map((payload) => ({
      route: '/queue',
      name: `Queue searched for payload ${payload.id} from the address`,
      who: 'technician' as const,
      path: `/queue?tab=open&q=${encodeURIComponent(payload.text)}&sort=${encodeURIComponent(payload.text)}`,
      shows: [payload.text],
    })),
    {
      route: '/tickets/:number',
      name: 'the worked ticket (technician)',
      who: 'technician',
      path: `/tickets/${main}`,
      shows: [
        ...shown('internal note'),
        ...shown('work log note'),
        ...shown('expense vendor'),
        ...shown('expense description'),
        ...shown('priority override reason'),
        ...shown('reopen reason'),
        city.slaPolicyName,
        holidays.name,
      ],
    },
    {
      route: '/maintenance',
      name: 'Maintenance calendar, month',
      who: 'technician',
      path: `/maintenance?month=${city.planMonth}`,
      shows: shown('maintenance plan name'),
    },
    {
      route: '/maintenance',
      name: 'Maintenance calendar, list',
      who: 'technician',
      path: `/maintenance?view=list&mine=1&month=${city.planMonth}`,
      // Work not generated yet is listed by its plan's name (the title template makes the tickets).
      shows: shown('maintenance plan name'),
    },
    {
      route: '/maintenance',
      name: 'Maintenance calendar, payload in the address',
      who: 'technician',
      path: `/maintenance?month=${encodeURIComponent(REFLECTED[0]!.text)}&queue=${encodeURIComponent(REFLECTED[3]!.text)}`,
      shows: ['Maintenance calendar'],
    },

    // The manager.
    {
      route: '/dashboard',
      name: 'Dashboard, reactive cost as tables',
      who: 'manager',
      path: '/dashboard',
      then: async (page) => {
        const panel = page.getByRole('region', { name: 'Top departments and categories by reactive cost' });
        await panel.getByRole('button', { name: 'Table', exact: true }).click();
        await panel.getByRole('table').first().waitFor();
      },
      shows: [city.homeDepartmentName, city.categoryName],
    },
    {
      route: '/dashboard',
      name: 'Dashboard, payloads in the address',
      who: 'manager',
      path: `/dashboard?from=${encodeURIComponent(REFLECTED[1]!.text)}&department=${encodeURIComponent(REFLECTED[2]!.text)}`,
      shows: ['Spend by work class'],
    },
    {
      route: '/dashboard/report',
      name: 'Monthly report',
      who: 'manager',
      path: '/dashboard/report',
      shows: ['IT services report: '],
    },
    {
      route: '/dashboard/report',
      name: 'Monthly report, payload as the month',
      who: 'manager',
      path: `/dashboard/report?month=${encodeURIComponent(REFLECTED[3]!.text)}`,
      shows: ['IT services report: '],
    },
    { route: '/admin/rates', name: 'Rates (manager)', who: 'manager', path: '/admin/rates', shows: [city.technician.name] },
    {
      route: '/maintenance/plans',
      name: 'Maintenance plans',
      who: 'manager',
      path: '/maintenance/plans',
      shows: shown('maintenance plan name'),
    },
    {
      route: '/maintenance/plans/:id',
      name: 'a maintenance plan in the editor',
      who: 'manager',
      path: `/maintenance/plans/${city.planIds[0]}`,
      shows: [city.planName, ...city.planTemplates],
    },
    {
      route: '/maintenance/plans/:id',
      name: 'no such plan: payload as the id',
      who: 'manager',
      path: `/maintenance/plans/${encodeURIComponent(REFLECTED[0]!.text)}`,
      shows: ['Could not load the plan'],
    },
    {
      route: '/maintenance/plans/new',
      name: 'a new maintenance plan',
      who: 'manager',
      path: '/maintenance/plans/new',
      shows: ['New maintenance plan'],
    },

    // The admin.
    {
      route: '/admin/users',
      name: 'Users, searched, editor open',
      who: 'admin',
      path: '/admin/users',
      then: async (page) => {
        await search(page, `@${city.mailDomain}`);
        await page.getByRole('cell', { name: city.technician.email }).waitFor();
        await openRowDialog(page, `Edit ${city.technician.name}`);
      },
      shows: [...shown('user name'), ...shown('user e-mail', emailLocalPart)],
    },
    {
      route: '/admin/departments',
      name: 'Departments, editor open',
      who: 'admin',
      path: '/admin/departments',
      then: (page) => openRowDialog(page, `Edit ${city.homeDepartmentName}`),
      shows: shown('department name'),
    },
    {
      route: '/admin/departments',
      name: 'Departments, delete confirmation open',
      who: 'admin',
      path: '/admin/departments',
      then: (page) => openRowDialog(page, `Delete ${city.homeDepartmentName}`),
      shows: [city.homeDepartmentName, city.categoryName],
    },
    {
      route: '/admin/queues',
      name: 'Queues, members open',
      who: 'admin',
      path: '/admin/queues',
      then: (page) => openRowDialog(page, `Members of ${city.queueName}`),
      shows: shown('queue name'),
    },
    {
      route: '/admin/categories',
      name: 'Categories, editor open',
      who: 'admin',
      path: '/admin/categories',
      then: (page) => openRowDialog(page, `Edit ${city.categoryName}`),
      shows: shown('category name'),
    },
    {
      route: '/admin/assets',
      name: 'Assets, searched',
      who: 'admin',
      path: '/admin/assets',
      then: async (page) => {
        await search(page, city.mainAsset.tag);
        await page.getByRole('cell', { name: city.mainAsset.tag, exact: true }).waitFor();
      },
      shows: [city.mainAsset.tag, city.mainAsset.name],
    },
    {
      route: '/admin/assets',
      name: 'Assets, a CSV import checked',
      who: 'admin',
      path: '/admin/assets',
      then: async (page) => {
        await page.getByRole('button', { name: 'Import CSV' }).click();
        const dialog = page.getByRole('dialog', { name: 'Import assets from CSV' });
        await dialog.getByRole('textbox', { name: 'CSV' }).fill(assetImport.csv);
        await dialog.getByRole('button', { name: 'Check' }).click();
        await dialog.getByRole('table', { name: 'Import errors' }).waitFor();
      },
      within: 'table[aria-label="Import errors"]',
      shows: assetImport.expected,
    },
    {
      route: '/assets/:id',
      name: 'an asset',
      who: 'admin',
      path: `/assets/${city.mainAsset.id}`,
      shows: [
        city.mainAsset.tag,
        city.mainAsset.name,
        city.mainAsset.location,
        city.mainAsset.serial,
        city.homeDepartmentName,
        city.requester.name,
        titles[0]!,
      ],
    },
    {
      route: '/assets/:id',
      name: 'no such asset: payload as the id',
      who: 'admin',
      path: `/assets/${encodeURIComponent(REFLECTED[1]!.text)}`,
      shows: ['Asset not found'],
    },
    {
      route: '/admin/calendars',
      name: 'Calendars, holidays open',
      who: 'admin',
      path: '/admin/calendars',
      then: (page) => openRowDialog(page, `Holidays of ${holidays.name}`),
      shows: [...shown('calendar name'), ...shown('holiday name')],
    },
    {
      route: '/admin/calendars',
      name: 'Calendars, editor open',
      who: 'admin',
      path: '/admin/calendars',
      then: (page) => openRowDialog(page, `Edit ${holidays.name}`),
      shows: [holidays.name],
    },
    {
      route: '/admin/sla-policies',
      name: 'SLA policies, editor open',
      who: 'admin',
      path: '/admin/sla-policies',
      then: (page) => openRowDialog(page, `Edit ${city.slaPolicyName}`),
      shows: shown('SLA policy name'),
    },
    { route: '/admin/rates', name: 'Rates (admin)', who: 'admin', path: '/admin/rates', shows: [city.technician.name] },
    {
      route: '/admin/imports',
      name: 'History import, mapped and checked',
      who: 'admin',
      path: '/admin/imports',
      then: async (page) => {
        await page
          .locator('input[type="file"]')
          .setInputFiles({ name: historyImport.name, mimeType: 'text/csv', buffer: historyImport.csv });
        await page
          .getByRole('group', { name: /Priority/ })
          .or(page.getByText('2. Mapping'))
          .first()
          .waitFor();
        await pickFirst(page, 'Default department');
        await pickFirst(page, 'Default queue');
        await page.getByRole('combobox', { name: 'Default requester', exact: true }).fill(MARKER);
        await page.getByRole('option').first().click();
        await page.getByRole('button', { name: 'Check file (dry run)' }).click();
        await page.getByRole('table', { name: 'Rows that could not be read' }).waitFor({ timeout: 60_000 });
      },
      shows: [historyImport.expectedName, ...historyImport.expected],
    },
    { route: '/admin/settings', name: 'Settings', who: 'admin', path: '/admin/settings', shows: ['Asset replacement cycles'] },
    {
      route: '/admin/audit',
      name: 'Audit log',
      who: 'admin',
      path: '/admin/audit',
      shows: [...shown('browser user agent'), ...shown('sign-in e-mail (failed)', lowerCase)],
    },
    {
      route: '/tickets/:number',
      name: 'the phishing report (admin)',
      who: 'admin',
      path: `/tickets/${city.phishingTicket}`,
      shows: shown('phishing report'),
    },
  ];
}

/** Each screen once: open it, do what a person does there, then check and count. */
async function visit(screen: Screen): Promise<ScreenResult> {
  const page = pages.get(screen.who)!;
  watch.screen = screen.name;
  const started = Date.now();
  const steps: [number, number, number] = [0, 0, 0];
  const step = async (index: 0 | 1 | 2, work: () => Promise<unknown>) => {
    const from = Date.now();
    await work();
    steps[index] = Date.now() - from;
  };
  let missing: string[] = [];
  const problems: string[] = [];
  try {
    await step(0, async () => {
      const response = await page.goto(screen.path);
      const policy = scriptPolicy(response?.headers()['content-security-policy']);
      if (policy?.join(' ') !== "'self'") problems.push(`the page came with script-src ${policy?.join(' ') ?? '(none)'}`);
    });
    await step(1, async () => screen.then?.(page));
    // The screen is ready once it shows what it must: its data, or for an error page its words.
    await step(2, async () => (missing = await missingText(page, screen.shows, { within: screen.within })));
  } catch (failure) {
    problems.push((failure as Error).message.split('\n')[0] ?? 'failed');
  }
  const findings = await watch.sweep(page);
  return { screen: screen.name, ms: Date.now() - started, steps, findings, missing, error: problems.join('; ') || null };
}

beforeAll(async () => {
  const started = Date.now();
  city = await seedXssCity(baseURL);
  historyImport = historyImportFile(city.ledger);
  assetImport = assetImportCsv(city.ledger);
  seedMs = Date.now() - started;
  browser = await launchBrowser();
  await sessionFor('anonymous', null);
  await sessionFor('requester', city.requester);
  await sessionFor('technician', city.technician);
  await sessionFor('manager', { email: 'manager@civicdesk.test', password: DEMO_PASSWORD });
  await sessionFor('admin', { email: 'admin@civicdesk.test', password: DEMO_PASSWORD });
  for (const who of ['requester', 'technician'] as const) {
    const answer = await pages.get(who)!.request.get('/api/notifications?limit=20');
    const { items } = (await answer.json()) as { items: { title: string; body: string }[] };
    bellTexts.set(
      who,
      items.flatMap((n) => [n.title, n.body]),
    );
  }
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

describe('XSS: the corpus through every text field, on every screen, in Chromium', () => {
  it('visits every route the app mounts', () => {
    const visited = new Set(screens().map((screen) => screen.route));
    expect(appRoutePatterns().filter((route) => !visited.has(route))).toEqual([]);
  });

  it('serves a CSP that forbids inline script, and Chromium enforces it', async () => {
    const page = pages.get('anonymous')!;
    watch.screen = 'CSP probe';
    const response = await page.goto('/sign-in');
    const headers = response!.headers();
    const csp = new Map(
      (headers['content-security-policy'] ?? '')
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...values]) => [name!, values] as const),
    );
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(headers['x-content-type-options']).toBe('nosniff');
    // Markup put into the page by script, as an injection would: neither the inline script nor the handler runs.
    const refused = await page.evaluate(
      (marker) =>
        new Promise<string[]>((resolve) => {
          const { document } = globalThis as unknown as {
            document: {
              addEventListener(type: string, listener: (event: { effectiveDirective: string }) => void): void;
              createElement(tag: string): { textContent: string };
              body: { insertAdjacentHTML(where: string, html: string): void; append(node: unknown): void };
            };
          };
          const directives: string[] = [];
          document.addEventListener('securitypolicyviolation', (event) => {
            directives.push(event.effectiveDirective);
            if (directives.length === 2) resolve(directives.sort());
          });
          // Without a CSP there is nothing to wait for: answer with what was refused by then.
          setTimeout(() => resolve(directives.sort()), 10_000);
          document.body.insertAdjacentHTML('beforeend', `<img src="/csp-probe.png" onerror="${marker}(0)">`);
          const script = document.createElement('script');
          script.textContent = `${marker}(0)`;
          document.body.append(script);
        }),
      MARKER,
    );
    expect(refused).toEqual(['script-src-attr', 'script-src-elem']);
    // One more round trip, so that a marker call the page made has reached the watch.
    await page.evaluate(() => undefined);
    expect(watch.findings.filter((f) => f.screen === 'CSP probe' && f.kind === 'script ran')).toEqual([]);
  });

  it('shows every payload as text and runs none, on every screen', async () => {
    const results: ScreenResult[] = [];
    for (const screen of screens()) results.push(await visit(screen));

    console.log(
      `XSS suite: ${XSS_CORPUS.length} payloads seeded in ${Math.round(seedMs / 1000)} s; ` +
        `${results.length} screens in ${Math.round(results.reduce((ms, r) => ms + r.ms, 0) / 1000)} s\n` +
        `  seeding: ${city.phases.map((p) => `${p.name} ${(p.ms / 1000).toFixed(1)} s`).join('; ')}\n` +
        city.ledger
          .summary()
          .map(
            (row) =>
              `  ${row.field}: ${row.accepted} taken${row.refused ? `, ${row.refused} refused (${row.reasons.join('; ')})` : ''}`,
          )
          .join('\n') +
        `\n  slowest screens: ${[...results]
          .sort((a, b) => b.ms - a.ms)
          .slice(0, 8)
          .map((r) => `${r.screen} ${(r.ms / 1000).toFixed(1)} s (${r.steps.map((ms) => (ms / 1000).toFixed(1)).join(' + ')})`)
          .join('; ')}`,
    );
    const failures = results.filter((r) => r.findings.length > 0 || r.missing.length > 0 || r.error !== null);
    expect(
      failures.map((r) => ({
        screen: r.screen,
        error: r.error,
        findings: r.findings.map((f) => `${f.kind}: ${f.detail}`),
        missing: r.missing.map((text) => text.slice(0, 100)),
      })),
    ).toEqual([]);
  }, 600_000);
});
