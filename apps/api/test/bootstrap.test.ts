import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { startCivicDesk } from '../src/bootstrap.js';
import { DEMO_DEPARTMENTS, DEMO_PASSWORD, demoStaff } from '../src/database/seed/demo-city.js';
import { FixedClock } from '../src/common/time/clock.js';
import { SlaPoliciesService } from '../src/modules/sla-policies/sla-policies.service.js';
import { slaColumns } from '../src/modules/ticket-sla/domain/clock-columns.js';
import { TicketSlaService } from '../src/modules/ticket-sla/ticket-sla.service.js';
import { slaState, type StoredSla } from '../src/modules/tickets/domain/sla-state.js';
import { ApiClient, TEST_SECRET } from './support/test-app.js';
import { createTestDatabase } from './support/test-database.js';

describe('start-up', () => {
  let db: { url: string; drop(): Promise<void> };
  const env = (): NodeJS.ProcessEnv => ({
    NODE_ENV: 'development',
    DATABASE_URL: db.url,
    SESSION_SECRET: TEST_SECRET,
    PORT: '0',
    HOST: '127.0.0.1',
    SCHEDULER_ENABLED: 'false',
    LOG_LEVEL: 'silent',
    // Three years, as `npm start` loads them, at a fifth of the tickets to keep the suite quick.
    DEMO_HISTORY_SCALE: '0.2',
  });

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
  });
  afterAll(() => db.drop());

  it('migrates an empty database, loads the demo city once, and keeps data across restarts', async () => {
    // 12 departments, ~300 employees and 12 technicians.
    expect(DEMO_DEPARTMENTS).toHaveLength(12);
    expect(demoStaff().filter((u) => u.role === 'requester').length).toBeGreaterThanOrEqual(290);
    expect(demoStaff().filter((u) => u.role === 'technician')).toHaveLength(12);
    // A Wednesday afternoon in the city: the demo's clocks are computed for this moment.
    const clock = new FixedClock('2026-03-04T19:00:00Z');
    const first = await startCivicDesk(env(), { webDist: '/nonexistent', clock });
    try {
      expect(first.database.applied.length).toBeGreaterThan(0);
      expect(first.seeded).toBe(true);
      expect(first.hasDemoUsers).toBe(true);
      const c = new ApiClient(first.url);
      const login = await c.login('officer@civicdesk.test', DEMO_PASSWORD);
      expect(login.body.user).toMatchObject({ role: 'requester', departmentName: 'Police' });
      const departments = await c.get('/api/departments');
      expect(departments.body.items.map((d: { code: string }) => d.code).sort()).toEqual(
        DEMO_DEPARTMENTS.map((d) => d.code).sort(),
      );
      expect(departments.body.items.find((d: { code: string }) => d.code === 'PD').lifeSafety).toBe(true);
      const tickets = await c.get('/api/tickets?requesterId=me&limit=100');
      expect(tickets.body.items.length).toBeGreaterThan(3);
      const [{ assets, queues, statuses, open }] = await first.database.dataSource.query(
        `SELECT (SELECT count(*)::int FROM assets) AS assets, (SELECT count(*)::int FROM queues) AS queues,
                (SELECT count(DISTINCT status)::int FROM tickets) AS statuses,
                (SELECT count(*)::int FROM tickets WHERE status NOT IN ('resolved', 'closed', 'canceled')) AS open`,
      );
      expect({ queues, statuses }).toEqual({ queues: 5, statuses: 8 });
      expect(assets).toBeGreaterThanOrEqual(300);
      expect(open).toBeGreaterThanOrEqual(36);
      const [{ orphans }] = await first.database.dataSource.query(
        `SELECT count(*)::int AS orphans FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'created')`,
      );
      expect(orphans).toBe(0);
      const calendars = await first.database.dataSource.query(
        `SELECT d.code, c.name, (SELECT count(*)::int FROM calendar_holidays h WHERE h.calendar_id = c.id) AS holidays
           FROM departments d LEFT JOIN calendars c ON c.id = d.calendar_id WHERE d.code IN ('PD', 'LIB', 'FIN') ORDER BY d.code`,
      );
      expect(calendars).toEqual([
        { code: 'FIN', name: null, holidays: 0 }, // the city's office hours
        { code: 'LIB', name: 'Library hours', holidays: expect.any(Number) },
        { code: 'PD', name: 'Around the clock (24×7)', holidays: 0 },
      ]);
      expect(calendars[1].holidays).toBeGreaterThan(30);

      // Every demo ticket is on an SLA clock, and the open ones show every countdown state.
      const [{ policies, unclocked }] = await first.database.dataSource.query(
        `SELECT (SELECT count(*)::int FROM sla_policies WHERE active) AS policies,
                (SELECT count(*)::int FROM tickets WHERE sla_policy_version_id IS NULL) AS unclocked`,
      );
      expect({ policies, unclocked }).toEqual({ policies: 8, unclocked: 0 });
      const rows: StoredSla[] = await first.database.dataSource.query(
        `SELECT status, sla_policy_version_id, due_at, sla_at_risk_at, sla_paused, first_response_breached, resolution_breached,
                next_response_breached FROM tickets`,
      );
      const states = new Set(rows.map((r) => slaState(r, clock.now())));
      expect([...states].sort()).toEqual(expect.arrayContaining(['at_risk', 'breached', 'met', 'on_time', 'paused']));
      const [police] = await first.database.dataSource.query(
        `SELECT v.name FROM tickets t JOIN departments d ON d.id = t.department_id
           JOIN sla_policy_versions v ON v.id = t.sla_policy_version_id WHERE d.code = 'PD' LIMIT 1`,
      );
      expect(police.name).toMatch(/^Life safety/);

      // Preventive maintenance has been running: plans with generated tickets, most done on time.
      const [maintenance] = await first.database.dataSource.query(
        `SELECT (SELECT count(*)::int FROM maintenance_plans) AS plans,
                count(*)::int AS tickets, count(*) FILTER (WHERE t.status = 'resolved')::int AS resolved,
                count(*) FILTER (WHERE t.resolution_breached = false)::int AS on_time,
                count(DISTINCT t.maintenance_plan_id)::int AS plans_with_tickets
           FROM tickets t WHERE t.kind = 'maintenance'`,
      );
      expect(maintenance.plans).toBe(9);
      expect(maintenance.plans_with_tickets).toBeGreaterThanOrEqual(5);
      expect(maintenance.resolved).toBeGreaterThan(20);
      expect(maintenance.on_time).toBeGreaterThan(maintenance.resolved / 2);
      const [proactive] = await first.database.dataSource.query(
        `SELECT count(*)::int AS logged FROM tickets WHERE kind = 'maintenance' AND status = 'resolved' AND labour_minutes > 0`,
      );
      expect(proactive.logged).toBe(maintenance.resolved);
      // Work still to do: a technician signing in finds their next tasks already made.
      const [waiting] = await first.database.dataSource.query(
        `SELECT count(*)::int AS open FROM tickets t JOIN users u ON u.id = t.assignee_id
          WHERE t.kind = 'maintenance' AND t.status NOT IN ('resolved', 'closed', 'canceled') AND u.email = 'tech@civicdesk.test'`,
      );
      expect(waiting.open).toBeGreaterThanOrEqual(1);

      // Costs: rates with history, work logs and expenses on the demo tickets, totals that add up.
      const [costs] = await first.database.dataSource.query(
        `SELECT (SELECT count(*)::int FROM labor_rates WHERE user_id IS NULL) AS role_defaults,
                (SELECT count(*)::int FROM labor_rates r JOIN users u ON u.id = r.user_id WHERE u.email = 'tech@civicdesk.test') AS taylor_rates,
                (SELECT count(DISTINCT ticket_id)::int FROM ticket_work_logs) AS logged_tickets,
                (SELECT count(*)::int FROM ticket_expenses) AS expenses,
                (SELECT count(*)::int FROM ticket_expenses WHERE asset_id IS NOT NULL) AS asset_expenses,
                (SELECT count(*)::int FROM tickets t WHERE t.labour_cost_cents <> (SELECT coalesce(sum(cost_cents), 0) FROM ticket_work_logs w WHERE w.ticket_id = t.id)
                    OR t.expense_cents <> (SELECT coalesce(sum(amount_cents), 0) FROM ticket_expenses e WHERE e.ticket_id = t.id)) AS wrong_totals,
                (SELECT count(*)::int FROM ticket_work_logs WHERE cost_cents <> round(minutes * rate_cents / 60.0)) AS wrong_costs,
                (SELECT count(*)::int FROM ticket_events WHERE type IN ('work_logged', 'expense_added') AND public) AS public_cost_events`,
      );
      expect(costs).toMatchObject({ role_defaults: 3, taylor_rates: 2, wrong_totals: 0, wrong_costs: 0, public_cost_events: 0 });
      expect(costs.logged_tickets).toBeGreaterThan(20);
      expect(costs.expenses).toBeGreaterThan(4);
      expect(costs.asset_expenses).toBeGreaterThan(1);
      await expectHistory(first.database.dataSource, clock);
      await c.post('/api/auth/logout');
      const admin = new ApiClient(first.url);
      await admin.login('admin@civicdesk.test', DEMO_PASSWORD);
      expect((await admin.post('/api/departments', { name: 'Harbor', code: 'HARBOR' })).status).toBe(201);
    } finally {
      await first.stop();
    }

    const second = await startCivicDesk(env(), { webDist: '/nonexistent' });
    try {
      expect(second.database.applied).toEqual([]);
      expect(second.seeded).toBe(false);
      const [{ users }] = await second.database.dataSource.query(`SELECT count(*)::int AS users FROM users`);
      expect(users).toBe(demoStaff().length);
      const [{ harbor }] = await second.database.dataSource.query(
        `SELECT count(*)::int AS harbor FROM departments WHERE code = 'HARBOR'`,
      );
      expect(harbor).toBe(1);
    } finally {
      await second.stop();
    }
  }, 180_000);

  it('loads no demo data when DEMO_DATA=false', async () => {
    const empty = await createTestDatabase({ empty: true });
    const civicDesk = await startCivicDesk(
      { ...env(), DATABASE_URL: empty.url, DEMO_DATA: 'false' },
      { webDist: '/nonexistent' },
    );
    try {
      expect(civicDesk.seeded).toBe(false);
      const [{ users }] = await civicDesk.database.dataSource.query(`SELECT count(*)::int AS users FROM users`);
      expect(users).toBe(0);
    } finally {
      await civicDesk.stop();
      await empty.drop();
    }
  });
});

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The demo city's three years: how many tickets, their stored clocks and totals, their numbers,
 * and the story (proactive work ramps up in year two; reactive incidents and their cost fall).
 */
async function expectHistory(dataSource: DataSource, clock: FixedClock): Promise<void> {
  const now = clock.now();
  const q = (sql: string, params: unknown[] = []) => dataSource.query(sql, params);
  // History: everything filed before the current demo tickets and the maintenance plans' last 90 days.
  const historyEnd = new Date(now.getTime() - 9 * DAY_MS);
  const [span] = await q(
    `SELECT count(*)::int AS tickets, min(created_at) AS first, count(DISTINCT department_id)::int AS departments,
            count(*) FILTER (WHERE sla_policy_version_id IS NULL OR sla_calendar_id IS NULL)::int AS unclocked,
            count(*) FILTER (WHERE status = 'closed' AND (resolution_minutes IS NULL OR resolution_breached IS NULL
                                 OR (kind <> 'maintenance' AND (first_response_minutes IS NULL OR first_response_breached IS NULL))))::int AS unmeasured,
            count(*) FILTER (WHERE status NOT IN ('resolved', 'closed', 'canceled'))::int AS open,
            count(*) FILTER (WHERE resolution_breached)::int AS breached, count(*) FILTER (WHERE reopen_count > 0)::int AS reopened,
            count(*) FILTER (WHERE sla_paused_minutes > 0)::int AS paused
       FROM tickets WHERE created_at < $1`,
    [historyEnd],
  );
  // About 24,000 tickets over three years at full scale; a fifth here.
  expect(span.tickets).toBeGreaterThan(3_500);
  expect(span.tickets).toBeLessThan(7_000);
  expect(new Date(span.first).getTime()).toBeLessThan(now.getTime() - 3 * 365 * DAY_MS + 14 * DAY_MS);
  expect(span).toMatchObject({ departments: 12, unclocked: 0, unmeasured: 0, open: 0 });
  expect(span.breached).toBeGreaterThan(span.tickets * 0.03);
  expect(span.reopened).toBeGreaterThan(0);
  expect(span.paused).toBeGreaterThan(span.tickets * 0.05);

  // The stored clocks are what the live clock gives when it replays the stored trails.
  const sample: { id: string }[] = await q(`SELECT id FROM tickets WHERE created_at < $1 ORDER BY number LIMIT 400`, [
    historyEnd,
  ]);
  const policies = new SlaPoliciesService(dataSource, clock);
  const evaluations = await new TicketSlaService(policies).evaluate(
    dataSource.manager,
    sample.map((t) => t.id),
    now,
  );
  const stored: Record<string, unknown>[] = await q(
    `SELECT id, due_at, resolution_due_at, first_response_minutes, resolution_minutes, first_resolution_minutes, sla_paused_minutes,
            first_response_breached, resolution_breached, sla_breached_at FROM tickets WHERE id = ANY($1::uuid[])`,
    [sample.map((t) => t.id)],
  );
  const byId = new Map(stored.map((r) => [r.id, r]));
  expect(evaluations).toHaveLength(sample.length);
  for (const e of evaluations) {
    const c = slaColumns(e.clock, false, e.fired, e.version.active);
    expect(byId.get(e.ticket.id)).toEqual({
      id: e.ticket.id,
      due_at: null,
      resolution_due_at: c.resolution_due_at,
      first_response_minutes: c.first_response_minutes,
      resolution_minutes: c.resolution_minutes,
      first_resolution_minutes: c.first_resolution_minutes,
      sla_paused_minutes: c.sla_paused_minutes,
      first_response_breached: c.first_response_breached,
      resolution_breached: c.resolution_breached,
      sla_breached_at: c.sla_breached_at,
    });
  }

  // Numbers read in the order tickets were filed, history before the current tickets (the plans'
  // tasks of their last 90 days are numbered after the history's).
  const [order] = await q(
    `SELECT count(*) FILTER (WHERE created_at < previous)::int AS out_of_order FROM (
       SELECT created_at, lag(created_at) OVER (PARTITION BY kind ORDER BY number) AS previous
         FROM tickets WHERE created_at < $1 AND maintenance_plan_id IS NULL) x`,
    [historyEnd],
  );
  expect(order.out_of_order).toBe(0);
  const [numbers] = await q(
    `SELECT count(*)::int AS later FROM tickets h WHERE h.created_at < $1 AND h.kind <> 'maintenance'
        AND EXISTS (SELECT 1 FROM tickets t WHERE t.kind = h.kind AND t.created_at >= $1 AND t.number < h.number)`,
    [historyEnd],
  );
  expect(numbers.later).toBe(0);

  // The story, year one (three to two years ago) against year three (the last twelve months), as
  // "does prevention pay" counts it: labour by work date, expenses by date spent, incidents by filing.
  const years: { code: string | null; year: number; incidents: number; reactive: string; proactive: string; total: string }[] =
    await q(
      `WITH spend AS (
       SELECT t.department_id, w.work_date AS day, t.work_class, w.cost_cents AS cents
         FROM ticket_work_logs w JOIN tickets t ON t.id = w.ticket_id
       UNION ALL
       SELECT t.department_id, e.spent_on, t.work_class, e.amount_cents FROM ticket_expenses e JOIN tickets t ON t.id = e.ticket_id
     ), facts AS (
       SELECT department_id, CASE WHEN day < ($1::timestamptz - interval '2 years')::date THEN 1 ELSE 3 END AS year, work_class, cents, 0 AS n
         FROM spend WHERE day >= ($1::timestamptz - interval '3 years')::date
          AND (day < ($1::timestamptz - interval '2 years')::date OR day >= ($1::timestamptz - interval '1 year')::date)
       UNION ALL
       SELECT department_id, CASE WHEN created_at < $1::timestamptz - interval '2 years' THEN 1 ELSE 3 END, work_class, 0, 1
         FROM tickets WHERE work_class = 'reactive' AND created_at >= $1::timestamptz - interval '3 years'
          AND (created_at < $1::timestamptz - interval '2 years' OR created_at >= $1::timestamptz - interval '1 year')
     )
     SELECT d.code, f.year, sum(f.n)::int AS incidents,
            coalesce(sum(f.cents) FILTER (WHERE f.work_class = 'reactive'), 0) AS reactive,
            coalesce(sum(f.cents) FILTER (WHERE f.work_class = 'proactive'), 0) AS proactive,
            coalesce(sum(f.cents), 0) AS total
       FROM facts f JOIN departments d ON d.id = f.department_id
      GROUP BY GROUPING SETS ((d.code, f.year), (f.year))`,
      [now],
    );
  const of = (code: string | null, year: number) => years.find((y) => y.code === code && y.year === year)!;
  const improved = (code: string | null) => {
    const [y1, y3] = [of(code, 1), of(code, 3)];
    return (
      y3.incidents < y1.incidents &&
      Number(y3.reactive) < Number(y1.reactive) &&
      Number(y3.proactive) / Number(y3.total) > Number(y1.proactive) / Number(y1.total)
    );
  };
  expect(improved(null)).toBe(true);
  expect(Number(of(null, 3).proactive) / Number(of(null, 3).total)).toBeGreaterThan(0.1);
  expect(Number(of(null, 1).proactive) / Number(of(null, 1).total)).toBeLessThan(0.05);
  const codes = DEMO_DEPARTMENTS.map((d) => d.code);
  expect(codes.filter(improved).length).toBeGreaterThanOrEqual(Math.ceil((codes.length * 2) / 3));

  // Assets: replacements fall due across the coming fiscal years; a few cost more in repairs than half a new one.
  const refresh: { fy: number }[] = await q(
    `SELECT DISTINCT extract(year FROM (purchase_date + make_interval(years => lifecycle_years)) + interval '6 months')::int AS fy
       FROM assets WHERE status <> 'retired' AND purchase_date + make_interval(years => lifecycle_years) >= $1::date`,
    [now],
  );
  const thisYear = now.getUTCFullYear() + (now.getUTCMonth() >= 6 ? 1 : 0);
  expect(refresh.map((r) => r.fy)).toEqual(expect.arrayContaining([0, 1, 2, 3, 4].map((k) => thisYear + k)));
  const [{ lemons }] = await q(
    `SELECT count(*)::int AS lemons FROM assets a WHERE a.status <> 'retired' AND a.cost_cents / 2 <
       coalesce((SELECT sum(e.amount_cents) FROM ticket_expenses e JOIN tickets t ON t.id = e.ticket_id
                  WHERE e.asset_id = a.id AND t.work_class = 'reactive'), 0)
     + coalesce((SELECT sum(t.labour_cost_cents) FROM tickets t WHERE t.asset_id = a.id AND t.work_class = 'reactive'), 0)`,
  );
  expect(lemons).toBeGreaterThanOrEqual(3);
  expect(lemons).toBeLessThanOrEqual(15);
}
