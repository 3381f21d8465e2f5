import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobRunner } from '../src/modules/jobs/job-runner.service.js';
import { createDepartment, createUser, type UserRecord } from './factories/identity.factory.js';
import { createTicket, queueId } from './factories/ticket.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe('scheduled jobs on several instances', () => {
  let instances: TestApp[];
  let runners: JobRunner[];
  let requester: UserRecord;
  let departmentId: string;
  let serviceDesk: string;
  const start = new Date('2026-03-02T14:00:00Z');

  beforeAll(async () => {
    const first = await startTestApp({ now: start.toISOString() });
    const others = await Promise.all(
      [1, 2].map(() => startTestApp({ now: start.toISOString(), sharedDatabaseUrl: first.databaseUrl })),
    );
    instances = [first, ...others];
    runners = instances.map((i) => i.app.get(JobRunner));
    departmentId = (await createDepartment(first.dataSource)).id;
    requester = await createUser(first.dataSource, { departmentId });
    serviceDesk = await queueId(first.dataSource, 'service_desk');
  });
  afterAll(async () => {
    for (const instance of [...instances].reverse()) await instance.close();
  });

  const setClocks = (at: Date): void => instances.forEach((i) => i.clock.set(at));
  const resolvedTicket = async (resolvedAt: Date): Promise<string> => {
    const t = await createTicket(instances[0]!.dataSource, {
      requesterId: requester.id,
      departmentId,
      queueId: serviceDesk,
      status: 'resolved',
    });
    await instances[0]!.dataSource.query(`UPDATE tickets SET resolved_at = $2 WHERE id = $1`, [t.id, resolvedAt]);
    return t.id;
  };

  it('closes each resolved ticket exactly once over 100 accelerated ticks on three instances', async () => {
    const db = instances[0]!.dataSource;
    await db.query(`INSERT INTO settings (key, value) VALUES ('autoCloseResolvedAfterDays', '2')`);
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await resolvedTicket(new Date(start.getTime() + i * 3 * HOUR)));

    let ran = 0;
    for (let tick = 0; tick < 100; tick++) {
      setClocks(new Date(start.getTime() + 2 * DAY + tick * HOUR));
      const results = await Promise.all(runners.map((r) => r.tick('auto-close-resolved')));
      ran += results.filter((r) => r.ran).length;
    }
    expect(ran).toBe(100); // one instance per tick; the others find it busy or just done

    const closures = await db.query(
      `SELECT ticket_id, count(*)::int AS n FROM ticket_events
        WHERE type = 'status_changed' AND data->>'to' = 'closed' AND ticket_id = ANY($1) GROUP BY ticket_id`,
      [ids],
    );
    expect(closures).toHaveLength(30);
    expect(closures.every((c: { n: number }) => c.n === 1)).toBe(true);
    const tickets = await db.query(`SELECT status, closed_at, resolved_at, version FROM tickets WHERE id = ANY($1)`, [ids]);
    for (const t of tickets) {
      expect(t.status).toBe('closed');
      expect(t.version).toBe(2);
      // Closed at the first tick at or after resolved + 2 days (ticks are hourly).
      const late = new Date(t.closed_at).getTime() - (new Date(t.resolved_at).getTime() + 2 * DAY);
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThan(HOUR);
    }
    const [{ runs, instancesSeen }] = await db.query(
      `SELECT count(*)::int AS runs, count(DISTINCT instance)::int AS "instancesSeen" FROM job_runs WHERE job = 'auto-close-resolved' AND succeeded`,
    );
    expect(runs).toBe(ran);
    expect(instancesSeen).toBeGreaterThanOrEqual(1);
  });

  it('lets only one instance work a tick', async () => {
    const results = await Promise.all(runners.flatMap((r) => [r.tick('housekeeping'), r.tick('housekeeping')]));
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(
      results
        .filter((r) => !r.ran)
        .map((r) => !r.ran && r.reason)
        .sort(),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/^(busy|recent)$/)]));
  });

  it('catches up once after downtime: tickets that fell due while stopped close at the first run', async () => {
    const db = instances[0]!.dataSource;
    const now = new Date(start.getTime() + 30 * DAY);
    const overdue = await Promise.all([1, 2, 3].map((d) => resolvedTicket(new Date(now.getTime() - (5 + d) * DAY))));
    const fresh = await resolvedTicket(new Date(now.getTime() - HOUR));
    setClocks(now);
    const first = await runners[1]!.tick('auto-close-resolved');
    expect(first).toEqual({ ran: true, stats: { closed: 3 } });
    expect(await runners[2]!.tick('auto-close-resolved')).toEqual({ ran: false, reason: 'recent' });
    setClocks(new Date(now.getTime() + 15 * 60 * 1000));
    expect(await runners[2]!.tick('auto-close-resolved')).toEqual({ ran: true, stats: { closed: 0 } });
    const rows = await db.query(`SELECT id, status FROM tickets WHERE id = ANY($1)`, [[...overdue, fresh]]);
    expect(Object.fromEntries(rows.map((r: { id: string; status: string }) => [r.id, r.status]))).toEqual({
      [overdue[0]!]: 'closed',
      [overdue[1]!]: 'closed',
      [overdue[2]!]: 'closed',
      [fresh]: 'resolved',
    });
  });

  it('records a failed run and keeps going', async () => {
    const db = instances[0]!.dataSource;
    await db.query(`UPDATE settings SET value = '"not a number"' WHERE key = 'autoCloseResolvedAfterDays'`);
    setClocks(new Date(start.getTime() + 50 * DAY));
    const result = await runners[0]!.tick('auto-close-resolved');
    expect(result).toEqual({ ran: false, reason: 'failed' });
    setClocks(new Date(start.getTime() + 60 * DAY));
    const [last] = await db.query(
      `SELECT succeeded, error FROM job_runs WHERE job = 'auto-close-resolved' ORDER BY id DESC LIMIT 1`,
    );
    expect(last.succeeded).toBe(false);
    expect(last.error).toBeTruthy();
    await db.query(`UPDATE settings SET value = '2' WHERE key = 'autoCloseResolvedAfterDays'`);
    expect((await runners[0]!.tick('auto-close-resolved')).ran).toBe(true);
  });
});
