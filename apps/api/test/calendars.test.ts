import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signedInAs } from './factories/identity.factory.js';
import { startTestApp, type ApiClient, type TestApp } from './support/test-app.js';

const WEEKDAYS = [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '12:00' }));

describe('calendars', () => {
  let t: TestApp;
  let admin: ApiClient;
  let tech: ApiClient;
  let requester: ApiClient;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signedInAs(t, 'admin');
    tech = await signedInAs(t, 'technician');
    requester = await signedInAs(t, 'requester');
  });
  afterAll(() => t.close());

  it("has the city's office hours built in, which cannot be deleted", async () => {
    const list = await tech.get('/api/calendars');
    const city = list.body.items.find((c: { systemKey: string }) => c.systemKey === 'city_office_hours');
    expect(city).toMatchObject({ name: 'City office hours', timeZone: 'America/New_York', holidays: [] });
    expect(city.windows).toEqual([1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '17:00' })));
    expect((await admin.delete(`/api/calendars/${city.id}`)).status).toBe(409);
    expect((await requester.get('/api/calendars')).status).toBe(403);
  });

  it('creates split-day and round-the-clock calendars and refuses bad windows and zones, naming the field', async () => {
    const split = await admin.post('/api/calendars', {
      name: 'Split day',
      timeZone: 'Europe/Berlin',
      windows: [...WEEKDAYS, ...[1, 2, 3, 4, 5].map((day) => ({ day, start: '13:00', end: '17:00' }))],
    });
    expect(split.status).toBe(201);
    expect(split.body.windows).toHaveLength(10);
    const allDay = await admin.post('/api/calendars', {
      name: 'Around the clock',
      timeZone: 'America/Chicago',
      windows: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: '00:00', end: '24:00' })),
    });
    expect(allDay.status).toBe(201);
    const overlap = await admin.post('/api/calendars', {
      name: 'Overlap',
      timeZone: 'Mars/Base',
      windows: [
        { day: 1, start: '08:00', end: '12:00' },
        { day: 1, start: '11:00', end: '13:00' },
      ],
    });
    expect(overlap.status).toBe(400);
    expect(overlap.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['timeZone', 'windows']);
    const backwards = await admin.post('/api/calendars', {
      name: 'Backwards',
      timeZone: 'UTC',
      windows: [{ day: 8, start: '17:00', end: '08:00' }],
    });
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body.details)).toContain('windows');
    expect((await tech.post('/api/calendars', { name: 'Tech', timeZone: 'UTC', windows: WEEKDAYS })).status).toBe(403);
  });

  it('adds and removes holidays, refusing a second holiday on the same date', async () => {
    const cal = await admin.post('/api/calendars', { name: 'Holidays test', timeZone: 'America/New_York', windows: WEEKDAYS });
    const added = await admin.post(`/api/calendars/${cal.body.id}/holidays`, {
      date: '2026-12-25',
      name: 'Christmas Day',
      yearly: true,
      observed: true,
    });
    expect(added.status).toBe(201);
    expect(added.body.holidays).toEqual([
      { id: expect.any(String), date: '2026-12-25', name: 'Christmas Day', yearly: true, observed: true },
    ]);
    expect((await admin.post(`/api/calendars/${cal.body.id}/holidays`, { date: '2026-12-25', name: 'Again' })).status).toBe(409);
    expect((await admin.post(`/api/calendars/${cal.body.id}/holidays`, { date: '2026-02-30', name: 'Nope' })).status).toBe(400);
    const holidayId = added.body.holidays[0].id as string;
    expect((await admin.delete(`/api/calendars/${cal.body.id}/holidays/${holidayId}`)).status).toBe(204);
    expect((await admin.get(`/api/calendars/${cal.body.id}`)).body.holidays).toEqual([]);
  });

  it('imports holidays from an .ics file and exports them again', async () => {
    const cal = await admin.post('/api/calendars', { name: 'ICS test', timeZone: 'America/New_York', windows: WEEKDAYS });
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//City//EN',
      'BEGIN:VEVENT',
      'UID:a',
      'DTSTAMP:20260101T000000Z',
      'DTSTART;VALUE=DATE:20260704',
      'SUMMARY:Independence Day',
      'RRULE:FREQ=YEARLY',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:b',
      'DTSTAMP:20260101T000000Z',
      'DTSTART;VALUE=DATE:20260217',
      'SUMMARY:Snow day closure',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const imported = await admin.request<any>('POST', `/api/calendars/${cal.body.id}/holidays/import`, undefined, {
      rawBody: ics,
      headers: { 'content-type': 'text/calendar' },
    });
    expect(imported.body).toEqual({ added: 2, skipped: 0 });
    const again = await admin.request<any>('POST', `/api/calendars/${cal.body.id}/holidays/import`, undefined, {
      rawBody: ics,
      headers: { 'content-type': 'text/calendar' },
    });
    expect(again.body).toEqual({ added: 0, skipped: 2 });
    const broken = await admin.request<any>('POST', `/api/calendars/${cal.body.id}/holidays/import`, undefined, {
      rawBody: 'not a calendar',
      headers: { 'content-type': 'text/calendar' },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.details[0].field).toBe('body');
    const exported = await tech.get(`/api/calendars/${cal.body.id}/holidays.ics`);
    expect(exported.headers.get('content-type')).toMatch(/text\/calendar/);
    expect(exported.body).toContain('SUMMARY:Snow day closure');
    expect(exported.body).toContain('RRULE:FREQ=YEARLY');
  });

  it("loads a state's public holidays, observed days included", async () => {
    const cal = await admin.post('/api/calendars', {
      name: 'New York holidays',
      timeZone: 'America/New_York',
      windows: WEEKDAYS,
    });
    const loaded = await admin.post(`/api/calendars/${cal.body.id}/holidays/public`, {
      country: 'US',
      state: 'NY',
      fromYear: 2026,
      toYear: 2027,
    });
    expect(loaded.status).toBe(200);
    expect(loaded.body.added).toBeGreaterThanOrEqual(20);
    const dates = (await admin.get(`/api/calendars/${cal.body.id}`)).body.holidays.map((h: { date: string }) => h.date);
    expect(dates).toEqual(expect.arrayContaining(['2026-07-03', '2026-07-04', '2026-11-26', '2027-12-24']));
    const badState = await admin.post(`/api/calendars/${cal.body.id}/holidays/public`, {
      country: 'US',
      state: 'ZZ',
      fromYear: 2026,
      toYear: 2026,
    });
    expect(badState.status).toBe(400);
    expect(badState.body.details[0].field).toBe('state');
    const range = await admin.post(`/api/calendars/${cal.body.id}/holidays/public`, {
      country: 'US',
      fromYear: 2030,
      toYear: 2026,
    });
    expect(range.status).toBe(400);
  });
});
