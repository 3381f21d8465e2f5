import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createDepartment, createUser, type DepartmentRecord, type UserRecord } from './factories/identity.factory.js';
import { createTicket, queueId } from './factories/ticket.factory.js';
import { startTestApp, type ApiClient, type TestApp } from './support/test-app.js';

describe('tickets', () => {
  let t: TestApp;
  let finance: DepartmentRecord;
  let police: DepartmentRecord;
  let serviceDesk: string;
  let restrictedQueue: string;
  let employee: UserRecord;
  let officer: UserRecord;
  let tech: UserRecord;
  let insider: UserRecord;
  let manager: UserRecord;
  const as = {} as Record<'employee' | 'officer' | 'tech' | 'insider' | 'manager', ApiClient>;

  beforeAll(async () => {
    t = await startTestApp();
    finance = await createDepartment(t.dataSource, { name: 'Finance', code: 'FIN' });
    police = await createDepartment(t.dataSource, { name: 'Police', code: 'PD', lifeSafety: true });
    serviceDesk = await queueId(t.dataSource, 'service_desk');
    employee = await createUser(t.dataSource, { role: 'requester', departmentId: finance.id, name: 'Erin Employee' });
    officer = await createUser(t.dataSource, { role: 'requester', departmentId: police.id });
    tech = await createUser(t.dataSource, { role: 'technician', departmentId: finance.id, name: 'Taylor Tech' });
    insider = await createUser(t.dataSource, { role: 'technician', departmentId: police.id });
    manager = await createUser(t.dataSource, { role: 'manager', departmentId: finance.id });
    [{ id: restrictedQueue }] = await t.dataSource.query(
      `INSERT INTO queues (name, restricted) VALUES ('Public Safety Systems', true) RETURNING id`,
    );
    await t.dataSource.query(`INSERT INTO queue_members (queue_id, user_id) VALUES ($1, $2), ($3, $2), ($3, $4)`, [
      restrictedQueue,
      insider.id,
      serviceDesk,
      tech.id,
    ]);
    for (const [name, user] of Object.entries({ employee, officer, tech, insider, manager })) {
      as[name as keyof typeof as] = t.client();
      await as[name as keyof typeof as].login(user.email, user.password);
    }
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.advance(60_000));

  describe('filing', () => {
    it('files a ticket for oneself with a number per kind, priority from the matrix and the Service Desk as fallback', async () => {
      const res = await as.employee.post('/api/tickets', {
        title: 'Cannot print',
        impact: 'one_person',
        urgency: 'work_degraded',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        number: expect.stringMatching(/^INC-\d{6}$/),
        kind: 'incident',
        status: 'new',
        priority: 'P3',
        requester: { id: employee.id, name: 'Erin Employee' },
        department: { id: finance.id, name: 'Finance' },
        queue: { id: serviceDesk, name: 'Service Desk' },
        assignee: null,
        version: 1,
        can: { work: false, commentInternal: false, confirm: false, reopen: false },
      });
      expect(res.body.workClass).toBeUndefined(); // staff-only fields are not shown to requesters
      expect(res.body.source).toBeUndefined();
      const req = await as.employee.post('/api/tickets', {
        title: 'New laptop for a new hire',
        kind: 'service_request',
        impact: 'one_person',
        urgency: 'can_wait',
      });
      expect(req.body.number).toMatch(/^REQ-\d{6}$/);
      const events = await as.employee.get(`/api/tickets/${res.body.number}/events`);
      expect(events.body.items.map((e: { type: string }) => e.type)).toEqual(['created']);
    });

    it('raises priority one step for a life-safety department', async () => {
      const res = await as.officer.post('/api/tickets', {
        title: 'In-car terminal frozen',
        impact: 'one_person',
        urgency: 'work_degraded',
      });
      expect(res.body.priority).toBe('P2');
    });

    it('lets staff file on behalf of a requester, but not a requester for someone else', async () => {
      const onBehalf = await as.tech.post('/api/tickets', {
        title: 'Phoned in: monitor flickers',
        impact: 'one_person',
        urgency: 'inconvenience',
        requesterId: employee.id,
      });
      expect(onBehalf.status).toBe(201);
      expect(onBehalf.body.requester.id).toBe(employee.id);
      expect((await as.employee.get(`/api/tickets/${onBehalf.body.id}`)).status).toBe(200);
      const refused = await as.employee.post('/api/tickets', {
        title: 'x',
        impact: 'one_person',
        urgency: 'can_wait',
        requesterId: officer.id,
      });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('forbidden_fields');
    });

    it('files a phishing report as a security incident in one step', async () => {
      const res = await as.employee.post('/api/tickets/report-phishing', {
        description: 'Mail from "payroll" asking for my password',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        kind: 'incident',
        category: { name: 'Security / phishing' },
        queue: { name: 'Security' },
      });
    });

    it('refuses bad input naming the field, and writes nothing', async () => {
      const [{ before }] = await t.dataSource.query(`SELECT count(*)::int AS before FROM tickets`);
      const res = await as.employee.post('/api/tickets', {
        title: '',
        impact: 'galaxy',
        urgency: 'now',
        kind: 'maintenance',
        priority: 'P1',
      });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'impact',
        'kind',
        'priority',
        'title',
        'urgency',
      ]);
      const [{ after }] = await t.dataSource.query(`SELECT count(*)::int AS after FROM tickets`);
      expect(after).toBe(before);
    });
  });

  describe('access', () => {
    it('follows the access matrix on list, read, update, comment and events, answering 404 exactly like a missing ticket', async () => {
      const own = await createTicket(t.dataSource, {
        requesterId: employee.id,
        departmentId: finance.id,
        queueId: serviceDesk,
        title: 'own-ticket',
      });
      const others = await createTicket(t.dataSource, {
        requesterId: officer.id,
        departmentId: police.id,
        queueId: serviceDesk,
        title: 'others-ticket',
      });
      const secret = await createTicket(t.dataSource, {
        requesterId: officer.id,
        departmentId: police.id,
        queueId: restrictedQueue,
        title: 'restricted-ticket',
      });
      const expected: Record<keyof typeof as, string[]> = {
        employee: [own.id],
        officer: [others.id, secret.id],
        tech: [own.id, others.id],
        insider: [own.id, others.id, secret.id],
        manager: [own.id, others.id],
      };
      const missing = '00000000-0000-4000-8000-000000000000';
      for (const [who, client] of Object.entries(as) as [keyof typeof as, ApiClient][]) {
        const list = await client.get('/api/tickets?limit=100');
        const listed = list.body.items.map((i: { id: string }) => i.id);
        for (const ticket of [own, others, secret]) {
          const visible = expected[who].includes(ticket.id);
          expect([who, ticket.id, listed.includes(ticket.id)]).toEqual([who, ticket.id, visible]);
          const reads = [
            await client.get(`/api/tickets/${ticket.id}`),
            await client.get(`/api/tickets/${ticket.number}`),
            await client.get(`/api/tickets/${ticket.id}/events`),
            await client.get(`/api/tickets/${ticket.id}/comments`),
          ];
          for (const res of reads) expect([who, ticket.id, res.status]).toEqual([who, ticket.id, visible ? 200 : 404]);
          if (!visible) {
            const writes = [
              await client.patch(`/api/tickets/${ticket.id}`, { version: 1, title: 'hijacked' }),
              await client.post(`/api/tickets/${ticket.id}/comments`, { body: 'hello' }),
              await client.post(`/api/tickets/${ticket.id}/confirm`, {}),
            ];
            const missingAnswer = await client.patch(`/api/tickets/${missing}`, { version: 1, title: 'x' });
            for (const res of writes) {
              expect(res.status).toBe(404);
              expect(res.body).toEqual(missingAnswer.body);
            }
          }
        }
      }
      const [{ title }] = await t.dataSource.query(`SELECT title FROM tickets WHERE id = $1`, [secret.id]);
      expect(title).toBe('restricted-ticket');
      expect(await t.dataSource.query(`SELECT 1 FROM ticket_comments WHERE ticket_id = $1`, [secret.id])).toEqual([]);
    });

    it('refuses staff-only fields from a requester, naming them, and changes nothing', async () => {
      const own = await createTicket(t.dataSource, { requesterId: employee.id, departmentId: finance.id, queueId: serviceDesk });
      const res = await as.employee.patch(`/api/tickets/${own.id}`, {
        version: 1,
        assigneeId: tech.id,
        priority: 'P1',
        queueId: restrictedQueue,
        requesterId: officer.id,
      });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden_fields');
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'assigneeId',
        'priority',
        'queueId',
        'requesterId',
      ]);
      const unknown = await as.employee.patch(`/api/tickets/${own.id}`, { version: 1, costCents: 5, number: 'INC-1' });
      expect(unknown.status).toBe(400);
      const [row] = await t.dataSource.query(`SELECT assignee_id, priority, version FROM tickets WHERE id = $1`, [own.id]);
      expect(row).toEqual({ assignee_id: null, priority: 'P4', version: 1 });
      const allowed = await as.employee.patch(`/api/tickets/${own.id}`, { version: 1, title: 'Clearer title' });
      expect(allowed.status).toBe(200);
      expect(allowed.body.title).toBe('Clearer title');
    });

    it('never shows internal notes or staff-only events to the requester', async () => {
      const own = await as.employee.post('/api/tickets', { title: 'VPN drops', impact: 'one_person', urgency: 'work_degraded' });
      await as.tech.patch(`/api/tickets/${own.body.id}`, { version: 1, assigneeId: tech.id });
      await as.tech.post(`/api/tickets/${own.body.id}/comments`, { body: 'INTERNAL: user is on old client', internal: true });
      await as.tech.post(`/api/tickets/${own.body.id}/comments`, { body: 'Please update your VPN client.' });
      const requesterView = await as.employee.get(`/api/tickets/${own.body.id}/comments`);
      expect(requesterView.body.items.map((c: { body: string }) => c.body)).toEqual(['Please update your VPN client.']);
      const staffView = await as.tech.get(`/api/tickets/${own.body.id}/comments`);
      expect(staffView.body.items).toHaveLength(2);
      const events = await as.employee.get(`/api/tickets/${own.body.id}/events`);
      expect(JSON.stringify(events.body)).not.toContain('"internal":true');
      expect(events.body.items.map((e: { type: string }) => e.type)).not.toContain('assigned');
      const internalByRequester = await as.employee.post(`/api/tickets/${own.body.id}/comments`, {
        body: 'sneaky',
        internal: true,
      });
      expect(internalByRequester.status).toBe(403);
    });
  });

  describe('workflow', () => {
    it('takes, works, resolves and closes a ticket, recording each change in the trail', async () => {
      const filed = await as.employee.post('/api/tickets', {
        title: 'Monitor dead',
        impact: 'one_person',
        urgency: 'work_stopped',
      });
      const id = filed.body.id as string;
      const taken = await as.tech.patch(`/api/tickets/${id}`, { version: 1, assigneeId: tech.id });
      expect(taken.body).toMatchObject({ status: 'assigned', assignee: { id: tech.id }, version: 2 });
      expect(taken.body.allowedStatuses).toEqual(expect.arrayContaining(['in_progress', 'resolved']));
      const working = await as.tech.patch(`/api/tickets/${id}`, { version: 2, status: 'in_progress' });
      expect(working.body.firstResponseAt).toBe(t.clock.now().toISOString());
      const invalid = await as.tech.patch(`/api/tickets/${id}`, { version: 3, status: 'closed' });
      expect(invalid.status).toBe(409);
      expect(invalid.body.code).toBe('invalid_transition');
      const resolved = await as.tech.patch(`/api/tickets/${id}`, { version: 3, status: 'resolved' });
      expect(resolved.body.resolvedAt).not.toBeNull();
      const requesterView = await as.employee.get(`/api/tickets/${id}`);
      expect(requesterView.body.can).toMatchObject({ confirm: true, reopen: true });
      const closed = await as.employee.post(`/api/tickets/${id}/confirm`, {});
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
      const trail = await as.tech.get(`/api/tickets/${id}/events`);
      expect(trail.body.items.map((e: { type: string }) => e.type)).toEqual([
        'created',
        'assigned',
        'status_changed',
        'status_changed',
        'status_changed',
        'status_changed',
        'confirmed',
      ]);
      expect(trail.body.items[1].data).toEqual({ from: null, to: tech.id, fromName: null, toName: 'Taylor Tech' });
      expect(trail.body.items[2].data).toEqual({ from: 'new', to: 'assigned' });
      expect(trail.body.items[3].data).toEqual({ from: 'assigned', to: 'in_progress' });
      const reply = await as.employee.post(`/api/tickets/${id}/comments`, { body: 'thanks' });
      expect(reply.status).toBe(409);
    });

    it('moves a ticket waiting on the requester back to in_progress when they reply, and reopens a resolved one', async () => {
      const filed = await as.employee.post('/api/tickets', {
        title: 'Shared drive missing',
        impact: 'one_person',
        urgency: 'work_degraded',
      });
      const id = filed.body.id as string;
      await as.tech.patch(`/api/tickets/${id}`, { version: 1, assigneeId: tech.id, status: 'waiting_on_requester' });
      await as.employee.post(`/api/tickets/${id}/comments`, { body: 'It is the S: drive' });
      let now = await as.tech.get(`/api/tickets/${id}`);
      expect(now.body.status).toBe('in_progress');
      await as.tech.patch(`/api/tickets/${id}`, { version: now.body.version, status: 'resolved' });
      await as.employee.post(`/api/tickets/${id}/comments`, { body: 'Gone again this morning' });
      now = await as.tech.get(`/api/tickets/${id}`);
      expect(now.body).toMatchObject({ status: 'in_progress', reopenCount: 1, resolvedAt: null });
      const trail = await as.employee.get(`/api/tickets/${id}/events`);
      expect(trail.body.items.map((e: { type: string }) => e.type)).toContain('reopened');
      await as.tech.patch(`/api/tickets/${id}`, { version: now.body.version, status: 'resolved' });
      const reopened = await as.employee.post(`/api/tickets/${id}/reopen`, { reason: 'Still broken' });
      expect(reopened.body).toMatchObject({ status: 'in_progress', reopenCount: 2 });
    });

    it('recomputes priority from impact and urgency, and keeps a staff override with its reason', async () => {
      const filed = await as.employee.post('/api/tickets', { title: 'Slow PC', impact: 'one_person', urgency: 'can_wait' });
      expect(filed.body.priority).toBe('P4');
      const wider = await as.tech.patch(`/api/tickets/${filed.body.id}`, {
        version: 1,
        impact: 'department',
        urgency: 'work_stopped',
      });
      expect(wider.body.priority).toBe('P1');
      const noReason = await as.tech.patch(`/api/tickets/${filed.body.id}`, { version: 2, priority: 'P3' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.details[0].field).toBe('priorityReason');
      const overridden = await as.tech.patch(`/api/tickets/${filed.body.id}`, {
        version: 2,
        priority: 'P3',
        priorityReason: 'Workaround in place',
      });
      expect(overridden.body).toMatchObject({ priority: 'P3', priorityOverrideReason: 'Workaround in place' });
      const still = await as.tech.patch(`/api/tickets/${filed.body.id}`, { version: 3, urgency: 'work_degraded' });
      expect(still.body.priority).toBe('P3');
    });

    it('refuses an assignee outside a restricted queue, and a requester as assignee', async () => {
      const secret = await createTicket(t.dataSource, {
        requesterId: officer.id,
        departmentId: police.id,
        queueId: restrictedQueue,
      });
      const res = await as.insider.patch(`/api/tickets/${secret.id}`, { version: 1, assigneeId: tech.id });
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe('assigneeId');
      const requester = await as.insider.patch(`/api/tickets/${secret.id}`, { version: 1, assigneeId: officer.id });
      expect(requester.status).toBe(400);
    });

    it('gives exactly one of 20 concurrent PATCHes with the same version, and 19 × 409 with the current version', async () => {
      const ticket = await createTicket(t.dataSource, {
        requesterId: employee.id,
        departmentId: finance.id,
        queueId: serviceDesk,
      });
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => as.tech.patch(`/api/tickets/${ticket.id}`, { version: 1, title: `Racer ${i}` })),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(19);
      for (const r of results.filter((x) => x.status === 409))
        expect(r.body).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
      const [row] = await t.dataSource.query(`SELECT version FROM tickets WHERE id = $1`, [ticket.id]);
      expect(row.version).toBe(2);
      const [{ changes }] = await t.dataSource.query(
        `SELECT count(*)::int AS changes FROM ticket_events WHERE ticket_id = $1 AND type = 'field_changed'`,
        [ticket.id],
      );
      expect(changes).toBe(1);
    });

    it('keeps the event log append-only in the database itself', async () => {
      const ticket = await createTicket(t.dataSource, {
        requesterId: employee.id,
        departmentId: finance.id,
        queueId: serviceDesk,
      });
      await expect(t.dataSource.query(`UPDATE ticket_events SET type = 'x' WHERE ticket_id = $1`, [ticket.id])).rejects.toThrow(
        /append-only/,
      );
      await expect(t.dataSource.query(`DELETE FROM ticket_events WHERE ticket_id = $1`, [ticket.id])).rejects.toThrow(
        /append-only/,
      );
    });
  });

  describe('lists and counts', () => {
    let listQueue: string;
    beforeAll(async () => {
      [{ id: listQueue }] = await t.dataSource.query(`INSERT INTO queues (name) VALUES ('Listing') RETURNING id`);
      await t.dataSource.query(`INSERT INTO queue_members (queue_id, user_id) VALUES ($1, $2)`, [listQueue, tech.id]);
      for (let i = 0; i < 120; i++) {
        await createTicket(t.dataSource, {
          requesterId: employee.id,
          departmentId: finance.id,
          queueId: listQueue,
          title: i === 7 ? 'Badge reader broken at the north entrance' : `Listed ${i}`,
          dueAt: i % 10 === 0 ? null : new Date(Date.UTC(2026, 2, 3, 0, 120 - i)),
          assigneeId: i % 3 === 0 ? tech.id : null,
          status: i % 20 === 19 ? 'resolved' : 'new',
        });
      }
    });

    it('sorts by due time with tickets without one last, and pages by cursor without gaps or repeats', async () => {
      const seen: { id: string; dueAt: string | null }[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: { id: string; dueAt: string | null }[]; nextCursor: string | null } } = await as.tech.get(
          `/api/tickets?queueId=${listQueue}&limit=25&sort=due${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(120);
      expect(new Set(seen.map((s) => s.id)).size).toBe(120);
      const dues = seen.map((s) => (s.dueAt ? Date.parse(s.dueAt) : Infinity));
      expect(dues).toEqual([...dues].sort((a, b) => a - b));
      expect(seen.slice(-12).every((s) => s.dueAt === null)).toBe(true);
    });

    it('filters by status set, assignee me/none, requester me and text', async () => {
      const open = await as.tech.get(`/api/tickets?queueId=${listQueue}&status=new,assigned&limit=100`);
      expect(open.body.items).toHaveLength(100);
      const mine = await as.tech.get(`/api/tickets?queueId=${listQueue}&assigneeId=me&limit=100`);
      expect(mine.body.items).toHaveLength(40);
      const none = await as.tech.get(`/api/tickets?queueId=${listQueue}&assigneeId=none&limit=100`);
      expect(none.body.items).toHaveLength(80);
      const found = await as.tech.get(`/api/tickets?q=${encodeURIComponent('badge reader')}`);
      expect(found.body.items.map((i: { title: string }) => i.title)).toEqual(['Badge reader broken at the north entrance']);
      const byNumber = await as.tech.get(`/api/tickets?q=${found.body.items[0].number}`);
      expect(byNumber.body.items).toHaveLength(1);
      const requesterMine = await as.employee.get(`/api/tickets?requesterId=me&limit=5`);
      expect(requesterMine.body.items.every((i: { requester: { id: string } }) => i.requester.id === employee.id)).toBe(true);
      expect((await as.tech.get('/api/tickets?sort=password')).status).toBe(400);
      expect((await as.tech.get('/api/tickets?status=new,bogus')).status).toBe(400);
      expect((await as.tech.get('/api/tickets?limit=101')).status).toBe(400);
      expect((await as.tech.get('/api/tickets?cursor=abc')).status).toBe(400);
    });

    it('runs the same number of SQL statements for 10 rows as for 100', async () => {
      await as.tech.get('/api/auth/me'); // the session's last-seen time is refreshed at most once a minute
      t.statements.reset();
      const ten = await as.tech.get(`/api/tickets?queueId=${listQueue}&limit=10`);
      const forTen = t.statements.count;
      t.statements.reset();
      const hundred = await as.tech.get(`/api/tickets?queueId=${listQueue}&limit=100`);
      const forHundred = t.statements.count;
      expect(ten.body.items).toHaveLength(10);
      expect(hundred.body.items).toHaveLength(100);
      expect(forHundred).toBe(forTen);
      expect(forTen).toBeLessThanOrEqual(3);
    });

    it('gives badge counts per queue and for mine and unassigned', async () => {
      const res = await as.tech.get('/api/tickets/counts');
      expect(res.status).toBe(200);
      const listing = res.body.queues.find((q: { queueId: string }) => q.queueId === listQueue);
      expect(listing).toEqual({ queueId: listQueue, name: 'Listing', open: 114, unassigned: 76 });
      expect(res.body.queues.map((q: { queueId: string }) => q.queueId)).not.toContain(restrictedQueue);
      expect(res.body.mine).toBeGreaterThanOrEqual(38);
      expect((await as.employee.get('/api/tickets/counts')).status).toBe(403);
    });
  });
});
