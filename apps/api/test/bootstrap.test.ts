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
