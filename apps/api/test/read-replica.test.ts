import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDepartment, createUser, type UserRecord } from './factories/identity.factory.js';
import { startTestApp, type ApiClient, type TestApp } from './support/test-app.js';
import { createTestDatabase } from './support/test-database.js';

const REPORTS = ['spend', 'response-times', 'sla-compliance', 'volume', 'asset-refresh', 'prevention'] as const;
const WRITE = /^\s*(INSERT|UPDATE|DELETE|START TRANSACTION|BEGIN)\b/i;

/**
 * DATABASE_REPLICA_URLS: the reports read through the replica pool, everything else stays on the
 * primary. The "replica" is the test database itself, reached through its own pool whose
 * sessions are read-only (as a hot standby's are): a write routed there would fail, and the pool's
 * application_name tells its sessions apart in pg_stat_activity.
 */
describe('Read replica for reports', () => {
  let database: { url: string; drop(): Promise<void> };
  let t: TestApp;
  let manager: UserRecord;
  let requester: UserRecord;

  /** What the replica pool's sessions last ran, as PostgreSQL reports it. */
  const replicaSessions = async (): Promise<{ query: string }[]> =>
    t.dataSource.query(
      `SELECT query FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'civicdesk-replica' AND pid <> pg_backend_pid()`,
    );

  const signedIn = async (user: UserRecord): Promise<ApiClient> => {
    const client = t.client();
    await client.login(user.email, user.password);
    return client;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const replica = new URL(database.url);
    replica.searchParams.set('options', '-c default_transaction_read_only=on');
    t = await startTestApp({ sharedDatabaseUrl: database.url, env: { DATABASE_REPLICA_URLS: replica.toString() } });
    const dept = await createDepartment(t.dataSource, { name: 'Parks' });
    manager = await createUser(t.dataSource, { role: 'manager' });
    requester = await createUser(t.dataSource, { role: 'requester', departmentId: dept.id });
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  it('writes and other reads go to the primary only', async () => {
    expect(t.config.databaseReplicaUrls).toHaveLength(1);
    const employee = await signedIn(requester);
    t.statements.reset();
    const created = await employee.post('/api/tickets', {
      title: 'Park office PC will not boot',
      impact: 'one_person',
      urgency: 'inconvenience',
    });
    expect([created.status, created.body]).toEqual([201, expect.anything()]);
    expect((await employee.get(`/api/tickets/${created.body.id}`)).status).toBe(200);
    expect((await employee.get('/api/tickets')).status).toBe(200);

    expect(t.statements.statements.some((s) => /INSERT INTO tickets/.test(s))).toBe(true);
    expect(t.statements.modes.filter((m) => m === 'slave')).toEqual([]);
    // TypeORM opens one session per pool at start-up to check it; none has run a statement yet.
    expect((await replicaSessions()).filter((s) => s.query !== '')).toEqual([]);
  });

  it('runs every report through the read-only replica pool', async () => {
    const boss = await signedIn(manager);
    t.statements.reset();
    for (const report of REPORTS) {
      const res = await boss.get(`/api/reports/${report}`);
      expect([report, res.status]).toEqual([report, 200]);
    }
    const onReplica = t.statements.statements.filter((_, i) => t.statements.modes[i] === 'slave');
    // Each report's scope (the city's day) and its own SQL.
    expect(onReplica.length).toBeGreaterThanOrEqual(2 * REPORTS.length);
    expect(onReplica.filter((s) => WRITE.test(s))).toEqual([]);
    const onPrimary = t.statements.statements.filter((_, i) => t.statements.modes[i] !== 'slave');
    expect(onPrimary.filter((s) => /ticket_work_logs|width_bucket|city_office_hours/.test(s))).toEqual([]);

    // PostgreSQL saw the report SQL from the replica pool's sessions, which are read-only.
    const sessions = (await replicaSessions()).filter((s) => s.query !== '');
    expect(sessions.length).toBeGreaterThan(0);
    // pg_stat_activity cuts a statement at track_activity_query_size (1 kB by default).
    for (const s of sessions) expect(onReplica.filter((q) => q.startsWith(s.query))).not.toEqual([]);
    const replica = t.dataSource.createQueryRunner('slave');
    try {
      const [row] = await replica.query(`SELECT current_setting('transaction_read_only') AS read_only`);
      expect(row.read_only).toBe('on');
      await expect(replica.query(`UPDATE settings SET updated_at = updated_at`)).rejects.toThrow(/read-only transaction/);
    } finally {
      await replica.release();
    }
    const [primary] = await t.dataSource.query(`SELECT current_setting('transaction_read_only') AS read_only`);
    expect(primary.read_only).toBe('off');
  });
});
