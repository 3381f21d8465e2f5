import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { Actor } from '../src/common/security/actor.js';
import { JobRunner } from '../src/modules/jobs/job-runner.service.js';
import { ResponseTimesCache } from '../src/modules/reports/response-times-cache.js';
import { ResponseTimesReportService } from '../src/modules/reports/response-times-report.service.js';
import { createDepartment, createUser, type UserRecord } from './factories/identity.factory.js';
import { createCategory, createQueue } from './factories/reference.factory.js';
import { startTestApp, type ApiClient, type TestApp } from './support/test-app.js';
import { seededRandom } from './support/seeded-random.js';

/**
 * The response-times report's cache of period figures (ResponseTimesCache) against the same report
 * read from the tickets alone, after every kind of change to the tickets it measures: bulk
 * updates, moves between groups, deletes, back-dated inserts, a change committed while a report
 * was being read, the job's pruning, and a new city zone. A tampered cache row shows which periods
 * the cache answered and which it read again.
 */

const NOW = '2026-08-15T16:00:00Z';
const DAY = 24 * 3_600_000;
const FROM = '2024-09-10';
const TO = '2026-08-15';

type Query = Record<string, string>;

describe('response-times report cache', () => {
  let t: TestApp;
  let managerUser: UserRecord;
  let techUser: UserRecord;
  let manager: ApiClient;
  let technician: ApiClient;
  const departments: string[] = [];
  const queues: string[] = [];
  const categories: (string | null)[] = [null];
  const r = seededRandom(20261126);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  let history: { id: string; created_at: Date }[] = [];

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    for (let i = 0; i < 3; i++) departments.push((await createDepartment(t.dataSource)).id);
    techUser = await createUser(t.dataSource, { role: 'technician', departmentId: departments[0]! });
    managerUser = await createUser(t.dataSource, { role: 'manager' });
    const employee = await createUser(t.dataSource, { role: 'requester', departmentId: departments[1]! });
    // The technician belongs to two of the three queues.
    for (let i = 0; i < 3; i++) queues.push((await createQueue(t.dataSource, { memberIds: i < 2 ? [techUser.id] : [] })).id);
    for (const queue of queues) categories.push((await createCategory(t.dataSource, { defaultQueueId: queue })).id);
    manager = t.client();
    await manager.login(managerUser.email, managerUser.password);
    technician = t.client();
    await technician.login(techUser.email, techUser.password);

    const rows = Array.from({ length: 600 }, (_, i) => {
      const created = new Date(Date.parse('2024-08-01T00:00:00Z') + Math.floor(r() * 740 * DAY));
      const responded = r() < 0.8 ? new Date(created.getTime() + Math.floor(r() * 3 * DAY)) : null;
      const resolved = responded && r() < 0.7 ? new Date(responded.getTime() + Math.floor(r() * 10 * DAY)) : null;
      return {
        number: `RT-${i}`,
        kind: pick(['incident', 'service_request', 'maintenance']),
        work_class: pick(['reactive', 'service', 'proactive']),
        status: resolved ? 'resolved' : pick(['new', 'in_progress']),
        priority: pick(['P1', 'P2', 'P3', 'P4']),
        department_id: pick(departments),
        queue_id: pick(queues),
        category_id: pick(categories),
        created_at: created,
        first_response_at: responded,
        first_response_minutes: responded ? Math.floor(r() * 900) : null,
        first_resolved_at: resolved,
        first_resolution_minutes: resolved ? Math.floor(r() * 5000) : null,
        resolved_at: resolved,
        resolution_minutes: resolved ? Math.floor(r() * 6000) : null,
      };
    });
    history = await t.dataSource.query(
      `INSERT INTO tickets (number, kind, work_class, title, status, impact, urgency, priority, requester_id, department_id, queue_id,
                            category_id, source, created_by_id, created_at, updated_at, first_response_at, first_response_minutes,
                            first_resolved_at, first_resolution_minutes, resolved_at, resolution_minutes)
       SELECT r.number, r.kind, r.work_class, 'Times fixture', r.status, 'one_person', 'inconvenience', r.priority, $2, r.department_id,
              r.queue_id, r.category_id, 'import', $2, r.created_at, r.created_at, r.first_response_at, r.first_response_minutes,
              r.first_resolved_at, r.first_resolution_minutes, r.resolved_at, r.resolution_minutes
         FROM json_populate_recordset(NULL::tickets, $1::json) r
       RETURNING id, created_at`,
      [JSON.stringify(rows), employee.id],
    );
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const actorOf = (user: UserRecord, role: Actor['role']): Actor => ({
    id: user.id,
    email: user.email,
    name: 'Test',
    role,
    departmentId: null,
    mustChangePassword: false,
    sessionId: 'test',
  });

  /** Selections: city-wide, by each dimension, filtered, by quarter, and a technician's (by queue, and not split). */
  function selections(): [ApiClient, Actor, Query][] {
    const m = actorOf(managerUser, 'manager');
    const tech = actorOf(techUser, 'technician');
    return [
      [manager, m, {}],
      [manager, m, { groupBy: 'department' }],
      [manager, m, { groupBy: 'priority' }],
      [manager, m, { groupBy: 'category' }],
      [manager, m, { groupBy: 'queue', queueId: queues[1]! }],
      [manager, m, { kind: 'incident' }],
      [manager, m, { departmentId: departments[2]! }],
      [manager, m, { interval: 'quarter', groupBy: 'work_class' }],
      [manager, m, { interval: 'week', from: '2026-06-03', to: '2026-08-12' }],
      [technician, tech, { groupBy: 'queue' }],
      [technician, tech, {}],
    ];
  }

  async function fromApi(client: ApiClient, query: Query): Promise<unknown> {
    const params = new URLSearchParams({ from: FROM, to: TO, ...query });
    const res = await client.get(`/api/reports/response-times?${params.toString()}`);
    expect(res.status).toBe(200);
    return res.body;
  }

  async function fromTickets(actor: Actor, query: Query): Promise<unknown> {
    const report = await t.app.get(ResponseTimesReportService).report(actor, { from: FROM, to: TO, ...query }, 'tickets');
    // As the API sends it.
    return JSON.parse(JSON.stringify(report));
  }

  /** Every selection's report through the API (cache) equals the one read from the tickets. */
  async function expectEveryReportExact(): Promise<void> {
    for (const [client, actor, query] of selections()) {
      const [cached, direct] = [await fromApi(client, query), await fromTickets(actor, query)];
      expect({ query, report: cached }).toEqual({ query, report: direct });
    }
  }

  const cacheRows = async (): Promise<number> =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM report_times_cache`))[0].n as number;

  /** The city-wide monthly report's row of a month, through the API. */
  async function month(periodStart: string): Promise<{ ticketCount: number; firstResponseMedianMinutes: number | null }> {
    const report = (await fromApi(manager, {})) as {
      rows: { periodStart: string; ticketCount: number; firstResponseMedianMinutes: number | null }[];
    };
    return report.rows.find((row) => row.periodStart === periodStart)!;
  }

  /** Makes the cached city-wide row of a month say `ticketCount` 9999: a report showing it was answered by the cache. */
  async function tamper(periodFrom: string): Promise<void> {
    const [, changed] = await t.dataSource.query(
      `UPDATE report_times_cache
          SET facts = jsonb_build_array(jsonb_set(facts->0, '{ticketCount}', '9999'))
        WHERE dim = 'all' AND period_from = $1`,
      [periodFrom],
    );
    expect(changed).toBe(1);
  }

  it('answers every selection exactly, and stores the periods it read', async () => {
    expect(await cacheRows()).toBe(0);
    await expectEveryReportExact();
    // 24 months for the city-wide rows alone, and more for the other dimensions and intervals.
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM report_times_cache WHERE dim = 'all'`);
    expect(n).toBeGreaterThanOrEqual(24);
    // The technician's unsplit report adds up two queues: it is read from the tickets and stored under no key of its own.
    const dims: { dim: string }[] = await t.dataSource.query(`SELECT DISTINCT dim::text FROM report_times_cache ORDER BY 1`);
    expect(dims.map((d) => d.dim)).toEqual(['all', 'category', 'department', 'kind', 'priority', 'queue', 'work_class']);
  }, 120_000);

  it('answers from the cache while nothing changed', async () => {
    await tamper('2025-03-01');
    expect((await month('2025-03-01')).ticketCount).toBe(9999);
    await t.dataSource.query(`DELETE FROM report_times_cache WHERE dim = 'all' AND period_from = '2025-03-01'`);
    expect((await month('2025-03-01')).ticketCount).toBeLessThan(9999);
  }, 120_000);

  it('reads again only the periods of tickets that changed what it measures', async () => {
    await tamper('2025-03-01');
    await tamper('2025-05-01');
    // A ticket created in May 2025 answered later; nothing of March changed. Text changes are not watched.
    const [may] = history.filter((x) => x.created_at.toISOString().startsWith('2025-05-1'));
    const [march] = history.filter((x) => x.created_at.toISOString().startsWith('2025-03-1'));
    await t.dataSource.query(`UPDATE tickets SET first_response_minutes = 7, first_response_at = created_at WHERE id = $1`, [
      may!.id,
    ]);
    await t.dataSource.query(`UPDATE tickets SET title = 'Renamed' WHERE id = $1`, [march!.id]);
    expect((await month('2025-03-01')).ticketCount).toBe(9999);
    expect((await month('2025-05-01')).ticketCount).toBeLessThan(9999);
    await t.dataSource.query(`DELETE FROM report_times_cache WHERE dim = 'all' AND period_from = '2025-03-01'`);
  }, 120_000);

  it('reads the tickets once for the same report asked for at once', async () => {
    await t.dataSource.query(`DELETE FROM report_times_cache`);
    // The first read of the tickets waits until all six reports have asked.
    const cache = t.app.get(ResponseTimesCache);
    const [facts, compute] = [cache.facts.bind(cache), cache['compute'].bind(cache)];
    let asked = 0;
    let allAsked!: () => void;
    const everyoneAsked = new Promise<void>((resolve) => (allAsked = resolve));
    cache.facts = (...args: Parameters<typeof facts>) => {
      if (++asked === 6) allAsked();
      return facts(...args);
    };
    cache['compute'] = async (...args: Parameters<typeof compute>) => {
      await everyoneAsked;
      return compute(...args);
    };
    t.statements.reset();
    try {
      const reports = await Promise.all(Array.from({ length: 6 }, () => fromApi(manager, { groupBy: 'priority' })));
      const reads = t.statements.statements.filter((sql) => sql.includes('percentile_cont'));
      expect({ asked, reads: reads.length }).toEqual({ asked: 6, reads: 1 });
      for (const report of reports) expect(report).toEqual(reports[0]);
      expect(reports[0]).toEqual(await fromTickets(actorOf(managerUser, 'manager'), { groupBy: 'priority' }));
    } finally {
      cache.facts = facts;
      cache['compute'] = compute;
    }
  }, 120_000);

  it('follows bulk changes: times, groups, deletes and back-dated tickets', async () => {
    const some = (share: number) => history.filter(() => r() < share).map((x) => x.id);
    await t.dataSource.query(
      `UPDATE tickets SET resolution_minutes = resolution_minutes + 333, resolved_at = resolved_at + interval '5 hours'
        WHERE id = ANY($1::uuid[]) AND resolved_at IS NOT NULL`,
      [some(0.2)],
    );
    await t.dataSource.query(`UPDATE tickets SET department_id = $2, priority = 'P1' WHERE id = ANY($1::uuid[])`, [
      some(0.1),
      departments[0],
    ]);
    await t.dataSource.query(
      `UPDATE tickets SET queue_id = $2, category_id = NULL, kind = 'incident' WHERE id = ANY($1::uuid[])`,
      [some(0.1), queues[0]],
    );
    await t.dataSource.query(`UPDATE tickets SET created_at = created_at - interval '40 days' WHERE id = ANY($1::uuid[])`, [
      some(0.05),
    ]);
    await t.dataSource.query(
      `UPDATE tickets SET first_response_at = NULL, first_response_minutes = NULL WHERE id = ANY($1::uuid[])`,
      [some(0.05)],
    );
    const gone = some(0.05);
    await t.dataSource.query(`DELETE FROM tickets WHERE id = ANY($1::uuid[])`, [gone]);
    history = history.filter((x) => !gone.includes(x.id));
    await t.dataSource.query(
      `INSERT INTO tickets (number, kind, work_class, title, status, impact, urgency, priority, requester_id, department_id, queue_id,
                            source, created_by_id, created_at, updated_at, first_response_at, first_response_minutes)
       SELECT 'RT-LATE-' || n, 'incident', 'reactive', 'Late import', 'in_progress', 'one_person', 'inconvenience', 'P2', $1, $2, $3,
              'import', $1, timestamptz '2025-01-20T15:00:00Z' + n * interval '1 day', timestamptz '2025-01-20T15:00:00Z',
              timestamptz '2025-01-20T17:00:00Z' + n * interval '1 day', 120 + n
         FROM generate_series(1, 12) n`,
      [managerUser.id, departments[1], queues[2]],
    );
    await expectEveryReportExact();
  }, 120_000);

  it('does not keep figures read while a change was in flight, once it commits', async () => {
    const july = history.filter((x) => x.created_at.toISOString().startsWith('2025-07-1')).map((x) => x.id);
    await t.dataSource.query(`DELETE FROM report_times_cache`);
    const writer = new pg.Client({ connectionString: t.databaseUrl });
    await writer.connect();
    const cache = t.app.get(ResponseTimesCache);
    const store = cache['store'].bind(cache);
    try {
      await writer.query('BEGIN');
      await writer.query(
        `UPDATE tickets SET first_response_at = created_at + interval '1 minute', first_response_minutes = 1 WHERE id = ANY($1::uuid[])`,
        [july],
      );
      // The change commits after the report read the tickets and before it stores what it read.
      cache['store'] = async (...args: Parameters<typeof store>) => {
        await writer.query('COMMIT');
        return store(...args);
      };
      const before = await month('2025-07-01');
      cache['store'] = store;
      expect(await cacheRows()).toBeGreaterThan(0);
      const after = await month('2025-07-01');
      const direct = (await fromTickets(actorOf(managerUser, 'manager'), {})) as { rows: { periodStart: string }[] };
      expect(after).toEqual(direct.rows.find((row) => row.periodStart === '2025-07-01'));
      // A third of the month's tickets now answered in a minute.
      expect(after.firstResponseMedianMinutes).toBeLessThan(before.firstResponseMedianMinutes!);
    } finally {
      cache['store'] = store;
      await writer.end();
    }
  }, 120_000);

  it('prunes the change rows in the job, keeps the periods still valid, and stays exact', async () => {
    await expectEveryReportExact();
    const [{ n: changes }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM report_times_changes`);
    expect(changes).toBeGreaterThan(0);
    const rows = await cacheRows();
    const [{ horizon }] = await t.dataSource.query(`SELECT horizon::text FROM report_times_horizon`);
    t.clock.advance(60_000);
    const result = await t.app.get(JobRunner).tick('report-rollups');
    expect(result.ran).toBe(true);
    // Pruned up to the oldest transaction running on the server (other databases' too): none left below it.
    const [{ below, moved }] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM report_times_changes WHERE xid < h.horizon) AS below, h.horizon > $1::xid8 AS moved
         FROM report_times_horizon h`,
      [horizon],
    );
    expect({ below, moved }).toEqual({ below: 0, moved: true });
    expect(await cacheRows()).toBe(rows);
    await tamper('2025-03-01');
    expect((await month('2025-03-01')).ticketCount).toBe(9999);
    await t.dataSource.query(`DELETE FROM report_times_cache WHERE dim = 'all' AND period_from = '2025-03-01'`);
    await t.dataSource.query(`UPDATE tickets SET resolution_minutes = 1 WHERE id = ANY($1::uuid[])`, [
      history.slice(0, 40).map((x) => x.id),
    ]);
    await expectEveryReportExact();
  }, 120_000);

  it('never lets figures read in a snapshot older than a pruned change answer', async () => {
    const [{ zone }] = await t.dataSource.query(`SELECT time_zone AS zone FROM report_rollup_zone`);
    const march = history.find((x) => x.created_at.toISOString().startsWith('2025-03-1'))!;
    // A slow reader's snapshot, taken before a change to March commits.
    const reader = new pg.Client({ connectionString: t.databaseUrl });
    await reader.connect();
    try {
      await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      const [{ snapshot }] = (await reader.query(`SELECT pg_current_snapshot()::text AS snapshot`)).rows;
      await t.dataSource.query(`UPDATE tickets SET resolution_minutes = 2 WHERE id = $1`, [march.id]);
      // Every period cached after the change, and the job prunes what it can.
      await month('2025-03-01');
      t.clock.advance(60_000);
      expect((await t.app.get(JobRunner).tick('report-rollups')).ran).toBe(true);
      // What the slow reader read (here: nothing at all for March) comes to be stored only now.
      await t.dataSource.query(`DELETE FROM report_times_cache WHERE dim = 'all' AND period_from = '2025-03-01'`);
      const cache = t.app.get(ResponseTimesCache);
      await cache['store'](zone, 'all', snapshot, [
        { periodStart: '2025-03-01', from: '2025-03-01', to: '2025-03-31', facts: [] },
      ]);
      await reader.query('COMMIT');
    } finally {
      await reader.end();
    }
    // Refused when the change was pruned; kept, and seen to be stale, when other databases' work
    // on this server held the horizon back. Either way March is answered exactly.
    const direct = (await fromTickets(actorOf(managerUser, 'manager'), {})) as { rows: { periodStart: string }[] };
    expect(await month('2025-03-01')).toEqual(direct.rows.find((row) => row.periodStart === '2025-03-01'));
  }, 120_000);

  it("empties the cache when the city's time zone changes, and stays exact", async () => {
    await expectEveryReportExact();
    expect(await cacheRows()).toBeGreaterThan(0);
    await t.dataSource.query(`UPDATE calendars SET time_zone = 'Pacific/Honolulu' WHERE system_key = 'city_office_hours'`);
    expect(await cacheRows()).toBe(0);
    await expectEveryReportExact();
  }, 120_000);
});
