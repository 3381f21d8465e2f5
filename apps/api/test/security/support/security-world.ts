import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Random } from '../../../src/database/seed/history/random.js';
import { createDepartment, createUser } from '../../factories/identity.factory.js';
import { createCategory, createQueue } from '../../factories/reference.factory.js';
import { queueId } from '../../factories/ticket.factory.js';
import type { ApiClient, TestApp } from '../../support/test-app.js';
import {
  isStaff,
  staffSeesQueue,
  worksTicket,
  type MAsset,
  type MComment,
  type MCostEntry,
  type MQueue,
  type MTicket,
  type MUser,
  type Role,
  type TicketStatus,
  type World,
} from './access-model.js';

export const SECURITY_SEED_VAR = 'SECURITY_SEED';

/**
 * The seed of this run: SECURITY_SEED when given (a failure prints the seed that found it, so
 * `SECURITY_SEED=<n> npm test -- test/security` replays it), else a fixed one so CI is repeatable.
 */
export function securitySeed(fallback: number): number {
  const given = process.env[SECURITY_SEED_VAR];
  if (given === undefined || given === '') return fallback;
  const seed = Number(given);
  if (!Number.isSafeInteger(seed)) throw new Error(`${SECURITY_SEED_VAR} must be an integer, got ${given}`);
  return seed;
}

/**
 * Checks per route family: 500 in `npm run test:security`, 2,000 in `npm run test:security:long` (SECURITY_LONG=1);
 * SECURITY_CHECKS sets another number (never under 500).
 */
export function checksPerFamily(): number {
  const given = Number(process.env.SECURITY_CHECKS ?? 0) || 0;
  return Math.max(500, given || (process.env.SECURITY_LONG === '1' ? 2_000 : 500));
}

/** A test's time limit, scaled for the long runs. */
export function securityTimeout(ms: number): number {
  return process.env.SECURITY_LONG === '1' ? ms * 6 : ms;
}

export interface ModelAsset extends MAsset {
  type: 'laptop' | 'desktop' | 'printer' | 'server';
  status: 'in_service' | 'in_repair' | 'retired';
}

export interface ModelTicket extends MTicket {
  workClass: 'reactive' | 'service' | 'proactive';
}

export interface SecurityWorld extends World {
  tickets: ModelTicket[];
  assets: ModelAsset[];
  t: TestApp;
  seed: number;
  /** A signed-in client per user id. */
  clients: Map<string, ApiClient>;
  /** Work log and expense ids that were deleted (stale ids are good probes). */
  deletedEntryIds: Set<string>;
}

/** Noon-ish UTC on a day: a city day in any US zone, so report periods never straddle. */
const WORLD_FROM = Date.parse('2025-03-03T15:00:00Z');
const WORLD_TO = Date.parse('2026-02-25T15:00:00Z');
export const REPORT_RANGE = { from: '2025-03-01', to: '2026-03-02' };

const STATUSES: TicketStatus[] = [
  'new',
  'assigned',
  'in_progress',
  'in_progress',
  'waiting_on_requester',
  'waiting_on_vendor',
  'waiting_on_vendor',
  'resolved',
  'closed',
  'canceled',
];
const WORK_CLASS = { incident: 'reactive', service_request: 'service', maintenance: 'proactive' } as const;
const NUMBER_PREFIX = { incident: 'INC', service_request: 'REQ', maintenance: 'MNT' } as const;

/**
 * A small city with every kind of record the access rules distinguish, generated from a seed:
 * departments, several users per role (one requester without a department), open and restricted
 * queues with and without each kind of staff member, tickets across departments, queues and
 * statuses (some filed by staff for themselves), comments and internal notes, trail events, work
 * logs, expenses, assets, notifications and import runs. Rows are inserted directly (fast and
 * exact); the import runs go through the API, as an admin.
 */
export async function buildSecurityWorld(t: TestApp, seed: number): Promise<SecurityWorld> {
  const db = t.dataSource;
  const rng = Random.seeded(seed);
  const tag = rng.int(0, 36 ** 4).toString(36);

  const departments = [];
  for (const [name, lifeSafety] of [
    ['Finance', false],
    ['Police', true],
    ['Parks', false],
    ['Information Technology', false],
  ] as const) {
    departments.push(await createDepartment(db, { name: `${name} ${tag}`, lifeSafety }));
  }
  const [finance, police, parks, it] = departments as [
    (typeof departments)[0],
    (typeof departments)[0],
    (typeof departments)[0],
    (typeof departments)[0],
  ];

  const users: MUser[] = [];
  const addUser = async (role: Role, departmentId: string | null, label: string): Promise<MUser> => {
    const record = await createUser(db, { role, departmentId, name: `${label} ${users.length}` });
    const user: MUser = { id: record.id, email: record.email, name: record.name, role, departmentId };
    users.push(user);
    return user;
  };
  for (const dept of [finance, finance, police, police, parks, parks]) await addUser('requester', dept.id, 'Employee');
  await addUser('requester', null, 'Contractor'); // no department: sees no department's assets
  for (const dept of [it, it, it, police, finance]) await addUser('technician', dept.id, 'Tech');
  for (const dept of [it, finance]) await addUser('manager', dept.id, 'Manager');
  for (const dept of [it, it]) await addUser('admin', dept.id, 'Admin');
  const byRole = (role: Role) => users.filter((u) => u.role === role);
  const staff = users.filter(isStaff);
  const [adminA, adminB] = byRole('admin') as [MUser, MUser];
  const [managerA, managerB] = byRole('manager') as [MUser, MUser];
  const techs = byRole('technician');

  // Queues: the two built-in ones plus one open and two restricted queues. Each restricted queue
  // has a technician, a manager or admin inside and others outside, so every rule has both sides.
  const queues: MQueue[] = [];
  const serviceDesk = await queueId(db, 'service_desk');
  const security = await queueId(db, 'security');
  const members = (pick: MUser[]) => pick.map((u) => u.id);
  const shuffledTechs = shuffle(rng, techs);
  const plan: { id?: string; name: string; restricted: boolean; memberIds: string[] }[] = [
    { id: serviceDesk, name: 'Service Desk', restricted: false, memberIds: members(shuffledTechs.slice(0, 3)) },
    { id: security, name: 'Security', restricted: false, memberIds: members([shuffledTechs[3]!]) },
    { name: `Network ${tag}`, restricted: false, memberIds: members([shuffledTechs[1]!, shuffledTechs[4]!, managerB]) },
    {
      name: `Public Safety Systems ${tag}`,
      restricted: true,
      memberIds: members([shuffledTechs[0]!, shuffledTechs[3]!, managerA, adminA]),
    },
    { name: `HR Systems ${tag}`, restricted: true, memberIds: members([shuffledTechs[2]!, managerB]) },
  ];
  for (const q of plan) {
    if (q.id) {
      await db.query(`INSERT INTO queue_members (queue_id, user_id) SELECT $1, unnest($2::uuid[])`, [q.id, q.memberIds]);
      queues.push({ id: q.id, name: q.name, restricted: q.restricted, memberIds: new Set(q.memberIds) });
    } else {
      const created = await createQueue(db, { name: q.name, restricted: q.restricted, memberIds: q.memberIds });
      queues.push({ id: created.id, name: q.name, restricted: q.restricted, memberIds: new Set(q.memberIds) });
    }
  }
  const categories = [
    { id: (await createCategory(db, { name: `Radios ${tag}`, defaultQueueId: queues[3]!.id })).id },
    { id: (await createCategory(db, { name: `Printers ${tag}`, defaultQueueId: serviceDesk })).id },
  ];

  // Role default rates, so staff can log time through the API on any day of the world.
  for (const role of ['technician', 'manager', 'admin'] as const) {
    await db.query(
      `INSERT INTO labor_rates (role, hourly_rate_cents, effective_from, created_by_id, created_at) VALUES ($1, $2, '2020-01-01', $3, now())`,
      [role, 6000, adminB.id],
    );
  }

  const assets: ModelAsset[] = [];
  const assetTypes = ['laptop', 'desktop', 'printer', 'server'] as const;
  const assetStatuses = ['in_service', 'in_service', 'in_repair', 'retired'] as const;
  for (const dept of departments) {
    for (let i = 0; i < 6; i++) {
      const type = rng.pick(assetTypes);
      const status = rng.pick(assetStatuses);
      const [row] = await db.query(
        `INSERT INTO assets (tag, name, type, department_id, status, lifecycle_years, purchase_date, cost_cents, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 4, '2023-05-01', $6, now(), now()) RETURNING id`,
        [`SEC-${tag}-${assets.length}`, `Device ${assets.length}`, type, dept.id, status, rng.int(10_000, 500_000)],
      );
      assets.push({ id: row.id, departmentId: dept.id, type, status });
    }
  }

  // Tickets: mostly employees', some filed by staff for themselves; restricted queues well represented.
  const tickets: ModelTicket[] = [];
  const requesters = byRole('requester').filter((u) => u.departmentId !== null);
  const queueWeights = queues.map((q) => [q, q.restricted ? 3 : 2] as const);
  for (let i = 0; i < 150; i++) {
    const requester = rng.chance(0.8) ? rng.pick(requesters) : rng.pick(staff);
    // Usually the requester's department; sometimes staff moved it to another.
    const departmentId = rng.chance(0.85) && requester.departmentId ? requester.departmentId : rng.pick(departments).id;
    const queue = rng.weighted(queueWeights);
    const status = rng.pick(STATUSES);
    const assignable = staff.filter((u) => staffSeesQueue(u, queue));
    const assigneeId = status !== 'new' && rng.chance(0.75) ? rng.pick(assignable).id : null;
    const kind = rng.weighted([
      ['incident', 6],
      ['service_request', 3],
      ['maintenance', 1],
    ] as const);
    const deptAssets = assets.filter((a) => a.departmentId === departmentId);
    const createdAt = new Date(WORLD_FROM + Math.floor(rng.float() * ((WORLD_TO - WORLD_FROM) / 86_400_000)) * 86_400_000);
    const [{ n }] = await db.query(`SELECT nextval($1::regclass)::int AS n`, [`ticket_number_${kind}`]);
    const number = `${NUMBER_PREFIX[kind]}-${String(n).padStart(6, '0')}`;
    const ticket: ModelTicket = {
      id: randomUUID(),
      number,
      kind,
      workClass: WORK_CLASS[kind],
      requesterId: requester.id,
      departmentId,
      queueId: queue.id,
      assigneeId,
      categoryId: rng.chance(0.4) ? rng.pick(categories).id : null,
      assetId: deptAssets.length && rng.chance(0.4) ? rng.pick(deptAssets).id : null,
      priority: rng.pick(['P1', 'P2', 'P3', 'P4'] as const),
      status,
      createdAt,
      version: 1,
      title: `Security world ticket ${i}`,
    };
    const done = status === 'resolved' || status === 'closed' || status === 'canceled';
    await db.query(
      `INSERT INTO tickets (id, number, kind, work_class, title, description, status, impact, urgency, priority, requester_id,
                            department_id, queue_id, assignee_id, category_id, asset_id, source, created_by_id, created_at,
                            updated_at, resolved_at, closed_at, first_resolved_at)
       VALUES ($1, $2, $3, $4, $5, 'Seeded for the security suites', $6, 'one_person', 'inconvenience', $7, $8, $9, $10, $11, $12,
               $13, 'web', $8, $14, $14, $15, $16, $15)`,
      [
        ticket.id,
        number,
        kind,
        ticket.workClass,
        ticket.title,
        status,
        ticket.priority,
        requester.id,
        departmentId,
        queue.id,
        assigneeId,
        ticket.categoryId,
        ticket.assetId,
        createdAt,
        done && status !== 'canceled' ? new Date(createdAt.getTime() + 3_600_000) : null,
        status === 'closed' || status === 'canceled' ? new Date(createdAt.getTime() + 7_200_000) : null,
      ],
    );
    await event(db, ticket.id, requester.id, 'created', true, { onBehalf: false }, createdAt);
    if (assigneeId) await event(db, ticket.id, adminB.id, 'assigned', false, { from: null, to: assigneeId }, createdAt);
    tickets.push(ticket);
  }

  const world: SecurityWorld = {
    t,
    seed,
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
    users,
    queues,
    categories,
    tickets,
    comments: [],
    workLogs: [],
    expenses: [],
    assets,
    notifications: [],
    importRuns: [],
    importFileIds: [],
    clients: new Map(),
    deletedEntryIds: new Set(),
  };

  // Replies from the requester, and public replies and internal notes from staff who work the ticket.
  for (const ticket of tickets) {
    const workers = staff.filter((u) => worksTicket(world, u, ticket));
    for (let c = rng.int(0, 4); c > 0; c--) {
      const byStaff = workers.length > 0 && rng.chance(0.6);
      const comment: MComment = {
        id: randomUUID(),
        ticketId: ticket.id,
        authorId: byStaff ? rng.pick(workers).id : ticket.requesterId,
        internal: byStaff && rng.chance(0.5),
      };
      await db.query(
        `INSERT INTO ticket_comments (id, ticket_id, author_id, body, internal, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          comment.id,
          ticket.id,
          comment.authorId,
          comment.internal ? 'INTERNAL note' : 'Public reply',
          comment.internal,
          ticket.createdAt,
        ],
      );
      await event(
        db,
        ticket.id,
        comment.authorId,
        'commented',
        !comment.internal,
        { commentId: comment.id, internal: comment.internal },
        ticket.createdAt,
      );
      world.comments.push(comment);
    }
    if (workers.length && rng.chance(0.45)) {
      for (let w = rng.int(1, 2); w > 0; w--) {
        const worker = rng.pick(workers);
        const entry: MCostEntry = {
          id: randomUUID(),
          ticketId: ticket.id,
          createdById: worker.id,
          amount: rng.int(5, 240),
          day: dayOf(ticket.createdAt),
        };
        await db.query(
          `INSERT INTO ticket_work_logs (id, ticket_id, user_id, work_date, minutes, note, rate_cents, cost_cents, created_by_id, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, '', 6000, $6, $3, $7, $7)`,
          [entry.id, ticket.id, worker.id, entry.day, entry.amount, Math.round((entry.amount * 6000) / 60), ticket.createdAt],
        );
        await event(
          db,
          ticket.id,
          worker.id,
          'work_logged',
          false,
          { workLogId: entry.id, minutes: entry.amount },
          ticket.createdAt,
        );
        world.workLogs.push(entry);
      }
    }
    if (workers.length && rng.chance(0.35)) {
      const worker = rng.pick(workers);
      const entry: MCostEntry = {
        id: randomUUID(),
        ticketId: ticket.id,
        createdById: worker.id,
        amount: rng.int(100, 250_000),
        day: dayOf(ticket.createdAt),
      };
      await db.query(
        `INSERT INTO ticket_expenses (id, ticket_id, type, amount_cents, vendor, spent_on, description, created_by_id, created_at, updated_at)
         VALUES ($1, $2, 'parts', $3, 'Vendor', $4, '', $5, $6, $6)`,
        [entry.id, ticket.id, entry.amount, entry.day, worker.id, ticket.createdAt],
      );
      await event(
        db,
        ticket.id,
        worker.id,
        'expense_added',
        false,
        { expenseId: entry.id, amountCents: entry.amount },
        ticket.createdAt,
      );
      world.expenses.push(entry);
    }
  }
  await db.query(
    `UPDATE tickets t SET
        labour_minutes = (SELECT coalesce(sum(w.minutes), 0) FROM ticket_work_logs w WHERE w.ticket_id = t.id),
        labour_cost_cents = (SELECT coalesce(sum(w.cost_cents), 0) FROM ticket_work_logs w WHERE w.ticket_id = t.id),
        expense_cents = (SELECT coalesce(sum(e.amount_cents), 0) FROM ticket_expenses e WHERE e.ticket_id = t.id)
      WHERE t.id = ANY($1::uuid[])`,
    [tickets.map((x) => x.id)],
  );

  // Notifications: a handful per user, some read.
  for (const user of users) {
    for (let k = rng.int(2, 6); k > 0; k--) {
      const ticket = rng.pick(tickets);
      const createdAt = new Date(WORLD_TO - rng.int(0, 100_000) * 60_000);
      const read = rng.chance(0.3);
      const [row] = await db.query(
        `INSERT INTO notifications (user_id, ticket_id, type, title, body, link, created_at, read_at)
         VALUES ($1, $2, 'public_reply', $3, 'A reply', $4, $5, $6) RETURNING id`,
        [user.id, ticket.id, `${ticket.number} has a reply`, `/tickets/${ticket.number}`, createdAt, read ? createdAt : null],
      );
      world.notifications.push({ id: row.id, userId: user.id, createdAt, read });
    }
  }

  for (const user of users) {
    const client = t.client();
    await client.login(user.email, 'factory-password-2026');
    world.clients.set(user.id, client);
  }

  // Import runs, as an admin would make them: a file uploaded and checked (a dry run, queued).
  const admin = world.clients.get(adminB.id)!;
  for (let r = 0; r < 2; r++) {
    const file = await admin.request<{ id: string }>('POST', `/api/imports/files?name=history-${r}.csv`, undefined, {
      headers: { 'content-type': 'text/csv' },
      rawBody: `id,title,opened\nX${r},Old ticket,2025-06-01T10:00:00Z\n`,
    });
    if (file.status !== 201) throw new Error(`world: upload answered ${file.status} ${JSON.stringify(file.body)}`);
    const run = await admin.post('/api/imports/tickets', importMapping(file.body.id, world));
    if (run.status !== 202) throw new Error(`world: import answered ${run.status} ${JSON.stringify(run.body)}`);
    world.importFileIds.push(file.body.id);
    world.importRuns.push({ id: run.body.id, fileId: file.body.id });
  }
  return world;
}

/** A dry-run mapping of the world's tiny history file (id, title, opened). */
export function importMapping(fileId: string, world: World): Record<string, unknown> {
  return {
    fileId,
    dryRun: true,
    columns: { externalId: 'id', title: 'title', openedAt: 'opened' },
    dateFormat: 'ISO',
    timeZone: 'America/New_York',
    defaults: {
      priority: 'P3',
      departmentId: world.departments[0]!.id,
      queueId: world.queues[0]!.id,
      requesterId: world.users[0]!.id,
    },
  };
}

async function event(
  db: DataSource,
  ticketId: string,
  actorId: string,
  type: string,
  isPublic: boolean,
  data: Record<string, unknown>,
  at: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO ticket_events (ticket_id, actor_id, type, public, data, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [ticketId, actorId, type, isPublic, data, at],
  );
}

/** Fisher–Yates with the world's dice. */
export function shuffle<T>(rng: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function clientOf(world: SecurityWorld, user: MUser): ApiClient {
  const client = world.clients.get(user.id);
  if (!client) throw new Error(`no client for ${user.name}`);
  return client;
}
