import { createDepartment, createUser, type UserRecord } from '../../factories/identity.factory.js';
import { createAsset, createCategory, createQueue } from '../../factories/reference.factory.js';
import { queueId } from '../../factories/ticket.factory.js';
import type { ApiClient, ApiResponse, TestApp } from '../../support/test-app.js';

/**
 * A small city with one record of every kind a route names, made through the API where the API
 * makes them, for the suites that walk every route (CSRF, security headers): an admin, a
 * technician and a requester, each signed in, and `records` keyed by the collection a path
 * parameter addresses (see concretePath in authn-openapi.ts).
 */
export interface AuthnCity {
  users: { admin: UserRecord; technician: UserRecord; requester: UserRecord };
  clients: { admin: ApiClient; technician: ApiClient; requester: ApiClient };
  records: Record<string, string>;
}

async function made<T = any>(what: string, answer: Promise<ApiResponse<T>>): Promise<T> {
  const res = await answer;
  if (res.status < 200 || res.status > 299)
    throw new Error(`fixture: ${what} answered ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function buildAuthnCity(t: TestApp): Promise<AuthnCity> {
  const db = t.dataSource;
  const finance = await createDepartment(db, { name: 'Authn Finance' });
  const spareDepartment = await createDepartment(db, { name: 'Authn Parks' });
  const users = {
    admin: await createUser(db, { role: 'admin', departmentId: finance.id }),
    technician: await createUser(db, { role: 'technician', departmentId: finance.id }),
    requester: await createUser(db, { role: 'requester', departmentId: finance.id }),
  };
  const spareUser = await createUser(db, { role: 'requester', departmentId: finance.id });
  const clients = { admin: t.client(), technician: t.client(), requester: t.client() };
  for (const role of ['admin', 'technician', 'requester'] as const)
    await clients[role].login(users[role].email, users[role].password);
  const admin = clients.admin;

  const serviceDesk = await queueId(db, 'service_desk');
  await db.query(`INSERT INTO queue_members (queue_id, user_id) VALUES ($1, $2)`, [serviceDesk, users.technician.id]);
  for (const role of ['technician', 'admin'] as const) {
    await db.query(
      `INSERT INTO labor_rates (role, hourly_rate_cents, effective_from, created_by_id, created_at) VALUES ($1, 5000, '2020-01-01', $2, now())`,
      [role, users.admin.id],
    );
  }
  const queue = await createQueue(db, { name: 'Authn Field Services', memberIds: [users.technician.id] });
  const category = await createCategory(db, { name: 'Authn Printers', defaultQueueId: serviceDesk });
  const asset = await createAsset(db, { departmentId: finance.id });
  const calendar = await made(
    'calendar',
    admin.post('/api/calendars', {
      name: 'Authn office hours',
      timeZone: 'America/New_York',
      windows: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '17:00' })),
    }),
  );
  const holiday = await made(
    'holiday',
    admin.post(`/api/calendars/${calendar.id}/holidays`, { date: '2026-12-25', name: 'Christmas' }),
  );
  const policy = await made(
    'SLA policy',
    admin.post('/api/sla-policies', { name: 'Authn fallback', firstResponseMinutes: 60, resolutionMinutes: 480 }),
  );
  const plan = await made(
    'maintenance plan',
    admin.post('/api/maintenance-plans', {
      name: 'Authn patching',
      titleTemplate: 'Patch {{plan}}',
      queueId: serviceDesk,
      departmentId: finance.id,
      rule: 'FREQ=MONTHLY',
      startsOn: '2026-04-01',
    }),
  );
  const ticket = await made(
    'ticket',
    clients.requester.post('/api/tickets', { title: 'Authn ticket', impact: 'one_person', urgency: 'can_wait' }),
  );
  const workLog = await made(
    'work log',
    admin.post(`/api/tickets/${ticket.id}/work-logs`, { workDate: '2026-02-20', minutes: 30 }),
  );
  const expense = await made(
    'expense',
    admin.post(`/api/tickets/${ticket.id}/expenses`, { type: 'parts', amountCents: 1500, spentOn: '2026-02-20' }),
  );
  const feed = await made<{ id: string; url: string }>('calendar feed', admin.post('/api/maintenance/feeds', {}));
  const rate = await made(
    'rate',
    admin.post('/api/rates', { userId: users.technician.id, hourlyRateCents: 5500, effectiveFrom: '2025-01-01' }),
  );
  const [notification] = await db.query(
    `INSERT INTO notifications (user_id, ticket_id, type, title, body, created_at) VALUES ($1, $2, 'public_reply', 'A reply', '', now()) RETURNING id`,
    [users.admin.id, ticket.id],
  );
  const file = await made<{ id: string }>(
    'import file',
    admin.request('POST', '/api/imports/files?name=authn.csv', undefined, {
      headers: { 'content-type': 'text/csv' },
      rawBody: 'id,title,opened\nA1,Old ticket,2025-06-01T10:00:00Z\n',
    }),
  );
  const run = await made(
    'import run',
    admin.post('/api/imports/tickets', {
      fileId: file.id,
      dryRun: true,
      columns: { externalId: 'id', title: 'title', openedAt: 'opened' },
      dateFormat: 'ISO',
      timeZone: 'America/New_York',
      defaults: { priority: 'P3', departmentId: finance.id, queueId: serviceDesk, requesterId: users.requester.id },
    }),
  );

  return {
    users,
    clients,
    records: {
      departments: spareDepartment.id,
      users: spareUser.id,
      queues: queue.id,
      categories: category.id,
      assets: asset.id,
      calendars: calendar.id,
      holidays: holiday.id,
      'sla-policies': policy.id,
      tickets: ticket.id,
      'work-logs': workLog.id,
      expenses: expense.id,
      'maintenance-plans': plan.id,
      feeds: feed.id,
      feedToken: /\/feeds\/([^/]+)\/calendar\.ics$/.exec(feed.url)![1]!,
      rates: rate.id,
      notifications: notification.id,
      imports: run.id,
      files: file.id,
      // Ids the routes' bodies need.
      serviceDesk,
      financeDepartment: finance.id,
    },
  };
}
