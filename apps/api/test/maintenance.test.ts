import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { JobRunner } from '../src/modules/jobs/job-runner.service.js';
import { createDepartment, createUser, type DepartmentRecord, type UserRecord } from './factories/identity.factory.js';
import { createAsset, createQueue } from './factories/reference.factory.js';
import { startTestApp, type ApiClient, type TestApp } from './support/test-app.js';

const DAY = 24 * 60 * 60 * 1000;

/** Maintenance plans: the schedule in words, and generation exactly once, with catch-up, fan-out and pausing. */
describe('maintenance plans', () => {
  let t: TestApp;
  let manager: UserRecord;
  let tech: UserRecord;
  let dept: DepartmentRecord;
  let queueId: string;

  const as = async (user: UserRecord): Promise<ApiClient> => {
    const client = t.client();
    await client.login(user.email, user.password);
    return client;
  };
  const createPlan = async (body: Record<string, unknown>) => {
    const res = await (
      await as(manager)
    ).post('/api/maintenance-plans', {
      queueId,
      departmentId: dept.id,
      timeZone: 'America/New_York',
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const ticketsOf = (planId: string) =>
    t.dataSource.query(
      `SELECT t.id, t.number, t.title, t.kind, t.source, t.status, t.work_class, t.asset_id, t.assignee_id, t.maintenance_due_at,
              t.resolution_due_at, t.first_response_due_at, t.resolution_breached
         FROM tickets t WHERE t.maintenance_plan_id = $1 ORDER BY t.maintenance_due_at, t.asset_id`,
      [planId],
    );
  const generate = () => t.app.get(JobRunner).tick('maintenance-generation');

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-01-05T15:00:00Z' });
    manager = await createUser(t.dataSource, { role: 'manager' });
    tech = await createUser(t.dataSource, { role: 'technician' });
    dept = await createDepartment(t.dataSource, { name: 'Information Technology' });
    queueId = (await createQueue(t.dataSource, { name: 'Infrastructure', memberIds: [tech.id] })).id;
    // A fallback SLA policy: maintenance tickets are then timed against their due date.
    const admin = await createUser(t.dataSource, { role: 'admin' });
    const policy = await (await as(admin)).post('/api/sla-policies', { name: 'Default', resolutionMinutes: 4800 });
    expect(policy.status).toBe(201);
  });
  afterAll(() => t.close());

  it('shows the schedule in words and the next occurrences', async () => {
    t.clock.set('2026-01-05T15:00:00Z');
    const plan = await createPlan({
      name: 'Monthly server patching',
      titleTemplate: 'Patch servers ({{due_date}})',
      rule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2',
      startsOn: '2026-01-01',
      leadDays: 7,
    });
    expect(plan.ruleText).toBe('every month on the 2nd Tuesday');
    const preview = await (await as(tech)).get(`/api/maintenance-plans/${plan.id}/preview?count=3`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      text: 'every month on the 2nd Tuesday at 08:00, created 7 days ahead',
      occurrences: [
        {
          dueAt: '2026-01-13T13:00:00.000Z',
          createAt: '2026-01-06T13:00:00.000Z',
          dueText: 'Tue 13 Jan 2026, 08:00',
          asset: null,
        },
        {
          dueAt: '2026-02-10T13:00:00.000Z',
          createAt: '2026-02-03T13:00:00.000Z',
          dueText: 'Tue 10 Feb 2026, 08:00',
          asset: null,
        },
        {
          dueAt: '2026-03-10T12:00:00.000Z',
          createAt: '2026-03-03T13:00:00.000Z',
          dueText: 'Tue 10 Mar 2026, 08:00',
          asset: null,
        },
      ],
    });
    const draft = await (
      await as(manager)
    ).post('/api/maintenance-plans/preview?count=2', {
      name: 'Draft',
      titleTemplate: 'x',
      queueId,
      departmentId: dept.id,
      rule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1',
      startsOn: '2026-04-01',
    });
    expect(draft.body.text).toBe('every 3 months on the 1st weekday at 08:00');
    expect(draft.body.occurrences.map((o: { dueAt: string }) => o.dueAt)).toEqual([
      '2026-04-01T12:00:00.000Z',
      '2026-07-01T12:00:00.000Z',
    ]);
  });

  it('refuses plans it cannot run, naming the field; technicians cannot write plans', async () => {
    const bad = await (
      await as(manager)
    ).post('/api/maintenance-plans', {
      name: 'Bad',
      titleTemplate: 'x',
      queueId,
      departmentId: dept.id,
      rule: 'every tuesday',
      startsOn: '2026-02-30',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['startsOn']);
    const badRule = await (
      await as(manager)
    ).post('/api/maintenance-plans', {
      name: 'Bad rule',
      titleTemplate: 'x',
      queueId,
      departmentId: dept.id,
      rule: 'FREQ=HOURLY',
      startsOn: '2026-02-01',
      mode: 'after_completion',
    });
    expect(badRule.status).toBe(400);
    expect(badRule.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['intervalDays', 'rule']);
    const techWrite = await (await as(tech)).post('/api/maintenance-plans', { name: 'x' });
    expect(techWrite.status).toBe(403);
  });

  it('generates each occurrence once with three instances, catching up what fell due while down', async () => {
    t.clock.set('2026-01-05T15:00:00Z');
    const plan = await createPlan({
      name: 'Backup restore test',
      titleTemplate: '{{plan}} due {{due_date}}',
      descriptionTemplate: '- [ ] Restore a file\n- [ ] Record the time taken',
      rule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2',
      startsOn: '2026-01-01',
      leadDays: 7,
      assigneeId: tech.id,
    });
    // Nothing ran until 3 March: January's, February's and March's occurrences are all due now.
    const at = '2026-03-03T14:00:00Z';
    t.clock.set(at);
    const others = [
      await startTestApp({ now: at, sharedDatabaseUrl: t.databaseUrl }),
      await startTestApp({ now: at, sharedDatabaseUrl: t.databaseUrl }),
    ];
    try {
      const runners = [t, ...others].map((i) => i.app.get(JobRunner));
      await Promise.all(runners.map((r) => r.tick('maintenance-generation')));
      // Repeated runs (the 'recent' guard lifted by moving time) create nothing more.
      for (const i of [t, ...others]) i.clock.set('2026-03-03T15:00:00Z');
      await Promise.all(runners.map((r) => r.tick('maintenance-generation')));
    } finally {
      for (const other of others) await other.close();
    }
    const tickets = await ticketsOf(plan.id);
    expect(tickets.map((x: any) => [x.title, x.maintenance_due_at.toISOString()])).toEqual([
      ['Backup restore test due 2026-01-13', '2026-01-13T13:00:00.000Z'],
      ['Backup restore test due 2026-02-10', '2026-02-10T13:00:00.000Z'],
      ['Backup restore test due 2026-03-10', '2026-03-10T12:00:00.000Z'],
    ]);
    expect(tickets[0]).toMatchObject({
      kind: 'maintenance',
      source: 'schedule',
      status: 'assigned',
      work_class: 'proactive',
      assignee_id: tech.id,
      first_response_due_at: null,
    });
    // Due on the occurrence date: the March one is on time when resolved by 10 March 08:00.
    expect(tickets[2].resolution_due_at).toEqual(new Date('2026-03-10T12:00:00Z'));
    const staff = await as(tech);
    const march = await staff.get(`/api/tickets/${tickets[2].id}`);
    expect(march.body.description).toContain('- [ ] Restore a file');
    expect((await staff.patch(`/api/tickets/${tickets[2].id}`, { version: march.body.version, status: 'resolved' })).status).toBe(
      200,
    );
    const january = await staff.get(`/api/tickets/${tickets[0].id}`);
    expect(
      (await staff.patch(`/api/tickets/${tickets[0].id}`, { version: january.body.version, status: 'resolved' })).status,
    ).toBe(200);
    const after = await ticketsOf(plan.id);
    // January was resolved late; February is still open and overdue; March was on time.
    expect(after.map((x: any) => x.resolution_breached)).toEqual([true, true, false]);
  });

  it('fans out one ticket per in-service asset of a type, and pausing stops generation', async () => {
    t.clock.set('2026-04-01T12:00:00Z');
    const a = await createAsset(t.dataSource, { departmentId: dept.id, type: 'ups', tag: 'IT-UPS-0001', name: 'UPS A' });
    const b = await createAsset(t.dataSource, { departmentId: dept.id, type: 'ups', tag: 'IT-UPS-0002', name: 'UPS B' });
    await createAsset(t.dataSource, { departmentId: dept.id, type: 'ups', tag: 'IT-UPS-0003', name: 'UPS C', status: 'retired' });
    const plan = await createPlan({
      name: 'UPS battery check',
      titleTemplate: 'Check battery of {{asset_tag}} {{asset}}',
      rule: 'FREQ=WEEKLY;BYDAY=WE',
      startsOn: '2026-04-01',
      fanOut: 'asset_type',
      assetType: 'ups',
      assetDepartmentId: dept.id,
    });
    t.clock.set('2026-04-01T12:30:00Z');
    await generate();
    expect((await ticketsOf(plan.id)).map((x: any) => [x.title, x.asset_id])).toEqual(
      [
        ['Check battery of IT-UPS-0001 UPS A', a.id],
        ['Check battery of IT-UPS-0002 UPS B', b.id],
      ].sort((x, y) => (x[1]! < y[1]! ? -1 : 1)),
    );

    const m = await as(manager);
    const paused = await m.post(`/api/maintenance-plans/${plan.id}/pause`);
    expect(paused.body).toMatchObject({ active: false });
    t.clock.set('2026-04-15T13:00:00Z');
    await generate();
    expect(await ticketsOf(plan.id)).toHaveLength(2);
    // Resumed: only what falls due from now on (the weeks paused are skipped).
    expect((await (await as(manager)).post(`/api/maintenance-plans/${plan.id}/resume`)).body).toMatchObject({ active: true });
    t.clock.set('2026-04-22T12:30:00Z');
    await generate();
    const dues = (await ticketsOf(plan.id)).map((x: any) => x.maintenance_due_at.toISOString());
    expect([...new Set(dues)]).toEqual(['2026-04-01T12:00:00.000Z', '2026-04-22T12:00:00.000Z']);
    // The calendar counts each coming occurrence's tickets: one per in-service UPS, the retired one left out.
    const cal = await (await as(manager)).get(`/api/maintenance/calendar?from=2026-04-23T00:00:00Z&to=2026-05-07T00:00:00Z`);
    const coming = cal.body.items.filter((i: any) => i.plan.id === plan.id);
    expect(coming.map((i: any) => [i.dueAt, i.projected, i.tickets])).toEqual([
      ['2026-04-29T12:00:00.000Z', true, 2],
      ['2026-05-06T12:00:00.000Z', true, 2],
    ]);
  });

  it('after-completion plans fall due N days after the last one was resolved; edits change only future tickets', async () => {
    t.clock.set('2026-05-01T12:00:00Z');
    const plan = await createPlan({
      name: 'Firmware updates of network gear',
      titleTemplate: 'Update firmware',
      rule: 'FREQ=DAILY',
      startsOn: '2026-05-04',
      mode: 'after_completion',
      intervalDays: 30,
      leadDays: 3,
    });
    t.clock.set('2026-05-01T13:00:00Z'); // 4 May 08:00 minus 3 days has come
    await generate();
    let tickets = await ticketsOf(plan.id);
    expect(tickets.map((x: any) => x.maintenance_due_at.toISOString())).toEqual(['2026-05-04T12:00:00.000Z']);
    t.clock.set('2026-05-20T12:00:00Z');
    await generate();
    expect(await ticketsOf(plan.id)).toHaveLength(1); // the first is still open

    t.clock.set('2026-05-22T18:00:00Z');
    const staff = await as(tech);
    const first = await staff.get(`/api/tickets/${tickets[0].id}`);
    expect((await staff.patch(`/api/tickets/${tickets[0].id}`, { version: first.body.version, status: 'resolved' })).status).toBe(
      200,
    );

    const m = await as(manager);
    const current = await m.get(`/api/maintenance-plans/${plan.id}`);
    const edited = await m.patch(`/api/maintenance-plans/${plan.id}`, {
      version: current.body.version,
      titleTemplate: 'Update switch firmware',
    });
    expect(edited.status).toBe(200);
    const stale = await m.patch(`/api/maintenance-plans/${plan.id}`, { version: current.body.version, leadDays: 1 });
    expect([stale.status, stale.body.code]).toEqual([409, 'version_conflict']);

    // Resolved 22 May → due 21 June 08:00, created 3 days ahead.
    t.clock.set(new Date(new Date('2026-06-18T12:00:00Z').getTime() - DAY));
    await generate();
    expect(await ticketsOf(plan.id)).toHaveLength(1);
    t.clock.set('2026-06-18T12:00:00Z');
    await generate();
    tickets = await ticketsOf(plan.id);
    expect(tickets.map((x: any) => [x.title, x.maintenance_due_at.toISOString()])).toEqual([
      ['Update firmware', '2026-05-04T12:00:00.000Z'],
      ['Update switch firmware', '2026-06-21T12:00:00.000Z'],
    ]);
    expect((await (await as(manager)).delete(`/api/maintenance-plans/${plan.id}`)).status).toBe(409);
  });
  it('shows generated and projected work on the calendar, and in a subscribable iCalendar feed until revoked', async () => {
    t.clock.set('2026-07-01T12:00:00Z');
    const plan = await createPlan({
      name: 'Police in-car computer check',
      titleTemplate: 'Check in-car computers',
      rule: 'FREQ=WEEKLY;BYDAY=MO',
      startsOn: '2026-07-06',
      dueTime: '09:30',
      estimatedMinutes: 90,
      assigneeId: tech.id,
    });
    t.clock.set('2026-07-06T13:45:00Z');
    await generate(); // 6 July is generated; 13 and 20 July are still to come
    const staff = await as(tech);
    const cal = await staff.get(`/api/maintenance/calendar?from=2026-07-01T00:00:00Z&to=2026-07-21T00:00:00Z&queueId=${queueId}`);
    expect(cal.status).toBe(200);
    const mine = cal.body.items.filter((i: any) => i.plan.id === plan.id);
    expect(mine.map((i: any) => [i.dueAt, i.projected])).toEqual([
      ['2026-07-06T13:30:00.000Z', false],
      ['2026-07-13T13:30:00.000Z', true],
      ['2026-07-20T13:30:00.000Z', true],
    ]);
    expect(mine[0].number).toMatch(/^MNT-/);
    const tooLong = await staff.get('/api/maintenance/calendar?from=2026-01-01T00:00:00Z&to=2027-06-01T00:00:00Z');
    expect([tooLong.status, tooLong.body.details[0].field]).toEqual([400, 'to']);

    // The technician subscribes to their own work: a real iCalendar parser reads the right times.
    const created = await staff.post('/api/maintenance/feeds', {});
    expect(created.status).toBe(201);
    const path = new URL(created.body.url).pathname;
    const feed = await t.client().get(path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const vcalendar = new ICAL.Component(ICAL.parse(feed.body as string));
    const events = vcalendar
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .filter((e) => e.summary.includes('in-car'));
    expect(
      events
        .slice(0, 2)
        .map((e) => [
          e.summary.replace(/MNT-\d+/, 'MNT'),
          e.startDate.toJSDate().toISOString(),
          e.endDate.toJSDate().toISOString(),
        ]),
    ).toEqual([
      ['MNT Check in-car computers', '2026-07-06T13:30:00.000Z', '2026-07-06T15:00:00.000Z'],
      ['(planned) Police in-car computer check', '2026-07-13T13:30:00.000Z', '2026-07-13T15:00:00.000Z'],
    ]);
    // A guessed token finds nothing; a revoked feed is gone; requesters cannot make feeds.
    expect((await t.client().get('/api/maintenance/feeds/' + 'A'.repeat(43) + '/calendar.ics')).status).toBe(404);
    expect((await staff.delete(`/api/maintenance/feeds/${created.body.id}`)).status).toBe(204);
    expect((await t.client().get(path)).status).toBe(404);
    const requester = await createUser(t.dataSource, { role: 'requester', departmentId: dept.id });
    expect((await (await as(requester)).post('/api/maintenance/feeds', {})).status).toBe(403);
  });

  it('replacement plans create a proactive "replace" ticket ahead of each asset’s replacement date', async () => {
    t.clock.set('2026-08-01T12:00:00Z');
    const old = await createAsset(t.dataSource, {
      departmentId: dept.id,
      type: 'printer',
      tag: 'IT-PR-0001',
      name: 'Old printer',
    });
    const fresh = await createAsset(t.dataSource, {
      departmentId: dept.id,
      type: 'printer',
      tag: 'IT-PR-0002',
      name: 'New printer',
    });
    await t.dataSource.query(`UPDATE assets SET purchase_date = '2021-10-15', lifecycle_years = 5 WHERE id = $1`, [old.id]);
    await t.dataSource.query(`UPDATE assets SET purchase_date = '2025-01-10', lifecycle_years = 5 WHERE id = $1`, [fresh.id]);
    const plan = await createPlan({
      name: 'Printer refresh',
      titleTemplate: 'Replace {{asset_tag}} {{asset}}',
      rule: 'FREQ=DAILY',
      startsOn: '2026-01-01',
      mode: 'replacement',
      fanOut: 'asset_type',
      assetType: 'printer',
      assetDepartmentId: dept.id,
      leadDays: 90,
    });
    const preview = await (await as(tech)).get(`/api/maintenance-plans/${plan.id}/preview?count=5`);
    expect(preview.body.occurrences.map((o: any) => [o.asset, o.dueAt])).toEqual([
      ['IT-PR-0001 Old printer', '2026-10-15T12:00:00.000Z'],
      ['IT-PR-0002 New printer', '2030-01-10T13:00:00.000Z'],
    ]);
    await generate();
    t.clock.set('2026-08-02T12:00:00Z');
    await generate();
    expect((await ticketsOf(plan.id)).map((x: any) => [x.title, x.asset_id])).toEqual([
      ['Replace IT-PR-0001 Old printer', old.id],
    ]);
  });
});
