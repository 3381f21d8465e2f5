import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ImpossibleHistoryError } from '../src/modules/ticket-history/domain/history-trail.js';
import {
  HISTORY_BATCH,
  TicketHistoryWriter,
  type HistoricalTicket,
} from '../src/modules/ticket-history/ticket-history.writer.js';
import { SlaPoliciesService } from '../src/modules/sla-policies/sla-policies.service.js';
import { TicketSlaService } from '../src/modules/ticket-sla/ticket-sla.service.js';
import { createDepartment, createUser, type DepartmentRecord, type UserRecord } from './factories/identity.factory.js';
import { queueId } from './factories/ticket.factory.js';
import { startTestApp, type ApiClient, type TestApp } from './support/test-app.js';

/**
 * Tickets written from their past (history imports, the demo city) go through the live rules: the
 * same trail, the same policy match, the same stored clock as a ticket worked through the API.
 * Times are America/New_York office hours (Mon–Fri 08:00–17:00, EST −5 in January).
 */
describe(TicketHistoryWriter.name, () => {
  let t: TestApp;
  let writer: TicketHistoryWriter;
  let admin: UserRecord;
  let tech: UserRecord;
  let requester: UserRecord;
  let dept: DepartmentRecord;
  let serviceDesk: string;
  let policyVersion: string;

  const as = async (user: UserRecord): Promise<ApiClient> => {
    const client = t.client();
    await client.login(user.email, user.password);
    return client;
  };
  const SLA_COLUMNS = `sla_policy_version_id, sla_calendar_id, due_at, first_response_due_at, resolution_due_at, first_response_minutes,
    resolution_minutes, first_resolution_minutes, sla_paused_minutes, sla_paused, first_response_breached, resolution_breached,
    sla_breached_at, next_escalation_at, status, first_response_at, resolved_at, closed_at, reopen_count`;
  const row = async (id: string) => (await t.dataSource.query(`SELECT ${SLA_COLUMNS} FROM tickets WHERE id = $1`, [id]))[0];
  const write = (tickets: HistoricalTicket[]) =>
    t.dataSource.transaction((manager) => writer.write(manager, tickets, t.clock.now()));
  const history = (overrides: Partial<HistoricalTicket>): HistoricalTicket => ({
    kind: 'incident',
    title: 'Printer offline',
    impact: 'one_person',
    urgency: 'inconvenience',
    priority: 'P4',
    requesterId: requester.id,
    createdById: requester.id,
    departmentId: dept.id,
    queueId: serviceDesk,
    categoryId: null,
    assigneeId: tech.id,
    workerId: tech.id,
    source: 'import',
    openedAt: new Date('2026-01-05T14:00:00Z'),
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-01-05T14:00:00Z' });
    writer = new TicketHistoryWriter(
      t.app.get(SlaPoliciesService, { strict: false }),
      t.app.get(TicketSlaService, { strict: false }),
    );
    admin = await createUser(t.dataSource, { role: 'admin' });
    tech = await createUser(t.dataSource, { role: 'technician' });
    dept = await createDepartment(t.dataSource, { name: 'Finance' });
    requester = await createUser(t.dataSource, { role: 'requester', departmentId: dept.id });
    serviceDesk = await queueId(t.dataSource, 'service_desk');
    await t.dataSource.query(`INSERT INTO queue_members (queue_id, user_id) VALUES ($1, $2)`, [serviceDesk, tech.id]);
    const a = await as(admin);
    const calendar = await a.post('/api/calendars', {
      name: 'NY office hours',
      timeZone: 'America/New_York',
      windows: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '17:00' })),
    });
    expect((await a.patch(`/api/departments/${dept.id}`, { calendarId: calendar.body.id })).status).toBe(200);
    const policy = await a.post('/api/sla-policies', {
      name: 'Finance standard',
      departmentIds: [dept.id],
      firstResponseMinutes: 60,
      resolutionMinutes: 480,
      escalations: [{ target: 'resolution', percent: 100, level: 1, actions: ['notify_assignee', 'raise_priority'] }],
    });
    expect(policy.status).toBe(201);
    policyVersion = policy.body.versionId;
    for (const [from, cents] of [
      ['2025-01-01', 6_000],
      ['2026-01-07', 9_000],
    ] as const) {
      await t.dataSource.query(
        `INSERT INTO labor_rates (user_id, role, hourly_rate_cents, effective_from, created_by_id, created_at) VALUES ($1, NULL, $2, $3, $4, now())`,
        [tech.id, cents, from, admin.id],
      );
    }
  });
  afterAll(() => t.close());

  it('stores the same clock as a ticket worked live through the API, pauses and a reopen included', async () => {
    // Live: filed Monday 09:00 EST, answered 09:30, waiting on the requester 11:00–13:00, resolved
    // 15:00, reopened Tuesday 09:00 and resolved again 10:00.
    const steps = {
      opened: '2026-01-05T14:00:00Z',
      answered: '2026-01-05T14:30:00Z',
      waiting: '2026-01-05T16:00:00Z',
      back: '2026-01-05T18:00:00Z',
      resolved: '2026-01-05T20:00:00Z',
      reopened: '2026-01-06T14:00:00Z',
      final: '2026-01-06T15:00:00Z',
    };
    t.clock.set(steps.opened);
    const filed = await (
      await as(requester)
    ).post('/api/tickets', { title: 'Printer offline', impact: 'one_person', urgency: 'inconvenience' });
    expect(filed.status).toBe(201);
    const live = filed.body.id as string;
    const move = async (at: string, body: Record<string, unknown>) => {
      t.clock.set(at);
      const client = await as(tech);
      const current = await client.get(`/api/tickets/${live}`);
      expect((await client.patch(`/api/tickets/${live}`, { version: current.body.version, ...body })).status).toBe(200);
    };
    await move(steps.answered, { assigneeId: tech.id, status: 'in_progress' });
    await move(steps.waiting, { status: 'waiting_on_requester' });
    await move(steps.back, { status: 'in_progress' });
    await move(steps.resolved, { status: 'resolved' });
    t.clock.set(steps.reopened);
    expect((await (await as(requester)).post(`/api/tickets/${live}/reopen`, { reason: 'Still offline' })).status).toBe(200);
    await move(steps.final, { status: 'resolved' });

    const written = await write([
      history({
        priority: filed.body.priority,
        assigneeId: null,
        openedAt: new Date(steps.opened),
        firstResponseAt: new Date(steps.answered),
        pauses: [{ from: new Date(steps.waiting), to: new Date(steps.back), status: 'waiting_on_requester' }],
        reopened: [{ resolvedAt: new Date(steps.resolved), reopenedAt: new Date(steps.reopened) }],
        resolvedAt: new Date(steps.final),
      }),
    ]);
    expect(written).toMatchObject({ created: 1, updated: 0 });
    const [liveRow, historyRow] = [await row(live), await row(written.ids[0]!)];
    expect(historyRow.sla_policy_version_id).toBe(policyVersion);
    expect(historyRow).toEqual(liveRow);
    // Spelled out: 30 minutes to answer; 240 business minutes to the first resolution, 60 more after the reopen; 120 paused.
    expect(historyRow).toMatchObject({
      first_response_minutes: 30,
      first_resolution_minutes: 240,
      resolution_minutes: 300,
      sla_paused_minutes: 120,
      reopen_count: 1,
      status: 'resolved',
    });

    const trail = async (id: string) =>
      (
        await t.dataSource.query(
          `SELECT type, data->>'to' AS to FROM ticket_events WHERE ticket_id = $1 AND type IN ('created', 'status_changed', 'reopened', 'sla_policy_matched') ORDER BY id`,
          [id],
        )
      ).map((e: { type: string; to: string | null }) => (e.to ? `${e.type}:${e.to}` : e.type));
    expect(await trail(written.ids[0]!)).toEqual(await trail(live));
  });

  it('updates a ticket written again under the same external id, adding only what happened since', async () => {
    t.clock.set('2026-01-06T22:00:00Z');
    const first = await write([history({ externalId: 'SN-1', firstResponseAt: new Date('2026-01-05T15:00:00Z') })]);
    const again = await write([
      history({
        externalId: 'SN-1',
        title: 'Printer offline on floor 2',
        firstResponseAt: new Date('2026-01-05T15:00:00Z'),
        resolvedAt: new Date('2026-01-06T21:00:00Z'),
      }),
    ]);
    expect(first).toMatchObject({ created: 1, updated: 0 });
    expect(again).toMatchObject({ created: 0, updated: 1, ids: first.ids });
    const [ticket] = await t.dataSource.query(
      `SELECT count(*) OVER ()::int AS copies, title, status FROM tickets WHERE external_id = 'SN-1'`,
    );
    expect(ticket).toEqual({ copies: 1, title: 'Printer offline on floor 2', status: 'resolved' });
    const moves = await t.dataSource.query(
      `SELECT data->>'to' AS to FROM ticket_events WHERE ticket_id = $1 AND type = 'status_changed' ORDER BY id`,
      [first.ids[0]],
    );
    expect(moves.map((m: { to: string }) => m.to)).toEqual(['assigned', 'in_progress', 'resolved']);
    // Monday 09:00–17:00 and Tuesday 08:00–16:00 EST.
    expect((await row(first.ids[0]!)).resolution_minutes).toBe(480 + 480);
    await expect(write([history({ externalId: 'SN-2' }), history({ externalId: 'SN-2' })])).rejects.toThrow('once');
  });

  it('records escalations that fell due before the ticket was written as passed, without paging anyone', async () => {
    t.clock.set('2026-01-20T15:00:00Z');
    const { ids } = await write([history({ firstResponseAt: new Date('2026-01-05T15:00:00Z') })]);
    const id = ids[0]!;
    expect(await row(id)).toMatchObject({ status: 'in_progress', resolution_breached: true, next_escalation_at: null });
    const fired = await t.dataSource.query(`SELECT target, level, actions FROM sla_escalations WHERE ticket_id = $1`, [id]);
    expect(fired).toEqual([{ target: 'resolution', level: 1, actions: [] }]);
    const [{ told }] = await t.dataSource.query(`SELECT count(*)::int AS told FROM notifications WHERE ticket_id = $1`, [id]);
    expect(told).toBe(0);
  });

  it('costs work logs at the rate in force on their day, keeps a recorded cost, and totals the ticket', async () => {
    t.clock.set('2026-01-20T15:00:00Z');
    const { ids } = await write([
      history({
        firstResponseAt: new Date('2026-01-05T15:00:00Z'),
        resolvedAt: new Date('2026-01-08T15:00:00Z'),
        workLogs: [
          { userId: tech.id, workDate: '2026-01-06', minutes: 90 },
          { userId: tech.id, workDate: '2026-01-07', minutes: 30 },
          { userId: tech.id, workDate: '2026-01-08', minutes: 45, costCents: 5_000 },
        ],
        expenses: [
          {
            type: 'parts',
            amountCents: 12_345,
            vendor: 'CDW-G',
            spentOn: '2026-01-07',
            description: 'Fuser',
            assetId: null,
            userId: tech.id,
          },
        ],
      }),
    ]);
    const logs = await t.dataSource.query(
      `SELECT minutes, rate_cents, cost_cents FROM ticket_work_logs WHERE ticket_id = $1 ORDER BY work_date`,
      [ids[0]],
    );
    expect(logs).toEqual([
      { minutes: 90, rate_cents: 6_000, cost_cents: 9_000 },
      { minutes: 30, rate_cents: 9_000, cost_cents: 4_500 },
      { minutes: 45, rate_cents: 6_667, cost_cents: 5_000 },
    ]);
    const [totals] = await t.dataSource.query(
      `SELECT labour_minutes, labour_cost_cents::int, expense_cents::int,
              (SELECT count(*)::int FROM ticket_events e WHERE e.ticket_id = t.id AND e.type IN ('work_logged', 'expense_added') AND NOT e.public) AS cost_events
         FROM tickets t WHERE id = $1`,
      [ids[0]],
    );
    expect(totals).toEqual({ labour_minutes: 165, labour_cost_cents: 18_500, expense_cents: 12_345, cost_events: 4 });
  });

  it('stores on new tickets the clock and totals a replay of their stored trail and entries gives', async () => {
    t.clock.set('2026-01-20T15:00:00Z');
    const elsewhere = await createDepartment(t.dataSource, { name: 'Harbor' }); // only Finance has a policy
    const at = (iso: string) => new Date(iso);
    const { ids } = await write([
      // Open and overdue: levels passed, no next escalation.
      history({ firstResponseAt: at('2026-01-05T15:00:00Z') }),
      // Open, after waiting on the requester for a week.
      history({
        firstResponseAt: at('2026-01-05T15:00:00Z'),
        pauses: [{ from: at('2026-01-13T15:00:00Z'), to: at('2026-01-20T14:00:00Z'), status: 'waiting_on_requester' }],
      }),
      // Resolved, reopened, resolved again, closed; with costs.
      history({
        firstResponseAt: at('2026-01-05T14:20:00Z'),
        reopened: [{ resolvedAt: at('2026-01-05T18:00:00Z'), reopenedAt: at('2026-01-06T15:00:00Z') }],
        resolvedAt: at('2026-01-07T16:00:00Z'),
        closedAt: at('2026-01-12T16:00:00Z'),
        workLogs: [{ userId: tech.id, workDate: '2026-01-05', minutes: 50 }],
        expenses: [
          {
            type: 'vendor',
            amountCents: 9_900,
            vendor: 'Xerox',
            spentOn: '2026-01-07',
            description: 'Call-out',
            assetId: null,
            userId: tech.id,
          },
        ],
      }),
      // Canceled before anyone answered.
      history({ closedAt: at('2026-01-05T15:00:00Z'), canceled: true }),
      // A maintenance task done a day late.
      history({
        kind: 'maintenance',
        workClass: 'proactive',
        source: 'schedule',
        maintenanceDueAt: at('2026-01-08T21:00:00Z'),
        firstResponseAt: at('2026-01-08T14:00:00Z'),
        resolvedAt: at('2026-01-09T16:00:00Z'),
        workLogs: [{ userId: tech.id, workDate: '2026-01-09', minutes: 45 }],
      }),
      // No policy matches its department: no clock.
      history({
        departmentId: elsewhere.id,
        firstResponseAt: at('2026-01-05T15:00:00Z'),
        resolvedAt: at('2026-01-06T15:00:00Z'),
      }),
    ]);
    const snapshot = async () =>
      t.dataSource.query(
        `SELECT ${SLA_COLUMNS}, sla_at_risk_at, next_response_due_at, next_response_breached, labour_minutes, labour_cost_cents, expense_cents,
                (SELECT count(*)::int FROM sla_escalations x WHERE x.ticket_id = t.id) AS passed
           FROM tickets t WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)`,
        [ids],
      );
    const written = await snapshot();
    expect(written.map((r: { status: string }) => r.status)).toEqual([
      'in_progress',
      'in_progress',
      'closed',
      'canceled',
      'resolved',
      'resolved',
    ]);
    expect(written[0]).toMatchObject({ resolution_breached: true, next_escalation_at: null, passed: 1 });
    expect(written[1].sla_paused_minutes).toBeGreaterThan(0);
    expect(written[5]).toMatchObject({ sla_policy_version_id: null, sla_calendar_id: null, resolution_minutes: null });
    await t.dataSource.transaction(async (manager) => {
      await t.app.get(TicketSlaService, { strict: false }).refreshMany(manager, ids, t.clock.now());
      await manager.query(
        `UPDATE tickets t SET labour_minutes = coalesce((SELECT sum(w.minutes) FROM ticket_work_logs w WHERE w.ticket_id = t.id), 0),
                labour_cost_cents = coalesce((SELECT sum(w.cost_cents) FROM ticket_work_logs w WHERE w.ticket_id = t.id), 0),
                expense_cents = coalesce((SELECT sum(e.amount_cents) FROM ticket_expenses e WHERE e.ticket_id = t.id), 0)
          WHERE t.id = ANY($1::uuid[])`,
        [ids],
      );
    });
    expect(await snapshot()).toEqual(written);
  });

  it('refuses milestones out of order, naming the milestone, and writes nothing', async () => {
    const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM tickets`))[0].n;
    const impossible = history({
      firstResponseAt: new Date('2026-01-05T15:00:00Z'),
      resolvedAt: new Date('2026-01-04T15:00:00Z'),
    });
    await expect(write([history({}), impossible])).rejects.toThrow(ImpossibleHistoryError);
    await expect(write([impossible])).rejects.toMatchObject({ field: 'resolvedAt' });
    // Found in the second batch while the first is being written: the first is rolled back with it.
    await expect(write([...Array.from({ length: HISTORY_BATCH }, () => history({})), impossible])).rejects.toThrow(
      ImpossibleHistoryError,
    );
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM tickets`))[0].n).toBe(before);
    expect((await write([history({})])).created).toBe(1);
  });
});
