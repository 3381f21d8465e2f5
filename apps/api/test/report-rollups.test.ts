import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobRunner } from '../src/modules/jobs/job-runner.service.js';
import { createDepartment, createUser, type UserRecord } from './factories/identity.factory.js';
import { createAsset, createCategory, createQueue } from './factories/reference.factory.js';
import { startTestApp, type ApiClient, type TestApp } from './support/test-app.js';
import { seededRandom } from './support/seeded-random.js';

/**
 * The rollups (report_ticket_days, report_cost_days, queue_open_counts, asset_repair_spend, each
 * with its pending changes) against a recomputation in this test from the tickets, work logs and expenses
 * themselves, after every kind of write: bulk SQL inserts, updates and deletes, the app's own
 * ticket and cost routes, folding the changes in, and a change of the city's time zone.
 */

const NOW = '2026-08-15T16:00:00Z';
const DAY = 24 * 3_600_000;
const DIMS = ['work_class', 'priority', 'department', 'category', 'queue', 'kind'] as const;
const TICKET_MEASURES = [
  'created',
  'reactive_created',
  'response_met',
  'response_breached',
  'resolution_met',
  'resolution_breached',
  'resolved',
  'done',
  'open_now',
  'anomalies',
] as const;
const COST_MEASURES = [
  'cost_rows',
  'class_rows',
  'minutes',
  'labour_cents',
  'expense_cents',
  'proactive_minutes',
  'proactive_cents',
  'reactive_cents',
] as const;
const OPEN = ['new', 'assigned', 'in_progress', 'waiting_on_requester', 'waiting_on_vendor'];

interface TicketRow {
  id: string;
  created_at: Date;
  status: string;
  resolved_at: Date | null;
  closed_at: Date | null;
  work_class: string;
  priority: string;
  department_id: string;
  category_id: string | null;
  queue_id: string;
  kind: string;
  first_response_breached: boolean | null;
  resolution_breached: boolean | null;
  assignee_id: string | null;
  asset_id: string | null;
  labour_cost_cents: string;
}

describe('report rollups', () => {
  let t: TestApp;
  let tech: UserRecord;
  let employee: UserRecord;
  let technician: ApiClient;
  let requester: ApiClient;
  const departments: string[] = [];
  const queues: string[] = [];
  const categories: (string | null)[] = [null];
  const assets: (string | null)[] = [null, null];
  const r = seededRandom(20260815);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    for (let i = 0; i < 3; i++) departments.push((await createDepartment(t.dataSource)).id);
    tech = await createUser(t.dataSource, { role: 'technician', departmentId: departments[0]! });
    employee = await createUser(t.dataSource, { role: 'requester', departmentId: departments[1]! });
    for (let i = 0; i < 2; i++) queues.push((await createQueue(t.dataSource, { memberIds: [tech.id] })).id);
    for (const queue of queues) categories.push((await createCategory(t.dataSource, { defaultQueueId: queue })).id);
    for (let i = 0; i < 3; i++) assets.push((await createAsset(t.dataSource, { departmentId: departments[i]! })).id);
    await t.dataSource.query(
      `INSERT INTO labor_rates (role, hourly_rate_cents, effective_from, created_by_id, created_at)
       VALUES ('technician', 6000, '2020-01-01', $1, now())`,
      [tech.id],
    );
    technician = t.client();
    await technician.login(tech.email, tech.password);
    requester = t.client();
    await requester.login(employee.email, employee.password);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  /** Random tickets (and their costs) over two years, inserted in a few statements as an import would. */
  async function insertHistory(count: number): Promise<string[]> {
    const rows = Array.from({ length: count }, () => {
      const created = new Date(Date.parse('2024-08-01T00:00:00Z') + Math.floor(r() * 740 * DAY) + Math.floor(r() * DAY));
      const status = pick(['new', 'assigned', 'in_progress', 'waiting_on_vendor', 'resolved', 'closed', 'closed', 'canceled']);
      const resolvedAt =
        status === 'resolved' || (status === 'closed' && r() < 0.8)
          ? new Date(created.getTime() + Math.floor(r() * 20 * DAY))
          : null;
      const closedAt =
        status === 'closed' || status === 'canceled' ? new Date(created.getTime() + Math.floor(r() * 30 * DAY) + DAY) : null;
      const kind = pick(['incident', 'incident', 'service_request', 'maintenance']);
      return {
        number: `RR-${Math.floor(r() * 1e9)}`,
        kind,
        work_class: pick(['reactive', 'service', 'proactive']),
        status,
        priority: pick(['P1', 'P2', 'P3', 'P4']),
        department_id: pick(departments),
        queue_id: pick(queues),
        category_id: pick(categories),
        assignee_id: r() < 0.5 ? tech.id : null,
        asset_id: pick(assets),
        labour_cost_cents: Math.floor(r() * 3) * 1_500,
        created_at: created,
        resolved_at: resolvedAt,
        closed_at: closedAt,
        first_response_breached: pick([null, true, false, false]),
        resolution_breached: pick([null, true, false]),
      };
    });
    const inserted: { id: string; created_at: Date }[] = await t.dataSource.query(
      `INSERT INTO tickets (number, kind, work_class, title, status, impact, urgency, priority, requester_id, department_id, queue_id,
                            category_id, assignee_id, asset_id, labour_cost_cents, source, created_by_id, created_at, updated_at,
                            resolved_at, closed_at, first_response_breached, resolution_breached)
       SELECT r.number, r.kind, r.work_class, 'Rollup fixture', r.status, 'one_person', 'inconvenience', r.priority, $2, r.department_id,
              r.queue_id, r.category_id, r.assignee_id, r.asset_id, r.labour_cost_cents, 'import', $2, r.created_at, r.created_at,
              r.resolved_at, r.closed_at, r.first_response_breached, r.resolution_breached
         FROM json_populate_recordset(NULL::tickets, $1::json) r
       RETURNING id, created_at`,
      [JSON.stringify(rows), employee.id],
    );
    const day = (at: Date, plus: number) => new Date(at.getTime() + plus * DAY).toISOString().slice(0, 10);
    const logs = inserted.flatMap((x) =>
      Array.from({ length: Math.floor(r() * 4) }, () => {
        const minutes = 15 + Math.floor(r() * 200);
        return { ticket_id: x.id, work_date: day(x.created_at, Math.floor(r() * 20)), minutes, cost_cents: minutes * 100 };
      }),
    );
    await t.dataSource.query(
      `INSERT INTO ticket_work_logs (ticket_id, user_id, work_date, minutes, rate_cents, cost_cents, created_by_id, created_at, updated_at)
       SELECT r.ticket_id, $2, r.work_date, r.minutes, 6000, r.cost_cents, $2, now(), now()
         FROM json_populate_recordset(NULL::ticket_work_logs, $1::json) r`,
      [JSON.stringify(logs), tech.id],
    );
    const expenses = inserted
      .filter(() => r() < 0.4)
      .map((x) => ({
        ticket_id: x.id,
        spent_on: day(x.created_at, Math.floor(r() * 30)),
        amount_cents: 100 + Math.floor(r() * 50000),
        asset_id: r() < 0.3 ? pick(assets) : null,
      }));
    await t.dataSource.query(
      `INSERT INTO ticket_expenses (ticket_id, type, amount_cents, spent_on, asset_id, created_by_id, created_at, updated_at)
       SELECT r.ticket_id, 'parts', r.amount_cents, r.spent_on, r.asset_id, $2, now(), now()
         FROM json_populate_recordset(NULL::ticket_expenses, $1::json) r`,
      [JSON.stringify(expenses), tech.id],
    );
    return inserted.map((x) => x.id);
  }

  // ── The recomputation: from the rows themselves, days by Intl in the city's zone ──

  type Totals = Map<string, number[]>;

  function add(totals: Totals, key: string, values: number[]): void {
    const sum = totals.get(key) ?? values.map(() => 0);
    values.forEach((v, i) => (sum[i]! += v));
    totals.set(key, sum);
  }

  /** Every dimension row a ticket's facts land on: `dim|day|key`. */
  function dimKeys(x: TicketRow, day: string): string[] {
    const value: Record<(typeof DIMS)[number], string | null> = {
      work_class: x.work_class,
      priority: x.priority,
      department: x.department_id,
      category: x.category_id,
      queue: x.queue_id,
      kind: x.kind,
    };
    return [`all|${day}|`, ...DIMS.map((dim) => `${dim}|${day}|${value[dim] ?? ''}`)];
  }

  const nonZero = (totals: Totals): Totals => new Map([...totals].filter(([, values]) => values.some((v) => v !== 0)));

  async function expected(): Promise<{ tickets: Totals; costs: Totals; queues: Totals; assets: Totals }> {
    const [{ zone }] = await t.dataSource.query(`SELECT time_zone AS zone FROM calendars WHERE system_key = 'city_office_hours'`);
    const local = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    const tickets: TicketRow[] = await t.dataSource.query(
      `SELECT id, created_at, status, resolved_at, closed_at, work_class, priority, department_id, category_id, queue_id, kind,
              first_response_breached, resolution_breached, assignee_id, asset_id, labour_cost_cents FROM tickets`,
    );
    const byId = new Map(tickets.map((x) => [x.id, x]));
    const ticketTotals: Totals = new Map();
    const queueTotals: Totals = new Map();
    const assetTotals: Totals = new Map();
    for (const x of tickets) {
      const open = OPEN.includes(x.status);
      const doneAt = open ? null : (x.resolved_at ?? x.closed_at);
      const outOfOrder =
        (!open && (doneAt === null || doneAt < x.created_at)) || (x.resolved_at !== null && x.resolved_at < x.created_at);
      const created = [
        1,
        x.work_class === 'reactive' ? 1 : 0,
        x.first_response_breached === false ? 1 : 0,
        x.first_response_breached === true ? 1 : 0,
        x.resolution_breached === false ? 1 : 0,
        x.resolution_breached === true ? 1 : 0,
        0,
        0,
        open ? 1 : 0,
        outOfOrder ? 1 : 0,
      ];
      for (const key of dimKeys(x, local.format(x.created_at))) add(ticketTotals, key, created);
      if (x.resolved_at)
        for (const key of dimKeys(x, local.format(x.resolved_at))) add(ticketTotals, key, [0, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
      if (doneAt) for (const key of dimKeys(x, local.format(doneAt))) add(ticketTotals, key, [0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
      if (open) add(queueTotals, `${x.queue_id}|${x.assignee_id === null}`, [1]);
      // An asset's repair spend: the labour of its reactive tickets…
      if (x.asset_id && x.work_class === 'reactive') add(assetTotals, x.asset_id, [Number(x.labour_cost_cents)]);
    }
    const costTotals: Totals = new Map();
    const costRows: {
      ticket_id: string;
      day: string;
      minutes: number;
      labour: string;
      expense: string;
      asset_id: string | null;
    }[] = await t.dataSource.query(
      `SELECT ticket_id, work_date::text AS day, minutes, cost_cents AS labour, 0 AS expense, NULL AS asset_id FROM ticket_work_logs
       UNION ALL
       SELECT ticket_id, spent_on::text, 0, 0, amount_cents, asset_id FROM ticket_expenses`,
    );
    for (const c of costRows) {
      const x = byId.get(c.ticket_id)!;
      // …and its reactive tickets' expenses: those linked to it, and those linked to no other asset.
      const asset = c.asset_id ?? x.asset_id;
      if (Number(c.expense) !== 0 && asset && x.work_class === 'reactive') add(assetTotals, asset, [Number(c.expense)]);
      const [minutes, labour, expense] = [Number(c.minutes), Number(c.labour), Number(c.expense)];
      const proactive = x.work_class === 'proactive';
      const reactive = x.work_class === 'reactive';
      const values = [
        1,
        proactive || reactive ? 1 : 0,
        minutes,
        labour,
        expense,
        proactive ? minutes : 0,
        proactive ? labour + expense : 0,
        reactive ? labour + expense : 0,
      ];
      for (const key of dimKeys(x, c.day)) add(costTotals, key, values);
    }
    return {
      tickets: nonZero(ticketTotals),
      costs: nonZero(costTotals),
      queues: nonZero(queueTotals),
      assets: nonZero(assetTotals),
    };
  }

  /** The rollups as a reader sees them: folded rows and pending changes added up. */
  async function rolledUp(): Promise<{ tickets: Totals; costs: Totals; queues: Totals; assets: Totals }> {
    const read = async (table: string, measures: readonly string[]): Promise<Totals> => {
      const rows: ({ id: string } & Record<string, string>)[] = await t.dataSource.query(
        `SELECT x.dim || '|' || x.day::text || '|' || coalesce(x.key, '') AS id, ${measures.map((m) => `sum(x.${m}) AS ${m}`).join(', ')}
           FROM (SELECT * FROM ${table}_days UNION ALL SELECT * FROM ${table}_changes) x GROUP BY 1`,
      );
      return nonZero(new Map(rows.map((row) => [row.id, measures.map((m) => Number(row[m]))])));
    };
    const queueRows: { id: string; tickets: string }[] = await t.dataSource.query(
      `SELECT x.queue_id || '|' || x.unassigned AS id, sum(x.tickets) AS tickets
         FROM (SELECT * FROM queue_open_counts UNION ALL SELECT * FROM queue_open_count_changes) x GROUP BY 1`,
    );
    const assetRows: { id: string; cents: string }[] = await t.dataSource.query(
      `SELECT x.asset_id::text AS id, sum(x.cents) AS cents
         FROM (SELECT * FROM asset_repair_spend UNION ALL SELECT * FROM asset_repair_spend_changes) x GROUP BY 1`,
    );
    return {
      tickets: await read('report_ticket', TICKET_MEASURES),
      costs: await read('report_cost', COST_MEASURES),
      queues: nonZero(new Map(queueRows.map((row) => [row.id, [Number(row.tickets)]]))),
      assets: nonZero(new Map(assetRows.map((row) => [row.id, [Number(row.cents)]]))),
    };
  }

  /** Month rows are their days added up, for every rollup and measure. */
  async function expectMonthsEqualToDays(): Promise<void> {
    for (const [rollup, measures] of [
      ['report_ticket', TICKET_MEASURES],
      ['report_cost', COST_MEASURES],
    ] as const) {
      const differing = await t.dataSource.query(
        `SELECT coalesce(m.dim, d.dim) AS dim, coalesce(m.day, d.day) AS day, coalesce(m.key, d.key) AS key
           FROM ${rollup}_months m
           FULL JOIN (SELECT dim, date_trunc('month', day)::date AS day, key, ${measures.map((x) => `sum(${x}) AS ${x}`).join(', ')}
                        FROM ${rollup}_days GROUP BY 1, 2, 3) d
             ON d.dim = m.dim AND d.day = m.day AND d.key IS NOT DISTINCT FROM m.key
          WHERE ${measures.map((x) => `coalesce(m.${x}, 0) <> coalesce(d.${x}, 0)`).join(' OR ')}`,
      );
      expect(differing).toEqual([]);
    }
  }

  /** The measures this test recomputes are every measure the rollup tables hold: a new one cannot go unchecked. */
  async function expectEveryMeasureRecomputed(): Promise<void> {
    for (const [rollup, measures] of [
      ['report_ticket', TICKET_MEASURES],
      ['report_cost', COST_MEASURES],
    ] as const) {
      for (const table of [`${rollup}_days`, `${rollup}_months`, `${rollup}_changes`]) {
        const columns: { name: string }[] = await t.dataSource.query(
          `SELECT column_name AS name FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = $1 AND column_name NOT IN ('dim', 'day', 'key')
            ORDER BY ordinal_position`,
          [table],
        );
        expect({ table, measures: columns.map((c) => c.name) }).toEqual({ table, measures: [...measures] });
      }
    }
  }

  async function expectRollupsEqualToRows(): Promise<void> {
    await expectEveryMeasureRecomputed();
    await expectMonthsEqualToDays();
    const [want, got] = [await expected(), await rolledUp()];
    const sorted = (m: Totals) => [...m].sort(([a], [b]) => a.localeCompare(b));
    expect(sorted(got.tickets)).toEqual(sorted(want.tickets));
    expect(sorted(got.costs)).toEqual(sorted(want.costs));
    expect(sorted(got.queues)).toEqual(sorted(want.queues));
    expect(sorted(got.assets)).toEqual(sorted(want.assets));
  }

  async function fold(): Promise<void> {
    // A run is due again after half its interval.
    t.clock.advance(60_000);
    const result = await t.app.get(JobRunner).tick('report-rollups');
    if (!result.ran) throw new Error(`report-rollups did not run: ${result.reason}`);
    const [pending] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM report_ticket_changes)::int + (SELECT count(*) FROM report_cost_changes)::int
              + (SELECT count(*) FROM queue_open_count_changes)::int + (SELECT count(*) FROM asset_repair_spend_changes)::int AS n`,
    );
    expect(pending.n).toBe(0);
  }

  let history: string[] = [];

  it('holds every ticket, work log and expense of a bulk load, before and after folding', async () => {
    history = await insertHistory(400);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM report_ticket_changes`);
    expect(n).toBeGreaterThan(0);
    // Every asset has repair spend to compare: labour and expenses of reactive tickets.
    expect((await expected()).assets.size).toBe(3);
    await expectRollupsEqualToRows();
    await fold();
    await expectRollupsEqualToRows();
  }, 120_000);

  it('follows bulk updates and deletes: dimensions (costs move with them), statuses, outcomes, costs', async () => {
    const some = (share: number) => history.filter(() => r() < share);
    await t.dataSource.query(
      `UPDATE tickets SET department_id = $2, queue_id = $3, priority = 'P1', work_class = 'proactive', category_id = NULL
        WHERE id = ANY($1::uuid[])`,
      [some(0.15), departments[2], queues[1]],
    );
    await t.dataSource.query(`UPDATE tickets SET kind = 'service_request', work_class = 'service' WHERE id = ANY($1::uuid[])`, [
      some(0.1),
    ]);
    await t.dataSource.query(
      `UPDATE tickets SET status = 'resolved', resolved_at = created_at + interval '3 days 7 hours', resolution_breached = true
        WHERE id = ANY($1::uuid[]) AND status IN ('new', 'assigned', 'in_progress', 'waiting_on_vendor')`,
      [some(0.3)],
    );
    // Reopened: the resolution is cleared and the ticket is open again.
    await t.dataSource.query(
      `UPDATE tickets SET status = 'in_progress', resolved_at = NULL, assignee_id = NULL WHERE id = ANY($1::uuid[]) AND status = 'resolved'`,
      [some(0.3)],
    );
    await t.dataSource.query(
      `UPDATE tickets SET first_response_breached = NOT coalesce(first_response_breached, false) WHERE id = ANY($1::uuid[])`,
      [some(0.2)],
    );
    // Repair spend: tickets moved to another asset or none, made reactive, their labour changed.
    await t.dataSource.query(`UPDATE tickets SET asset_id = $2 WHERE id = ANY($1::uuid[])`, [some(0.1), assets[2]]);
    await t.dataSource.query(`UPDATE tickets SET asset_id = NULL WHERE id = ANY($1::uuid[])`, [some(0.05)]);
    await t.dataSource.query(`UPDATE tickets SET work_class = 'reactive', asset_id = $2 WHERE id = ANY($1::uuid[])`, [
      some(0.1),
      assets[3],
    ]);
    await t.dataSource.query(`UPDATE tickets SET labour_cost_cents = labour_cost_cents + 700 WHERE id = ANY($1::uuid[])`, [
      some(0.2),
    ]);
    await t.dataSource.query(`UPDATE ticket_expenses SET asset_id = $2 WHERE ticket_id = ANY($1::uuid[])`, [
      some(0.1),
      assets[4],
    ]);
    await t.dataSource.query(`UPDATE ticket_expenses SET asset_id = NULL WHERE ticket_id = ANY($1::uuid[])`, [some(0.1)]);
    // Costs: changed, moved to another ticket and another day, deleted.
    await t.dataSource.query(
      `UPDATE ticket_work_logs SET minutes = minutes + 5, cost_cents = cost_cents + 500, work_date = work_date + 3
        WHERE ticket_id = ANY($1::uuid[])`,
      [some(0.2)],
    );
    await t.dataSource.query(`UPDATE ticket_work_logs SET ticket_id = $2 WHERE ticket_id = ANY($1::uuid[])`, [
      some(0.05),
      history[0],
    ]);
    await t.dataSource.query(
      `UPDATE ticket_expenses SET amount_cents = amount_cents * 2, spent_on = spent_on - 1 WHERE ticket_id = ANY($1::uuid[])`,
      [some(0.3)],
    );
    await t.dataSource.query(`DELETE FROM ticket_work_logs WHERE ticket_id = ANY($1::uuid[])`, [some(0.1)]);
    await t.dataSource.query(`DELETE FROM ticket_expenses WHERE ticket_id = ANY($1::uuid[])`, [some(0.1)]);
    // Tickets without costs may go.
    const gone: { id: string }[] = await t.dataSource.query(
      `DELETE FROM tickets t WHERE t.id = ANY($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM ticket_work_logs w WHERE w.ticket_id = t.id)
          AND NOT EXISTS (SELECT 1 FROM ticket_expenses e WHERE e.ticket_id = t.id)
       RETURNING t.id`,
      [some(0.1)],
    );
    expect(gone.length).toBeGreaterThan(0);
    await expectRollupsEqualToRows();
    await fold();
    await expectRollupsEqualToRows();
  }, 120_000);

  it('follows the app: filing, moving, assigning and resolving tickets, logging time and spending', async () => {
    const filed: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await requester.post('/api/tickets', {
        title: `Printer ${i} jams`,
        impact: 'one_person',
        urgency: 'work_degraded',
        categoryId: categories[1],
      });
      expect(res.status).toBe(201);
      filed.push(res.body.id);
    }
    const [first, second] = filed as [string, string];
    const logged = await technician.post(`/api/tickets/${first}/work-logs`, { workDate: '2026-08-14', minutes: 45 });
    expect(logged.status).toBe(201);
    const spent = await technician.post(`/api/tickets/${first}/expenses`, {
      type: 'parts',
      amountCents: 12_500,
      spentOn: '2026-08-15',
    });
    expect(spent.status).toBe(201);
    const part = await technician.post(`/api/tickets/${second}/expenses`, {
      type: 'parts',
      amountCents: 8_000,
      spentOn: '2026-08-15',
      assetId: assets[2],
    });
    expect(part.status).toBe(201);
    let ticket = (await technician.get(`/api/tickets/${first}`)).body;
    const moved = await technician.patch(`/api/tickets/${first}`, {
      version: ticket.version,
      departmentId: departments[2],
      assigneeId: tech.id,
      workClass: 'proactive',
    });
    expect(moved.status).toBe(200);
    ticket = (await technician.get(`/api/tickets/${second}`)).body;
    expect(
      (await technician.patch(`/api/tickets/${second}`, { version: ticket.version, status: 'in_progress', assetId: assets[3] }))
        .status,
    ).toBe(200);
    ticket = (await technician.get(`/api/tickets/${second}`)).body;
    expect((await technician.patch(`/api/tickets/${second}`, { version: ticket.version, status: 'resolved' })).status).toBe(200);
    expect((await technician.delete(`/api/tickets/${first}/work-logs/${logged.body.id}`)).status).toBe(204);
    await expectRollupsEqualToRows();
    await fold();
    await expectRollupsEqualToRows();
  }, 120_000);

  it('answers the volume report from the tickets while a ticket was done before it was created', async () => {
    const manager = await createUser(t.dataSource, { role: 'manager' });
    const client = t.client();
    await client.login(manager.email, manager.password);
    const july = async () =>
      (await client.get('/api/reports/volume?from=2026-07-07&to=2026-08-15')).body.rows.find(
        (row: { periodStart: string }) => row.periodStart === '2026-07-01',
      ).created as number;
    const before = await july();
    // Imported history with its dates the wrong way round: the volume report leaves such a ticket out.
    await t.dataSource.query(
      `INSERT INTO tickets (number, kind, work_class, title, status, impact, urgency, priority, requester_id, department_id, queue_id,
                            source, created_by_id, created_at, updated_at, resolved_at)
       VALUES ('RR-OUT-OF-ORDER', 'incident', 'reactive', 'Out of order', 'resolved', 'one_person', 'inconvenience', 'P3', $1, $2, $3,
               'import', $1, '2026-07-10T15:00:00Z', '2026-07-10T15:00:00Z', '2026-07-05T15:00:00Z')`,
      [employee.id, departments[0], queues[0]],
    );
    const [{ anomalies }] = await t.dataSource.query(
      `SELECT sum(anomalies)::int AS anomalies FROM (SELECT anomalies FROM report_ticket_days WHERE dim = 'all'
                                                     UNION ALL SELECT anomalies FROM report_ticket_changes WHERE dim = 'all') x`,
    );
    expect(anomalies).toBe(1);
    expect(await july()).toBe(before);
    await expectRollupsEqualToRows();
  }, 120_000);

  it("cuts the ticket days again when the city's time zone changes", async () => {
    const before = (await rolledUp()).tickets;
    const [, changed] = await t.dataSource.query(
      `UPDATE calendars SET time_zone = 'Pacific/Honolulu' WHERE system_key = 'city_office_hours'`,
    );
    expect(changed).toBe(1);
    const [{ zone }] = await t.dataSource.query(`SELECT time_zone AS zone FROM report_rollup_zone`);
    expect(zone).toBe('Pacific/Honolulu');
    const after = (await rolledUp()).tickets;
    // Ten hours behind New York's zone moves evening tickets to the day before.
    expect([...after].sort()).not.toEqual([...before].sort());
    await expectRollupsEqualToRows();
  }, 120_000);
});
