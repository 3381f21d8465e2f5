import { createDepartment, createUser, type UserRecord } from '../../factories/identity.factory.js';
import { createAsset, createCategory, createQueue } from '../../factories/reference.factory.js';
import { queueId } from '../../factories/ticket.factory.js';
import type { ApiClient, ApiResponse, TestApp } from '../../support/test-app.js';
import type { Role } from './access-model.js';
import { collectionOf, type Operation, type Schema } from './openapi-catalog.js';

/**
 * A small city for the mass-assignment and input-fuzzing suites: one user per role (plus a spare
 * technician, a user for admins to edit and one for sign-in probes), and one record of every kind a
 * route can name, made through the API where the API makes them (so they are whole records).
 */
export interface FuzzFixture {
  t: TestApp;
  users: Record<Role | 'technician2' | 'target' | 'login', UserRecord>;
  clients: Record<Role | 'technician2', ApiClient>;
  ids: Record<string, string>;
}

const STRONG_PASSWORD = 'Fuzzing-Password-2026!q';

async function ok<T = any>(what: string, res: Promise<ApiResponse<T>>, status = [200, 201, 202, 204]): Promise<T> {
  const r = await res;
  if (!status.includes(r.status)) throw new Error(`fixture: ${what} answered ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function buildFuzzFixture(t: TestApp): Promise<FuzzFixture> {
  const db = t.dataSource;
  const finance = await createDepartment(db, { name: 'Fuzz Finance' });
  const police = await createDepartment(db, { name: 'Fuzz Police', lifeSafety: true });
  const users = {
    requester: await createUser(db, { role: 'requester', departmentId: finance.id }),
    technician: await createUser(db, { role: 'technician', departmentId: finance.id }),
    technician2: await createUser(db, { role: 'technician', departmentId: police.id }),
    manager: await createUser(db, { role: 'manager', departmentId: finance.id }),
    admin: await createUser(db, { role: 'admin', departmentId: finance.id }),
    target: await createUser(db, { role: 'requester', departmentId: police.id }),
    login: await createUser(db, { role: 'requester', departmentId: police.id }),
  };
  const clients = {} as FuzzFixture['clients'];
  for (const role of ['requester', 'technician', 'technician2', 'manager', 'admin'] as const) {
    clients[role] = t.client();
    await clients[role].login(users[role].email, users[role].password);
  }
  const admin = clients.admin;
  const serviceDesk = await queueId(db, 'service_desk');
  await db.query(`INSERT INTO queue_members (queue_id, user_id) VALUES ($1, $2), ($1, $3)`, [
    serviceDesk,
    users.technician.id,
    users.technician2.id,
  ]);
  const spareQueue = await createQueue(db, { name: 'Fuzz Field Services', memberIds: [users.technician.id] });
  const category = await createCategory(db, { name: 'Fuzz Printers', defaultQueueId: serviceDesk });
  const asset = await createAsset(db, { departmentId: finance.id });
  const spareAsset = await createAsset(db, { departmentId: finance.id });
  for (const role of ['technician', 'manager', 'admin'] as const) {
    await db.query(
      `INSERT INTO labor_rates (role, hourly_rate_cents, effective_from, created_by_id, created_at) VALUES ($1, 5000, '2020-01-01', $2, now())`,
      [role, users.admin.id],
    );
  }

  const calendar = await ok(
    'calendar',
    admin.post('/api/calendars', {
      name: 'Fuzz office hours',
      timeZone: 'America/New_York',
      windows: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '17:00' })),
    }),
  );
  const holiday = await ok(
    'holiday',
    admin.post(`/api/calendars/${calendar.id}/holidays`, { date: '2026-12-25', name: 'Christmas' }),
  );
  const policy = await ok(
    'SLA policy',
    admin.post('/api/sla-policies', { name: 'Fuzz fallback', firstResponseMinutes: 60, resolutionMinutes: 480 }),
  );
  const plan = await ok(
    'maintenance plan',
    admin.post('/api/maintenance-plans', {
      name: 'Fuzz patching',
      titleTemplate: 'Patch {{plan}}',
      queueId: serviceDesk,
      departmentId: finance.id,
      rule: 'FREQ=MONTHLY',
      startsOn: '2026-04-01',
    }),
  );
  const ticket = await ok(
    'ticket',
    clients.requester.post('/api/tickets', { title: 'Fuzz ticket', impact: 'one_person', urgency: 'can_wait' }),
  );
  const ids: Record<string, string> = {
    financeDepartment: finance.id,
    policeDepartment: police.id,
    serviceDesk,
    spareQueue: spareQueue.id,
    category: category.id,
    asset: asset.id,
    spareAsset: spareAsset.id,
    calendar: calendar.id,
    holiday: holiday.id,
    policy: policy.id,
    plan: plan.id,
    ticket: ticket.id,
  };
  // One work log and one expense by each staff member, so each can edit their own.
  for (const role of ['technician', 'technician2', 'manager', 'admin'] as const) {
    const log = await ok(
      `${role} work log`,
      clients[role].post(`/api/tickets/${ticket.id}/work-logs`, { workDate: '2026-02-20', minutes: 30 }),
    );
    const expense = await ok(
      `${role} expense`,
      clients[role].post(`/api/tickets/${ticket.id}/expenses`, { type: 'parts', amountCents: 1500, spentOn: '2026-02-20' }),
    );
    ids[`workLog:${role}`] = log.id;
    ids[`expense:${role}`] = expense.id;
  }
  const feed = await ok('feed', admin.post('/api/maintenance/feeds', {}));
  ids.feed = feed.id ?? feed.feed?.id;
  ids.feedToken = String(feed.url ?? feed.address ?? '').match(/feeds\/([^/]+)\/calendar\.ics/)?.[1] ?? 'no-token';
  const rate = await ok(
    'rate',
    admin.post('/api/rates', { userId: users.technician.id, hourlyRateCents: 5500, effectiveFrom: '2025-01-01' }),
  );
  ids.rate = rate.id;
  const [notification] = await db.query(
    `INSERT INTO notifications (user_id, ticket_id, type, title, body, created_at) VALUES ($1, $2, 'public_reply', 'A reply', '', now()) RETURNING id`,
    [users.admin.id, ticket.id],
  );
  ids.notification = notification.id;
  const file = await ok(
    'import file',
    admin.request<{ id: string }>('POST', '/api/imports/files?name=fuzz.csv', undefined, {
      headers: { 'content-type': 'text/csv' },
      rawBody: 'id,title,opened\nF1,Old ticket,2025-06-01T10:00:00Z\n',
    }),
  );
  ids.importFile = file.id;
  const run = await ok('import run', admin.post('/api/imports/tickets', importBody({ ids, users })));
  ids.importRun = run.id;
  return { t, users, clients, ids };
}

export function importBody(fx: Pick<FuzzFixture, 'ids' | 'users'>): Record<string, unknown> {
  return {
    fileId: fx.ids.importFile,
    dryRun: true,
    columns: { externalId: 'id', title: 'title', openedAt: 'opened' },
    dateFormat: 'ISO',
    timeZone: 'America/New_York',
    defaults: {
      priority: 'P3',
      departmentId: fx.ids.financeDepartment,
      queueId: fx.ids.serviceDesk,
      requesterId: fx.users.requester.id,
    },
  };
}

/**
 * The record each path parameter names, by the collection it addresses; `actor` picks the cost
 * entry they wrote (only its author or a manager may change one). An unknown collection fails
 * loudly: a new route needs its record here.
 */
export function pathValues(fx: FuzzFixture, op: Operation, actor: Role | 'technician2' = 'admin'): Record<string, string> {
  const entryAuthor = actor === 'requester' ? 'technician' : actor;
  const byCollection: Record<string, string> = {
    tickets: fx.ids.ticket!,
    'work-logs': fx.ids[`workLog:${entryAuthor}`]!,
    expenses: fx.ids[`expense:${entryAuthor}`]!,
    users: fx.users.target.id,
    departments: fx.ids.policeDepartment!,
    queues: fx.ids.spareQueue!,
    categories: fx.ids.category!,
    assets: fx.ids.spareAsset!,
    calendars: fx.ids.calendar!,
    holidays: fx.ids.holiday!,
    'sla-policies': fx.ids.policy!,
    'maintenance-plans': fx.ids.plan!,
    feeds: fx.ids.feed!,
    rates: fx.ids.rate!,
    notifications: fx.ids.notification!,
    imports: fx.ids.importRun!,
    files: fx.ids.importFile!,
  };
  return Object.fromEntries(
    op.pathParams.map((p) => {
      if (p.name === 'token') return [p.name, fx.ids.feedToken!];
      const collection = collectionOf(op, p.name);
      const value = byCollection[collection];
      if (!value) throw new Error(`${op.key}: no fixture record for {${p.name}} in ${collection}; add one to fuzz-fixture.ts`);
      return [p.name, value];
    }),
  );
}

let unique = 0;
/** A short token no earlier request used (names and codes are unique in many tables). */
export function uniqueToken(): string {
  unique += 1;
  return `z${Date.now().toString(36).slice(-4)}${unique.toString(36)}`;
}

/** A valid id for a uuid field, by its name. */
function idFor(fx: FuzzFixture, name: string): string | undefined {
  const n = name.toLowerCase();
  if (n.includes('department')) return fx.ids.financeDepartment;
  if (n.includes('queue')) return fx.ids.serviceDesk;
  if (n.includes('category')) return fx.ids.category;
  if (n.includes('asset')) return fx.ids.asset;
  if (n.includes('calendar')) return fx.ids.calendar;
  if (n === 'fileid') return fx.ids.importFile;
  if (n.includes('assignee') || n.includes('worker') || n.includes('lead')) return fx.users.technician.id;
  if (n.includes('requester') || n.includes('user')) return fx.users.technician.id;
  return undefined;
}

/** A value the schema accepts, for fields a request needs but a probe is not about. */
export function validValue(fx: FuzzFixture, name: string, schema: Schema): unknown {
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, Math.min(schema.maximum ?? 1, 1));
    case 'boolean':
      return false;
    case 'array':
      return schema.minItems ? Array.from({ length: schema.minItems }, () => validValue(fx, name, schema.items ?? {})) : [];
    case 'object':
      return validObject(fx, schema);
    default:
      if (schema.format === 'uuid') return idFor(fx, name) ?? fx.ids.ticket;
      if (schema.format === 'date') return '2026-02-20';
      if (schema.format === 'date-time') return '2026-02-20T12:00:00Z';
      if (schema.format === 'email' || /email/i.test(name)) return `${uniqueToken()}@city.test`;
      if (/password/i.test(name)) return STRONG_PASSWORD;
      if (/code/i.test(name) && schema.pattern) return uniqueToken().toUpperCase().slice(0, 16);
      if (schema.example !== undefined && typeof schema.example === 'string' && !/name|title|tag|code/i.test(name))
        return schema.example;
      return uniqueToken()
        .slice(0, Math.max(1, schema.maxLength ?? 40))
        .padEnd(schema.minLength ?? 1, 'x');
  }
}

function validObject(fx: FuzzFixture, schema: Schema): Record<string, unknown> {
  return Object.fromEntries((schema.required ?? []).map((k) => [k, validValue(fx, k, schema.properties?.[k] ?? {})]));
}

/** What a route needs beyond its schema's required fields to be accepted (or, for sign-in and password, safely refused). */
const BODY_OVERRIDES: Record<string, (fx: FuzzFixture) => Promise<Record<string, unknown>> | Record<string, unknown>> = {
  'POST /api/auth/login': (fx) => ({ email: fx.users.login.email, password: 'not-the-password-2026' }),
  'POST /api/auth/password': () => ({ currentPassword: 'not-the-current-password', newPassword: STRONG_PASSWORD }),
  'POST /api/calendars': () => ({
    name: `Fuzz ${uniqueToken()}`,
    timeZone: 'America/New_York',
    windows: [{ day: 1, start: '08:00', end: '17:00' }],
  }),
  'POST /api/calendars/{id}/holidays/public': () => ({ country: 'US', fromYear: 2026, toYear: 2026 }),
  'POST /api/sla-policies': () => ({ name: `Fuzz ${uniqueToken()}`, resolutionMinutes: 480 }),
  'PUT /api/sla-policies/order': async (fx) => ({
    ids: (await fx.t.dataSource.query<{ id: string }[]>(`SELECT id FROM sla_policies ORDER BY position`)).map((r) => r.id),
  }),
  'POST /api/maintenance-plans': (fx) => planBody(fx),
  'POST /api/maintenance-plans/preview': (fx) => planBody(fx),
  'PATCH /api/maintenance-plans/{id}': async (fx) => ({ version: await versionOf(fx, 'maintenance_plans', fx.ids.plan!) }),
  'PATCH /api/tickets/{id}': async (fx) => ({ version: await versionOf(fx, 'tickets', fx.ids.ticket!) }),
  'POST /api/tickets/{id}/work-logs': () => ({ workDate: '2026-02-20', minutes: 30 }),
  'POST /api/tickets/{id}/expenses': () => ({ type: 'parts', amountCents: 1500, spentOn: '2026-02-20' }),
  'POST /api/rates': () => ({ role: 'technician', hourlyRateCents: 5000, effectiveFrom: `20${10 + (unique++ % 89)}-01-01` }),
  'POST /api/imports/tickets': (fx) => importBody(fx),
  'PUT /api/queues/{id}/members': () => ({ userIds: [] }),
};

/** The version a client would have read (optimistic writes need it). */
async function versionOf(fx: FuzzFixture, table: 'tickets' | 'maintenance_plans', id: string): Promise<number> {
  const [row] = await fx.t.dataSource.query<{ version: number }[]>(`SELECT version FROM ${table} WHERE id = $1`, [id]);
  if (!row) throw new Error(`fixture: no ${table} row ${id}`);
  return row.version;
}

function planBody(fx: FuzzFixture): Record<string, unknown> {
  return {
    name: `Fuzz ${uniqueToken()}`,
    titleTemplate: 'Patch {{plan}}',
    queueId: fx.ids.serviceDesk,
    departmentId: fx.ids.financeDepartment,
    rule: 'FREQ=MONTHLY',
    startsOn: '2026-04-01',
  };
}

/** Text bodies (CSV, iCalendar) that the route accepts. */
const TEXT_BODIES: Record<string, () => string> = {
  'text/csv': () => `tag,name,type,department\nFZ-${uniqueToken()},Fuzz laptop,laptop,NOPE\n`,
  'text/calendar': () =>
    'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//fuzz//EN\r\nBEGIN:VEVENT\r\nUID:fuzz-1\r\nDTSTART;VALUE=DATE:20261231\r\nSUMMARY:Fuzz day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
};

/** A body the route accepts as it is (required fields valid), for the probes to change one field of. */
export async function validBody(fx: FuzzFixture, op: Operation): Promise<unknown> {
  if (!op.body) return undefined;
  if (op.body.contentType !== 'application/json') {
    const text = TEXT_BODIES[op.body.contentType];
    if (!text) throw new Error(`${op.key}: no valid ${op.body.contentType} body; add one to fuzz-fixture.ts`);
    return text();
  }
  const override = BODY_OVERRIDES[op.key];
  return { ...validObject(fx, op.body.schema), ...(override ? await override(fx) : {}) };
}

/** Query values the route needs (required parameters), valid. */
export function validQuery(fx: FuzzFixture, op: Operation): Record<string, string> {
  const query: Record<string, string> = {};
  for (const p of op.query) {
    if (p.required) query[p.name] = String(validValue(fx, p.name, p.schema));
  }
  if (op.key === 'POST /api/assets/import') query.dryRun = 'true';
  if (op.key === 'GET /api/maintenance/calendar')
    Object.assign(query, { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' });
  return query;
}

/** Sends a request as the route takes it: JSON, or a text body with its content type. */
export function send(client: ApiClient, op: Operation, path: string, body: unknown, rawJson?: string): Promise<ApiResponse> {
  if (op.body && op.body.contentType !== 'application/json') {
    return client.request(op.method, path, undefined, {
      headers: { 'content-type': op.body.contentType },
      rawBody: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }
  if (rawJson !== undefined) return client.request(op.method, path, undefined, { rawBody: rawJson });
  return client.request(op.method, path, body, {});
}
