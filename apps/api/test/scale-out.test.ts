import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/config/data-source.js';
import type { TickResult } from '../src/modules/jobs/job-runner.service.js';
import { createDepartment, createUser, type UserRecord } from './factories/identity.factory.js';
import { createAsset, createQueue } from './factories/reference.factory.js';
import { ApiProcess } from './support/api-process.js';
import { RoundRobin, type RoundRobinClient } from './support/round-robin-client.js';
import { TEST_SECRET, type ApiResponse } from './support/test-app.js';
import { createTestDatabase } from './support/test-database.js';
import { TestSmtpServer } from './support/test-smtp-server.js';

const MINUTE = 60_000;
const T0 = Date.parse('2026-03-02T14:00:00Z'); // Monday 09:00 in New York
const at = (minutes: number): Date => new Date(T0 + minutes * MINUTE);
const JOBS = ['sla-escalations', 'maintenance-generation', 'notification-sender', 'auto-close-resolved'] as const;
/** What technicians do with a ticket; each has its own expected escalations and final status. */
const VARIANTS = ['untouched', 'noted', 'answered', 'resolved', 'waiting', 'contested'] as const;
type Variant = (typeof VARIANTS)[number];
const TICKETS = 60;
const CLIENTS_AT_ONCE = 16;
/** Minutes the clock moves while the load runs: below the first escalation (30 minutes after creation). */
const LOAD_MINUTES = 20;
const SECRET_NOTE = 'INTERNAL-ONLY vendor PIN 4417';
/**
 * Room for three Node processes starting at once on a busy 2-core machine: ~10 s alone, 70 s
 * seen while a million-ticket benchmark ran beside it.
 */
const BOOT_MS = 180_000;

/** Levels that must have fired once, given what was done to the ticket (none responded late: see LOAD_MINUTES). */
const EXPECTED_LEVELS: Record<Variant, string[]> = {
  untouched: ['first_response:1', 'first_response:2', 'resolution:1'],
  noted: ['first_response:1', 'first_response:2', 'resolution:1'],
  answered: ['resolution:1'],
  contested: ['resolution:1'],
  resolved: [],
  waiting: [], // first response by the move to in progress; resolution paused almost at once
};
const FINAL_STATUS: Record<Variant, string> = {
  untouched: 'new',
  noted: 'assigned',
  answered: 'in_progress',
  contested: 'in_progress',
  resolved: 'closed', // by auto-close, a day after
  waiting: 'waiting_on_requester',
};

interface Person extends UserRecord {
  client: RoundRobinClient;
}
interface Filed {
  id: string;
  number: string;
  variant: Variant;
}

/**
 * Three CivicDesk API servers, each its own OS process with the scheduler on, share one
 * PostgreSQL, with a round-robin balancer in front: many clients file tickets, reply, take and
 * move them while the escalation sweep, maintenance generation, the e-mail sender (to a real SMTP
 * server) and auto-close tick in all three at once. Afterwards every acknowledged effect exists
 * exactly once and nothing exists that was not acknowledged or due. Time is a clock each process
 * takes from the test, moved in step in all three.
 */
describe('Scale-out: three API processes on one database', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: DataSource;
  let smtp: TestSmtpServer;
  let instances: { name: string; process: ApiProcess; url: string; pid: number }[] = [];
  let balancer: RoundRobin;
  let admin: Person;
  let manager: Person;
  let technicians: Person[];
  let requesters: Person[];
  let waterDept: string;
  let plantDept: string;
  let fieldQueue: string;
  const ticks: { instance: string; job: string; result: TickResult }[] = [];

  const person = async (user: UserRecord): Promise<Person> => {
    const client = balancer.client();
    await client.login(user.email, user.password);
    return { ...user, client };
  };
  const setClock = (when: Date): Promise<unknown> => Promise.all(instances.map((i) => i.process.setClock(when)));
  /** Every job's tick in every instance at the same moment, as their timers would fire. */
  const tickAll = async (jobs: readonly string[] = JOBS): Promise<void> => {
    const results = await Promise.all(
      instances.flatMap((i) => jobs.map(async (job) => ({ instance: i.name, job, result: await i.process.tick(job) }))),
    );
    ticks.push(...results);
  };
  const ok = <T>(res: ApiResponse<T>, status: number, what: string): ApiResponse<T> => {
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };

  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
    database = await createTestDatabase();
    db = createDataSource(database.url, { poolSize: 4 });
    await db.initialize();

    waterDept = (await createDepartment(db, { name: 'Water' })).id;
    plantDept = (await createDepartment(db, { name: 'Treatment Plant' })).id;
    const techUsers = await Promise.all([1, 2, 3, 4].map(() => createUser(db, { role: 'technician' })));
    const leadUser = await createUser(db, { role: 'technician' });
    fieldQueue = (
      await createQueue(db, { name: 'Field IT', leadId: leadUser.id, memberIds: [...techUsers, leadUser].map((u) => u.id) })
    ).id;
    const requesterUsers = await Promise.all(
      Array.from({ length: 12 }, () => createUser(db, { role: 'requester', departmentId: waterDept })),
    );
    const [adminUser, managerUser] = [await createUser(db, { role: 'admin' }), await createUser(db, { role: 'manager' })];
    for (const [i, type] of ['ups', 'ups', 'ups'].entries()) {
      await createAsset(db, {
        departmentId: plantDept,
        type: type as 'ups',
        tag: `WTP-UPS-${i + 1}`,
        name: `Plant UPS ${i + 1}`,
      });
    }

    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      SESSION_SECRET: TEST_SECRET,
      // TLS ends at the proxy: the instances speak plain HTTP, the cookies are still Secure.
      APP_URL: 'https://helpdesk.city.test',
      TRUST_PROXY: 'true',
      SMTP_URL: smtp.url,
      SCHEDULER_ENABLED: 'true',
      LOG_LEVEL: 'warn',
    };
    try {
      const started = await Promise.allSettled(
        ['api-1', 'api-2', 'api-3'].map(async (name) => ({
          name,
          ...(await ApiProcess.start(name, { env, now: at(0).toISOString(), timeoutMs: BOOT_MS })),
        })),
      );
      instances = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      const failed = started.find((s) => s.status === 'rejected');
      if (failed) throw failed.reason;
    } catch (error) {
      await Promise.all(instances.map((i) => i.process.stop()));
      throw error;
    }
    balancer = new RoundRobin(instances.map((i) => i.url));
    [admin, manager] = await Promise.all([person(adminUser), person(managerUser)]);
    technicians = await Promise.all(techUsers.map(person));
    requesters = await Promise.all(requesterUsers.map(person));
  }, BOOT_MS + 60_000);

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.process.stop()));
    await smtp?.close();
    if (db?.isInitialized) await db.destroy();
    await database?.drop();
  }, 60_000);

  it('serves concurrent clients through all three with no duplicated or lost effects', async () => {
    // The city's set-up, through the balancer.
    const allDay = ok(
      await admin.client.post('/api/calendars', {
        name: 'Always',
        timeZone: 'America/New_York',
        windows: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: '00:00', end: '24:00' })),
      }),
      201,
      'calendar',
    );
    ok(
      await admin.client.post('/api/sla-policies', {
        name: 'Water',
        departmentIds: [waterDept],
        calendarId: allDay.body.id,
        firstResponseMinutes: 60,
        resolutionMinutes: 480,
        escalations: [
          { target: 'first_response', percent: 50, level: 1, actions: ['notify_assignee'] },
          { target: 'first_response', percent: 100, level: 2, actions: ['notify_managers'] },
          { target: 'resolution', percent: 50, level: 1, actions: ['notify_queue_lead'] },
        ],
      }),
      201,
      'policy',
    );
    ok(await admin.client.patch('/api/settings', { autoCloseResolvedAfterDays: 1 }), 200, 'settings');
    const plans: { id: string; fanOut: boolean }[] = [];
    for (const fanOut of [true, false]) {
      const plan = ok(
        await manager.client.post('/api/maintenance-plans', {
          name: fanOut ? 'UPS self-test' : 'SCADA backup check',
          titleTemplate: fanOut ? 'Self-test {{asset_tag}} on {{due_date}}' : 'Check the SCADA backup of {{due_date}}',
          queueId: fieldQueue,
          departmentId: plantDept,
          timeZone: 'America/New_York',
          rule: 'FREQ=DAILY',
          startsOn: '2026-03-03',
          dueTime: '09:00',
          leadDays: 1,
          ...(fanOut ? { fanOut: 'asset_type', assetType: 'ups', assetDepartmentId: plantDept } : {}),
        }),
        201,
        'maintenance plan',
      );
      plans.push({ id: plan.body.id, fanOut });
    }

    // ── The load: tickets worked by many clients at once, with job ticks in between. ──
    const filed: Filed[] = [];
    const comments: { id: string; ticketId: string; internal: boolean }[] = [];
    const assigned = new Map<string, string>();
    const contestOutcomes: number[][] = [];
    let minute = 0;
    let round: Promise<void> | undefined;
    /** After each step of the load: a job round in all three when none is running, the clock a minute on. */
    const progress = (): void => {
      if (round) return;
      minute = Math.min(minute + 1, LOAD_MINUTES);
      round = setClock(at(minute))
        .then(() => tickAll())
        .finally(() => (round = undefined));
    };
    const comment = async (who: Person, ticketId: string, body: string, internal: boolean): Promise<void> => {
      const res = ok(await who.client.post(`/api/tickets/${ticketId}/comments`, { body, internal }), 201, 'comment');
      comments.push({ id: res.body.id, ticketId, internal });
      progress();
    };
    /** A change with the version last read; a stale version (409) is read again and retried, as the web app does. */
    const change = async (who: Person, ticketId: string, changes: Record<string, unknown>): Promise<void> => {
      for (let attempt = 1; ; attempt++) {
        const current = ok(await who.client.get(`/api/tickets/${ticketId}`), 200, 'read');
        const res = await who.client.patch(`/api/tickets/${ticketId}`, { version: current.body.version, ...changes });
        progress();
        if (res.status === 409 && attempt < 5) continue;
        ok(res, 200, `change ${JSON.stringify(changes)}`);
        return;
      }
    };
    const work = async (k: number): Promise<void> => {
      const variant = VARIANTS[k % VARIANTS.length]!;
      const requester = requesters[k % requesters.length]!;
      const created = ok(
        await requester.client.post('/api/tickets', {
          title: `Pump ${k} telemetry is down (${variant})`,
          impact: 'one_person',
          urgency: 'inconvenience',
        }),
        201,
        'create',
      );
      const ticket: Filed = { id: created.body.id, number: created.body.number, variant };
      filed.push(ticket);
      progress();
      await comment(requester, ticket.id, `Station ${k} shows no readings since this morning.`, false);
      if (variant === 'untouched') return;

      let tech = technicians[k % technicians.length]!;
      if (variant === 'contested') {
        // Two technicians take it at once through different instances with the same version: one wins.
        const rival = technicians[(k + 1) % technicians.length]!;
        const outcomes = await Promise.all(
          [tech, rival].map((t) =>
            t.client.patch(`/api/tickets/${ticket.id}`, {
              version: created.body.version,
              queueId: fieldQueue,
              assigneeId: t.id,
            }),
          ),
        );
        contestOutcomes.push(outcomes.map((o) => o.status));
        tech = outcomes[0]!.status === 200 ? tech : rival;
      } else {
        await change(tech, ticket.id, { queueId: fieldQueue, assigneeId: tech.id });
      }
      assigned.set(ticket.id, tech.id);
      if (variant === 'noted') return comment(tech, ticket.id, `${SECRET_NOTE} (ticket ${k})`, true);

      await change(tech, ticket.id, { status: 'in_progress' });
      if (variant === 'waiting') return change(tech, ticket.id, { status: 'waiting_on_requester' });
      await comment(tech, ticket.id, `Restarted the RTU at station ${k}; readings are back.`, false);
      if (variant === 'resolved') await change(tech, ticket.id, { status: 'resolved' });
    };

    let next = 0;
    await Promise.all(
      Array.from({ length: CLIENTS_AT_ONCE }, async () => {
        while (next < TICKETS) await work(next++);
      }),
    );
    await round;

    // ── Time goes on: escalations fall due, maintenance occurrences come, resolved tickets close. ──
    for (const m of [40, 90, 300, 24 * 60, 2 * 24 * 60, 3 * 24 * 60, 3 * 24 * 60 + 120]) {
      await setClock(at(m));
      await tickAll();
    }
    // The outbox drains by e-mail rounds (each sender run takes at most 50).
    for (let m = 3 * 24 * 60 + 121; m < 3 * 24 * 60 + 180; m++) {
      const [{ waiting }] = await db.query(
        `SELECT count(*)::int AS waiting FROM email_outbox WHERE sent_at IS NULL AND failed_at IS NULL`,
      );
      if (waiting === 0) break;
      await setClock(at(m));
      await tickAll(['notification-sender']);
    }

    // ── Every request went through the balancer, all three instances served, sessions held across them. ──
    expect(filed).toHaveLength(TICKETS);
    expect(Math.min(...balancer.sent)).toBeGreaterThan(100);
    expect(ticks.filter((t) => !t.result.ran && t.result.reason === 'failed')).toEqual([]);
    expect(await db.query(`SELECT job, error FROM job_runs WHERE NOT succeeded`)).toEqual([]);

    // ── Tickets: each acknowledged create exists once, with one creation event; nothing else was filed. ──
    const tickets: { id: string; number: string; status: string; assignee_id: string | null }[] = await db.query(
      `SELECT id, number, status, assignee_id FROM tickets WHERE maintenance_plan_id IS NULL ORDER BY number`,
    );
    expect(tickets.map((t) => [t.id, t.number]).sort()).toEqual(filed.map((f) => [f.id, f.number]).sort());
    // Numbers come from a sequence: unique always; here also gap-free, since no create failed or rolled back.
    expect(tickets.map((t) => t.number)).toEqual(
      Array.from({ length: TICKETS }, (_, i) => `INC-${String(i + 1).padStart(6, '0')}`),
    );
    const createdEvents: { ticket_id: string; n: number }[] = await db.query(
      `SELECT t.id AS ticket_id, count(e.id)::int AS n FROM tickets t
         LEFT JOIN ticket_events e ON e.ticket_id = t.id AND e.type = 'created' GROUP BY t.id`,
    );
    expect(createdEvents.filter((e) => e.n !== 1)).toEqual([]);
    const byId = new Map(tickets.map((t) => [t.id, t]));
    for (const f of filed) {
      expect([f.number, byId.get(f.id)!.status]).toEqual([f.number, FINAL_STATUS[f.variant]]);
      expect([f.number, byId.get(f.id)!.assignee_id]).toEqual([f.number, assigned.get(f.id) ?? null]);
    }

    // ── Concurrent takes: exactly one of two won each race (the other got 409), and one assignment was recorded. ──
    expect(contestOutcomes).toHaveLength(TICKETS / VARIANTS.length);
    for (const outcome of contestOutcomes) expect([...outcome].sort()).toEqual([200, 409]);
    const assignments: { ticket_id: string; n: number }[] = await db.query(
      `SELECT ticket_id, count(*)::int AS n FROM ticket_events WHERE type = 'assigned' GROUP BY ticket_id`,
    );
    expect(assignments.filter((a) => !assigned.has(a.ticket_id) || a.n !== 1)).toEqual([]);
    expect(assignments).toHaveLength(assigned.size);

    // ── Comments: each acknowledged one exists once, with one trail event. ──
    const stored: { id: string; ticket_id: string; internal: boolean; events: number }[] = await db.query(
      `SELECT c.id, c.ticket_id, c.internal,
              (SELECT count(*)::int FROM ticket_events e WHERE e.type = 'commented' AND e.data->>'commentId' = c.id::text) AS events
         FROM ticket_comments c`,
    );
    expect(stored.map((c) => [c.id, c.ticket_id, c.internal]).sort()).toEqual(
      comments.map((c) => [c.id, c.ticketId, c.internal]).sort(),
    );
    expect(stored.filter((c) => c.events !== 1)).toEqual([]);

    // ── Status: one move per acknowledged change, and auto-close closed each resolved ticket once. ──
    const moves: { number: string; to: string; reason: string | null; n: number }[] = await db.query(
      `SELECT t.number, e.data->>'to' AS to, e.data->>'reason' AS reason, count(*)::int AS n
         FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
        WHERE e.type = 'status_changed' AND t.maintenance_plan_id IS NULL
        GROUP BY 1, 2, 3`,
    );
    expect(moves.filter((m) => m.n !== 1)).toEqual([]);
    const resolved = filed.filter((f) => f.variant === 'resolved').map((f) => f.number);
    expect(
      moves
        .filter((m) => m.to === 'closed')
        .map((m) => [m.number, m.reason])
        .sort(),
    ).toEqual(resolved.map((n) => [n, 'auto_close']).sort());

    // ── Escalations: each level that fell due fired once, with one trail event; none that did not. ──
    const fired: { number: string; level: string; n: number; events: number }[] = await db.query(
      `SELECT t.number, x.target || ':' || x.level AS level, count(*)::int AS n,
              (SELECT count(*)::int FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'sla_escalated'
                  AND e.data->>'target' = x.target AND (e.data->>'level')::int = x.level) AS events
         FROM sla_escalations x JOIN tickets t ON t.id = x.ticket_id
        GROUP BY t.id, t.number, x.target, x.level`,
    );
    expect(fired.filter((f) => f.n !== 1 || f.events !== 1)).toEqual([]);
    expect(fired.map((f) => `${f.number} ${f.level}`).sort()).toEqual(
      filed.flatMap((f) => EXPECTED_LEVELS[f.variant].map((level) => `${f.number} ${level}`)).sort(),
    );

    // ── Maintenance: each occurrence (plan, due date, asset) generated once, 3 to 6 March at 09:00. ──
    const dueDays = [
      '2026-03-03T14:00:00.000Z',
      '2026-03-04T14:00:00.000Z',
      '2026-03-05T14:00:00.000Z',
      '2026-03-06T14:00:00.000Z',
    ];
    const assets: { id: string }[] = await db.query(`SELECT id FROM assets WHERE department_id = $1`, [plantDept]);
    const expectedOccurrences = plans.flatMap((p) =>
      (p.fanOut ? assets.map((a) => a.id) : [null]).flatMap((asset) => dueDays.map((due) => `${p.id} ${due} ${asset}`)),
    );
    const generated: { key: string; occurrences: number }[] = await db.query(
      `SELECT t.maintenance_plan_id || ' ' || to_char(t.maintenance_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                || ' ' || coalesce(t.asset_id::text, 'null') AS key,
              (SELECT count(*)::int FROM maintenance_occurrences o WHERE o.ticket_id = t.id) AS occurrences
         FROM tickets t WHERE t.maintenance_plan_id IS NOT NULL`,
    );
    expect(generated.map((g) => g.key).sort()).toEqual(expectedOccurrences.sort());
    expect(generated.filter((g) => g.occurrences !== 1)).toEqual([]);
    const [{ occurrences }] = await db.query(`SELECT count(*)::int AS occurrences FROM maintenance_occurrences`);
    expect(occurrences).toBe(expectedOccurrences.length);

    // ── E-mail: every outbox row was delivered exactly once (by its Message-ID), to its address. ──
    const outbox: { id: string; to_address: string; sent: boolean }[] = await db.query(
      `SELECT id, to_address, sent_at IS NOT NULL AS sent FROM email_outbox`,
    );
    expect(outbox.filter((o) => !o.sent)).toEqual([]);
    const delivered = smtp.received.map((m) => {
      const id = /^Message-ID:\s*<([^@>]+)@helpdesk\.city\.test>/im.exec(m.raw)?.[1];
      return `${id} ${m.to.join(',')}`;
    });
    expect(delivered.sort()).toEqual(outbox.map((o) => `${o.id} ${o.to_address}`).sort());
    const [{ escalationEmails }] = await db.query(
      `SELECT count(*)::int AS "escalationEmails" FROM email_outbox o JOIN notifications n ON n.id = o.notification_id
        WHERE n.type = 'sla_escalation'`,
    );
    expect(escalationEmails).toBeGreaterThan(0);
    expect(smtp.received.filter((m) => m.raw.includes(SECRET_NOTE))).toEqual([]);
  }, 180_000);
});
