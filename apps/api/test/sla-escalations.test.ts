import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobRunner } from '../src/modules/jobs/job-runner.service.js';
import { createDepartment, createUser, type DepartmentRecord, type UserRecord } from './factories/identity.factory.js';
import { createQueue } from './factories/reference.factory.js';
import { startTestApp, type ApiClient, type TestApp } from './support/test-app.js';
import { TestSmtpServer } from './support/test-smtp-server.js';

const MINUTE = 60 * 1000;
const START = '2026-03-02T14:00:00Z'; // Monday 09:00 EST

/**
 * Escalations on several instances of CivicDesk sharing one PostgreSQL: each level fires once per
 * ticket, target and level, every e-mail goes out once, and levels that fell due while the service
 * was down fire once when it is back. Round-the-clock calendar: business minutes are wall minutes.
 */
describe('SLA escalations', () => {
  let smtp: TestSmtpServer;
  let owner: TestApp;
  let env: Record<string, string>;
  let admin: UserRecord;
  let tech: UserRecord;
  let lead: UserRecord;
  let boss: UserRecord;
  let requester: UserRecord;
  let dept: DepartmentRecord;
  let policyId: string;

  const as = async (t: TestApp, user: UserRecord): Promise<ApiClient> => {
    const client = t.client();
    await client.login(user.email, user.password);
    return client;
  };
  const db = () => owner.dataSource;

  /** Files a ticket in the test queue, assigned to the technician, through the API. */
  const fileAssigned = async (t: TestApp, title: string): Promise<{ id: string; number: string }> => {
    const created = await (
      await as(t, requester)
    ).post('/api/tickets', { title, impact: 'one_person', urgency: 'inconvenience' });
    expect(created.status).toBe(201);
    const staff = await as(t, tech);
    const moved = await staff.patch(`/api/tickets/${created.body.id}`, {
      version: created.body.version,
      queueId: queue,
      assigneeId: tech.id,
    });
    expect(moved.status).toBe(200);
    return { id: created.body.id, number: created.body.number };
  };
  let queue: string;

  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
    env = { SMTP_URL: smtp.url };
    owner = await startTestApp({ env, now: START });
    admin = await createUser(owner.dataSource, { role: 'admin' });
    tech = await createUser(owner.dataSource, { role: 'technician' });
    lead = await createUser(owner.dataSource, { role: 'technician' });
    boss = await createUser(owner.dataSource, { role: 'manager' });
    dept = await createDepartment(owner.dataSource, { name: 'Water' });
    requester = await createUser(owner.dataSource, { role: 'requester', departmentId: dept.id });
    queue = (await createQueue(owner.dataSource, { name: 'Field IT' })).id;
    await owner.dataSource.query(`UPDATE queues SET lead_id = $2 WHERE id = $1`, [queue, lead.id]);
    await owner.dataSource.query(`INSERT INTO queue_members (queue_id, user_id) VALUES ($1, $2), ($1, $3)`, [
      queue,
      tech.id,
      lead.id,
    ]);

    const a = await as(owner, admin);
    const allDay = await a.post('/api/calendars', {
      name: 'Always',
      timeZone: 'America/New_York',
      windows: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: '00:00', end: '24:00' })),
    });
    const policy = await a.post('/api/sla-policies', {
      name: 'Water standard',
      departmentIds: [dept.id],
      calendarId: allDay.body.id,
      firstResponseMinutes: 60,
      resolutionMinutes: 240,
      escalations: [
        { target: 'first_response', percent: 50, level: 1, actions: ['notify_assignee'] },
        { target: 'first_response', percent: 100, level: 2, actions: ['notify_managers'] },
        { target: 'resolution', percent: 50, level: 1, actions: ['notify_assignee'] },
        { target: 'resolution', percent: 100, level: 2, actions: ['notify_queue_lead', 'raise_priority'] },
      ],
    });
    expect(policy.status).toBe(201);
    policyId = policy.body.id;
  });
  afterAll(async () => {
    await owner?.close();
    await smtp?.close();
  });

  it('fires each level exactly once over 100 accelerated ticks on three instances, and sends each e-mail once', async () => {
    const others = [
      await startTestApp({ env, now: START, sharedDatabaseUrl: owner.databaseUrl }),
      await startTestApp({ env, now: START, sharedDatabaseUrl: owner.databaseUrl }),
    ];
    const instances = [owner, ...others];
    try {
      instances.forEach((i) => i.clock.set(START));
      const tickets = [await fileAssigned(owner, 'Pump station PC'), await fileAssigned(others[0]!, 'SCADA screen')];
      // An internal note must never reach an e-mail.
      const note = await (
        await as(owner, tech)
      ).post(`/api/tickets/${tickets[0]!.id}/comments`, {
        body: 'SECRET-NOTE: vendor password is hunter2',
        internal: true,
      });
      expect(note.status).toBe(201);

      const runners = instances.map((i) => i.app.get(JobRunner));
      const startMs = new Date(START).getTime();
      let escalationRuns = 0;
      for (let tick = 1; tick <= 100; tick++) {
        instances.forEach((i) => i.clock.set(new Date(startMs + tick * 5 * MINUTE)));
        const results = await Promise.all(runners.flatMap((r) => [r.tick('sla-escalations'), r.tick('notification-sender')]));
        escalationRuns += results.filter((r, i) => i % 2 === 0 && r.ran).length;
      }
      expect(escalationRuns).toBe(100);

      const fired = await db().query(
        `SELECT ticket_id, target, level, count(*)::int AS n, min(due_at) AS due_at FROM sla_escalations
          WHERE ticket_id = ANY($1) GROUP BY ticket_id, target, level ORDER BY ticket_id, target, level`,
        [tickets.map((x) => x.id)],
      );
      expect(fired).toHaveLength(8);
      expect(fired.every((f: { n: number }) => f.n === 1)).toBe(true);
      const events = await db().query(
        `SELECT count(*)::int AS n FROM ticket_events WHERE type = 'sla_escalated' AND ticket_id = ANY($1)`,
        [tickets.map((x) => x.id)],
      );
      expect(events[0].n).toBe(8);

      // Level 2 of resolution raised the priority exactly one step (P4 → P3), once.
      const rows = await db().query(`SELECT priority, next_escalation_at FROM tickets WHERE id = ANY($1)`, [
        tickets.map((x) => x.id),
      ]);
      expect(rows.map((r: { priority: string }) => r.priority)).toEqual(['P3', 'P3']);
      expect(rows.every((r: { next_escalation_at: Date | null }) => r.next_escalation_at === null)).toBe(true);

      // Notifications: per ticket the assignee gets two, the manager one, the queue lead one.
      const notes = await db().query(
        `SELECT user_id, count(*)::int AS n FROM notifications WHERE type = 'sla_escalation' AND ticket_id = ANY($1) GROUP BY user_id`,
        [tickets.map((x) => x.id)],
      );
      const byUser = Object.fromEntries(notes.map((n: { user_id: string; n: number }) => [n.user_id, n.n]));
      expect(byUser).toEqual({ [tech.id]: 4, [boss.id]: 2, [lead.id]: 2 });

      // Every queued e-mail was delivered exactly once.
      const outbox = await db().query(`SELECT count(*)::int AS n, count(sent_at)::int AS sent FROM email_outbox`);
      expect(outbox[0].sent).toBe(outbox[0].n);
      expect(smtp.received).toHaveLength(outbox[0].n);
      const keys = smtp.received.map((m) => `${m.to.join()}|${m.subject}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(smtp.to(boss.email).filter((m) => m.subject.includes('escalated'))).toHaveLength(2);
      expect(smtp.received.some((m) => m.raw.includes('SECRET-NOTE'))).toBe(false);

      // The timeline names each fired level with when it fired.
      const timeline = await (await as(owner, tech)).get(`/api/tickets/${tickets[0]!.id}/sla`);
      expect(timeline.body.escalations.map((e: any) => [e.target, e.level, e.firedAt !== null])).toEqual([
        ['first_response', 1, true],
        ['first_response', 2, true],
        ['resolution', 1, true],
        ['resolution', 2, true],
      ]);
    } finally {
      for (const other of others) await other.close();
    }
  });

  it('fires a level that fell due during downtime once, after the restart', async () => {
    const at = '2026-03-03T14:00:00Z';
    owner.clock.set(at);
    const first = await startTestApp({ env, now: at, sharedDatabaseUrl: owner.databaseUrl });
    const ticket = await fileAssigned(first, 'Meter reader tablet');
    await first.close(); // every instance is down now (the owner never ticks)

    // Down for 45 minutes: first-response level 1 (30 minutes) fell due meanwhile.
    const back = '2026-03-03T14:45:00Z';
    const restarted = await startTestApp({ env, now: back, sharedDatabaseUrl: owner.databaseUrl });
    try {
      const runner = restarted.app.get(JobRunner);
      expect(await runner.tick('sla-escalations')).toEqual({ ran: true, stats: { tickets: 1, fired: 1 } });
      restarted.clock.set('2026-03-03T14:50:00Z');
      const again = await runner.tick('sla-escalations');
      expect(again).toEqual({ ran: true, stats: { tickets: 0, fired: 0 } });
      const fired = await db().query(`SELECT target, level, due_at, fired_at FROM sla_escalations WHERE ticket_id = $1`, [
        ticket.id,
      ]);
      expect(fired).toEqual([
        {
          target: 'first_response',
          level: 1,
          due_at: new Date('2026-03-03T14:30:00Z'),
          fired_at: new Date(back),
        },
      ]);
      // The next level is next in line.
      const [row] = await db().query(`SELECT next_escalation_at FROM tickets WHERE id = $1`, [ticket.id]);
      expect(row.next_escalation_at).toEqual(new Date('2026-03-03T15:00:00Z'));
    } finally {
      await restarted.close();
    }
  });

  it('stops escalations on open tickets when their policy is deactivated, and resumes them when it is back', async () => {
    owner.clock.set('2026-03-04T14:00:00Z');
    const ticket = await fileAssigned(owner, 'Lab printer');
    const a = await as(owner, admin);
    expect((await a.post(`/api/sla-policies/${policyId}/deactivate`)).status).toBe(200);
    const [off] = await db().query(`SELECT next_escalation_at FROM tickets WHERE id = $1`, [ticket.id]);
    expect(off.next_escalation_at).toBeNull();

    owner.clock.set('2026-03-04T15:30:00Z');
    const runner = owner.app.get(JobRunner);
    expect((await runner.tick('sla-escalations')).ran).toBe(true);
    const none = await db().query(`SELECT count(*)::int AS n FROM sla_escalations WHERE ticket_id = $1`, [ticket.id]);
    expect(none[0].n).toBe(0);

    // Back on: the sweep takes its open tickets up again at once and fires what is due: here both
    // first-response levels (14:30, 15:00), not yet resolution level 1 (16:00).
    expect((await (await as(owner, admin)).post(`/api/sla-policies/${policyId}/activate`)).status).toBe(200);
    owner.clock.set('2026-03-04T15:31:00Z');
    expect((await runner.tick('sla-escalations')).ran).toBe(true);
    const fired = await db().query(`SELECT target, level FROM sla_escalations WHERE ticket_id = $1 ORDER BY target, level`, [
      ticket.id,
    ]);
    expect(fired).toEqual([
      { target: 'first_response', level: 1 },
      { target: 'first_response', level: 2 },
    ]);
    const [on] = await db().query(`SELECT next_escalation_at FROM tickets WHERE id = $1`, [ticket.id]);
    expect(on.next_escalation_at).toEqual(new Date('2026-03-04T16:00:00Z'));
  });
});
