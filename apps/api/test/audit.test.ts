import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createDepartment, createUser, FACTORY_PASSWORD, signedInAs, type UserRecord } from './factories/identity.factory.js';
import { createAsset, createCategory, createQueue } from './factories/reference.factory.js';
import { createTicket, queueId } from './factories/ticket.factory.js';
import { startTestApp, type ApiClient, type ApiResponse, type TestApp } from './support/test-app.js';

const WEEKDAYS = [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' }));
const HOLIDAY_ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//City//EN',
  'BEGIN:VEVENT',
  'UID:snow',
  'DTSTAMP:20260101T000000Z',
  'DTSTART;VALUE=DATE:20260217',
  'SUMMARY:Snow day closure',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  detail: Record<string, unknown>;
}

describe('audit log', () => {
  let t: TestApp;
  let admin: ApiClient;
  let adminUser: UserRecord;
  /** Every password and token this file sends: none may ever appear in the audit log. */
  const secrets = new Set<string>([
    FACTORY_PASSWORD,
    'not-the-password-1',
    'whatever-it-is',
    'a-brand-new-passphrase',
    'initial-passphrase-1',
    'temporary-pass-4321',
  ]);
  const sessionOf = (client: ApiClient): string => {
    const token = client.cookie('civicdesk_session');
    if (!token) throw new Error('not signed in');
    secrets.add(token);
    return token;
  };

  /** The newest audit row id: what an action writes comes after it. */
  const mark = async (): Promise<string> =>
    (await t.dataSource.query<{ id: string }[]>(`SELECT coalesce(max(id), 0)::text AS id FROM audit_log`))[0]!.id;
  const rowsSince = (since: string): Promise<AuditRow[]> =>
    t.dataSource.query(`SELECT * FROM audit_log WHERE id > $1 ORDER BY id`, [since]);

  /** Runs an action and answers the audit rows it wrote, with its response. */
  async function audited<T>(action: () => Promise<T>): Promise<{ result: T; rows: AuditRow[] }> {
    const since = await mark();
    const result = await action();
    return { result, rows: await rowsSince(since) };
  }

  beforeAll(async () => {
    t = await startTestApp();
    adminUser = await createUser(t.dataSource, { role: 'admin' });
    admin = t.client();
    await admin.login(adminUser.email, adminUser.password);
    sessionOf(admin);
  });
  afterAll(() => t.close());
  // Every request comes from 127.0.0.1: each test starts in a fresh sign-in throttling window.
  beforeEach(() => t.clock.advance(61_000));

  describe('sign-in and sessions', () => {
    it('records a sign-in with the user, the time of the clock, the address and the browser', async () => {
      const user = await createUser(t.dataSource, { role: 'technician' });
      const c = t.client();
      const { result, rows } = await audited(() =>
        c.post('/api/auth/login', { email: user.email, password: user.password }, { headers: { 'user-agent': 'Firefox/140.0' } }),
      );
      expect(result.status).toBe(200);
      sessionOf(c);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        action: 'auth.signed_in',
        actor_id: user.id,
        target_type: 'user',
        target_id: user.id,
        ip: '127.0.0.1',
        user_agent: 'Firefox/140.0',
        occurred_at: t.clock.now(),
      });
      expect(rows[0]!.request_id).toEqual(expect.any(String));
    });

    it('records a failed sign-in on its own with the e-mail tried and why, never the password', async () => {
      const user = await createUser(t.dataSource);
      const wrong = await audited(() =>
        t.client().post('/api/auth/login', { email: user.email, password: 'not-the-password-1' }),
      );
      expect(wrong.result.status).toBe(401);
      expect(wrong.rows).toHaveLength(1);
      expect(wrong.rows[0]).toMatchObject({
        action: 'auth.sign_in_failed',
        actor_id: null,
        target_type: 'user',
        target_id: user.id,
        detail: { email: user.email, reason: 'wrong_password' },
      });
      expect(JSON.stringify(wrong.rows[0])).not.toContain('not-the-password-1');

      const unknown = await audited(() =>
        t.client().post('/api/auth/login', { email: 'nobody@city.test', password: 'whatever-it-is' }),
      );
      expect(unknown.rows).toHaveLength(1);
      expect(unknown.rows[0]).toMatchObject({
        target_id: null,
        detail: { email: 'nobody@city.test', reason: 'unknown_email' },
      });

      const inactive = await createUser(t.dataSource, { active: false });
      const disabled = await audited(() =>
        t.client().post('/api/auth/login', { email: inactive.email, password: FACTORY_PASSWORD }),
      );
      expect(disabled.result.status).toBe(401);
      expect(disabled.rows.map((r) => [r.target_id, r.detail.reason])).toEqual([[inactive.id, 'inactive']]);
    });

    it('records a sign-out once: signing out of an ended session changes nothing and records nothing', async () => {
      const user = await createUser(t.dataSource);
      const c = t.client();
      await c.login(user.email, user.password);
      const cookie = c.cookie('civicdesk_session')!;
      const out = await audited(() => c.post('/api/auth/logout'));
      expect(out.result.status).toBe(204);
      expect(out.rows).toHaveLength(1);
      expect(out.rows[0]).toMatchObject({ action: 'auth.signed_out', actor_id: user.id, target_id: user.id });

      c.setCookie('civicdesk_session', cookie);
      const again = await audited(() => c.post('/api/auth/logout'));
      expect(again.result.status).toBe(204);
      expect(again.rows).toEqual([]);
    });

    it('records a password change with the sessions it ended; a refused change records nothing', async () => {
      const user = await createUser(t.dataSource);
      const laptop = t.client();
      await laptop.login(user.email, user.password);
      sessionOf(laptop);
      await t.client().login(user.email, user.password);

      const refused = await audited(() =>
        laptop.post('/api/auth/password', { currentPassword: 'wrong-current-pass', newPassword: 'a-brand-new-passphrase' }),
      );
      expect(refused.result.status).toBe(401);
      expect(refused.rows).toEqual([]);

      const changed = await audited(() =>
        laptop.post('/api/auth/password', { currentPassword: user.password, newPassword: 'a-brand-new-passphrase' }),
      );
      expect(changed.result.status).toBe(204);
      expect(changed.rows).toHaveLength(1);
      expect(changed.rows[0]).toMatchObject({
        action: 'auth.password_changed',
        actor_id: user.id,
        target_id: user.id,
        detail: { sessionsRevoked: 2 },
      });
    });
  });

  describe('users, roles and permissions', () => {
    it('records a new user; a refused one (e-mail taken) records nothing', async () => {
      const created = await audited(() =>
        admin.post('/api/users', {
          email: 'new.hire@city.test',
          name: 'New Hire',
          role: 'technician',
          password: 'initial-passphrase-1',
        }),
      );
      expect(created.result.status).toBe(201);
      expect(created.rows).toHaveLength(1);
      expect(created.rows[0]).toMatchObject({
        action: 'user.created',
        actor_id: adminUser.id,
        target_type: 'user',
        target_id: (created.result.body as { id: string }).id,
        detail: { email: 'new.hire@city.test', role: 'technician', departmentId: null },
      });

      const taken = await audited(() =>
        admin.post('/api/users', {
          email: 'new.hire@city.test',
          name: 'Again',
          role: 'requester',
          password: 'initial-passphrase-1',
        }),
      );
      expect(taken.result.status).toBe(409);
      expect(taken.rows).toEqual([]);
    });

    it('records each change of role, department, e-mail and access as its own entry, and nothing for a rename', async () => {
      const user = await createUser(t.dataSource, { role: 'requester' });
      const department = await createDepartment(t.dataSource);
      const session = t.client();
      await session.login(user.email, user.password);

      const promoted = await audited(() =>
        admin.patch(`/api/users/${user.id}`, { role: 'technician', departmentId: department.id, email: `moved-${user.email}` }),
      );
      expect(promoted.result.status).toBe(200);
      expect(promoted.rows.map((r) => [r.action, r.actor_id, r.target_id, r.detail])).toEqual([
        ['user.role_changed', adminUser.id, user.id, { from: 'requester', to: 'technician' }],
        ['user.department_changed', adminUser.id, user.id, { from: null, to: department.id }],
        ['user.email_changed', adminUser.id, user.id, { from: user.email, to: `moved-${user.email}` }],
      ]);

      const disabled = await audited(() => admin.patch(`/api/users/${user.id}`, { active: false }));
      expect(disabled.rows.map((r) => [r.action, r.detail])).toEqual([['user.disabled', { sessionsRevoked: 1 }]]);
      const enabled = await audited(() => admin.patch(`/api/users/${user.id}`, { active: true }));
      expect(enabled.rows.map((r) => r.action)).toEqual(['user.enabled']);

      const renamed = await audited(() => admin.patch(`/api/users/${user.id}`, { name: 'A New Name', role: 'technician' }));
      expect(renamed.result.status).toBe(200);
      expect(renamed.rows).toEqual([]);
    });

    it('records nothing when the change is refused (the last admin keeps the role)', async () => {
      const others = await t.dataSource.query(`SELECT id FROM users WHERE role = 'admin' AND id <> $1`, [adminUser.id]);
      expect(others).toEqual([]);
      const refused = await audited(() => admin.patch(`/api/users/${adminUser.id}`, { role: 'manager' }));
      expect(refused.result.status).toBe(409);
      expect(refused.rows).toEqual([]);
    });

    it('records a temporary password with the sessions it ended', async () => {
      const user = await createUser(t.dataSource);
      await t.client().login(user.email, user.password);
      const reset = await audited(() =>
        admin.post(`/api/users/${user.id}/temporary-password`, { password: 'temporary-pass-4321' }),
      );
      expect(reset.result.status).toBe(204);
      expect(reset.rows.map((r) => [r.action, r.target_id, r.detail])).toEqual([
        ['user.temporary_password_set', user.id, { sessionsRevoked: 1 }],
      ]);
    });
  });

  describe('configuration, imports, exports and deletions', () => {
    /** One entry, by the admin, with this action and target (the detail checked by the caller). */
    const expectOne = (rows: AuditRow[], action: string, targetId: string | null, actorId: string | null = adminUser.id) => {
      expect(rows.map((r) => [r.action, r.actor_id, r.target_id])).toEqual([[action, actorId, targetId]]);
      return rows[0]!.detail;
    };

    it('records queues: creation, a permission change, members and deletion; a change of nothing records nothing', async () => {
      const tech = await createUser(t.dataSource, { role: 'technician' });
      const created = await audited(() => admin.post('/api/queues', { name: 'Audit Desk', restricted: false }));
      const id = (created.result.body as { id: string }).id;
      expect(expectOne(created.rows, 'queue.created', id)).toEqual({ name: 'Audit Desk', restricted: false, leadId: null });

      const restricted = await audited(() => admin.patch(`/api/queues/${id}`, { restricted: true }));
      expect(expectOne(restricted.rows, 'queue.updated', id)).toEqual({ restricted: { from: false, to: true } });
      const same = await audited(() => admin.patch(`/api/queues/${id}`, { restricted: true }));
      expect(same.result.status).toBe(200);
      expect(same.rows).toEqual([]);

      const members = await audited(() => admin.request('PUT', `/api/queues/${id}/members`, { userIds: [tech.id] }));
      expect(members.result.status).toBe(200);
      expect(expectOne(members.rows, 'queue.members_changed', id)).toEqual({ name: 'Audit Desk', added: [tech.id], removed: [] });
      const emptied = await audited(() => admin.request('PUT', `/api/queues/${id}/members`, { userIds: [] }));
      expect(expectOne(emptied.rows, 'queue.members_changed', id)).toEqual({ name: 'Audit Desk', added: [], removed: [tech.id] });

      const deleted = await audited(() => admin.delete(`/api/queues/${id}`));
      expect(deleted.result.status).toBe(204);
      expect(expectOne(deleted.rows, 'queue.deleted', id)).toEqual({ name: 'Audit Desk' });
    });

    it('records departments and the deletion of a category', async () => {
      const created = await audited(() => admin.post('/api/departments', { name: 'Harbor', code: 'HARBOR' }));
      const id = (created.result.body as { id: string }).id;
      expect(expectOne(created.rows, 'department.created', id)).toEqual({
        name: 'Harbor',
        code: 'HARBOR',
        lifeSafety: false,
        calendarId: null,
      });
      const updated = await audited(() => admin.patch(`/api/departments/${id}`, { lifeSafety: true }));
      expect(expectOne(updated.rows, 'department.updated', id)).toEqual({ lifeSafety: { from: false, to: true } });
      const deleted = await audited(() => admin.delete(`/api/departments/${id}`));
      expect(expectOne(deleted.rows, 'department.deleted', id)).toEqual({ name: 'Harbor', code: 'HARBOR' });

      const category = await createCategory(t.dataSource, { defaultQueueId: await queueId(t.dataSource, 'service_desk') });
      const gone = await audited(() => admin.delete(`/api/categories/${category.id}`));
      expect(gone.result.status).toBe(204);
      expect(expectOne(gone.rows, 'category.deleted', category.id)).toEqual({ name: category.name });
    });

    it('records calendar changes, holidays added, removed, imported and loaded, and the .ics export', async () => {
      const created = await audited(() =>
        admin.post('/api/calendars', { name: 'Audit hours', timeZone: 'America/New_York', windows: WEEKDAYS }),
      );
      const id = (created.result.body as { id: string }).id;
      expect(expectOne(created.rows, 'calendar.created', id)).toEqual({ name: 'Audit hours', timeZone: 'America/New_York' });

      const renamed = await audited(() => admin.patch(`/api/calendars/${id}`, { timeZone: 'America/Chicago' }));
      expect(expectOne(renamed.rows, 'calendar.updated', id)).toEqual({
        timeZone: { from: 'America/New_York', to: 'America/Chicago' },
      });

      const added = await audited(() =>
        admin.post(`/api/calendars/${id}/holidays`, { date: '2026-12-25', name: 'Christmas Day' }),
      );
      expect(expectOne(added.rows, 'calendar.holiday_added', id)).toEqual({
        date: '2026-12-25',
        name: 'Christmas Day',
        added: 1,
        skipped: 0,
      });
      const twice = await audited(() => admin.post(`/api/calendars/${id}/holidays`, { date: '2026-12-25', name: 'Again' }));
      expect(twice.result.status).toBe(409);
      expect(twice.rows).toEqual([]);

      const holidayId = (added.result.body as { holidays: { id: string }[] }).holidays[0]!.id;
      const removed = await audited(() => admin.delete(`/api/calendars/${id}/holidays/${holidayId}`));
      expect(expectOne(removed.rows, 'calendar.holiday_deleted', id)).toEqual({
        holidayId,
        date: '2026-12-25',
        name: 'Christmas Day',
      });

      const imported = await audited(() =>
        admin.request('POST', `/api/calendars/${id}/holidays/import`, undefined, {
          rawBody: HOLIDAY_ICS,
          headers: { 'content-type': 'text/calendar' },
        }),
      );
      expect(expectOne(imported.rows, 'calendar.holidays_imported', id)).toEqual({ inFile: 1, added: 1, skipped: 0 });
      const importedAgain = await audited(() =>
        admin.request('POST', `/api/calendars/${id}/holidays/import`, undefined, {
          rawBody: HOLIDAY_ICS,
          headers: { 'content-type': 'text/calendar' },
        }),
      );
      expect(importedAgain.result.body).toEqual({ added: 0, skipped: 1 });
      expect(importedAgain.rows).toEqual([]);

      const loaded = await audited(() =>
        admin.post(`/api/calendars/${id}/holidays/public`, { country: 'US', state: 'NY', fromYear: 2026, toYear: 2026 }),
      );
      expect(expectOne(loaded.rows, 'calendar.public_holidays_loaded', id)).toMatchObject({
        country: 'US',
        state: 'NY',
        fromYear: 2026,
        toYear: 2026,
        added: expect.any(Number),
      });

      const exported = await audited(() => admin.get(`/api/calendars/${id}/holidays.ics`));
      expect(exported.result.status).toBe(200);
      expect(expectOne(exported.rows, 'calendar.holidays_exported', id)).toEqual({});

      const deleted = await audited(() => admin.delete(`/api/calendars/${id}`));
      expect(deleted.result.status).toBe(204);
      expect(expectOne(deleted.rows, 'calendar.deleted', id)).toEqual({ name: 'Audit hours' });
    });

    it('records SLA policy creation, new versions, (de)activation, the order and deletion', async () => {
      const created = await audited(() => admin.post('/api/sla-policies', { name: 'Audit policy', resolutionMinutes: 480 }));
      const id = (created.result.body as { id: string }).id;
      expect(expectOne(created.rows, 'sla_policy.created', id)).toEqual({ name: 'Audit policy', version: 1 });

      const edited = await audited(() => admin.patch(`/api/sla-policies/${id}`, { resolutionMinutes: 240 }));
      expect(expectOne(edited.rows, 'sla_policy.updated', id)).toEqual({
        name: 'Audit policy',
        version: 2,
        changes: { resolutionMinutes: { from: 480, to: 240 } },
      });
      const off = await audited(() => admin.post(`/api/sla-policies/${id}/deactivate`));
      expectOne(off.rows, 'sla_policy.deactivated', id);
      const offAgain = await audited(() => admin.post(`/api/sla-policies/${id}/deactivate`));
      expect(offAgain.rows).toEqual([]);
      const on = await audited(() => admin.post(`/api/sla-policies/${id}/activate`));
      expectOne(on.rows, 'sla_policy.activated', id);

      const other = (await admin.post('/api/sla-policies', { name: 'Audit fallback', resolutionMinutes: 960 })).body as {
        id: string;
      };
      const ids = ((await admin.get('/api/sla-policies')).body.items as { id: string }[]).map((p) => p.id);
      const reversed = [...ids].reverse();
      const ordered = await audited(() => admin.request('PUT', '/api/sla-policies/order', { ids: reversed }));
      expect(ordered.result.status).toBe(200);
      expect(expectOne(ordered.rows, 'sla_policy.reordered', null)).toEqual({ order: reversed });
      const sameOrder = await audited(() => admin.request('PUT', '/api/sla-policies/order', { ids: reversed }));
      expect(sameOrder.rows).toEqual([]);

      const deleted = await audited(() => admin.delete(`/api/sla-policies/${other.id}`));
      expect(deleted.result.status).toBe(204);
      expect(expectOne(deleted.rows, 'sla_policy.deleted', other.id)).toEqual({ name: 'Audit fallback' });
      const missing = await audited(() => admin.delete(`/api/sla-policies/${other.id}`));
      expect(missing.result.status).toBe(404);
      expect(missing.rows).toEqual([]);
    });

    it('records settings changes with the values set', async () => {
      const changed = await audited(() =>
        admin.patch('/api/settings', { autoCloseResolvedAfterDays: 9, assetLifecycleYears: { laptop: 5 } }),
      );
      expect(changed.result.status).toBe(200);
      expect(expectOne(changed.rows, 'settings.updated', null)).toEqual({
        set: { autoCloseResolvedAfterDays: 9, assetLifecycleYears: { laptop: 5 } },
      });
      const refused = await audited(() => admin.patch('/api/settings', { autoCloseResolvedAfterDays: 0 }));
      expect(refused.result.status).toBe(400);
      expect(refused.rows).toEqual([]);
    });

    it('records asset deletions and CSV imports, checked or done; a refused import records nothing', async () => {
      const department = await createDepartment(t.dataSource, { code: 'AUD' });
      const asset = await createAsset(t.dataSource, { departmentId: department.id });
      const deleted = await audited(() => admin.delete(`/api/assets/${asset.id}`));
      expect(deleted.result.status).toBe(204);
      expect(expectOne(deleted.rows, 'asset.deleted', asset.id)).toEqual({ tag: asset.tag, name: asset.name });

      const csv = (tag: string) => `tag,name,type,department\n${tag},Audit laptop,laptop,AUD\n`;
      const importCsv = (dryRun: boolean, text: string) =>
        admin.request('POST', `/api/assets/import?dryRun=${dryRun}`, undefined, {
          rawBody: text,
          headers: { 'content-type': 'text/csv' },
        });
      const checked = await audited(() => importCsv(true, csv('AUD-1')));
      expect(checked.result.status).toBe(200);
      expect(expectOne(checked.rows, 'asset.import_checked', null)).toEqual({ rows: 1, valid: 1, problems: 0 });
      const done = await audited(() => importCsv(false, csv('AUD-1')));
      expect(expectOne(done.rows, 'asset.imported', null)).toEqual({ rows: 1, created: 1 });
      const refused = await audited(() => importCsv(false, csv('AUD-1')));
      expect(refused.result.status).toBe(400);
      expect(refused.rows).toEqual([]);
    });

    it('records maintenance plan deletions, calendar feeds issued, read by their token and revoked', async () => {
      const department = await createDepartment(t.dataSource);
      const queue = await createQueue(t.dataSource);
      const plan = await admin.post('/api/maintenance-plans', {
        name: 'Audit patching',
        titleTemplate: 'Patch ({{due_date}})',
        rule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2',
        startsOn: '2026-06-01',
        queueId: queue.id,
        departmentId: department.id,
        timeZone: 'America/New_York',
      });
      expect(plan.status).toBe(201);
      const deleted = await audited(() => admin.delete(`/api/maintenance-plans/${plan.body.id}`));
      expect(deleted.result.status).toBe(204);
      expect(expectOne(deleted.rows, 'maintenance_plan.deleted', plan.body.id)).toEqual({ name: 'Audit patching' });

      const techUser = await createUser(t.dataSource, { role: 'technician' });
      const tech = t.client();
      await tech.login(techUser.email, techUser.password);
      const issued = await audited(() => tech.post('/api/maintenance/feeds', {}));
      const feed = issued.result.body as { id: string; url: string };
      expect(expectOne(issued.rows, 'calendar_feed.created', feed.id, techUser.id)).toEqual({ queueId: null });
      const token = feed.url.split('/feeds/')[1]!.split('/')[0]!;
      secrets.add(token);

      const read = await audited(() =>
        t.client().get(new URL(feed.url).pathname, { headers: { 'user-agent': 'Outlook-iOS/2.0' } }),
      );
      expect(read.result.status).toBe(200);
      expect(expectOne(read.rows, 'calendar_feed.read', feed.id, null)).toEqual({
        ownerId: techUser.id,
        queueId: null,
        items: 0,
      });
      expect(read.rows[0]!.user_agent).toBe('Outlook-iOS/2.0');
      expect(JSON.stringify(read.rows[0])).not.toContain(token);

      const revoked = await audited(() => tech.delete(`/api/maintenance/feeds/${feed.id}`));
      expectOne(revoked.rows, 'calendar_feed.revoked', feed.id, techUser.id);
      const revokedAgain = await audited(() => tech.delete(`/api/maintenance/feeds/${feed.id}`));
      expect(revokedAgain.result.status).toBe(204);
      expect(revokedAgain.rows).toEqual([]);
      const refused = await audited(() => t.client().get(new URL(feed.url).pathname));
      expect(refused.result.status).toBe(404);
      expect(refused.rows).toEqual([]);
    });

    it('records hourly rates added and deleted, and deleted work logs and expenses', async () => {
      const added = await audited(() =>
        admin.post('/api/rates', { role: 'technician', hourlyRateCents: 7000, effectiveFrom: '2030-01-01' }),
      );
      const future = added.result as ApiResponse<{ id: string }>;
      expect(future.status).toBe(201);
      expect(expectOne(added.rows, 'labor_rate.created', future.body.id)).toEqual({
        userId: null,
        role: 'technician',
        hourlyRateCents: 7000,
        effectiveFrom: '2030-01-01',
      });
      const rate = await audited(() => admin.delete(`/api/rates/${future.body.id}`));
      expect(rate.result.status).toBe(204);
      expect(expectOne(rate.rows, 'labor_rate.deleted', future.body.id)).toEqual({
        userId: null,
        role: 'technician',
        hourlyRateCents: 7000,
        effectiveFrom: '2030-01-01',
      });

      expect(
        (await admin.post('/api/rates', { role: 'technician', hourlyRateCents: 6000, effectiveFrom: '2020-01-01' })).status,
      ).toBe(201);
      const techUser = await createUser(t.dataSource, { role: 'technician' });
      const tech = t.client();
      await tech.login(techUser.email, techUser.password);
      const queue = await createQueue(t.dataSource, { memberIds: [techUser.id] });
      const department = await createDepartment(t.dataSource);
      const requester = await createUser(t.dataSource, { departmentId: department.id });
      const ticket = await createTicket(t.dataSource, {
        requesterId: requester.id,
        departmentId: department.id,
        queueId: queue.id,
      });
      const log = await tech.post(`/api/tickets/${ticket.id}/work-logs`, { workDate: '2026-03-02', minutes: 45 });
      expect(log.status).toBe(201);
      const logGone = await audited(() => tech.delete(`/api/tickets/${ticket.id}/work-logs/${log.body.id}`));
      expect(logGone.result.status).toBe(204);
      expect(expectOne(logGone.rows, 'ticket.work_log_deleted', ticket.id, techUser.id)).toMatchObject({
        workLogId: log.body.id,
        userId: techUser.id,
        minutes: 45,
      });
      const expense = await tech.post(`/api/tickets/${ticket.id}/expenses`, {
        type: 'parts',
        amountCents: 1250,
        spentOn: '2026-03-02',
      });
      expect(expense.status).toBe(201);
      const expenseGone = await audited(() => tech.delete(`/api/tickets/${ticket.id}/expenses/${expense.body.id}`));
      expect(expectOne(expenseGone.rows, 'ticket.expense_deleted', ticket.id, techUser.id)).toMatchObject({
        expenseId: expense.body.id,
        type: 'parts',
        amountCents: 1250,
      });
    });

    it('records history imports: the upload, the dry run, the run and the download of its problems', async () => {
      const department = await createDepartment(t.dataSource);
      const requester = await createUser(t.dataSource, { departmentId: department.id });
      const uploaded = await audited(() =>
        admin.request('POST', '/api/imports/files?name=legacy.csv', undefined, {
          rawBody: 'id,opened\nA-1,2026-01-05T10:00:00Z\n',
          headers: { 'content-type': 'text/csv' },
        }),
      );
      expect(uploaded.result.status).toBe(201);
      const fileId = (uploaded.result.body as { id: string }).id;
      expect(expectOne(uploaded.rows, 'import.file_uploaded', fileId)).toEqual({
        name: 'legacy.csv',
        sizeBytes: 35,
        rows: 1,
        columns: 2,
      });

      const body = async (dryRun: boolean) => ({
        fileId,
        dryRun,
        columns: { externalId: 'id', openedAt: 'opened' },
        dateFormat: 'ISO',
        timeZone: 'UTC',
        defaults: {
          departmentId: department.id,
          queueId: await queueId(t.dataSource, 'service_desk'),
          requesterId: requester.id,
          priority: 'P3',
        },
      });
      const dry = await audited(async () => admin.post('/api/imports/tickets', await body(true)));
      expect(dry.result.status).toBe(202);
      const dryId = (dry.result.body as { id: string }).id;
      expect(expectOne(dry.rows, 'import.dry_run_started', dryId)).toEqual({ fileId, fileName: 'legacy.csv', rows: 1 });
      const real = await audited(async () => admin.post('/api/imports/tickets', await body(false)));
      const realId = (real.result.body as { id: string }).id;
      expectOne(real.rows, 'import.run_started', realId);
      const refused = await audited(async () =>
        admin.post('/api/imports/tickets', { ...(await body(false)), timeZone: 'Mars/Base' }),
      );
      expect(refused.result.status).toBe(400);
      expect(refused.rows).toEqual([]);

      const problems = await audited(() => admin.get(`/api/imports/${dryId}/errors.csv`));
      expect(problems.result.status).toBe(200);
      expect(expectOne(problems.rows, 'import.problems_exported', dryId)).toEqual({});
    });

    it('records every report CSV download with its filters, and not the report shown on screen', async () => {
      const csv = await audited(() => admin.get('/api/reports/spend?format=csv&from=2026-01-01&to=2026-02-28&table=periods'));
      expect(csv.result.status).toBe(200);
      expect(csv.result.headers.get('content-type')).toMatch(/text\/csv/);
      expect(expectOne(csv.rows, 'report.exported', 'spend')).toEqual({
        filters: { format: 'csv', from: '2026-01-01', to: '2026-02-28', table: 'periods' },
      });
      for (const report of ['response-times', 'sla-compliance', 'volume', 'asset-refresh', 'prevention']) {
        const each = await audited(() => admin.get(`/api/reports/${report}?format=csv`));
        expect([report, each.result.status]).toEqual([report, 200]);
        expectOne(each.rows, 'report.exported', report);
      }
      const json = await audited(() => admin.get('/api/reports/spend?from=2026-01-01'));
      expect(json.result.status).toBe(200);
      expect(json.rows).toEqual([]);
      const refused = await audited(() => admin.get('/api/reports/spend?format=csv&from=2026-02-30'));
      expect(refused.result.status).toBe(400);
      expect(refused.rows).toEqual([]);
    });
  });

  describe('one transaction with the action', () => {
    it('rolls the change back when its audit entry cannot be written, so no accepted change lacks one', async () => {
      const user = await createUser(t.dataSource, { role: 'requester' });
      await t.dataSource.query(`
        CREATE FUNCTION refuse_role_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit refused for the test'; END $$`);
      await t.dataSource.query(`
        CREATE TRIGGER refuse_role_audit BEFORE INSERT ON audit_log FOR EACH ROW
        WHEN (NEW.action = 'user.role_changed') EXECUTE FUNCTION refuse_role_audit()`);
      try {
        const res = await admin.patch(`/api/users/${user.id}`, { role: 'manager' });
        expect(res.status).toBe(500);
      } finally {
        await t.dataSource.query(`DROP TRIGGER refuse_role_audit ON audit_log`);
        await t.dataSource.query(`DROP FUNCTION refuse_role_audit()`);
      }
      const [row] = await t.dataSource.query(`SELECT role FROM users WHERE id = $1`, [user.id]);
      expect(row.role).toBe('requester');
    });
  });

  describe('append-only in the database', () => {
    it.each([
      ['UPDATE audit_log SET action = $1', ['auth.signed_out']],
      ['DELETE FROM audit_log WHERE action = $1', ['auth.signed_in']],
      ['TRUNCATE audit_log', []],
    ])('refuses %s on audit rows', async (sql, params) => {
      const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`);
      await expect(t.dataSource.query(sql, params)).rejects.toThrow(/audit_log is append-only/);
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`)).toEqual(before);
    });

    it.each([
      ['UPDATE ticket_events SET type = $1', ['rewritten']],
      ['DELETE FROM ticket_events WHERE type = $1', ['created']],
      ['TRUNCATE ticket_events CASCADE', []],
    ])('refuses %s on ticket events', async (sql, params) => {
      const department = await createDepartment(t.dataSource);
      const requester = await createUser(t.dataSource, { departmentId: department.id });
      await createTicket(t.dataSource, {
        requesterId: requester.id,
        departmentId: department.id,
        queueId: await queueId(t.dataSource, 'service_desk'),
      });
      const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM ticket_events`);
      await expect(t.dataSource.query(sql, params)).rejects.toThrow(/ticket_events is append-only/);
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM ticket_events`)).toEqual(before);
    });
  });

  describe('GET /api/audit', () => {
    let someone: UserRecord;
    /** Entries of `someone`, inserted with chosen times, newest first as the list must give them. */
    let expected: { id: string; action: string }[];

    const insert = async (rows: { at: string; action: string; targetId?: string; userAgent?: string }[]): Promise<void> => {
      await t.dataSource.query(
        `INSERT INTO audit_log (occurred_at, actor_id, action, target_type, target_id, ip, user_agent, detail)
         SELECT r.at, $1, r.action, 'queue', r.target_id, '10.0.0.7', r.user_agent, '{}'
           FROM json_to_recordset($2::json) AS r(at timestamptz, action text, target_id text, user_agent text)`,
        [
          someone.id,
          JSON.stringify(
            rows.map((r) => ({ at: r.at, action: r.action, target_id: r.targetId ?? null, user_agent: r.userAgent ?? null })),
          ),
        ],
      );
    };
    const ids = (res: ApiResponse) => (res.body.items as { id: string }[]).map((e) => e.id);

    beforeAll(async () => {
      someone = await createUser(t.dataSource, { role: 'technician', name: 'Sam Someone' });
      // New York: 2026-03-02 23:30 local is 2026-03-03 04:30 UTC; three entries share one instant.
      await insert([
        { at: '2026-03-01T15:00:00Z', action: 'queue.created', targetId: 'q-1' },
        { at: '2026-03-02T12:00:00Z', action: 'queue.updated', targetId: 'q-1' },
        { at: '2026-03-02T12:00:00Z', action: 'queue.updated', targetId: 'q-2' },
        { at: '2026-03-02T12:00:00Z', action: 'queue.deleted', targetId: 'q-2' },
        { at: '2026-03-03T04:30:00Z', action: 'queue.members_changed', targetId: 'q-1', userAgent: '=HYPERLINK("http://evil")' },
        { at: '2026-03-03T05:30:00Z', action: 'queue.created', targetId: 'q-3' },
        { at: '2026-03-04T15:00:00Z', action: 'queue.deleted', targetId: 'q-3' },
      ]);
      expected = await t.dataSource.query(
        `SELECT id::text, action FROM audit_log WHERE actor_id = $1 ORDER BY occurred_at DESC, id DESC`,
        [someone.id],
      );
    });

    it('is for admins only: other roles get 403, as on every admin route, and anonymous callers 401', async () => {
      for (const role of ['requester', 'technician', 'manager'] as const) {
        const res = await (await signedInAs(t, role)).get('/api/audit');
        expect([role, res.status, res.body.code]).toEqual([role, 403, 'forbidden']);
      }
      expect((await t.client().get('/api/audit')).status).toBe(401);
    });

    it('answers the newest entries first, with the actor, address, browser and request', async () => {
      const res = await admin.get('/api/audit?limit=5');
      expect(res.status).toBe(200);
      const times = (res.body.items as { occurredAt: string }[]).map((e) => e.occurredAt);
      expect(times).toEqual([...times].sort().reverse());
      const signIn = (await admin.get(`/api/audit?action=auth.signed_in&actorId=${adminUser.id}&limit=1`)).body.items[0];
      expect(signIn).toMatchObject({
        actor: { id: adminUser.id, name: adminUser.name, email: adminUser.email },
        action: 'auth.signed_in',
        targetType: 'user',
        targetId: adminUser.id,
        ip: '127.0.0.1',
        requestId: expect.any(String),
        detail: { sessionId: expect.any(String) },
      });
    });

    it('pages by keyset: every entry once, in order, through ties and entries written meanwhile', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: ApiResponse = await admin.get(`/api/audit?actorId=${someone.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        seen.push(...ids(res));
        cursor = res.body.nextCursor as string | null;
        // A newer entry after the first page does not shift the pages that follow.
        if (pages++ === 0) await insert([{ at: '2026-03-06T12:00:00Z', action: 'queue.created' }]);
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(expected.map((e) => e.id));
    });

    it('filters by action, target and days of the city calendar, each filter from an allowlist', async () => {
      const list = async (query: string) => {
        const res = await admin.get(`/api/audit?actorId=${someone.id}&${query}`);
        expect([query, res.status]).toEqual([query, 200]);
        return ids(res);
      };
      const where = (keep: (e: { id: string; action: string }, i: number) => boolean) => expected.filter(keep).map((e) => e.id);
      expect(await list('action=queue.deleted')).toEqual(where((e) => e.action === 'queue.deleted'));
      expect(await list('targetType=queue&targetId=q-2')).toHaveLength(2);
      expect(await list('targetType=user')).toEqual([]);
      // 2026-03-02 in New York runs to 05:00 UTC on the 3rd: the 04:30 entry is on the 2nd, the 05:30 one on the 3rd.
      const second = await list('from=2026-03-02&to=2026-03-02');
      expect(second).toHaveLength(4);
      expect(await list('from=2026-03-03&to=2026-03-03')).toHaveLength(1);
      expect(await list('from=2026-03-04')).toHaveLength(2);
      expect(await list('to=2026-03-01')).toHaveLength(1);
      expect(await list('action=queue.updated&from=2026-03-02&to=2026-03-02&targetType=queue&targetId=q-1')).toHaveLength(1);
    });

    it.each([
      ['action=queue.exploded', 'action'],
      ['actorId=42', 'actorId'],
      ['targetType=tickets', 'targetType'],
      ["targetType=queue&targetId=1' OR '1'='1", 'targetId'],
      ['targetId=q-1', 'targetId'],
      ['from=2026-02-30', 'from'],
      ['from=2026-03-04&to=2026-03-01', 'from'],
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['cursor=bm90IGEgY3Vyc29y', 'cursor'],
      [`cursor=${Buffer.from(JSON.stringify(['yesterday', '1'])).toString('base64url')}`, 'cursor'],
      [
        `cursor=${Buffer.from(JSON.stringify(['2026-03-02T12:00:00.000000Z', '99999999999999999999'])).toString('base64url')}`,
        'cursor',
      ],
      [`cursor=${Buffer.from(JSON.stringify(['+275760-09-13T00:00:00.000000Z', '1'])).toString('base64url')}`, 'cursor'],
      [`cursor=${Buffer.from(JSON.stringify(['0000-01-01T00:00:00.000000Z', '1'])).toString('base64url')}`, 'cursor'],
      ['format=xml', 'format'],
      ['orderBy=ip', 'orderBy'],
    ])('refuses %s with 400 naming %s', async (query, field) => {
      const res = await admin.get(`/api/audit?${query}`);
      expect(res.status).toBe(400);
      expect((res.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
    });

    it('sends as many statements for a page of 2 as for a page of 50', async () => {
      const count = async (limit: number) => {
        // Settled first: a session seen more than a minute ago is touched once (a write of its own).
        await admin.get('/api/audit?limit=1');
        t.statements.reset();
        expect((await admin.get(`/api/audit?limit=${limit}`)).status).toBe(200);
        return t.statements.count;
      };
      expect(await count(2)).toBe(await count(50));
    });

    it('exports the filtered entries as CSV through the shared writer, and audits the export itself', async () => {
      const exported = await audited(() => admin.get(`/api/audit?format=csv&actorId=${someone.id}&to=2026-03-04`));
      expect(exported.result.status).toBe(200);
      expect(exported.result.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(exported.result.headers.get('content-disposition')).toBe('attachment; filename="audit-log-start-to-2026-03-04.csv"');
      const lines = (exported.result.body as string)
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      expect(lines[0]).toBe(
        'occurred_at,actor_email,actor_name,actor_id,action,target_type,target_id,ip,user_agent,request_id,detail',
      );
      expect(lines).toHaveLength(1 + 7);
      expect(lines[1]).toBe(
        `2026-03-04T15:00:00.000Z,${someone.email},Sam Someone,${someone.id},queue.deleted,queue,q-3,10.0.0.7,,,{}`,
      );
      // A formula in a user agent is shown as text by spreadsheets, not run.
      expect(lines.find((l) => l.includes('queue.members_changed'))).toContain(`"'=HYPERLINK(""http://evil"")"`);

      expect(exported.rows.map((r) => [r.action, r.actor_id, r.target_type, r.detail])).toEqual([
        ['audit.exported', adminUser.id, null, { filters: { format: 'csv', actorId: someone.id, to: '2026-03-04' } }],
      ]);
      const shown = await audited(() => admin.get(`/api/audit?actorId=${someone.id}`));
      expect(shown.rows).toEqual([]);
    });
  });

  describe('no secrets', () => {
    it('keeps no password, hash or token in any entry', async () => {
      const rows: AuditRow[] = await t.dataSource.query(`SELECT * FROM audit_log`);
      const actions = new Set(rows.map((r) => r.action));
      // The scan covers the sign-ins, password changes, resets and feeds this file made.
      for (const action of [
        'auth.signed_in',
        'auth.sign_in_failed',
        'auth.password_changed',
        'user.temporary_password_set',
        'calendar_feed.created',
      ]) {
        expect(actions).toContain(action);
      }
      expect(secrets.size).toBeGreaterThan(8);
      const keys = (value: unknown): string[] =>
        value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...keys(v)]) : [];
      for (const row of rows) {
        const text = JSON.stringify(row);
        for (const secret of secrets) expect(text).not.toContain(secret);
        expect(text).not.toMatch(/\$argon2|\$2[aby]\$/);
        expect(keys(row.detail).filter((k) => /password|hash|token|secret|cookie/i.test(k))).toEqual([]);
      }
      const hashes: { password_hash: string }[] = await t.dataSource.query(`SELECT password_hash FROM users`);
      const all = JSON.stringify(rows);
      for (const { password_hash } of hashes) expect(all).not.toContain(password_hash);
    });
  });
});
