import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { createDepartment, createUser, signedInAs, type UserRecord } from './factories/identity.factory.js';
import { createCategory, createQueue } from './factories/reference.factory.js';
import { startTestApp, type ApiClient, type ApiResponse, type TestApp } from './support/test-app.js';
import { seededRandom } from './support/seeded-random.js';

/**
 * The reports against a plain computation inside this test over generated history: every count,
 * sum, median, p90 and rate is worked out here from the rows the test wrote, in the city's time
 * zone (America/New_York), and compared with the API's figures exactly.
 */

const TZ = 'America/New_York';
const NOW = '2026-08-15T16:00:00Z'; // 12:00 in the city, 2026-08-15
const TODAY = '2026-08-15';
const FROM = '2025-05-01';
const TO = '2026-08-15';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type WorkClass = 'reactive' | 'service' | 'proactive';
type Kind = 'incident' | 'service_request' | 'maintenance';
type Status = 'new' | 'in_progress' | 'waiting_on_requester' | 'resolved' | 'closed' | 'canceled';

interface Log {
  workDate: string;
  minutes: number;
  costCents: number;
}
interface Expense {
  spentOn: string;
  amountCents: number;
  /** The asset the money went into, when not the ticket's. */
  assetId?: string | null;
}
interface Ticket {
  id?: string;
  createdAt: Date;
  departmentId: string;
  queueId: string;
  categoryId: string | null;
  priority: 'P1' | 'P2' | 'P3' | 'P4';
  kind: Kind;
  workClass: WorkClass;
  status: Status;
  firstResponseAt: Date | null;
  firstResolvedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  frMinutes: number | null;
  firstResMinutes: number | null;
  resMinutes: number | null;
  frBreached: boolean | null;
  resBreached: boolean | null;
  assetId: string | null;
  logs: Log[];
  expenses: Expense[];
}

// ── An independent calendar: local days via Intl, periods with plain date arithmetic. ──

const localDay = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' });
const dayOf = (instant: Date): string => localDay.format(instant);
const utc = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const plusDays = (day: string, n: number): string => new Date(utc(day) + n * DAY).toISOString().slice(0, 10);
const daysFrom = (a: string, b: string): number => Math.round((utc(b) - utc(a)) / DAY);
const pad = (n: number): string => String(n).padStart(2, '0');

type Interval = 'week' | 'month' | 'quarter' | 'fiscal_year';
function bucket(day: string, interval: Interval): string {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  switch (interval) {
    case 'week':
      return plusDays(day, -((new Date(utc(day)).getUTCDay() + 6) % 7));
    case 'month':
      return `${day.slice(0, 7)}-01`;
    case 'quarter':
      return `${y}-${pad(m - ((m - 1) % 3))}-01`;
    case 'fiscal_year':
      return m >= 7 ? `${y}-07-01` : `${y - 1}-07-01`;
  }
}
function nextBucket(start: string, interval: Interval): string {
  if (interval === 'week') return plusDays(start, 7);
  const months = { month: 1, quarter: 3, fiscal_year: 12 }[interval];
  const [y, m] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
}
function buckets(from: string, to: string, interval: Interval): string[] {
  const out: string[] = [];
  for (let b = bucket(from, interval); b <= to; b = nextBucket(b, interval)) out.push(b);
  return out;
}
const inRange = (day: string, from = FROM, to = TO): boolean => day >= from && day <= to;

/** PostgreSQL's percentile_cont: linear interpolation between the two nearest ranks. */
function percentileCont(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const [lo, hi] = [Math.floor(position), Math.ceil(position)];
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (position - lo);
}
const round = (value: number | null, decimals: number): number | null =>
  value === null ? null : Math.round(value * 10 ** decimals) / 10 ** decimals;
const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

describe('reports', () => {
  let t: TestApp;
  let manager: ApiClient;
  let technician: ApiClient;
  let requester: ApiClient;
  let employee: UserRecord;
  let tech: UserRecord;
  const departments: Record<string, string> = {};
  const departmentName: Record<string, string> = {};
  let memberQueue: string;
  let otherQueue: string;
  let hyperlinkCategory: string;
  let hardwareCategory: string;
  let boundary: string;
  const tickets: Ticket[] = [];
  const assets: Record<
    string,
    {
      id?: string;
      tag: string;
      name: string;
      purchaseDate: string | null;
      lifecycleYears: number;
      costCents: number | null;
      retired: boolean;
    }
  > = {};

  const get = (client: ApiClient, path: string, params: Record<string, string | undefined> = {}): Promise<ApiResponse> => {
    const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
    return client.get(`${path}?${query.toString()}`);
  };
  const ok = async (client: ApiClient, path: string, params: Record<string, string | undefined> = {}) => {
    const res = await get(client, path, params);
    expect(res.status).toBe(200);
    return res.body;
  };

  // ── Generated history ──

  function blank(createdAt: Date, overrides: Partial<Ticket> = {}): Ticket {
    return {
      createdAt,
      departmentId: departments.finance!,
      queueId: memberQueue,
      categoryId: null,
      priority: 'P3',
      kind: 'incident',
      workClass: 'reactive',
      status: 'new',
      firstResponseAt: null,
      firstResolvedAt: null,
      resolvedAt: null,
      closedAt: null,
      frMinutes: null,
      firstResMinutes: null,
      resMinutes: null,
      frBreached: null,
      resBreached: null,
      assetId: null,
      logs: [],
      expenses: [],
      ...overrides,
    };
  }

  function generate(count: number): Ticket[] {
    const r = seededRandom(20260815);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
    const start = Date.parse('2025-04-10T00:00:00Z');
    const end = Date.parse('2026-08-15T15:00:00Z');
    const now = Date.parse(NOW);
    const seconds = (ms: number) => Math.round(ms / 1000) * 1000;
    const out: Ticket[] = [];
    for (let i = 0; i < count; i++) {
      const createdAt = new Date(seconds(start + r() * (end - start)));
      const kind = pick(['incident', 'incident', 'incident', 'service_request', 'maintenance'] as const);
      const workClass: WorkClass =
        r() < 0.1
          ? pick(['reactive', 'service', 'proactive'] as const)
          : ({ incident: 'reactive', service_request: 'service', maintenance: 'proactive' }[kind] as WorkClass);
      const sla = r() < 0.8;
      const ticket = blank(createdAt, {
        departmentId: pick(Object.values(departments).filter((d) => d !== boundary)),
        queueId: pick([memberQueue, memberQueue, otherQueue]),
        categoryId: pick([hyperlinkCategory, hardwareCategory, null]),
        priority: pick(['P1', 'P2', 'P3', 'P3', 'P4'] as const),
        kind,
        workClass,
      });
      const after = (base: Date, maxHours: number) => new Date(seconds(base.getTime() + (0.2 + r() * maxHours) * HOUR));
      const firstResponse = after(createdAt, 30);
      if (firstResponse.getTime() < now && r() < 0.9) {
        ticket.firstResponseAt = firstResponse;
        ticket.status = 'in_progress';
        if (sla) {
          ticket.frMinutes = Math.floor(r() * 600);
          ticket.frBreached = r() < 0.25;
        }
      } else if (sla && r() < 0.5) {
        ticket.frBreached = true; // past due while still waiting
      }
      const outcome = r();
      const firstResolution = after(firstResponse, 200);
      const finalResolution = after(firstResolution, 100);
      if (outcome < 0.12 || firstResolution.getTime() >= now) {
        ticket.status = ticket.firstResponseAt ? pick(['in_progress', 'waiting_on_requester'] as const) : 'new';
        if (sla && r() < 0.3) ticket.resBreached = true;
      } else if (outcome < 0.2) {
        ticket.status = 'canceled';
        ticket.closedAt = firstResolution;
      } else {
        ticket.firstResolvedAt = firstResolution;
        ticket.resolvedAt = firstResolution;
        if (sla) {
          ticket.firstResMinutes = 30 + Math.floor(r() * 3000);
          ticket.resMinutes = ticket.firstResMinutes;
          ticket.resBreached = r() < 0.3;
        }
        if (outcome < 0.3) {
          // Reopened, and still open again.
          ticket.status = 'in_progress';
          ticket.resolvedAt = null;
          ticket.resMinutes = null;
        } else if (outcome < 0.4 && finalResolution.getTime() < now) {
          // Reopened and resolved again later.
          ticket.resolvedAt = finalResolution;
          if (sla) ticket.resMinutes = ticket.firstResMinutes! + Math.floor(r() * 900);
          ticket.status = 'resolved';
        } else {
          const closed = new Date(firstResolution.getTime() + 5 * DAY);
          ticket.status = closed.getTime() < now && r() < 0.7 ? 'closed' : 'resolved';
          if (ticket.status === 'closed') ticket.closedAt = closed;
          // Some rows come from paths that leave the first-resolution stamp empty.
          if (outcome > 0.95) ticket.firstResolvedAt = null;
        }
      }
      const createdDay = dayOf(createdAt);
      for (let n = Math.floor(r() * 4); n > 0; n--) {
        const minutes = 15 + Math.floor(r() * 240);
        const workDate = [plusDays(createdDay, Math.floor(r() * 25)), TODAY].sort()[0]!;
        ticket.logs.push({ workDate, minutes, costCents: Math.round((minutes * (5000 + Math.floor(r() * 4000))) / 60) });
      }
      if (r() < 0.35) {
        ticket.expenses.push({
          spentOn: [plusDays(createdDay, Math.floor(r() * 40)), TODAY].sort()[0]!,
          amountCents: 500 + Math.floor(r() * 90000),
        });
      }
      out.push(ticket);
    }
    return out;
  }

  async function insertTickets(list: Ticket[]): Promise<void> {
    const rows = list.map((x, i) => ({
      number: `RPT-${String(tickets.length + i).padStart(6, '0')}`,
      kind: x.kind,
      work_class: x.workClass,
      status: x.status,
      priority: x.priority,
      department_id: x.departmentId,
      queue_id: x.queueId,
      category_id: x.categoryId,
      asset_id: x.assetId,
      created_at: x.createdAt,
      first_response_at: x.firstResponseAt,
      first_resolved_at: x.firstResolvedAt,
      resolved_at: x.resolvedAt,
      closed_at: x.closedAt,
      first_response_minutes: x.frMinutes,
      first_resolution_minutes: x.firstResMinutes,
      resolution_minutes: x.resMinutes,
      first_response_breached: x.frBreached,
      resolution_breached: x.resBreached,
      labour_minutes: sum(x.logs.map((l) => l.minutes)),
      labour_cost_cents: sum(x.logs.map((l) => l.costCents)),
    }));
    const ids: { id: string }[] = await t.dataSource.query(
      `INSERT INTO tickets (number, kind, work_class, title, status, impact, urgency, priority, requester_id, department_id, queue_id,
                            category_id, asset_id, source, created_by_id, created_at, updated_at, first_response_at, first_resolved_at,
                            resolved_at, closed_at, first_response_minutes, first_resolution_minutes, resolution_minutes,
                            first_response_breached, resolution_breached, labour_minutes, labour_cost_cents)
       SELECT r.number, r.kind, r.work_class, 'Report fixture', r.status, 'one_person', 'inconvenience', r.priority, $2, r.department_id,
              r.queue_id, r.category_id, r.asset_id, 'import', $2, r.created_at, r.created_at, r.first_response_at, r.first_resolved_at,
              r.resolved_at, r.closed_at, r.first_response_minutes, r.first_resolution_minutes, r.resolution_minutes,
              r.first_response_breached, r.resolution_breached, r.labour_minutes, r.labour_cost_cents
         FROM json_populate_recordset(NULL::tickets, $1::json) r
       RETURNING id`,
      [JSON.stringify(rows), employee.id],
    );
    list.forEach((x, i) => (x.id = ids[i]!.id));
    const logs = list.flatMap((x) =>
      x.logs.map((l) => ({ ticket_id: x.id, work_date: l.workDate, minutes: l.minutes, cost_cents: l.costCents })),
    );
    await t.dataSource.query(
      `INSERT INTO ticket_work_logs (ticket_id, user_id, work_date, minutes, rate_cents, cost_cents, created_by_id, created_at, updated_at)
       SELECT r.ticket_id, $2, r.work_date, r.minutes, 6000, r.cost_cents, $2, now(), now()
         FROM json_populate_recordset(NULL::ticket_work_logs, $1::json) r`,
      [JSON.stringify(logs), tech.id],
    );
    const expenses = list.flatMap((x) =>
      x.expenses.map((e) => ({ ticket_id: x.id, spent_on: e.spentOn, amount_cents: e.amountCents, asset_id: e.assetId ?? null })),
    );
    await t.dataSource.query(
      `INSERT INTO ticket_expenses (ticket_id, type, amount_cents, spent_on, asset_id, created_by_id, created_at, updated_at)
       SELECT r.ticket_id, 'parts', r.amount_cents, r.spent_on, r.asset_id, $2, now(), now()
         FROM json_populate_recordset(NULL::ticket_expenses, $1::json) r`,
      [JSON.stringify(expenses), tech.id],
    );
    tickets.push(...list);
  }

  // ── Plain computations of each report ──

  const groupOf = (x: Ticket, groupBy: string | undefined): string | null => {
    switch (groupBy) {
      case 'work_class':
        return x.workClass;
      case 'priority':
        return x.priority;
      case 'department':
        return x.departmentId;
      case 'category':
        return x.categoryId;
      case 'queue':
        return x.queueId;
      default:
        return null;
    }
  };
  const cell = (periodStart: string, groupKey: string | null) => `${periodStart}|${groupKey}`;
  const keyOf = (row: { periodStart: string; groupKey: string | null }) => cell(row.periodStart, row.groupKey);
  const doneAt = (x: Ticket): Date | null =>
    ['resolved', 'closed', 'canceled'].includes(x.status) ? (x.resolvedAt ?? x.closedAt) : null;

  /** The groups a report's rows must have: every value of a vocabulary, else the groups in the expected cells. */
  const FIXED_GROUPS: Record<string, string[]> = {
    work_class: ['reactive', 'service', 'proactive'],
    priority: ['P1', 'P2', 'P3', 'P4'],
  };
  const groupsIn = (cells: Iterable<string>, groupBy: string | undefined): (string | null)[] =>
    FIXED_GROUPS[groupBy ?? ''] ?? [...new Set([...cells].map((k) => k.split('|')[1]!))].map((g) => (g === 'null' ? null : g));

  /** The API's rows as a map by cell, after checking they form the full grid of periods × groups. */
  function byCell(rows: any[], interval: Interval, expectedGroups: (string | null)[], from = FROM, to = TO): Map<string, any> {
    const periods = buckets(from, to, interval);
    expect(rows.map((r) => r.periodStart).filter((p, i, all) => all.indexOf(p) === i)).toEqual(periods);
    expect(new Set(rows.map((r) => r.groupKey))).toEqual(new Set(expectedGroups));
    expect(rows).toHaveLength(periods.length * expectedGroups.length);
    return new Map(rows.map((r) => [keyOf(r), r]));
  }

  function expectedSpend(list: Ticket[], interval: Interval, groupBy: string | undefined) {
    const cells = new Map<string, { labourMinutes: number; labourCents: number; expenseCents: number; proactive: number }>();
    const add = (day: string, x: Ticket, minutes: number, labour: number, expense: number) => {
      if (!inRange(day)) return;
      const key = cell(bucket(day, interval), groupOf(x, groupBy));
      const c = cells.get(key) ?? { labourMinutes: 0, labourCents: 0, expenseCents: 0, proactive: 0 };
      c.labourMinutes += minutes;
      c.labourCents += labour;
      c.expenseCents += expense;
      if (x.workClass === 'proactive') c.proactive += labour + expense;
      cells.set(key, c);
    };
    for (const x of list) {
      for (const l of x.logs) add(l.workDate, x, l.minutes, l.costCents, 0);
      for (const e of x.expenses) add(e.spentOn, x, 0, 0, e.amountCents);
    }
    return cells;
  }

  function expectedTimes(list: Ticket[], interval: Interval, groupBy: string | undefined) {
    const groups = new Map<string, Ticket[]>();
    for (const x of list.filter((x) => inRange(dayOf(x.createdAt)))) {
      const key = cell(bucket(dayOf(x.createdAt), interval), groupOf(x, groupBy));
      groups.set(key, [...(groups.get(key) ?? []), x]);
    }
    const measure = (xs: Ticket[], name: string, minutes: (x: Ticket) => number | null, at: (x: Ticket) => Date | null) => {
      const mins = xs.map(minutes).filter((v): v is number => v !== null);
      const secs = xs.flatMap((x) => {
        const end = at(x);
        return end ? [(end.getTime() - x.createdAt.getTime()) / 1000] : [];
      });
      const hours = (p: number) => {
        const s = percentileCont(secs, p);
        return s === null ? null : round(s / 3600, 2);
      };
      return {
        [`${name}Count`]: secs.length,
        [`${name}MinutesCount`]: mins.length,
        [`${name}MedianMinutes`]: round(percentileCont(mins, 0.5), 1),
        [`${name}P90Minutes`]: round(percentileCont(mins, 0.9), 1),
        [`${name}MedianHours`]: hours(0.5),
        [`${name}P90Hours`]: hours(0.9),
      };
    };
    return new Map(
      [...groups].map(([key, xs]) => [
        key,
        {
          ticketCount: xs.length,
          ...measure(
            xs,
            'firstResponse',
            (x) => x.frMinutes,
            (x) => x.firstResponseAt,
          ),
          ...measure(
            xs,
            'firstResolution',
            (x) => x.firstResMinutes,
            (x) => x.firstResolvedAt ?? x.resolvedAt,
          ),
          ...measure(
            xs,
            'resolution',
            (x) => x.resMinutes,
            (x) => x.resolvedAt,
          ),
        },
      ]),
    );
  }

  const EMPTY_TIMES = Object.fromEntries(
    ['firstResponse', 'firstResolution', 'resolution'].flatMap((m) => [
      [`${m}Count`, 0],
      [`${m}MinutesCount`, 0],
      [`${m}MedianMinutes`, null],
      [`${m}P90Minutes`, null],
      [`${m}MedianHours`, null],
      [`${m}P90Hours`, null],
    ]),
  );

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    employee = await createUser(t.dataSource, { role: 'requester' });
    tech = await createUser(t.dataSource, { role: 'technician' });
    const managerUser = await createUser(t.dataSource, { role: 'manager' });
    manager = t.client();
    await manager.login(managerUser.email, managerUser.password);
    technician = t.client();
    await technician.login(tech.email, tech.password);
    requester = t.client();
    await requester.login(employee.email, employee.password);

    // Names a spreadsheet would run as formulas, to see them neutralised in every CSV.
    for (const [key, name, code] of [
      ['finance', 'Finance', 'FIN'],
      ['plus', '+1 Parks', 'PARKS'],
      ['minus', '-2 Water', 'WATER'],
      ['at', '@x Library', 'LIB'],
      ['tab', '\tTab Police', 'POL'],
      ['boundary', 'Boundary', 'EDGE'],
    ] as const) {
      departments[key] = (await createDepartment(t.dataSource, { name, code })).id;
      departmentName[departments[key]] = name;
    }
    boundary = departments.boundary!;
    memberQueue = (await createQueue(t.dataSource, { name: 'Network', memberIds: [tech.id] })).id;
    otherQueue = (await createQueue(t.dataSource, { name: 'Public Safety Systems', restricted: true })).id;
    hyperlinkCategory = (
      await createCategory(t.dataSource, { name: '=HYPERLINK("http://evil.test","x")', defaultQueueId: memberQueue })
    ).id;
    hardwareCategory = (await createCategory(t.dataSource, { name: 'Hardware', defaultQueueId: memberQueue })).id;

    // Assets for the refresh forecast (July fiscal years).
    Object.assign(assets, {
      laptop: {
        tag: 'AR-1',
        name: 'Clerk laptop',
        purchaseDate: '2022-08-01',
        lifecycleYears: 3,
        costCents: 120000,
        retired: false,
      }, // due 2025-08-01: FY2026
      desktop: { tag: 'AR-2', name: 'Desk PC', purchaseDate: '2021-07-01', lifecycleYears: 4, costCents: 90000, retired: false }, // 2025-07-01: FY2026
      server: {
        tag: 'AR-3',
        name: 'File server',
        purchaseDate: '2021-06-30',
        lifecycleYears: 5,
        costCents: 800000,
        retired: false,
      }, // 2026-06-30: FY2026
      switch: {
        tag: 'AR-4',
        name: 'Core switch',
        purchaseDate: '2019-07-01',
        lifecycleYears: 7,
        costCents: 300000,
        retired: false,
      }, // 2026-07-01: FY2027
      leap: {
        tag: 'AR-5',
        name: 'Leap-day tablet',
        purchaseDate: '2020-02-29',
        lifecycleYears: 4,
        costCents: null,
        retired: false,
      }, // 2024-02-29: overdue
      retired: {
        tag: 'AR-6',
        name: 'Old printer',
        purchaseDate: '2021-01-01',
        lifecycleYears: 5,
        costCents: 40000,
        retired: true,
      },
      undated: { tag: 'AR-7', name: 'Mystery box', purchaseDate: null, lifecycleYears: 5, costCents: 1000, retired: false },
      formula: {
        tag: 'AR-8',
        name: '=cmd|"/C calc"!A0',
        purchaseDate: '2024-02-29',
        lifecycleYears: 5,
        costCents: 50000,
        retired: false,
      }, // 2029-02-28: FY2029
    });
    for (const a of Object.values(assets)) {
      const [row] = await t.dataSource.query(
        `INSERT INTO assets (tag, name, type, department_id, purchase_date, cost_cents, lifecycle_years, status, created_at, updated_at)
         VALUES ($1, $2, 'laptop', $3, $4, $5, $6, $7, now(), now()) RETURNING id`,
        [a.tag, a.name, departments.finance, a.purchaseDate, a.costCents, a.lifecycleYears, a.retired ? 'retired' : 'in_service'],
      );
      a.id = row.id;
    }

    const generated = generate(420);
    // Boundaries in the city's time zone, in their own department so they can be checked by name.
    const edge = (createdAt: string, logs: Log[] = [], overrides: Partial<Ticket> = {}) =>
      blank(new Date(createdAt), { departmentId: boundary, logs, ...overrides });
    const boundaryTickets = [
      edge('2026-02-01T04:30:00Z'), // 23:30 on 31 January in the city: January
      edge('2026-02-01T04:59:59Z'), // 23:59:59 on 31 January: January
      edge('2026-02-01T05:00:00Z'), // midnight, 1 February: February
      // 23:30 on 30 June 2025 (EDT): FY2025; its work on 30 June and 1 July falls in two fiscal years.
      edge(
        '2025-07-01T03:30:00Z',
        [
          { workDate: '2025-06-30', minutes: 60, costCents: 5000 },
          { workDate: '2025-07-01', minutes: 90, costCents: 7500 },
        ],
        { workClass: 'proactive', kind: 'maintenance' },
      ),
      edge('2025-07-01T04:00:00Z'), // 00:00 on 1 July: FY2026
    ];
    // Repairs of assets: reactive labour and expenses count, proactive work does not.
    const onAsset = (asset: string, workClass: WorkClass, logs: Log[], expenses: Expense[]) =>
      blank(new Date('2026-03-10T15:00:00Z'), {
        assetId: assets[asset]!.id!,
        workClass,
        logs,
        expenses,
        status: 'closed',
        firstResponseAt: new Date('2026-03-10T16:00:00Z'),
        firstResolvedAt: new Date('2026-03-11T15:00:00Z'),
        resolvedAt: new Date('2026-03-11T15:00:00Z'),
        closedAt: new Date('2026-03-16T15:00:00Z'),
      });
    const assetTickets = [
      onAsset(
        'laptop',
        'reactive',
        [{ workDate: '2026-03-10', minutes: 120, costCents: 40000 }],
        [{ spentOn: '2026-03-11', amountCents: 30000 }],
      ),
      onAsset('laptop', 'proactive', [{ workDate: '2026-03-12', minutes: 60, costCents: 90000 }], []),
      onAsset('desktop', 'reactive', [{ workDate: '2026-03-10', minutes: 30, costCents: 10000 }], []),
      onAsset(
        'formula',
        'reactive',
        [{ workDate: '2026-03-10', minutes: 60, costCents: 20000 }],
        [
          { spentOn: '2026-03-10', amountCents: 10000 },
          // Money on the formula asset's ticket that went into the switch counts for the switch.
          { spentOn: '2026-03-10', amountCents: 200000, assetId: assets.switch!.id! },
        ],
      ),
    ];
    await insertTickets([...generated, ...boundaryTickets, ...assetTickets]);
  });
  afterAll(() => t.close());

  describe('spend', () => {
    it.each([
      ['month', 'work_class'],
      ['quarter', 'department'],
      ['fiscal_year', 'category'],
      ['week', 'priority'],
      ['month', 'queue'],
    ] as const)('sums labour and expenses per %s and %s, with the proactive share per period', async (interval, groupBy) => {
      const report = await ok(manager, '/api/reports/spend', { from: FROM, to: TO, interval, groupBy });
      const expected = expectedSpend(tickets, interval, groupBy);
      const rows = byCell(report.rows, interval, groupsIn(expected.keys(), groupBy));
      for (const [key, row] of rows) {
        const e = expected.get(key);
        expect([key, row.labourMinutes, row.labourCents, row.expenseCents, row.totalCents]).toEqual([
          key,
          e?.labourMinutes ?? 0,
          e?.labourCents ?? 0,
          e?.expenseCents ?? 0,
          (e?.labourCents ?? 0) + (e?.expenseCents ?? 0),
        ]);
      }
      expect(report.periods.map((p: { periodStart: string }) => p.periodStart)).toEqual(buckets(FROM, TO, interval));
      for (const p of report.periods) {
        const inPeriod = [...expected].filter(([k]) => k.startsWith(`${p.periodStart}|`)).map(([, v]) => v);
        const total = sum(inPeriod.map((v) => v.labourCents + v.expenseCents));
        const proactive = sum(inPeriod.map((v) => v.proactive));
        expect(p).toMatchObject({
          totalCents: total,
          proactiveCents: proactive,
          proactiveShare: total === 0 ? null : proactive / total,
        });
      }
      expect(sum(report.periods.map((p: { totalCents: number }) => p.totalCents))).toBeGreaterThan(0);
    });

    it('puts work of 30 June and 1 July in different fiscal years, named by the year they end in', async () => {
      const report = await ok(manager, '/api/reports/spend', {
        from: '2025-06-01',
        to: '2025-07-31',
        interval: 'fiscal_year',
        departmentId: boundary,
      });
      expect(report.periods.map((p: object) => ({ ...p }))).toEqual([
        {
          period: 'FY2025',
          periodStart: '2024-07-01',
          labourMinutes: 60,
          labourCents: 5000,
          expenseCents: 0,
          totalCents: 5000,
          proactiveCents: 5000,
          proactiveShare: 1,
        },
        {
          period: 'FY2026',
          periodStart: '2025-07-01',
          labourMinutes: 90,
          labourCents: 7500,
          expenseCents: 0,
          totalCents: 7500,
          proactiveCents: 7500,
          proactiveShare: 1,
        },
      ]);
      expect(report).toMatchObject({
        from: '2025-06-01',
        to: '2025-07-31',
        interval: 'fiscal_year',
        groupBy: 'work_class',
        timeZone: TZ,
        fiscalYearStartMonth: 7,
      });
    });

    it('filters by queue, category and kind', async () => {
      const params = { from: FROM, to: TO, queueId: memberQueue, categoryId: hardwareCategory, kind: 'incident' };
      const report = await ok(manager, '/api/reports/spend', params);
      const subset = tickets.filter(
        (x) => x.queueId === memberQueue && x.categoryId === hardwareCategory && x.kind === 'incident',
      );
      const expected = expectedSpend(subset, 'month', 'work_class');
      const rows = byCell(report.rows, 'month', ['reactive', 'service', 'proactive']);
      for (const [key, row] of rows)
        expect([key, row.totalCents]).toEqual([
          key,
          (expected.get(key)?.labourCents ?? 0) + (expected.get(key)?.expenseCents ?? 0),
        ]);
    });

    it('refuses technicians and requesters', async () => {
      expect((await get(technician, '/api/reports/spend')).status).toBe(403);
      expect((await get(requester, '/api/reports/spend')).status).toBe(403);
    });
  });

  describe('response times', () => {
    it.each([
      ['month', undefined],
      ['month', 'priority'],
      ['quarter', 'department'],
      ['week', undefined],
      ['fiscal_year', 'category'],
    ] as const)('gives count, median and p90 in business minutes and hours per %s (%s)', async (interval, groupBy) => {
      const report = await ok(manager, '/api/reports/response-times', { from: FROM, to: TO, interval, groupBy });
      const expected = expectedTimes(tickets, interval, groupBy);
      const rows = byCell(report.rows, interval, groupsIn(expected.keys(), groupBy));
      for (const [key, row] of rows) {
        const { period: _p, periodStart: _s, groupKey: _k, groupName: _n, ...figures } = row;
        expect([key, figures]).toEqual([key, expected.get(key) ?? { ticketCount: 0, ...EMPTY_TIMES }]);
      }
      // Reopened tickets make first and final resolution differ somewhere.
      expect(report.rows.some((r: Record<string, number>) => r.firstResolutionMedianHours !== r.resolutionMedianHours)).toBe(
        true,
      );
    });

    it('counts a ticket created at 23:30 on 31 January in January, though it is 1 February in UTC', async () => {
      const report = await ok(manager, '/api/reports/response-times', {
        from: '2026-01-01',
        to: '2026-02-28',
        departmentId: boundary,
      });
      expect(report.rows.map((r: { period: string; ticketCount: number }) => [r.period, r.ticketCount])).toEqual([
        ['2026-01', 2],
        ['2026-02', 1],
      ]);
    });

    it('shows a technician only the tickets of their queues', async () => {
      const report = await ok(technician, '/api/reports/response-times', { from: FROM, to: TO, groupBy: 'queue' });
      expect(new Set(report.rows.map((r: { groupKey: string }) => r.groupKey))).toEqual(new Set([memberQueue]));
      const expected = expectedTimes(
        tickets.filter((x) => x.queueId === memberQueue),
        'month',
        'queue',
      );
      for (const row of report.rows) expect(row.ticketCount).toBe(expected.get(keyOf(row))?.ticketCount ?? 0);
      expect(sum(report.rows.map((r: { ticketCount: number }) => r.ticketCount))).toBeGreaterThan(0);
      expect((await get(requester, '/api/reports/response-times')).status).toBe(403);
    });
  });

  describe('SLA compliance', () => {
    it.each([
      ['month', undefined],
      ['quarter', 'priority'],
      ['month', 'department'],
    ] as const)('counts met and breached targets and the rates per %s (%s)', async (interval, groupBy) => {
      const report = await ok(manager, '/api/reports/sla-compliance', { from: FROM, to: TO, interval, groupBy });
      const counts = new Map<string, Record<string, number>>();
      for (const x of tickets.filter((x) => inRange(dayOf(x.createdAt)))) {
        const key = cell(bucket(dayOf(x.createdAt), interval), groupOf(x, groupBy));
        const c = counts.get(key) ?? {
          ticketCount: 0,
          responseMet: 0,
          responseBreached: 0,
          resolutionMet: 0,
          resolutionBreached: 0,
        };
        c.ticketCount! += 1;
        if (x.frBreached === false) c.responseMet! += 1;
        if (x.frBreached === true) c.responseBreached! += 1;
        if (x.resBreached === false) c.resolutionMet! += 1;
        if (x.resBreached === true) c.resolutionBreached! += 1;
        counts.set(key, c);
      }
      for (const [key, row] of byCell(report.rows, interval, groupsIn(counts.keys(), groupBy))) {
        const c = counts.get(key) ?? {
          ticketCount: 0,
          responseMet: 0,
          responseBreached: 0,
          resolutionMet: 0,
          resolutionBreached: 0,
        };
        const responseTargets = c.responseMet! + c.responseBreached!;
        const resolutionTargets = c.resolutionMet! + c.resolutionBreached!;
        const { period: _p, periodStart: _s, groupKey: _k, groupName: _n, ...figures } = row;
        expect([key, figures]).toEqual([
          key,
          {
            ...c,
            responseTargets,
            responseRate: responseTargets ? c.responseMet! / responseTargets : null,
            resolutionTargets,
            resolutionRate: resolutionTargets ? c.resolutionMet! / resolutionTargets : null,
          },
        ]);
      }
      expect(report.rows.some((r: { responseRate: number | null }) => r.responseRate !== null && r.responseRate < 1)).toBe(true);
    });
  });

  describe('volume and backlog', () => {
    const expectedVolume = (list: Ticket[], interval: Interval, groupBy: string | undefined, from = FROM, to = TO) => {
      const cells = new Map<string, { created: number; resolved: number; openAtEnd: number }>();
      const at = (key: string) => cells.get(key) ?? cells.set(key, { created: 0, resolved: 0, openAtEnd: 0 }).get(key)!;
      for (const b of buckets(from, to, interval)) {
        const end = [nextBucket(b, interval), plusDays(to, 1)].sort()[0]!;
        for (const x of list) {
          const key = cell(b, groupOf(x, groupBy));
          const created = dayOf(x.createdAt);
          const done = doneAt(x);
          if (created >= b && created < end && created >= from) at(key).created += 1;
          if (x.resolvedAt && dayOf(x.resolvedAt) >= b && dayOf(x.resolvedAt) < end && dayOf(x.resolvedAt) >= from)
            at(key).resolved += 1;
          if (created < end && (done === null || dayOf(done) >= end)) at(key).openAtEnd += 1;
        }
      }
      return cells;
    };

    it.each([
      ['month', undefined],
      ['week', 'queue'],
      ['fiscal_year', 'priority'],
    ] as const)('counts created, resolved and open at each period end per %s (%s)', async (interval, groupBy) => {
      const report = await ok(manager, '/api/reports/volume', { from: FROM, to: TO, interval, groupBy });
      const expected = expectedVolume(tickets, interval, groupBy);
      const active = [...expected].filter(([, v]) => v.created + v.resolved + v.openAtEnd > 0).map(([k]) => k);
      for (const [key, row] of byCell(report.rows, interval, groupsIn(active, groupBy))) {
        expect([key, row.created, row.resolved, row.openAtEnd]).toEqual([
          key,
          expected.get(key)?.created ?? 0,
          expected.get(key)?.resolved ?? 0,
          expected.get(key)?.openAtEnd ?? 0,
        ]);
      }
      expect(sum(report.rows.map((r: { created: number }) => r.created))).toBe(
        tickets.filter((x) => inRange(dayOf(x.createdAt))).length,
      );
    });

    it('counts tickets open before the range and ages the backlog at the end of a past range', async () => {
      const to = '2026-01-31';
      const report = await ok(manager, '/api/reports/volume', { from: '2025-11-01', to });
      const expected = expectedVolume(tickets, 'month', undefined, '2025-11-01', to);
      expect(report.rows.map((r: { openAtEnd: number }) => r.openAtEnd)).toEqual(
        buckets('2025-11-01', to, 'month').map((b) => expected.get(cell(b, null))?.openAtEnd ?? 0),
      );
      const open = tickets.filter((x) => dayOf(x.createdAt) <= to && (doneAt(x) === null || dayOf(doneAt(x)!) > to));
      const ages = open.map((x) => daysFrom(dayOf(x.createdAt), to));
      const counts = [
        ages.filter((a) => a <= 2).length,
        ages.filter((a) => a >= 3 && a <= 7).length,
        ages.filter((a) => a >= 8 && a <= 30).length,
        ages.filter((a) => a >= 31 && a <= 90).length,
        ages.filter((a) => a > 90).length,
      ];
      expect(report.asOf).toBe(to);
      expect(report.backlogAge.map((b: { bucket: string; count: number }) => [b.bucket, b.count])).toEqual([
        ['0-2', counts[0]],
        ['3-7', counts[1]],
        ['8-30', counts[2]],
        ['31-90', counts[3]],
        ['91+', counts[4]],
      ]);
      expect(sum(counts)).toBe(report.rows[report.rows.length - 1].openAtEnd);
      expect(counts.filter((c) => c > 0).length).toBeGreaterThan(2);
    });

    it('ages the backlog per group as of today', async () => {
      const report = await ok(manager, '/api/reports/volume', { from: FROM, to: TO, groupBy: 'department' });
      expect(report.asOf).toBe(TODAY);
      const open = tickets.filter((x) => doneAt(x) === null);
      for (const b of report.backlogAge) {
        const inBucket = open.filter((x) => {
          const age = daysFrom(dayOf(x.createdAt), TODAY);
          return x.departmentId === b.groupKey && age >= b.minDays && (b.maxDays === null || age <= b.maxDays);
        });
        expect([b.groupName, b.bucket, b.count]).toEqual([departmentName[b.groupKey], b.bucket, inBucket.length]);
      }
      expect(sum(report.backlogAge.map((b: { count: number }) => b.count))).toBe(open.length);
    });

    it('shows a technician only their queues’ volume', async () => {
      const report = await ok(technician, '/api/reports/volume', { from: FROM, to: TO });
      const expected = expectedVolume(
        tickets.filter((x) => x.queueId === memberQueue),
        'month',
        undefined,
      );
      expect(report.rows.map((r: { created: number }) => r.created)).toEqual(
        buckets(FROM, TO, 'month').map((b) => expected.get(cell(b, null))?.created ?? 0),
      );
    });
  });

  describe('asset refresh', () => {
    it('forecasts replacements per fiscal year and lists assets whose repairs exceed a share of their cost', async () => {
      const report = await ok(manager, '/api/reports/asset-refresh', { from: '2025-07-01', to: '2029-06-30' });
      expect(report.rows.map((r: object) => ({ ...r }))).toEqual([
        {
          period: 'FY2026',
          periodStart: '2025-07-01',
          groupKey: null,
          groupName: null,
          assetCount: 3,
          replacementCostCents: 1010000,
          unpricedCount: 0,
        },
        {
          period: 'FY2027',
          periodStart: '2026-07-01',
          groupKey: null,
          groupName: null,
          assetCount: 1,
          replacementCostCents: 300000,
          unpricedCount: 0,
        },
        {
          period: 'FY2028',
          periodStart: '2027-07-01',
          groupKey: null,
          groupName: null,
          assetCount: 0,
          replacementCostCents: 0,
          unpricedCount: 0,
        },
        {
          period: 'FY2029',
          periodStart: '2028-07-01',
          groupKey: null,
          groupName: null,
          assetCount: 1,
          replacementCostCents: 50000,
          unpricedCount: 0,
        },
      ]);
      expect(report).toMatchObject({
        overdue: { assetCount: 1, replacementCostCents: 0, unpricedCount: 1 },
        withoutPurchaseDate: 1,
        repairShare: 0.5,
        asOf: TODAY,
      });

      // Repairs to date, computed from the rows written: reactive labour on the asset's tickets, plus
      // expenses into it, plus unassigned expenses of its reactive tickets.
      const repair = (asset: string) =>
        sum(
          tickets
            .filter((x) => x.workClass === 'reactive')
            .flatMap((x) => [
              ...(x.assetId === assets[asset]!.id ? x.logs.map((l) => l.costCents) : []),
              ...x.expenses
                .filter((e) => (e.assetId ?? (x.assetId === assets[asset]!.id ? x.assetId : null)) === assets[asset]!.id)
                .map((e) => e.amountCents),
            ]),
        );
      const listed = Object.entries(assets)
        .filter(([key, a]) => !a.retired && a.costCents && repair(key) > 0.5 * a.costCents)
        .map(([key, a]) => ({ tag: a.tag, repairCostCents: repair(key), repairRatio: repair(key) / a.costCents! }))
        .sort((a, b) => b.repairRatio - a.repairRatio);
      // The switch: 2000.00 of 3000.00; the formula-named tablet 300.00 of 500.00; the laptop 700.00 of 1200.00.
      expect(listed.map((a) => a.tag)).toEqual(['AR-4', 'AR-8', 'AR-1']);
      expect(
        report.repairs.map((r: { tag: string; repairCostCents: number; repairRatio: number }) => ({
          tag: r.tag,
          repairCostCents: r.repairCostCents,
          repairRatio: r.repairRatio,
        })),
      ).toEqual(listed);
      expect(report.repairs[1]).toMatchObject({
        name: '=cmd|"/C calc"!A0',
        departmentName: 'Finance',
        purchaseDate: '2024-02-29',
        replacementDue: '2029-02-28',
        replacementCostCents: 50000,
      });

      // Exactly 60 % is not more than 60 %.
      const stricter = await ok(manager, '/api/reports/asset-refresh', {
        from: '2025-07-01',
        to: '2029-06-30',
        repairShare: '0.6',
      });
      expect(stricter.repairs.map((r: { tag: string }) => r.tag)).toEqual(['AR-4']);
      expect(stricter.repairCount).toBe(1);

      // The JSON lists the first few by ratio and counts them all.
      expect(report.repairCount).toBe(3);
      const first = await ok(manager, '/api/reports/asset-refresh', { from: '2025-07-01', to: '2029-06-30', repairLimit: '2' });
      expect(first.repairs.map((r: { tag: string }) => r.tag)).toEqual(['AR-4', 'AR-8']);
      expect(first.repairCount).toBe(3);
    });

    it('defaults to the current fiscal year and the four after it, split by department on request', async () => {
      const report = await ok(manager, '/api/reports/asset-refresh', { groupBy: 'department' });
      expect(report).toMatchObject({ from: '2026-07-01', to: '2031-06-30', groupBy: 'department' });
      expect(
        report.rows.map((r: { period: string; groupName: string; assetCount: number }) => [r.period, r.groupName, r.assetCount]),
      ).toEqual([
        ['FY2027', 'Finance', 1],
        ['FY2028', 'Finance', 0],
        ['FY2029', 'Finance', 1],
        ['FY2030', 'Finance', 0],
        ['FY2031', 'Finance', 0],
      ]);
      expect(report.overdue.assetCount).toBe(4);
      expect((await get(technician, '/api/reports/asset-refresh')).status).toBe(403);
    });
  });

  describe('does prevention pay', () => {
    it('sets proactive hours and spend against reactive incidents and cost per quarter and department', async () => {
      const report = await ok(manager, '/api/reports/prevention', { from: FROM, to: TO });
      const cells = new Map<
        string,
        { proactiveMinutes: number; proactiveCents: number; reactiveIncidents: number; reactiveCents: number }
      >();
      const at = (x: Ticket, day: string) => {
        const key = cell(bucket(day, 'quarter'), x.departmentId);
        return (
          cells.get(key) ??
          cells.set(key, { proactiveMinutes: 0, proactiveCents: 0, reactiveIncidents: 0, reactiveCents: 0 }).get(key)!
        );
      };
      for (const x of tickets) {
        if (x.workClass === 'service') continue;
        for (const l of x.logs.filter((l) => inRange(l.workDate))) {
          if (x.workClass === 'proactive') {
            at(x, l.workDate).proactiveMinutes += l.minutes;
            at(x, l.workDate).proactiveCents += l.costCents;
          } else at(x, l.workDate).reactiveCents += l.costCents;
        }
        for (const e of x.expenses.filter((e) => inRange(e.spentOn))) {
          at(x, e.spentOn)[x.workClass === 'proactive' ? 'proactiveCents' : 'reactiveCents'] += e.amountCents;
        }
        if (x.workClass === 'reactive' && inRange(dayOf(x.createdAt))) at(x, dayOf(x.createdAt)).reactiveIncidents += 1;
      }
      for (const [key, row] of byCell(report.rows, 'quarter', groupsIn(cells.keys(), 'department'))) {
        const e = cells.get(key) ?? { proactiveMinutes: 0, proactiveCents: 0, reactiveIncidents: 0, reactiveCents: 0 };
        const { period: _p, periodStart: _s, groupKey: _k, groupName: _n, ...figures } = row;
        expect([key, figures]).toEqual([key, { ...e, proactiveHours: round(e.proactiveMinutes / 60, 2) }]);
      }
      expect(report.rows.find((r: { groupKey: string }) => r.groupKey === departments.plus)?.groupName).toBe('+1 Parks');

      // Month-to-month variation of each kind of spend over the range, zero months included.
      const months = buckets(FROM, TO, 'month');
      const series = (workClass: WorkClass) =>
        months.map((m) =>
          sum(
            tickets
              .filter((x) => x.workClass === workClass)
              .flatMap((x) => [
                ...x.logs.filter((l) => inRange(l.workDate) && bucket(l.workDate, 'month') === m).map((l) => l.costCents),
                ...x.expenses.filter((e) => inRange(e.spentOn) && bucket(e.spentOn, 'month') === m).map((e) => e.amountCents),
              ]),
          ),
        );
      expect(report.monthly.map((m: { periodStart: string }) => m.periodStart)).toEqual(months);
      expect(report.monthly.map((m: { reactiveCents: number }) => m.reactiveCents)).toEqual(series('reactive'));
      expect(report.monthly.map((m: { proactiveCents: number }) => m.proactiveCents)).toEqual(series('proactive'));
      for (const [i, workClass] of (['reactive', 'proactive'] as const).entries()) {
        const values = series(workClass);
        const mean = sum(values) / values.length;
        const sd = Math.sqrt(sum(values.map((v) => (v - mean) ** 2)) / values.length);
        expect(report.predictability[i]).toEqual({
          workClass,
          months: months.length,
          meanCents: Math.round(mean),
          stdDevCents: Math.round(sd),
          coefficientOfVariation: round(sd / mean, 4),
        });
      }
    });

    it('refuses groups that are not meaningful for it, and technicians', async () => {
      const res = await get(manager, '/api/reports/prevention', { groupBy: 'priority' });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['groupBy']);
      expect((await get(technician, '/api/reports/prevention')).status).toBe(403);
    });
  });

  describe('parameters', () => {
    it.each([
      ['/api/reports/spend', { interval: 'decade' }, 'interval'],
      ['/api/reports/spend', { groupBy: 'color' }, 'groupBy'],
      ['/api/reports/spend', { from: '2026-02-01', to: '2026-01-31' }, 'from'],
      ['/api/reports/response-times', { from: '2016-01-01', to: '2026-01-01' }, 'to'],
      ['/api/reports/sla-compliance', { from: '2026-02-30' }, 'from'],
      ['/api/reports/volume', { departmentId: 'not-a-uuid' }, 'departmentId'],
      ['/api/reports/volume', { kind: 'incident; DROP TABLE tickets' }, 'kind'],
      ['/api/reports/volume', { format: 'xlsx' }, 'format'],
      ['/api/reports/volume', { table: 'tickets' }, 'table'],
      ['/api/reports/asset-refresh', { interval: 'month' }, 'interval'],
      ['/api/reports/asset-refresh', { repairShare: 'half' }, 'repairShare'],
      ['/api/reports/asset-refresh', { repairLimit: '0' }, 'repairLimit'],
      ['/api/reports/asset-refresh', { repairLimit: '1001' }, 'repairLimit'],
      ['/api/reports/asset-refresh', { queueId: '00000000-0000-4000-8000-000000000000' }, 'queueId'],
      ['/api/reports/response-times', { sort: 'created_at' }, 'sort'],
    ])('%s answers %j with 400 naming %s', async (path, params, field) => {
      const res = await get(manager, path, params);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    });

    it('defaults to the 12 calendar months up to today, by month', async () => {
      const report = await ok(manager, '/api/reports/sla-compliance');
      expect(report).toMatchObject({ from: '2025-09-01', to: TODAY, interval: 'month', groupBy: null });
      expect(report.rows).toHaveLength(12);
    });

    it('refuses requesters every report', async () => {
      for (const report of ['spend', 'response-times', 'sla-compliance', 'volume', 'asset-refresh', 'prevention']) {
        const res = await get(requester, `/api/reports/${report}`);
        expect([report, res.status, res.body.code]).toEqual([report, 403, 'forbidden']);
      }
      expect((await t.client().get('/api/reports/spend')).status).toBe(401);
    });

    it('answers in the same few statements whatever the range and period length', async () => {
      const statements = async (params: Record<string, string>) => {
        t.statements.reset();
        await ok(manager, '/api/reports/volume', params);
        return t.statements.statements.filter((s) => !/session|users/i.test(s)).length;
      };
      const short = await statements({ from: '2026-08-01', to: TO, interval: 'month' });
      const long = await statements({ from: '2017-01-01', to: TO, interval: 'week', groupBy: 'department' });
      expect(long).toBe(short);
      expect(short).toBeLessThanOrEqual(3);
    });
  });

  describe('CSV', () => {
    const csv = async (path: string, params: Record<string, string>) => {
      const res = await get(manager, path, { ...params, format: 'csv' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const records: string[][] = parse(res.body as string, { bom: true, relax_column_count: false });
      return {
        disposition: res.headers.get('content-disposition'),
        header: records[0]!,
        rows: records.slice(1),
        raw: res.body as string,
      };
    };
    const neutralised = ["'+1 Parks", "'-2 Water", "'@x Library", "'\tTab Police"];

    it('exports spend with the period, group and figures, names that look like formulas neutralised', async () => {
      const file = await csv('/api/reports/spend', { from: FROM, to: TO, groupBy: 'department' });
      expect(file.disposition).toBe(`attachment; filename="civicdesk-spend-${FROM}-${TO}.csv"`);
      expect(file.header).toEqual([
        'period',
        'periodStart',
        'department',
        'labourMinutes',
        'labourCents',
        'expenseCents',
        'totalCents',
      ]);
      const names = new Set(file.rows.map((r) => r[2]));
      for (const name of neutralised) expect(names).toContain(name);
      expect(names).not.toContain('+1 Parks');
      const json = await ok(manager, '/api/reports/spend', { from: FROM, to: TO, groupBy: 'department' });
      expect(file.rows.map((r) => Number(r[6]))).toEqual(json.rows.map((r: { totalCents: number }) => r.totalCents));

      const periods = await csv('/api/reports/spend', { from: FROM, to: TO, table: 'periods' });
      expect(periods.disposition).toBe(`attachment; filename="civicdesk-spend-periods-${FROM}-${TO}.csv"`);
      expect(periods.header).toEqual([
        'period',
        'periodStart',
        'labourMinutes',
        'labourCents',
        'expenseCents',
        'totalCents',
        'proactiveCents',
        'proactiveShare',
      ]);
      expect(periods.rows).toHaveLength(buckets(FROM, TO, 'month').length);
    });

    it('exports response times by category, the HYPERLINK category quoted and neutralised', async () => {
      const file = await csv('/api/reports/response-times', { from: FROM, to: TO, groupBy: 'category' });
      expect(file.disposition).toBe(`attachment; filename="civicdesk-response-times-${FROM}-${TO}.csv"`);
      expect(file.header.slice(0, 4)).toEqual(['period', 'periodStart', 'category', 'ticketCount']);
      expect(file.header).toHaveLength(4 + 18);
      expect(file.header).toContain('firstResolutionP90Hours');
      expect(new Set(file.rows.map((r) => r[2]))).toEqual(
        new Set(['\'=HYPERLINK("http://evil.test","x")', 'Hardware', '(none)']),
      );
      expect(file.raw).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
    });

    it('exports SLA compliance, volume and its backlog ages', async () => {
      const sla = await csv('/api/reports/sla-compliance', { from: FROM, to: TO, groupBy: 'department' });
      expect(sla.header).toEqual([
        'period',
        'periodStart',
        'department',
        'ticketCount',
        'responseTargets',
        'responseMet',
        'responseBreached',
        'responseRate',
        'resolutionTargets',
        'resolutionMet',
        'resolutionBreached',
        'resolutionRate',
      ]);
      for (const name of neutralised) expect(sla.rows.map((r) => r[2])).toContain(name);

      const volume = await csv('/api/reports/volume', { from: FROM, to: TO });
      expect(volume.disposition).toBe(`attachment; filename="civicdesk-volume-${FROM}-${TO}.csv"`);
      expect(volume.header).toEqual(['period', 'periodStart', 'created', 'resolved', 'openAtEnd']);
      const ages = await csv('/api/reports/volume', { from: FROM, to: TO, groupBy: 'department', table: 'backlogAge' });
      expect(ages.disposition).toBe(`attachment; filename="civicdesk-volume-backlog-age-${FROM}-${TO}.csv"`);
      expect(ages.header).toEqual(['department', 'label', 'minDays', 'maxDays', 'count']);
      expect(ages.rows.map((r) => r[0])).toContain("'-2 Water");
      expect(ages.rows.find((r) => r[1] === 'over 90 days')?.[3]).toBe('');
    });

    it('exports the asset forecast and the repair list, an asset name that is a formula neutralised', async () => {
      const params = { from: '2025-07-01', to: '2029-06-30' };
      const rows = await csv('/api/reports/asset-refresh', params);
      expect(rows.header).toEqual(['period', 'periodStart', 'assetCount', 'replacementCostCents', 'unpricedCount']);
      expect(rows.rows[0]).toEqual(['FY2026', '2025-07-01', '3', '1010000', '0']);
      // Every asset over the share: the JSON's limit does not cut the CSV.
      const repairs = await csv('/api/reports/asset-refresh', { ...params, table: 'repairs', repairLimit: '1' });
      expect(repairs.rows).toHaveLength(3);
      expect(repairs.disposition).toBe('attachment; filename="civicdesk-asset-refresh-repairs-2025-07-01-2029-06-30.csv"');
      expect(repairs.header).toEqual([
        'tag',
        'name',
        'type',
        'departmentName',
        'purchaseDate',
        'replacementDue',
        'replacementCostCents',
        'repairCostCents',
        'repairRatio',
      ]);
      expect(repairs.rows.find((r) => r[0] === 'AR-8')?.slice(0, 4)).toEqual([
        'AR-8',
        '\'=cmd|"/C calc"!A0',
        'laptop',
        'Finance',
      ]);
      expect(repairs.raw).toContain(`AR-8,"'=cmd|""/C calc""!A0",laptop`);
    });

    it('exports prevention rows, the monthly series and predictability', async () => {
      const rows = await csv('/api/reports/prevention', { from: FROM, to: TO });
      expect(rows.header).toEqual([
        'period',
        'periodStart',
        'department',
        'proactiveMinutes',
        'proactiveHours',
        'proactiveCents',
        'reactiveIncidents',
        'reactiveCents',
      ]);
      expect(rows.rows.map((r) => r[2])).toContain("'@x Library");
      const monthly = await csv('/api/reports/prevention', { from: FROM, to: TO, table: 'monthly' });
      expect(monthly.header).toEqual(['period', 'periodStart', 'reactiveCents', 'proactiveCents']);
      const predictability = await csv('/api/reports/prevention', { from: FROM, to: TO, table: 'predictability' });
      expect(predictability.header).toEqual(['workClass', 'months', 'meanCents', 'stdDevCents', 'coefficientOfVariation']);
      expect(predictability.rows.map((r) => r[0])).toEqual(['reactive', 'proactive']);
    });

    it('refuses a CSV to a role that may not read the report', async () => {
      expect((await get(technician, '/api/reports/spend', { format: 'csv' })).status).toBe(403);
      const own = await get(technician, '/api/reports/volume', { format: 'csv' });
      expect(own.status).toBe(200);
    });
  });
});

describe('first resolution stamp', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
  });
  afterAll(() => t.close());

  it('is set when a ticket first resolves and kept through a reopen and a second resolution', async () => {
    const staff = await signedInAs(t, 'manager');
    const department = await createDepartment(t.dataSource, { name: 'Clerk' });
    const employee = await createUser(t.dataSource, { role: 'requester', departmentId: department.id });
    const filer = t.client();
    await filer.login(employee.email, employee.password);
    const filed = await filer.post('/api/tickets', { title: 'Printer jam', impact: 'one_person', urgency: 'inconvenience' });
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    const move = async (status: string) => {
      const current = await staff.get(`/api/tickets/${id}`);
      const res = await staff.patch(`/api/tickets/${id}`, { status, version: current.body.version });
      expect(res.status).toBe(200);
    };
    const stamps = async () =>
      (await t.dataSource.query(`SELECT first_resolved_at, resolved_at FROM tickets WHERE id = $1`, [id]))[0] as {
        first_resolved_at: Date | null;
        resolved_at: Date | null;
      };

    await move('in_progress');
    expect((await stamps()).first_resolved_at).toBeNull();
    t.clock.set('2026-08-15T17:00:00Z');
    await move('resolved');
    expect(await stamps()).toEqual({
      first_resolved_at: new Date('2026-08-15T17:00:00Z'),
      resolved_at: new Date('2026-08-15T17:00:00Z'),
    });
    t.clock.set('2026-08-15T18:00:00Z');
    expect((await filer.post(`/api/tickets/${id}/reopen`, { reason: 'Jammed again' })).status).toBe(200);
    expect(await stamps()).toEqual({ first_resolved_at: new Date('2026-08-15T17:00:00Z'), resolved_at: null });
    t.clock.set('2026-08-15T19:00:00Z');
    await move('resolved');
    expect(await stamps()).toEqual({
      first_resolved_at: new Date('2026-08-15T17:00:00Z'),
      resolved_at: new Date('2026-08-15T19:00:00Z'),
    });

    // The response-times report reads the first resolution (one hour after filing) and the final one (three).
    const report = await (await signedInAs(t, 'admin')).get('/api/reports/response-times?from=2026-08-01&to=2026-08-15');
    expect(report.body.rows[0]).toMatchObject({ ticketCount: 1, firstResolutionMedianHours: 1, resolutionMedianHours: 3 });
  });
});
