import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createDepartment, createUser, type UserRecord } from './factories/identity.factory.js';
import { createAsset } from './factories/reference.factory.js';
import { startTestApp, type ApiClient, type ApiResponse, type TestApp } from './support/test-app.js';

const COST_EVENTS = [
  'work_logged',
  'work_log_changed',
  'work_log_deleted',
  'expense_added',
  'expense_changed',
  'expense_deleted',
];

describe('ticket costs', () => {
  let t: TestApp;
  let departmentId: string;
  let employee: UserRecord;
  let tech: UserRecord;
  let tech2: UserRecord;
  let manager: UserRecord;
  const as = {} as Record<'employee' | 'tech' | 'tech2' | 'manager' | 'admin' | 'outsider', ApiClient>;

  const fieldsOf = (res: ApiResponse) => (res.body.details as { field: string }[]).map((d) => d.field).sort();
  const eventsOf = async (client: ApiClient, ticketId: string) =>
    (await client.get(`/api/tickets/${ticketId}/events`)).body.items as { type: string; data: Record<string, unknown> }[];
  const stored = async (ticketId: string) => {
    const [row] = await t.dataSource.query(
      `SELECT labour_minutes AS minutes, labour_cost_cents::int AS labour, expense_cents::int AS expenses FROM tickets WHERE id = $1`,
      [ticketId],
    );
    return row as { minutes: number; labour: number; expenses: number };
  };
  const counts = async (ticketId: string) => {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM ticket_work_logs WHERE ticket_id = $1) AS logs,
              (SELECT count(*)::int FROM ticket_expenses WHERE ticket_id = $1) AS expenses,
              (SELECT count(*)::int FROM ticket_events WHERE ticket_id = $1) AS events`,
      [ticketId],
    );
    return row as { logs: number; expenses: number; events: number };
  };
  /** A ticket the employee filed, in the (unrestricted) Service Desk queue. */
  const fileTicket = async (title = 'Docking station dead'): Promise<string> => {
    const res = await as.employee.post('/api/tickets', { title, impact: 'one_person', urgency: 'work_degraded' });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    // 2026-03-02 in the city.
    t = await startTestApp({ now: '2026-03-02T15:00:00Z' });
    ({ id: departmentId } = await createDepartment(t.dataSource, { name: 'Finance', code: 'FIN' }));
    employee = await createUser(t.dataSource, { role: 'requester', departmentId, name: 'Erin Employee' });
    tech = await createUser(t.dataSource, { role: 'technician', departmentId, name: 'Taylor Tech' });
    tech2 = await createUser(t.dataSource, { role: 'technician', departmentId, name: 'Jordan Rivera' });
    manager = await createUser(t.dataSource, { role: 'manager', departmentId, name: 'Morgan Manager' });
    const admin = await createUser(t.dataSource, { role: 'admin', departmentId });
    const outsider = await createUser(t.dataSource, { role: 'technician', departmentId });
    for (const [name, user] of Object.entries({ employee, tech, tech2, manager, admin, outsider })) {
      as[name as keyof typeof as] = t.client();
      await as[name as keyof typeof as].login(user.email, user.password);
    }
    // Technicians cost 50.00 an hour by default; Taylor has their own rate, raised on 1 January.
    for (const rate of [
      { role: 'technician', hourlyRateCents: 5000, effectiveFrom: '2020-01-01' },
      { userId: tech.id, hourlyRateCents: 6000, effectiveFrom: '2025-01-01' },
      { userId: tech.id, hourlyRateCents: 7200, effectiveFrom: '2026-01-01' },
    ]) {
      expect((await as.admin.post('/api/rates', rate)).status).toBe(201);
    }
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.advance(60_000));

  describe('work logs', () => {
    it('costs time at the rate in force on its day across a rate change, and never rewrites it when rates change', async () => {
      const ticket = await fileTicket();
      const before = await as.tech.post(`/api/tickets/${ticket}/work-logs`, {
        workDate: '2025-12-15',
        minutes: 90,
        note: 'Swapped the dock',
      });
      expect(before.status).toBe(201);
      expect(before.body).toMatchObject({
        user: { id: tech.id, name: 'Taylor Tech' },
        workDate: '2025-12-15',
        minutes: 90,
        note: 'Swapped the dock',
        rateCents: 6000,
        costCents: 9000,
        createdBy: { id: tech.id },
        can: { change: true },
      });
      const after = await as.tech.post(`/api/tickets/${ticket}/work-logs`, { workDate: '2026-02-10', minutes: 45 });
      expect(after.body).toMatchObject({ rateCents: 7200, costCents: 5400, note: '' });

      // A rate added later, even back-dated, leaves the stored entries as they were written.
      expect(
        (await as.admin.post('/api/rates', { userId: tech.id, hourlyRateCents: 9000, effectiveFrom: '2026-02-01' })).status,
      ).toBe(201);
      const list = await as.tech.get(`/api/tickets/${ticket}/work-logs`);
      expect(list.body.items.map((w: { rateCents: number; costCents: number }) => [w.rateCents, w.costCents])).toEqual([
        [6000, 9000],
        [7200, 5400],
      ]);
      expect(await stored(ticket)).toEqual({ minutes: 135, labour: 14400, expenses: 0 });

      const costs = await as.tech.get(`/api/tickets/${ticket}/costs`);
      expect(costs.body).toMatchObject({ labourMinutes: 135, labourCostCents: 14400, expensesCents: 0, totalCents: 14400 });
      expect(costs.body.workLogs).toHaveLength(2);
    });

    it('re-costs an entry whose date or minutes change, at the rate in force on the new date, and only then', async () => {
      const ticket = await fileTicket();
      const log = await as.tech.post(`/api/tickets/${ticket}/work-logs`, { workDate: '2025-12-15', minutes: 90 });
      expect(log.body.costCents).toBe(9000);

      const noteOnly = await as.tech.patch(`/api/tickets/${ticket}/work-logs/${log.body.id}`, { note: 'Dock firmware too' });
      expect(noteOnly.body).toMatchObject({ note: 'Dock firmware too', rateCents: 6000, costCents: 9000 });

      const redated = await as.tech.patch(`/api/tickets/${ticket}/work-logs/${log.body.id}`, { workDate: '2026-01-05' });
      expect(redated.status).toBe(200);
      expect(redated.body).toMatchObject({ workDate: '2026-01-05', minutes: 90, rateCents: 7200, costCents: 10800 });
      expect(await stored(ticket)).toMatchObject({ minutes: 90, labour: 10800 });

      const longer = await as.tech.patch(`/api/tickets/${ticket}/work-logs/${log.body.id}`, { minutes: 120 });
      expect(longer.body).toMatchObject({ rateCents: 7200, costCents: 14400 });
      expect(await stored(ticket)).toMatchObject({ minutes: 120, labour: 14400 });

      const changes = (await eventsOf(as.tech, ticket)).filter((e) => e.type === 'work_log_changed').map((e) => e.data);
      expect(changes).toEqual([
        { workLogId: log.body.id, changes: { note: { from: '', to: 'Dock firmware too' } } },
        {
          workLogId: log.body.id,
          changes: {
            workDate: { from: '2025-12-15', to: '2026-01-05' },
            rateCents: { from: 6000, to: 7200 },
            costCents: { from: 9000, to: 10800 },
          },
        },
        { workLogId: log.body.id, changes: { minutes: { from: 90, to: 120 }, costCents: { from: 10800, to: 14400 } } },
      ]);
      // Sending what is already stored changes nothing and records nothing.
      const before = await counts(ticket);
      expect((await as.tech.patch(`/api/tickets/${ticket}/work-logs/${log.body.id}`, { minutes: 120 })).status).toBe(200);
      expect(await counts(ticket)).toEqual(before);
    });

    it('falls back to the role default, and refuses a day without any rate or in the future, naming workDate', async () => {
      const ticket = await fileTicket();
      const byDefault = await as.tech2.post(`/api/tickets/${ticket}/work-logs`, { workDate: '2026-03-02', minutes: 30 });
      expect(byDefault.body).toMatchObject({ rateCents: 5000, costCents: 2500 });
      // Taylor before their first own rate: the role default of that day.
      const early = await as.tech.post(`/api/tickets/${ticket}/work-logs`, { workDate: '2024-06-03', minutes: 60 });
      expect(early.body).toMatchObject({ rateCents: 5000, costCents: 5000 });

      const before = await counts(ticket);
      const noRate = await as.tech.post(`/api/tickets/${ticket}/work-logs`, { workDate: '2019-12-31', minutes: 60 });
      expect(noRate.status).toBe(400);
      expect(fieldsOf(noRate)).toEqual(['workDate']);
      expect(noRate.body.details[0].messages[0]).toMatch(/no hourly rate is in force/);
      const future = await as.tech.post(`/api/tickets/${ticket}/work-logs`, { workDate: '2026-03-03', minutes: 60 });
      expect(future.status).toBe(400);
      expect(fieldsOf(future)).toEqual(['workDate']);
      expect(await counts(ticket)).toEqual(before);
    });

    it('lets managers log time for a technician, but a technician only for themself', async () => {
      const ticket = await fileTicket();
      const forOther = await as.tech2.post(`/api/tickets/${ticket}/work-logs`, {
        userId: tech.id,
        workDate: '2026-03-02',
        minutes: 30,
      });
      expect(forOther.status).toBe(403);
      expect(fieldsOf(forOther)).toEqual(['userId']);
      const byManager = await as.manager.post(`/api/tickets/${ticket}/work-logs`, {
        userId: tech.id,
        workDate: '2026-03-02',
        minutes: 30,
      });
      // Taylor's rate since the back-dated raise to 90.00 on 1 February.
      expect(byManager.body).toMatchObject({
        user: { id: tech.id },
        createdBy: { id: manager.id },
        rateCents: 9000,
        costCents: 4500,
      });
      const forRequester = await as.manager.post(`/api/tickets/${ticket}/work-logs`, {
        userId: employee.id,
        workDate: '2026-03-02',
        minutes: 30,
      });
      expect(forRequester.status).toBe(400);
      expect(fieldsOf(forRequester)).toEqual(['userId']);
    });

    it('keeps the ticket totals right under concurrent writes', async () => {
      const ticket = await fileTicket();
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          as.tech.post(`/api/tickets/${ticket}/work-logs`, { workDate: '2026-03-02', minutes: 10 + i }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
      const minutes = 12 * 10 + 66;
      expect(await stored(ticket)).toEqual({
        minutes,
        labour: results.reduce((sum, r) => sum + (r.body.costCents as number), 0),
        expenses: 0,
      });
    });
  });

  describe('edit and delete', () => {
    it('lets only the author or a manager/admin change or delete an entry', async () => {
      const ticket = await fileTicket();
      const log = await as.tech.post(`/api/tickets/${ticket}/work-logs`, { workDate: '2026-03-02', minutes: 60 });
      const expense = await as.tech.post(`/api/tickets/${ticket}/expenses`, {
        type: 'parts',
        amountCents: 4500,
        spentOn: '2026-03-02',
      });
      const before = await counts(ticket);

      const colleague = [
        await as.tech2.patch(`/api/tickets/${ticket}/work-logs/${log.body.id}`, { minutes: 5 }),
        await as.tech2.delete(`/api/tickets/${ticket}/work-logs/${log.body.id}`),
        await as.tech2.patch(`/api/tickets/${ticket}/expenses/${expense.body.id}`, { amountCents: 1 }),
        await as.tech2.delete(`/api/tickets/${ticket}/expenses/${expense.body.id}`),
      ];
      expect(colleague.map((r) => [r.status, r.body.code])).toEqual(Array(4).fill([403, 'forbidden']));
      expect(await counts(ticket)).toEqual(before);
      const seenByColleague = await as.tech2.get(`/api/tickets/${ticket}/costs`);
      expect(seenByColleague.body.workLogs[0].can).toEqual({ change: false });
      expect(seenByColleague.body.expenses[0].can).toEqual({ change: false });

      const byManager = await as.manager.patch(`/api/tickets/${ticket}/work-logs/${log.body.id}`, { minutes: 30 });
      expect(byManager.body).toMatchObject({ minutes: 30, costCents: 4500, can: { change: true } });
      expect((await as.admin.patch(`/api/tickets/${ticket}/expenses/${expense.body.id}`, { amountCents: 5000 })).status).toBe(
        200,
      );
      expect((await as.tech.patch(`/api/tickets/${ticket}/expenses/${expense.body.id}`, { vendor: 'CDW-G' })).body).toMatchObject(
        {
          amountCents: 5000,
          vendor: 'CDW-G',
        },
      );
      expect((await as.manager.delete(`/api/tickets/${ticket}/expenses/${expense.body.id}`)).status).toBe(204);
      expect((await as.tech.delete(`/api/tickets/${ticket}/work-logs/${log.body.id}`)).status).toBe(204);
      expect(await stored(ticket)).toEqual({ minutes: 0, labour: 0, expenses: 0 });
      // Gone: a second delete, an edit, and an entry of another ticket answer 404.
      expect((await as.tech.delete(`/api/tickets/${ticket}/work-logs/${log.body.id}`)).status).toBe(404);
      expect((await as.manager.patch(`/api/tickets/${ticket}/expenses/${expense.body.id}`, { amountCents: 9 })).status).toBe(404);
      const other = await fileTicket();
      const elsewhere = await as.tech.post(`/api/tickets/${other}/work-logs`, { workDate: '2026-03-02', minutes: 5 });
      expect((await as.tech.delete(`/api/tickets/${ticket}/work-logs/${elsewhere.body.id}`)).status).toBe(404);
      expect((await as.tech.delete(`/api/tickets/${ticket}/work-logs/not-a-uuid`)).status).toBe(404);
    });

    it('records deleting a work log as a staff-only event keeping what was deleted, and updates the totals', async () => {
      const ticket = await fileTicket();
      const keep = await as.tech.post(`/api/tickets/${ticket}/work-logs`, { workDate: '2026-02-20', minutes: 30 });
      const gone = await as.tech.post(`/api/tickets/${ticket}/work-logs`, { workDate: '2026-02-27', minutes: 50 });
      expect(await stored(ticket)).toEqual({ minutes: 80, labour: 4500 + 7500, expenses: 0 });

      const res = await as.tech.delete(`/api/tickets/${ticket}/work-logs/${gone.body.id}`);
      expect(res.status).toBe(204);
      expect((await as.tech.get(`/api/tickets/${ticket}/work-logs`)).body.items.map((w: { id: string }) => w.id)).toEqual([
        keep.body.id,
      ]);
      expect(await t.dataSource.query(`SELECT 1 FROM ticket_work_logs WHERE id = $1`, [gone.body.id])).toEqual([]);
      expect(await stored(ticket)).toEqual({ minutes: 30, labour: 4500, expenses: 0 });

      const events = await eventsOf(as.manager, ticket);
      expect(events.map((e) => e.type)).toEqual(['created', 'work_logged', 'work_logged', 'work_log_deleted']);
      expect(events[3]).toMatchObject({
        actor: { id: tech.id, name: 'Taylor Tech' },
        data: {
          workLogId: gone.body.id,
          userId: tech.id,
          userName: 'Taylor Tech',
          workDate: '2026-02-27',
          minutes: 50,
          rateCents: 9000,
          costCents: 7500,
        },
      });
      const [{ public: isPublic }] = await t.dataSource.query(
        `SELECT public FROM ticket_events WHERE ticket_id = $1 AND type = 'work_log_deleted'`,
        [ticket],
      );
      expect(isPublic).toBe(false);
    });
  });

  describe('expenses', () => {
    it('adds, changes and deletes expenses with their events, keeping the totals on the ticket', async () => {
      const ticket = await fileTicket();
      const asset = await createAsset(t.dataSource, { departmentId, tag: 'FIN-LT-0100' });
      await as.tech.post(`/api/tickets/${ticket}/work-logs`, { workDate: '2026-03-02', minutes: 60 });
      const added = await as.tech.post(`/api/tickets/${ticket}/expenses`, {
        type: 'parts',
        amountCents: 12_345,
        vendor: '  CDW-G ',
        spentOn: '2026-03-01',
        description: 'Replacement dock',
        assetId: asset.id,
      });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({
        type: 'parts',
        amountCents: 12345,
        vendor: 'CDW-G',
        spentOn: '2026-03-01',
        description: 'Replacement dock',
        asset: { id: asset.id, tag: 'FIN-LT-0100' },
        createdBy: { id: tech.id },
      });
      const contract = await as.tech.post(`/api/tickets/${ticket}/expenses`, {
        type: 'contract',
        amountCents: 100_000,
        spentOn: '2026-03-02',
      });
      expect(contract.body).toMatchObject({ vendor: null, description: '', asset: null });
      expect(await stored(ticket)).toEqual({ minutes: 60, labour: 9000, expenses: 112_345 });
      expect((await as.tech.get(`/api/tickets/${ticket}/costs`)).body).toMatchObject({
        labourMinutes: 60,
        labourCostCents: 9000,
        expensesCents: 112_345,
        totalCents: 121_345,
      });

      const changed = await as.tech.patch(`/api/tickets/${ticket}/expenses/${added.body.id}`, {
        amountCents: 10_000,
        vendor: '',
        assetId: null,
      });
      expect(changed.body).toMatchObject({ amountCents: 10_000, vendor: null, asset: null });
      expect(await stored(ticket)).toMatchObject({ expenses: 110_000 });
      expect((await as.tech.delete(`/api/tickets/${ticket}/expenses/${contract.body.id}`)).status).toBe(204);
      expect(await stored(ticket)).toMatchObject({ expenses: 10_000 });
      expect((await as.tech.get(`/api/tickets/${ticket}/expenses`)).body.items.map((e: { id: string }) => e.id)).toEqual([
        added.body.id,
      ]);

      const events = (await eventsOf(as.tech, ticket)).filter((e) => e.type.startsWith('expense_'));
      expect(events.map((e) => [e.type, e.data.expenseId])).toEqual([
        ['expense_added', added.body.id],
        ['expense_added', contract.body.id],
        ['expense_changed', added.body.id],
        ['expense_deleted', contract.body.id],
      ]);
      expect(events[2]!.data.changes).toEqual({
        amountCents: { from: 12345, to: 10000 },
        vendor: { from: 'CDW-G', to: null },
        assetId: { from: asset.id, to: null },
      });
      expect(events[3]!.data).toMatchObject({ type: 'contract', amountCents: 100_000, spentOn: '2026-03-02' });
    });
  });

  describe('validation', () => {
    it('answers bad input with 400 naming each field, and writes nothing', async () => {
      const ticket = await fileTicket();
      const log = await as.tech.post(`/api/tickets/${ticket}/work-logs`, { workDate: '2026-03-02', minutes: 10 });
      const expense = await as.tech.post(`/api/tickets/${ticket}/expenses`, {
        type: 'other',
        amountCents: 100,
        spentOn: '2026-03-02',
      });
      const before = { counts: await counts(ticket), totals: await stored(ticket) };

      const cases: [Promise<ApiResponse>, string[]][] = [
        [as.tech.post(`/api/tickets/${ticket}/work-logs`, { workDate: '2026-03-02', minutes: 0 }), ['minutes']],
        [as.tech.post(`/api/tickets/${ticket}/work-logs`, { workDate: '2026-03-02', minutes: 1441 }), ['minutes']],
        [as.tech.post(`/api/tickets/${ticket}/work-logs`, { workDate: '2026-02-30', minutes: 30 }), ['workDate']],
        [as.tech.post(`/api/tickets/${ticket}/work-logs`, { workDate: '02/03/2026', minutes: 1.5 }), ['minutes', 'workDate']],
        [as.tech.post(`/api/tickets/${ticket}/work-logs`, { minutes: 30, costCents: 1 }), ['costCents', 'workDate']],
        [
          as.tech.patch(`/api/tickets/${ticket}/work-logs/${log.body.id}`, { minutes: null, workDate: 'soon' }),
          ['minutes', 'workDate'],
        ],
        [
          as.tech.post(`/api/tickets/${ticket}/expenses`, { type: 'parts', amountCents: -500, spentOn: '2026-03-02' }),
          ['amountCents'],
        ],
        [as.tech.post(`/api/tickets/${ticket}/expenses`, { type: 'bribe', amountCents: 500, spentOn: '2026-03-02' }), ['type']],
        [
          as.tech.post(`/api/tickets/${ticket}/expenses`, { type: 'parts', amountCents: 5.5, spentOn: 'yesterday' }),
          ['amountCents', 'spentOn'],
        ],
        [
          as.tech.post(`/api/tickets/${ticket}/expenses`, {
            type: 'parts',
            amountCents: 500,
            spentOn: '2026-03-02',
            assetId: '00000000-0000-4000-8000-000000000000',
          }),
          ['assetId'],
        ],
        [
          as.tech.patch(`/api/tickets/${ticket}/expenses/${expense.body.id}`, { amountCents: 0, type: null }),
          ['amountCents', 'type'],
        ],
      ];
      for (const [request, fields] of cases) {
        const res = await request;
        expect([res.status, res.body.code, fieldsOf(res)]).toEqual([400, 'validation_failed', fields]);
      }
      expect({ counts: await counts(ticket), totals: await stored(ticket) }).toEqual(before);
    });

    it('writes no half of a change: when its event cannot be written, neither the entry nor the totals change', async () => {
      const ticket = await fileTicket();
      const log = await as.tech.post(`/api/tickets/${ticket}/work-logs`, { workDate: '2026-03-02', minutes: 20 });
      const before = { counts: await counts(ticket), totals: await stored(ticket) };
      // The database refuses these two events: the writes that record them must roll back whole.
      await t.dataSource.query(`
        CREATE FUNCTION refuse_cost_event() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.type IN ('expense_added', 'work_log_deleted', 'work_log_changed') THEN RAISE EXCEPTION 'event refused'; END IF;
          RETURN NEW;
        END $$`);
      await t.dataSource.query(
        `CREATE TRIGGER refuse_cost_event BEFORE INSERT ON ticket_events FOR EACH ROW EXECUTE FUNCTION refuse_cost_event()`,
      );
      try {
        const failed = [
          await as.tech.post(`/api/tickets/${ticket}/expenses`, { type: 'parts', amountCents: 999, spentOn: '2026-03-02' }),
          await as.tech.delete(`/api/tickets/${ticket}/work-logs/${log.body.id}`),
          await as.tech.patch(`/api/tickets/${ticket}/work-logs/${log.body.id}`, { minutes: 90 }),
        ];
        expect(failed.map((r) => r.status)).toEqual([500, 500, 500]);
      } finally {
        await t.dataSource.query(`DROP TRIGGER refuse_cost_event ON ticket_events`);
        await t.dataSource.query(`DROP FUNCTION refuse_cost_event()`);
      }
      expect({ counts: await counts(ticket), totals: await stored(ticket) }).toEqual(before);
      expect((await as.tech.get(`/api/tickets/${ticket}/work-logs`)).body.items[0]).toMatchObject({
        minutes: 20,
        costCents: 3000,
      });
    });
  });

  describe('who sees costs', () => {
    it('answers a requester 404 on every cost route of their own ticket, exactly as for a missing ticket', async () => {
      const ticket = await fileTicket('My own ticket');
      const log = await as.tech.post(`/api/tickets/${ticket}/work-logs`, { workDate: '2026-03-02', minutes: 30 });
      const expense = await as.tech.post(`/api/tickets/${ticket}/expenses`, {
        type: 'parts',
        amountCents: 500,
        spentOn: '2026-03-02',
      });
      const missing = await as.employee.get('/api/tickets/00000000-0000-4000-8000-000000000000');
      expect(missing.status).toBe(404);
      const base = `/api/tickets/${ticket}`;
      const answers = [
        await as.employee.get(`${base}/costs`),
        await as.employee.get(`${base}/work-logs`),
        await as.employee.get(`${base}/expenses`),
        await as.employee.post(`${base}/work-logs`, { workDate: '2026-03-02', minutes: 30 }),
        await as.employee.post(`${base}/work-logs`, { minutes: 0 }),
        await as.employee.patch(`${base}/work-logs/${log.body.id}`, { minutes: 1 }),
        await as.employee.delete(`${base}/work-logs/${log.body.id}`),
        await as.employee.post(`${base}/expenses`, { type: 'parts', amountCents: 1, spentOn: '2026-03-02' }),
        await as.employee.patch(`${base}/expenses/${expense.body.id}`, { amountCents: 1 }),
        await as.employee.delete(`${base}/expenses/${expense.body.id}`),
      ];
      for (const res of answers) expect([res.status, res.body]).toEqual([404, missing.body]);
      expect(await stored(ticket)).toEqual({ minutes: 30, labour: 4500, expenses: 500 });

      // Nothing about costs in what the requester does read.
      const detail = await as.employee.get(base);
      const list = await as.employee.get('/api/tickets?requesterId=me&limit=100');
      const events = await as.employee.get(`${base}/events`);
      expect(detail.status).toBe(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).toContain(ticket);
      for (const body of [detail.body, list.body, events.body])
        expect(JSON.stringify(body)).not.toMatch(/labour|cost|expense|work_?log|hourly/i);
      expect(events.body.items.map((e: { type: string }) => e.type)).toEqual(['created']);
      // Staff see the same trail with its cost events, all stored as staff-only.
      expect((await eventsOf(as.tech, ticket)).map((e) => e.type)).toEqual(['created', 'work_logged', 'expense_added']);
      const [{ public_cost_events: publicCostEvents }] = await t.dataSource.query(
        `SELECT count(*)::int AS public_cost_events FROM ticket_events WHERE public AND type = ANY($1)`,
        [COST_EVENTS],
      );
      expect(publicCostEvents).toBe(0);
    });

    it('answers 404 to staff outside a restricted queue, and 404 for a missing ticket', async () => {
      const [{ id: restricted }] = await t.dataSource.query(
        `INSERT INTO queues (name, restricted) VALUES ('Public Safety Systems', true) RETURNING id`,
      );
      await t.dataSource.query(`INSERT INTO queue_members (queue_id, user_id) VALUES ($1, $2)`, [restricted, tech.id]);
      const ticket = await fileTicket('Secret');
      const [{ version }] = await t.dataSource.query(`SELECT version FROM tickets WHERE id = $1`, [ticket]);
      expect((await as.tech.patch(`/api/tickets/${ticket}`, { version, queueId: restricted })).status).toBe(200);
      expect((await as.tech.post(`/api/tickets/${ticket}/work-logs`, { workDate: '2026-03-02', minutes: 5 })).status).toBe(201);
      expect((await as.outsider.get(`/api/tickets/${ticket}/costs`)).status).toBe(404);
      expect((await as.outsider.post(`/api/tickets/${ticket}/work-logs`, { workDate: '2026-03-02', minutes: 5 })).status).toBe(
        404,
      );
      expect((await as.tech.get(`/api/tickets/00000000-0000-4000-8000-000000000000/costs`)).status).toBe(404);
      expect((await as.tech.get(`/api/tickets/INC-999999/work-logs`)).status).toBe(404);
    });
  });

  describe('work class', () => {
    it('lets staff reclassify a ticket, recorded as a staff-only field_changed event, and refuses a requester', async () => {
      const ticket = await fileTicket('Reclassify me');
      const current = await as.tech.get(`/api/tickets/${ticket}`);
      expect(current.body.workClass).toBe('reactive');
      const refused = await as.employee.patch(`/api/tickets/${ticket}`, {
        version: current.body.version,
        workClass: 'proactive',
      });
      expect(refused.status).toBe(403);
      expect(fieldsOf(refused)).toEqual(['workClass']);

      const changed = await as.manager.patch(`/api/tickets/${ticket}`, { version: current.body.version, workClass: 'proactive' });
      expect(changed.status).toBe(200);
      expect(changed.body.workClass).toBe('proactive');
      const event = (await eventsOf(as.tech, ticket)).find((e) => e.type === 'field_changed');
      expect(event?.data).toEqual({ field: 'workClass', from: 'reactive', to: 'proactive' });
      expect((await eventsOf(as.employee, ticket)).map((e) => e.type)).toEqual(['created']);
      const [{ work_class: workClass }] = await t.dataSource.query(`SELECT work_class FROM tickets WHERE id = $1`, [ticket]);
      expect(workClass).toBe('proactive');
    });
  });

  describe('rates', () => {
    it('lists rates with their period for managers and admins only', async () => {
      const list = await as.manager.get(`/api/rates?userId=${tech.id}`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((r: { effectiveFrom: string; period: string }) => [r.effectiveFrom, r.period])).toEqual([
        ['2026-02-01', 'current'],
        ['2026-01-01', 'past'],
        ['2025-01-01', 'past'],
      ]);
      expect(list.body.items[0]).toMatchObject({ user: { id: tech.id, name: 'Taylor Tech' }, role: null, hourlyRateCents: 9000 });
      const defaults = await as.admin.get('/api/rates?role=technician');
      expect(defaults.body.items).toEqual([
        expect.objectContaining({ user: null, role: 'technician', hourlyRateCents: 5000, period: 'current' }),
      ]);
      expect((await as.tech.get('/api/rates')).status).toBe(403);
      expect((await as.employee.get('/api/rates')).status).toBe(403);
      expect((await as.admin.get('/api/rates?role=requester')).status).toBe(400);
    });

    it('creates personal rates and role defaults, refusing ambiguous, duplicate or non-staff ones', async () => {
      const both = await as.admin.post('/api/rates', {
        userId: tech2.id,
        role: 'manager',
        hourlyRateCents: 100,
        effectiveFrom: '2026-04-01',
      });
      expect(fieldsOf(both)).toEqual(['role', 'userId']);
      const neither = await as.admin.post('/api/rates', { hourlyRateCents: 100, effectiveFrom: '2026-04-01' });
      expect(fieldsOf(neither)).toEqual(['role', 'userId']);
      const bad = await as.admin.post('/api/rates', { role: 'requester', hourlyRateCents: 0, effectiveFrom: '2026-13-01' });
      expect(fieldsOf(bad)).toEqual(['effectiveFrom', 'hourlyRateCents', 'role']);
      const requester = await as.admin.post('/api/rates', {
        userId: employee.id,
        hourlyRateCents: 100,
        effectiveFrom: '2026-04-01',
      });
      expect(fieldsOf(requester)).toEqual(['userId']);
      expect(
        (await as.manager.post('/api/rates', { role: 'manager', hourlyRateCents: 100, effectiveFrom: '2026-04-01' })).status,
      ).toBe(403);

      const future = await as.admin.post('/api/rates', { role: 'manager', hourlyRateCents: 8000, effectiveFrom: '2026-07-01' });
      expect(future.status).toBe(201);
      expect(future.body).toMatchObject({ user: null, role: 'manager', hourlyRateCents: 8000, period: 'future' });
      const duplicate = await as.admin.post('/api/rates', {
        role: 'manager',
        hourlyRateCents: 8100,
        effectiveFrom: '2026-07-01',
      });
      expect(duplicate.status).toBe(409);
      expect(fieldsOf(duplicate)).toEqual(['effectiveFrom']);
      // The same day for a person and for a role is no clash.
      expect(
        (await as.admin.post('/api/rates', { userId: tech2.id, hourlyRateCents: 6500, effectiveFrom: '2026-07-01' })).status,
      ).toBe(201);
    });

    it('deletes only a rate not yet in force', async () => {
      const future = await as.admin.post('/api/rates', { userId: tech2.id, hourlyRateCents: 7000, effectiveFrom: '2026-03-03' });
      const inForce = await as.admin.post('/api/rates', { userId: tech2.id, hourlyRateCents: 5200, effectiveFrom: '2026-03-02' });
      expect((await as.manager.delete(`/api/rates/${future.body.id}`)).status).toBe(403);
      const refused = await as.admin.delete(`/api/rates/${inForce.body.id}`);
      expect([refused.status, refused.body.code]).toEqual([409, 'conflict']);
      expect((await as.admin.delete(`/api/rates/${future.body.id}`)).status).toBe(204);
      expect((await as.admin.delete(`/api/rates/${future.body.id}`)).status).toBe(404);
      const ids = (await as.admin.get(`/api/rates?userId=${tech2.id}`)).body.items.map((r: { id: string }) => r.id);
      expect(ids).toContain(inForce.body.id);
      expect(ids).not.toContain(future.body.id);
    });
  });
});
