import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startCivicDesk } from '../src/bootstrap.js';
import { DEMO_DEPARTMENTS, DEMO_PASSWORD, DEMO_USERS } from '../src/database/seed/demo-city.js';
import { FixedClock } from '../src/common/time/clock.js';
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
  });

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
  });
  afterAll(() => db.drop());

  it('migrates an empty database, loads the demo city once, and keeps data across restarts', async () => {
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
      expect(users).toBe(DEMO_USERS.length);
      const [{ harbor }] = await second.database.dataSource.query(
        `SELECT count(*)::int AS harbor FROM departments WHERE code = 'HARBOR'`,
      );
      expect(harbor).toBe(1);
    } finally {
      await second.stop();
    }
  });

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
