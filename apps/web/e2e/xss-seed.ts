import { randomUUID } from 'node:crypto';
import type { components } from '../src/lib/api/schema';
import { apiSession, ApiRefusal, inBatches, ok, type ApiSession } from './api-session';
import { DEMO_PASSWORD } from './browser';
import { packPayloads, XSS_CORPUS, type PackedValue, type XssPayload } from './xss-corpus';

/** Every text field the suite fills, named as the form or the API names it. */
export const XSS_FIELDS = [
  'ticket title',
  'ticket description',
  'public reply (staff)',
  'reply (requester)',
  'internal note',
  'priority override reason',
  'reopen reason',
  'phishing report',
  'work log note',
  'expense description',
  'expense vendor',
  'department name',
  'category name',
  'queue name',
  'asset tag',
  'asset name',
  'asset location',
  'asset serial',
  'user name',
  'user e-mail',
  'calendar name',
  'holiday name',
  'SLA policy name',
  'maintenance plan name',
  'maintenance title template',
  'maintenance description template',
  'sign-in e-mail (failed)',
  'browser user agent',
  'history import file name',
  'history import value',
  'asset import value',
] as const;
export type XssField = (typeof XSS_FIELDS)[number];

/** Which payloads each field took, and why it refused the others. */
export class FieldLedger {
  private readonly accepted = new Map<XssField, Set<number>>();
  private readonly refused = new Map<XssField, Map<number, string>>();

  accept(field: XssField, ids: readonly number[]): void {
    const set = this.accepted.get(field) ?? new Set<number>();
    ids.forEach((id) => set.add(id));
    this.accepted.set(field, set);
  }

  refuse(field: XssField, ids: readonly number[], reason: string): void {
    const map = this.refused.get(field) ?? new Map<number, string>();
    ids.forEach((id) => map.set(id, reason));
    this.refused.set(field, map);
  }

  acceptedIds(field: XssField): number[] {
    return [...(this.accepted.get(field) ?? [])].sort((a, b) => a - b);
  }

  /** One line per field: taken, refused and the reasons. */
  summary(): { field: XssField; accepted: number; refused: number; reasons: string[] }[] {
    return XSS_FIELDS.map((field) => {
      const accepted = this.accepted.get(field) ?? new Set<number>();
      const refused = [...(this.refused.get(field) ?? new Map<number, string>()).entries()].filter(([id]) => !accepted.has(id));
      return {
        field,
        accepted: accepted.size,
        refused: refused.length,
        reasons: [...new Set(refused.map(([, reason]) => reason))],
      };
    });
  }
}

type Schemas = components['schemas'];
type Ticket = Schemas['TicketDetailDto'];

export interface SeededUser {
  id: string;
  email: string;
  password: string;
  name: string;
}

/** What the suite seeded, for the screens to show and the checks to expect. */
/** How long a part of the seeding took. */
export interface SeedPhase {
  name: string;
  ms: number;
}

export interface XssCity {
  ledger: FieldLedger;
  phases: SeedPhase[];
  admin: ApiSession;
  requester: SeededUser;
  technician: SeededUser;
  /** The ticket that carries the conversation, notes, costs, overrides and reopens. */
  mainTicket: { id: string; number: string };
  /** Every ticket filed with a payload title, the main one first. */
  tickets: { id: string; number: string; title: string }[];
  /** The tickets that took the description packs (the main one the first), with the text each took. */
  descriptions: { number: string; text: string }[];
  phishingTicket: string;
  departmentIds: string[];
  queueIds: string[];
  categoryIds: string[];
  calendarWithHolidays: { id: string; name: string };
  mainAsset: { id: string; tag: string; name: string; location: string; serial: string };
  homeDepartmentName: string;
  queueName: string;
  categoryName: string;
  slaPolicyName: string;
  planName: string;
  /** The first plan's title and description templates, as its editor shows them. */
  planTemplates: string[];
  planIds: string[];
  /** The month (YYYY-MM) in which the plans' first occurrences fall. */
  planMonth: string;
  slaPolicyIds: string[];
  userIds: string[];
  /** The mail domain of this run's users: searching for it lists exactly them. */
  mailDomain: string;
}

const TITLE_MAX = 200;
const NAME_MAX = 120;
const TEXT_MAX = 20_000;
/** Replies are notified with their first 500 characters: whole payloads fit in them. */
const REPLY_MAX = 480;
const NOTE_MAX = 2000;
const REASON_MAX = 500;
const VENDOR_MAX = 200;
const TAG_MAX = 64;
const SERIAL_MAX = 120;
const USER_AGENT_MAX = 512;
const SIGN_IN_EMAIL_MAX = 254;
/** Failed sign-ins are throttled at five a minute per address: the other browser tests need theirs. */
const FAILED_SIGN_INS = 2;
const CONCURRENCY = 4;

/**
 * Names that must be unique (queues, categories, asset tags, department codes) end in a tag of
 * this run, so the suite also runs twice against one server (E2E_BASE_URL).
 */
const RUN = randomUUID().slice(0, 4).toUpperCase();
const unique = (text: string) => `${text} ~${RUN}`;
const UNIQUE_SUFFIX = unique('').length;
const MAIL_DOMAIN = `${RUN.toLowerCase()}.xss.test`;
/**
 * User names start with it: it sorts after every letter (the embedded PostgreSQL collates in C),
 * so the demo's people keep their places on the user list's first page, where other tests look.
 */
const USER_NAME_PREFIX = '~ ';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Packs for a field of `max` characters; what does not fit is refused for length. */
function packsFor(
  ledger: FieldLedger,
  field: XssField,
  max: number,
  payloads: readonly XssPayload[] = XSS_CORPUS,
  separator = ' ',
) {
  const { packs, tooLong } = packPayloads(payloads, max, separator);
  if (tooLong.length > 0) ledger.refuse(field, tooLong, `longer than ${max} characters`);
  return packs;
}

/** Runs a create or change whose text is `packs` of `fields`; a 400 is counted as refused, anything else but success throws. */
async function attempt<T>(
  ledger: FieldLedger,
  values: readonly (readonly [XssField, PackedValue | undefined])[],
  call: () => Promise<T>,
): Promise<T | null> {
  try {
    const result = await call();
    for (const [field, pack] of values) if (pack) ledger.accept(field, pack.ids);
    return result;
  } catch (error) {
    if (!(error instanceof ApiRefusal) || error.status !== 400) throw error;
    const code = (error.body as { code?: string; details?: { field?: string }[] } | undefined) ?? {};
    const reason = `400 ${code.code ?? ''} ${(code.details ?? []).map((d) => d.field).join(',')}`.trim();
    for (const [field, pack] of values) if (pack) ledger.refuse(field, pack.ids, reason);
    return null;
  }
}

const cycle = <T>(list: readonly T[], index: number): T | undefined =>
  list.length === 0 ? undefined : list[index % list.length];

/** Characters a header value may carry (fetch refuses the rest). */
const headerSafe = (payload: XssPayload) => /^[\x20-\x7e]+$/.test(payload.text);

/**
 * Seeds the demo city with the corpus through the API, every payload into every text field a
 * person fills and others see. Records are the suite's own (its own requester, technician,
 * restricted queues and department), so the demo's people, queues and numbers stay as they were
 * for the other browser tests.
 */
export async function seedXssCity(baseUrl: string): Promise<XssCity> {
  const ledger = new FieldLedger();
  const phases: SeedPhase[] = [];
  let phaseStart = Date.now();
  const lap = (name: string) => {
    phases.push({ name, ms: Date.now() - phaseStart });
    phaseStart = Date.now();
  };
  const admin = await apiSession(baseUrl, { email: 'admin@civicdesk.test', password: DEMO_PASSWORD });
  const api = admin.api;

  // Calendars, one of them with every holiday name.
  const nameMax = (field: XssField) => packsFor(ledger, field, NAME_MAX - UNIQUE_SUFFIX);
  const calendarPacks = nameMax('calendar name');
  const calendars = await inBatches(calendarPacks, CONCURRENCY, (pack) =>
    attempt(ledger, [['calendar name', pack]], () =>
      ok(
        'create calendar',
        api.POST('/api/calendars', {
          body: {
            name: unique(pack.text),
            timeZone: 'America/New_York',
            windows: [0, 1, 2, 3, 4, 5, 6].map((d) => ({ day: d, start: '00:00', end: '24:00' })),
          },
        }),
      ),
    ),
  );
  const calendar = calendars.find((c) => c !== null);
  if (!calendar) throw new Error('No calendar could be created');
  await inBatches(packsFor(ledger, 'holiday name', TITLE_MAX), CONCURRENCY, (pack, index) =>
    attempt(ledger, [['holiday name', pack]], () =>
      ok(
        'add holiday',
        api.POST('/api/calendars/{id}/holidays', {
          params: { path: { id: calendar.id } },
          // Far ahead, one date each: the holidays must not move the clocks of the suite's tickets.
          body: { date: new Date(Date.UTC(2099, 0, 1 + index)).toISOString().slice(0, 10), name: pack.text, yearly: false },
        }),
      ),
    ),
  );

  lap('calendars and holidays');

  // Departments: codes must be codes, names are free text.
  const departments = (
    await inBatches(nameMax('department name'), CONCURRENCY, (pack, index) =>
      attempt(ledger, [['department name', pack]], () =>
        ok(
          'create department',
          api.POST('/api/departments', {
            body: { name: unique(pack.text), code: `X${RUN}-${index}`, calendarId: cycle(calendars, index)?.id ?? null },
          }),
        ),
      ),
    )
  ).filter((d) => d !== null);
  const home = departments[0];
  if (!home) throw new Error('No department could be created');

  lap('departments');

  // The suite's requester and technician, then everyone else whose name is a payload.
  const namePacks = packsFor(ledger, 'user name', TITLE_MAX - USER_NAME_PREFIX.length);
  const emailPayloads = XSS_CORPUS.filter((p) => p.family === 'email');
  const createUser = async (index: number, role: 'requester' | 'technician'): Promise<SeededUser | null> => {
    const namePack = namePacks[index];
    const emailPayload = emailPayloads[index];
    // The run's own mail domain keeps addresses unique across runs; the local part is the payload.
    const email = (emailPayload?.text ?? `xss-user-${index}@xss.test`).replace(/@xss\.test$/, `@${MAIL_DOMAIN}`);
    const password = `Xss-suite-${randomUUID()}`;
    const created = await attempt(
      ledger,
      [
        ['user name', namePack],
        ['user e-mail', emailPayload ? { text: email, ids: [emailPayload.id] } : undefined],
      ],
      () =>
        ok(
          'create user',
          api.POST('/api/users', {
            body: {
              name: `${USER_NAME_PREFIX}${namePack?.text ?? `XSS user ${index}`}`,
              email,
              role,
              departmentId: cycle(departments, index)!.id,
              password,
            },
          }),
        ),
    );
    return created && { id: created.id, email: created.email, password, name: created.name };
  };
  const [requesterCreated, technicianCreated] = await Promise.all([createUser(0, 'requester'), createUser(1, 'technician')]);
  if (!requesterCreated || !technicianCreated) throw new Error('The suite’s requester and technician could not be created');
  const others = await inBatches(
    namePacks.slice(2).map((_, i) => i + 2),
    CONCURRENCY,
    (index) => createUser(index, 'requester'),
  );
  // New users must choose their own password before anything else.
  const settle = async (user: SeededUser): Promise<SeededUser> => {
    const session = await apiSession(baseUrl, { email: user.email, password: user.password });
    const password = `Xss-suite-${randomUUID()}`;
    await ok(
      'change password',
      session.api.POST('/api/auth/password', { body: { currentPassword: user.password, newPassword: password } }),
    );
    return { ...user, password };
  };
  const [requester, technician] = await Promise.all([settle(requesterCreated), settle(technicianCreated)]);

  lap('users');

  // Restricted queues of the suite's technician (and the demo's admin and manager, who read every
  // screen): the demo's technicians neither see nor hear of these tickets.
  const manager = (
    await ok('find the manager', api.GET('/api/users', { params: { query: { search: 'manager@civicdesk.test' } } }))
  ).items[0];
  if (!manager) throw new Error('The demo manager is missing');
  const members = [technician.id, admin.me.id, manager.id];
  const queues = (
    await inBatches(nameMax('queue name'), CONCURRENCY, async (pack) => {
      const queue = await attempt(ledger, [['queue name', pack]], () =>
        ok(
          'create queue',
          api.POST('/api/queues', { body: { name: unique(pack.text), restricted: true, leadId: technician.id } }),
        ),
      );
      if (queue) {
        await ok(
          'queue members',
          api.PUT('/api/queues/{id}/members', { params: { path: { id: queue.id } }, body: { userIds: members } }),
        );
      }
      return queue;
    })
  ).filter((q) => q !== null);
  if (queues.length === 0) throw new Error('No queue could be created');

  lap('queues');

  const categories = (
    await inBatches(nameMax('category name'), CONCURRENCY, (pack, index) =>
      attempt(ledger, [['category name', pack]], () =>
        ok(
          'create category',
          api.POST('/api/categories', {
            body: { name: unique(pack.text), defaultQueueId: cycle(queues, index)!.id, defaultKind: 'incident' },
          }),
        ),
      ),
    )
  ).filter((c) => c !== null);

  lap('categories');

  // Assets: as many as the tag packs need, the other fields cycling through theirs.
  const tags = packsFor(ledger, 'asset tag', TAG_MAX - UNIQUE_SUFFIX);
  const assetNames = packsFor(ledger, 'asset name', TITLE_MAX);
  const locations = packsFor(ledger, 'asset location', TITLE_MAX);
  const serials = packsFor(ledger, 'asset serial', SERIAL_MAX);
  const assets = (
    await inBatches(tags, CONCURRENCY, (tag, index) => {
      const name = cycle(assetNames, index);
      const location = cycle(locations, index);
      const serial = cycle(serials, index);
      return attempt(
        ledger,
        [
          ['asset tag', tag],
          ['asset name', name],
          ['asset location', location],
          ['asset serial', serial],
        ],
        () =>
          ok(
            'create asset',
            api.POST('/api/assets', {
              body: {
                tag: unique(tag.text),
                name: name?.text ?? `XSS asset ${index}`,
                type: 'laptop',
                departmentId: home.id,
                location: location?.text ?? null,
                serial: serial?.text ?? null,
                // Cheap and old: repairs on the first one put it in the dashboard's repair list.
                costCents: 50_000,
                purchaseDate: day(-5 * 365),
                assignedUserId: requester.id,
              },
            }),
          ),
      );
    })
  ).filter((a) => a !== null);
  const mainAsset = assets[0];
  if (!mainAsset) throw new Error('No asset could be created');

  lap('assets');

  // SLA policies for the suite's department only; the first is put first, so its tickets match it.
  const policies = (
    await inBatches(nameMax('SLA policy name'), CONCURRENCY, (pack) =>
      attempt(ledger, [['SLA policy name', pack]], () =>
        ok(
          'create SLA policy',
          api.POST('/api/sla-policies', {
            body: {
              name: unique(pack.text),
              departmentIds: [home.id],
              firstResponseMinutes: 240,
              resolutionMinutes: 2400,
              calendarId: calendar.id,
              escalations: [{ target: 'resolution', percent: 75, level: 1, actions: ['notify_assignee'] }],
            },
          }),
        ),
      ),
    )
  ).filter((p) => p !== null);
  if (policies[0]) {
    const all = await ok('list SLA policies', api.GET('/api/sla-policies'));
    const first = policies[0].id;
    await ok(
      'order SLA policies',
      api.PUT('/api/sla-policies/order', { body: { ids: [first, ...all.items.map((p) => p.id).filter((id) => id !== first)] } }),
    );
  }

  lap('SLA policies');

  // The technician's own rate, so the work logged costs money.
  await ok(
    'create rate',
    api.POST('/api/rates', { body: { userId: technician.id, hourlyRateCents: 9_000, effectiveFrom: '2000-01-01' } }),
  );

  // Maintenance plans, first due the day after tomorrow (nothing is generated while the suite runs).
  const startsOn = day(2);
  const titleTemplates = packsFor(ledger, 'maintenance title template', TITLE_MAX);
  const descriptionTemplates = packsFor(ledger, 'maintenance description template', TEXT_MAX, XSS_CORPUS, '\n');
  const plans = (
    await inBatches(nameMax('maintenance plan name'), CONCURRENCY, (pack, index) => {
      const titleTemplate = cycle(titleTemplates, index);
      const descriptionTemplate = cycle(descriptionTemplates, index);
      return attempt(
        ledger,
        [
          ['maintenance plan name', pack],
          ['maintenance title template', titleTemplate],
          ['maintenance description template', descriptionTemplate],
        ],
        () =>
          ok(
            'create maintenance plan',
            api.POST('/api/maintenance-plans', {
              body: {
                name: unique(pack.text),
                titleTemplate: titleTemplate?.text ?? '{{plan}}',
                descriptionTemplate: descriptionTemplate?.text ?? '',
                queueId: cycle(queues, index)!.id,
                assigneeId: technician.id,
                departmentId: home.id,
                rule: 'FREQ=MONTHLY',
                startsOn,
                leadDays: 0,
                // A few fan out over the payload-named assets, so {{asset}} brings their names into titles.
                ...(index < 3 ? { fanOut: 'assets' as const, assetIds: assets.slice(0, 2).map((a) => a.id) } : {}),
              },
            }),
          ),
      );
    })
  ).filter((p) => p !== null);

  lap('rate and maintenance plans');

  // Tickets filed by the requester, one per title pack, into the suite's categories and queues.
  const requesterSession = await apiSession(baseUrl, { email: requester.email, password: requester.password });
  const technicianSession = await apiSession(baseUrl, { email: technician.email, password: technician.password });
  const descriptions = packsFor(ledger, 'ticket description', TEXT_MAX, XSS_CORPUS, '\n');
  const filed = (
    await inBatches(packsFor(ledger, 'ticket title', TITLE_MAX), CONCURRENCY, (title, index) => {
      const description = descriptions[index];
      return attempt(
        ledger,
        [
          ['ticket title', title],
          ['ticket description', description],
        ],
        () =>
          ok(
            'file ticket',
            requesterSession.api.POST('/api/tickets', {
              body: {
                title: title.text,
                ...(description ? { description: description.text } : {}),
                ...(categories.length > 0 ? { categoryId: cycle(categories, index)!.id } : {}),
                ...(index === 0 ? { assetId: mainAsset.id } : {}),
                impact: 'one_person',
                urgency: 'work_degraded',
              },
            }),
          ),
      );
    })
  ).filter((t) => t !== null);
  // Assigned by the admin, so the technician hears of each one.
  const tickets = await inBatches(filed, CONCURRENCY, (ticket) =>
    ok(
      'assign ticket',
      api.PATCH('/api/tickets/{id}', {
        params: { path: { id: ticket.id } },
        body: { version: ticket.version, assigneeId: technician.id },
      }),
    ),
  );
  const main = tickets[0];
  if (!main) throw new Error('No ticket could be filed');

  lap('tickets');
  await workTheMainTicket(ledger, main, requesterSession, technicianSession, mainAsset.id);

  lap('conversation, notes, costs, overrides, reopens');

  const phishingPack = packsFor(ledger, 'phishing report', TEXT_MAX, XSS_CORPUS, '\n')[0];
  const phishing = await ok(
    'report phishing',
    requesterSession.api.POST('/api/tickets/report-phishing', { body: { description: phishingPack?.text ?? '' } }),
  );
  if (phishingPack) ledger.accept('phishing report', phishingPack.ids);

  await signInsTheAuditLogRecords(ledger, baseUrl);
  lap('phishing report and audited sign-ins');

  return {
    ledger,
    phases,
    admin,
    requester,
    technician,
    mainTicket: { id: main.id, number: main.number },
    tickets: tickets.map((t) => ({ id: t.id, number: t.number, title: t.title })),
    descriptions: descriptions.flatMap((pack, index) =>
      tickets[index] ? [{ number: tickets[index].number, text: pack.text }] : [],
    ),
    phishingTicket: phishing.number,
    departmentIds: departments.map((d) => d.id),
    queueIds: queues.map((q) => q.id),
    categoryIds: categories.map((c) => c.id),
    calendarWithHolidays: { id: calendar.id, name: calendar.name },
    mainAsset: {
      id: mainAsset.id,
      tag: mainAsset.tag,
      name: mainAsset.name,
      location: mainAsset.location ?? '',
      serial: mainAsset.serial ?? '',
    },
    homeDepartmentName: home.name,
    queueName: queues[0]!.name,
    categoryName: categories[0]?.name ?? '',
    slaPolicyName: policies[0]?.name ?? '',
    planName: plans[0]?.name ?? '',
    planTemplates: plans[0] ? [plans[0].titleTemplate, plans[0].descriptionTemplate] : [],
    planIds: plans.map((p) => p.id),
    planMonth: startsOn.slice(0, 7),
    slaPolicyIds: policies.map((p) => p.id),
    userIds: [requester.id, technician.id, ...others.filter((u) => u !== null).map((u) => u.id)],
    mailDomain: MAIL_DOMAIN,
  };
}

/**
 * The main ticket gets everything a ticket can carry: replies both ways, internal notes, work
 * logs, expenses, priority overrides with reasons, and resolve-and-reopen rounds with reasons.
 */
async function workTheMainTicket(
  ledger: FieldLedger,
  ticket: Ticket,
  requester: ApiSession,
  technician: ApiSession,
  assetId: string,
): Promise<void> {
  const path = { params: { path: { id: ticket.id } } };
  let version = ticket.version;
  const patch = async (body: Omit<Schemas['UpdateTicketDto'], 'version'>) => {
    const changed = await ok('change ticket', technician.api.PATCH('/api/tickets/{id}', { ...path, body: { version, ...body } }));
    version = changed.version;
    return changed;
  };
  await patch({ status: 'in_progress' });

  const comment = (session: ApiSession, field: XssField, internal: boolean) => (pack: PackedValue) =>
    attempt(ledger, [[field, pack]], () =>
      ok('comment', session.api.POST('/api/tickets/{id}/comments', { ...path, body: { body: pack.text, internal } })),
    );
  // One after another, so the conversation reads in corpus order.
  for (const pack of packsFor(ledger, 'public reply (staff)', REPLY_MAX))
    await comment(technician, 'public reply (staff)', false)(pack);
  for (const pack of packsFor(ledger, 'internal note', TEXT_MAX, XSS_CORPUS, '\n'))
    await comment(technician, 'internal note', true)(pack);
  for (const pack of packsFor(ledger, 'reply (requester)', NOTE_MAX, XSS_CORPUS, '\n'))
    await comment(requester, 'reply (requester)', false)(pack);

  await inBatches(packsFor(ledger, 'work log note', NOTE_MAX, XSS_CORPUS, '\n'), CONCURRENCY, (pack) =>
    attempt(ledger, [['work log note', pack]], () =>
      ok(
        'log work',
        technician.api.POST('/api/tickets/{id}/work-logs', {
          ...path,
          body: { workDate: day(-1), minutes: 30, note: pack.text },
        }),
      ),
    ),
  );
  const vendors = packsFor(ledger, 'expense vendor', VENDOR_MAX);
  const expenseDescriptions = packsFor(ledger, 'expense description', NOTE_MAX, XSS_CORPUS, '\n');
  await inBatches(vendors, CONCURRENCY, (vendor, index) => {
    const description = expenseDescriptions[index];
    return attempt(
      ledger,
      [
        ['expense vendor', vendor],
        ['expense description', description],
      ],
      () =>
        ok(
          'add expense',
          technician.api.POST('/api/tickets/{id}/expenses', {
            ...path,
            body: {
              type: 'parts',
              // The first is large: the suite's department and category lead the dashboard's reactive cost.
              amountCents: index === 0 ? 900_000_000 : 1_000,
              vendor: vendor.text,
              spentOn: day(-1),
              description: description?.text ?? '',
              assetId,
            },
          }),
        ),
    );
  });

  let priority: 'P1' | 'P2' = 'P1';
  for (const pack of packsFor(ledger, 'priority override reason', REASON_MAX)) {
    await attempt(ledger, [['priority override reason', pack]], () => patch({ priority, priorityReason: pack.text }));
    priority = priority === 'P1' ? 'P2' : 'P1';
  }
  for (const pack of packsFor(ledger, 'reopen reason', NOTE_MAX, XSS_CORPUS, '\n')) {
    await patch({ status: 'resolved' });
    const reopened = await attempt(ledger, [['reopen reason', pack]], () =>
      ok('reopen', requester.api.POST('/api/tickets/{id}/reopen', { ...path, body: { reason: pack.text } })),
    );
    if (reopened) version = reopened.version;
  }
}

/** Failed sign-ins with payload e-mails, and sign-ins from payload browsers: the audit log shows both. */
async function signInsTheAuditLogRecords(ledger: FieldLedger, baseUrl: string): Promise<void> {
  const safe = XSS_CORPUS.filter(headerSafe);
  const unsafe = XSS_CORPUS.filter((p) => !headerSafe(p)).map((p) => p.id);
  ledger.refuse('browser user agent', unsafe, 'not a valid header value');
  for (const pack of packsFor(ledger, 'browser user agent', USER_AGENT_MAX, safe)) {
    await apiSession(baseUrl, { email: 'admin@civicdesk.test', password: DEMO_PASSWORD }, pack.text);
    ledger.accept('browser user agent', pack.ids);
  }
  const emails = packsFor(ledger, 'sign-in e-mail (failed)', SIGN_IN_EMAIL_MAX);
  for (const pack of emails.slice(0, FAILED_SIGN_INS)) {
    const answer = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-civicdesk': '1' },
      body: JSON.stringify({ email: pack.text, password: 'not-the-password' }),
    });
    if (answer.status !== 401) throw new Error(`A failed sign-in answered ${answer.status}`);
    ledger.accept('sign-in e-mail (failed)', pack.ids);
  }
  ledger.refuse(
    'sign-in e-mail (failed)',
    emails.slice(FAILED_SIGN_INS).flatMap((p) => p.ids),
    `not tried: failed sign-ins are throttled (${FAILED_SIGN_INS} used)`,
  );
}
