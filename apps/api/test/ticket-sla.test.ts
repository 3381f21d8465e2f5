import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDepartment, createUser, type DepartmentRecord, type UserRecord } from './factories/identity.factory.js';
import { startTestApp, type ApiClient, type TestApp } from './support/test-app.js';

/**
 * The ticket clock through the API: due times stored on every change, pauses, the timeline,
 * policy re-matching and calendar changes. Times are America/New_York office hours
 * (Mon–Fri 08:00–17:00); 2026-03-08 is the spring-forward Sunday (EST −5 before, EDT −4 after).
 */
describe('ticket SLA clock', () => {
  let t: TestApp;
  let admin: UserRecord;
  let tech: UserRecord;
  let requester: UserRecord;
  let dept: DepartmentRecord;
  let calendarId: string;
  let standard: { id: string; versionId: string };
  let urgent: { id: string; versionId: string };

  const WEEKDAYS = [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '17:00' }));

  /** A fresh sign-in at the current (moved) time: sessions idle out after 8 hours. */
  const as = async (user: UserRecord): Promise<ApiClient> => {
    const client = t.client();
    await client.login(user.email, user.password);
    return client;
  };
  const at = (iso: string) => t.clock.set(iso);
  const columns = async (id: string) => {
    const [row] = await t.dataSource.query(
      `SELECT sla_policy_version_id, sla_calendar_id, due_at, first_response_due_at, resolution_due_at, first_response_minutes,
              resolution_minutes, first_resolution_minutes, sla_paused_minutes, sla_paused, first_response_breached,
              resolution_breached, sla_breached_at, sla_at_risk_at, next_escalation_at
         FROM tickets WHERE id = $1`,
      [id],
    );
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    return {
      ...row,
      due_at: iso(row.due_at),
      first_response_due_at: iso(row.first_response_due_at),
      resolution_due_at: iso(row.resolution_due_at),
      sla_breached_at: iso(row.sla_breached_at),
      sla_at_risk_at: iso(row.sla_at_risk_at),
      next_escalation_at: iso(row.next_escalation_at),
    };
  };
  const file = async (title = 'Printer offline'): Promise<{ id: string; number: string; version: number; body: any }> => {
    const res = await (await as(requester)).post('/api/tickets', { title, impact: 'one_person', urgency: 'inconvenience' });
    expect(res.status).toBe(201);
    return { id: res.body.id, number: res.body.number, version: res.body.version, body: res.body };
  };
  const patch = async (user: UserRecord, id: string, body: Record<string, unknown>) => {
    const client = await as(user);
    const current = await client.get(`/api/tickets/${id}`);
    const res = await client.patch(`/api/tickets/${id}`, { version: current.body.version, ...body });
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-02T14:00:00Z' });
    admin = await createUser(t.dataSource, { role: 'admin' });
    tech = await createUser(t.dataSource, { role: 'technician' });
    dept = await createDepartment(t.dataSource, { name: 'Finance' });
    requester = await createUser(t.dataSource, { role: 'requester', departmentId: dept.id });
    const a = await as(admin);
    const calendar = await a.post('/api/calendars', { name: 'NY office hours', timeZone: 'America/New_York', windows: WEEKDAYS });
    expect(calendar.status).toBe(201);
    calendarId = calendar.body.id;
    expect((await a.patch(`/api/departments/${dept.id}`, { calendarId })).body.calendarId).toBe(calendarId);
    const policy = async (body: Record<string, unknown>) => {
      const res = await a.post('/api/sla-policies', { departmentIds: [dept.id], ...body });
      expect(res.status).toBe(201);
      return { id: res.body.id as string, versionId: res.body.versionId as string };
    };
    urgent = await policy({ name: 'Finance P1', priorities: ['P1'], firstResponseMinutes: 15, resolutionMinutes: 120 });
    standard = await policy({
      name: 'Finance standard',
      firstResponseMinutes: 60,
      resolutionMinutes: 480,
      escalations: [{ target: 'resolution', percent: 50, level: 1, actions: ['notify_assignee'] }],
    });
  });
  afterAll(() => t.close());

  it('stores due times on create, across a weekend and the spring-forward change', async () => {
    at('2026-03-06T21:30:00Z'); // Friday 16:30 EST
    const ticket = await file();
    // First response: 30 minutes on Friday, 30 on Monday from 08:00 EDT.
    expect(ticket.body.dueAt).toBe('2026-03-09T12:30:00.000Z');
    expect(ticket.body.sla).toEqual({ state: 'on_time', atRiskAt: '2026-03-09T12:15:00.000Z', breachedAt: null, paused: false });
    expect(await columns(ticket.id)).toMatchObject({
      sla_policy_version_id: standard.versionId,
      sla_calendar_id: calendarId,
      first_response_due_at: '2026-03-09T12:30:00.000Z',
      // Resolution: 30 minutes on Friday, 450 on Monday → 15:30 EDT.
      resolution_due_at: '2026-03-09T19:30:00.000Z',
      first_response_minutes: null,
      sla_paused: false,
      first_response_breached: null,
      // Resolution level 1 at 50 % = 240 minutes: 30 on Friday, 210 on Monday → 11:30 EDT.
      next_escalation_at: '2026-03-09T15:30:00.000Z',
    });
  });

  it('records the first response, pauses while waiting on the requester and moves the due time by the pause', async () => {
    at('2026-03-06T21:30:00Z');
    const ticket = await file('Cannot print payroll');
    at('2026-03-09T12:15:00Z'); // Monday 08:15 EDT: 45 business minutes in
    await patch(tech, ticket.id, { assigneeId: tech.id, status: 'in_progress' });
    expect(await columns(ticket.id)).toMatchObject({
      first_response_minutes: 45,
      first_response_breached: false,
      due_at: '2026-03-09T19:30:00.000Z',
    });

    at('2026-03-09T14:00:00Z'); // 10:00: waiting on the requester after 150 business minutes
    await patch(tech, ticket.id, { status: 'waiting_on_requester' });
    expect(await columns(ticket.id)).toMatchObject({
      sla_paused: true,
      resolution_due_at: null,
      due_at: null,
      next_escalation_at: null,
    });
    const list = await (await as(tech)).get(`/api/tickets?q=${ticket.number}`);
    expect(list.body.items.find((i: any) => i.id === ticket.id).sla.state).toBe('paused');

    at('2026-03-09T16:00:00Z'); // 12:00: the requester answers; 120 minutes were paused
    const reply = await (await as(requester)).post(`/api/tickets/${ticket.id}/comments`, { body: 'It is the blue printer.' });
    expect(reply.status).toBe(201);
    // 330 minutes left from 12:00: 300 on Monday, 30 on Tuesday → Tue 08:30 EDT.
    expect(await columns(ticket.id)).toMatchObject({
      sla_paused: false,
      sla_paused_minutes: 120,
      resolution_due_at: '2026-03-10T12:30:00.000Z',
      due_at: '2026-03-10T12:30:00.000Z',
    });

    at('2026-03-09T18:00:00Z'); // 14:00: resolved after 270 business minutes of work
    await patch(tech, ticket.id, { status: 'resolved' });
    expect(await columns(ticket.id)).toMatchObject({
      resolution_minutes: 270,
      first_resolution_minutes: 270,
      resolution_breached: false,
      due_at: null,
      next_escalation_at: null,
    });

    const timeline = await (await as(tech)).get(`/api/tickets/${ticket.number}/sla`);
    expect(timeline.status).toBe(200);
    expect(timeline.body).toMatchObject({
      state: 'met',
      policy: { id: standard.id, versionId: standard.versionId, name: 'Finance standard', version: 1, active: true },
      calendar: { id: calendarId, name: 'NY office hours', timeZone: 'America/New_York' },
      targets: {
        firstResponse: { state: 'met', targetMinutes: 60, elapsedMinutes: 45, breached: false },
        resolution: { state: 'met', targetMinutes: 480, elapsedMinutes: 270, pausedMinutes: 120, breached: false },
        nextResponse: null,
      },
      policyMatches: [{ reason: 'created', policy: { versionId: standard.versionId } }],
    });
    expect(timeline.body.segments).toEqual([
      { from: '2026-03-06T21:30:00.000Z', to: '2026-03-06T22:00:00.000Z', state: 'running' },
      { from: '2026-03-06T22:00:00.000Z', to: '2026-03-09T12:00:00.000Z', state: 'outside_hours' },
      { from: '2026-03-09T12:00:00.000Z', to: '2026-03-09T14:00:00.000Z', state: 'running' },
      { from: '2026-03-09T14:00:00.000Z', to: '2026-03-09T16:00:00.000Z', state: 'paused' },
      { from: '2026-03-09T16:00:00.000Z', to: '2026-03-09T18:00:00.000Z', state: 'running' },
    ]);
    // Level 1 (50 % = 240 minutes) came at 13:30 EDT, before the resolution; no sweep ran to fire it.
    expect(timeline.body.escalations).toEqual([
      {
        target: 'resolution',
        level: 1,
        percent: 50,
        actions: ['notify_assignee'],
        dueAt: '2026-03-09T17:30:00.000Z',
        firedAt: null,
      },
    ]);

    // The requester sees the clock but not the escalations; anyone else gets 404.
    const mine = await (await as(requester)).get(`/api/tickets/${ticket.id}/sla`);
    expect(mine.status).toBe(200);
    expect(mine.body.escalations).toEqual([]);
    const stranger = await createUser(t.dataSource, { role: 'requester', departmentId: dept.id });
    expect((await (await as(stranger)).get(`/api/tickets/${ticket.id}/sla`)).status).toBe(404);
  });

  it('re-matches the policy on a priority change, keeping the elapsed time', async () => {
    at('2026-03-10T13:00:00Z'); // Tuesday 09:00 EDT
    const ticket = await file('Ledger server down');
    at('2026-03-10T14:00:00Z'); // 60 business minutes later: staff raise it to P1
    await patch(tech, ticket.id, { priority: 'P1', priorityReason: 'Payroll run today' });
    // P1: 120 minutes to resolve, 60 already gone → 11:00 EDT; the 15-minute first response is already late.
    expect(await columns(ticket.id)).toMatchObject({
      sla_policy_version_id: urgent.versionId,
      resolution_due_at: '2026-03-10T15:00:00.000Z',
      first_response_breached: true,
      sla_breached_at: '2026-03-10T14:00:00.000Z',
    });
    const timeline = await (await as(tech)).get(`/api/tickets/${ticket.id}/sla`);
    expect(timeline.body.state).toBe('breached');
    expect(timeline.body.policyMatches.map((m: any) => [m.reason, m.policy.name])).toEqual([
      ['created', 'Finance standard'],
      ['priority', 'Finance P1'],
    ]);
    expect(timeline.body.targets.resolution).toMatchObject({ targetMinutes: 120, elapsedMinutes: 60, remainingMinutes: 60 });
  });

  it('re-times open tickets when their calendar or their department’s calendar changes', async () => {
    at('2026-03-16T20:00:00Z'); // Monday 16:00 EDT
    const open = await file('Scanner jams');
    const done = await file('Mouse broken');
    at('2026-03-16T20:30:00Z');
    await patch(tech, done.id, { status: 'resolved' });
    // Resolution: 60 minutes on Monday, 420 on Tuesday → Tue 15:00 EDT.
    expect((await columns(open.id)).resolution_due_at).toBe('2026-03-17T19:00:00.000Z');

    // A snow day closes the city on Tuesday: the open ticket is now due Wednesday.
    const a = await as(admin);
    const snow = await a.post(`/api/calendars/${calendarId}/holidays`, { date: '2026-03-17', name: 'Snow day' });
    expect(snow.status).toBe(201);
    // The first response (60 minutes, all on Monday) stays due at 17:00 EDT.
    expect(await columns(open.id)).toMatchObject({
      resolution_due_at: '2026-03-18T19:00:00.000Z',
      first_response_due_at: '2026-03-16T21:00:00.000Z',
    });
    const resolvedBefore = await columns(done.id);
    expect(resolvedBefore.resolution_minutes).toBe(30);

    // Reopening the city on Tuesday puts the due time back.
    const holiday = snow.body.holidays.find((h: any) => h.date === '2026-03-17');
    expect((await a.delete(`/api/calendars/${calendarId}/holidays/${holiday.id}`)).status).toBe(204);
    expect((await columns(open.id)).resolution_due_at).toBe('2026-03-17T19:00:00.000Z');

    // Weekly hours changed to 08:00–12:00 only: 480 minutes become two days' worth.
    const shorter = await a.patch(`/api/calendars/${calendarId}`, {
      windows: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '12:00' })),
    });
    expect(shorter.status).toBe(200);
    // Filed after 12:00 on Monday: 240 minutes on Tuesday and 240 on Wednesday → Wed 12:00 EDT.
    expect((await columns(open.id)).resolution_due_at).toBe('2026-03-18T16:00:00.000Z');
    await a.patch(`/api/calendars/${calendarId}`, { windows: WEEKDAYS });

    // The department moves to a round-the-clock calendar: 480 wall minutes from 16:00 → Tue 00:00 EDT.
    const allDay = await a.post('/api/calendars', {
      name: 'Round the clock',
      timeZone: 'America/New_York',
      windows: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: '00:00', end: '24:00' })),
    });
    expect((await a.patch(`/api/departments/${dept.id}`, { calendarId: allDay.body.id })).status).toBe(200);
    expect(await columns(open.id)).toMatchObject({
      sla_calendar_id: allDay.body.id,
      resolution_due_at: '2026-03-17T04:00:00.000Z',
    });
    // Resolved tickets keep what they achieved.
    expect(await columns(done.id)).toEqual(resolvedBefore);
    await a.patch(`/api/departments/${dept.id}`, { calendarId });
  });

  it('refuses a department calendar that does not exist, naming the field', async () => {
    const res = await (
      await as(admin)
    ).patch(`/api/departments/${dept.id}`, {
      calendarId: '00000000-0000-4000-8000-000000000000',
    });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['calendarId']);
  });

  it('keeps a ticket without a matching policy off the clock', async () => {
    const other = await createDepartment(t.dataSource, { name: 'Parks' });
    const parksUser = await createUser(t.dataSource, { role: 'requester', departmentId: other.id });
    const res = await (await as(parksUser)).post('/api/tickets', { title: 'Tablet', impact: 'one_person', urgency: 'can_wait' });
    expect(res.status).toBe(201);
    expect(res.body.dueAt).toBeNull();
    expect(res.body.sla.state).toBe('none');
    const timeline = await (await as(tech)).get(`/api/tickets/${res.body.id}/sla`);
    expect(timeline.body).toMatchObject({ policy: null, segments: [], escalations: [] });
  });
});
