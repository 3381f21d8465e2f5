import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDepartment, createUser, type DepartmentRecord, type UserRecord } from './factories/identity.factory.js';
import { createCategory, createQueue } from './factories/reference.factory.js';
import { createTicket, queueId } from './factories/ticket.factory.js';
import { startTestApp, type ApiClient, type TestApp } from './support/test-app.js';

type NonAdmin = 'requester' | 'technician' | 'manager';

describe('queues', () => {
  let t: TestApp;
  let admin: ApiClient;
  let adminUser: UserRecord;
  let dept: DepartmentRecord;
  const as: Record<NonAdmin, ApiClient> = {} as never;
  const users: Record<NonAdmin, UserRecord> = {} as never;

  beforeAll(async () => {
    t = await startTestApp();
    dept = await createDepartment(t.dataSource);
    adminUser = await createUser(t.dataSource, { role: 'admin', name: 'Ada Admin', departmentId: dept.id });
    admin = t.client();
    await admin.login(adminUser.email, adminUser.password);
    for (const role of ['requester', 'technician', 'manager'] as const) {
      users[role] = await createUser(t.dataSource, {
        role,
        name: `${role[0]!.toUpperCase()}${role.slice(1)} Person`,
        departmentId: dept.id,
      });
      as[role] = t.client();
      await as[role].login(users[role].email, users[role].password);
    }
  });
  afterAll(() => t.close());

  it('lets an admin create, read, update and delete a queue', async () => {
    const created = await admin.post('/api/queues', { name: '  Network  ', restricted: true, leadId: users.technician.id });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Network',
      restricted: true,
      systemKey: null,
      lead: { id: users.technician.id, name: users.technician.name },
      members: [],
      createdAt: '2026-03-02T14:00:00.000Z',
      updatedAt: '2026-03-02T14:00:00.000Z',
    });
    const id = created.body.id as string;
    expect((await admin.get(`/api/queues/${id}`)).body).toEqual(created.body);

    t.clock.advance(60_000);
    const updated = await admin.patch(`/api/queues/${id}`, { name: 'Network Ops', restricted: false, leadId: null });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      name: 'Network Ops',
      restricted: false,
      lead: null,
      updatedAt: '2026-03-02T14:01:00.000Z',
    });

    // A PATCH changes only what it names.
    const renamed = await admin.patch(`/api/queues/${id}`, { name: 'Network' });
    expect(renamed.body).toMatchObject({ name: 'Network', restricted: false, lead: null });

    expect((await admin.delete(`/api/queues/${id}`)).status).toBe(204);
    expect((await admin.get(`/api/queues/${id}`)).status).toBe(404);
  });

  it('keeps the restricted flag as set and defaults it to false', async () => {
    const open = await admin.post('/api/queues', { name: 'Field Services' });
    expect(open.body.restricted).toBe(false);
    const restricted = await admin.patch(`/api/queues/${open.body.id}`, { restricted: true });
    expect(restricted.body.restricted).toBe(true);
    const [{ restricted: stored }] = await t.dataSource.query(`SELECT restricted FROM queues WHERE id = $1`, [open.body.id]);
    expect(stored).toBe(true);
  });

  it('lets staff read queues and refuses the list and a queue to requesters', async () => {
    const queue = await createQueue(t.dataSource);
    for (const role of ['technician', 'manager'] as const) {
      expect((await as[role].get('/api/queues')).status).toBe(200);
      expect((await as[role].get(`/api/queues/${queue.id}`)).status).toBe(200);
    }
    const list = await as.requester.get('/api/queues');
    expect(list.status).toBe(403);
    expect(list.body.code).toBe('forbidden');
    expect((await as.requester.get(`/api/queues/${queue.id}`)).status).toBe(403);
  });

  it('refuses every write to technicians, managers and requesters, and changes nothing', async () => {
    const queue = await createQueue(t.dataSource, { name: 'Untouchable' });
    for (const role of ['requester', 'technician', 'manager'] as const) {
      expect((await as[role].post('/api/queues', { name: `By ${role}` })).status).toBe(403);
      expect((await as[role].patch(`/api/queues/${queue.id}`, { name: 'Renamed' })).status).toBe(403);
      expect((await as[role].request<any>('PUT', `/api/queues/${queue.id}/members`, { userIds: [users[role].id] })).status).toBe(
        403,
      );
      expect((await as[role].delete(`/api/queues/${queue.id}`)).status).toBe(403);
    }
    const res = await admin.get(`/api/queues/${queue.id}`);
    expect(res.body).toMatchObject({ name: 'Untouchable', members: [] });
  });

  it('requires the lead to be an active technician, manager or admin, naming leadId', async () => {
    const inactive = await createUser(t.dataSource, { role: 'technician', active: false });
    for (const leadId of [users.requester.id, inactive.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await admin.post('/api/queues', { name: `Led ${leadId}`, leadId });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.details).toEqual([
        { field: 'leadId', messages: ['leadId must name an active technician, manager or admin'] },
      ]);
    }
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM queues WHERE name LIKE 'Led %'`);
    expect(count).toBe(0);
    const managerLed = await admin.post('/api/queues', { name: 'Led by a manager', leadId: users.manager.id });
    expect(managerLed.body.lead).toEqual({ id: users.manager.id, name: users.manager.name });
  });

  it('replaces the member list as a whole, an admin included, ordered by name', async () => {
    const queue = await createQueue(t.dataSource, { memberIds: [users.manager.id] });
    const put = await admin.request<any>('PUT', `/api/queues/${queue.id}/members`, {
      userIds: [users.technician.id, adminUser.id, users.technician.id],
    });
    expect(put.status).toBe(200);
    expect(put.body.members).toEqual([
      { id: adminUser.id, name: 'Ada Admin', role: 'admin' },
      { id: users.technician.id, name: users.technician.name, role: 'technician' },
    ]);
    const stored = await t.dataSource.query(`SELECT user_id FROM queue_members WHERE queue_id = $1 ORDER BY user_id`, [queue.id]);
    expect(stored.map((r: { user_id: string }) => r.user_id)).toEqual([adminUser.id, users.technician.id].sort());

    const emptied = await admin.request<any>('PUT', `/api/queues/${queue.id}/members`, { userIds: [] });
    expect(emptied.body.members).toEqual([]);
  });

  it('refuses a member list naming a requester, an inactive or an unknown user, and keeps the old list', async () => {
    const inactive = await createUser(t.dataSource, { role: 'manager', active: false });
    const queue = await createQueue(t.dataSource, { memberIds: [users.technician.id] });
    for (const bad of [users.requester.id, inactive.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await admin.request<any>('PUT', `/api/queues/${queue.id}/members`, { userIds: [users.manager.id, bad] });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'userIds', messages: [expect.stringContaining(bad)] }]);
    }
    const malformed = await admin.request<any>('PUT', `/api/queues/${queue.id}/members`, { userIds: ['nope'] });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details[0].field).toBe('userIds');
    expect((await admin.get(`/api/queues/${queue.id}`)).body.members.map((m: { id: string }) => m.id)).toEqual([
      users.technician.id,
    ]);
    const missing = await admin.request<any>('PUT', '/api/queues/00000000-0000-4000-8000-000000000000/members', { userIds: [] });
    expect(missing.status).toBe(404);
  });

  it('treats queue names as unique whatever their case', async () => {
    await createQueue(t.dataSource, { name: 'Public Safety Systems' });
    const dup = await admin.post('/api/queues', { name: 'public safety SYSTEMS' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('queue_name_taken');
    const other = await createQueue(t.dataSource);
    const rename = await admin.patch(`/api/queues/${other.id}`, { name: 'PUBLIC SAFETY SYSTEMS' });
    expect(rename.status).toBe(409);
    expect(rename.body.code).toBe('queue_name_taken');
  });

  it('refuses to delete a queue that categories or tickets route to, or a built-in queue', async () => {
    const withCategory = await createQueue(t.dataSource);
    await createCategory(t.dataSource, { defaultQueueId: withCategory.id });
    const res = await admin.delete(`/api/queues/${withCategory.id}`);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'queue_in_use', details: { tickets: 0, categories: 1 } });

    const withTicket = await createQueue(t.dataSource);
    await createTicket(t.dataSource, {
      requesterId: users.requester.id,
      departmentId: dept.id,
      queueId: withTicket.id,
    });
    const ticketed = await admin.delete(`/api/queues/${withTicket.id}`);
    expect(ticketed.status).toBe(409);
    expect(ticketed.body).toMatchObject({ code: 'queue_in_use', details: { tickets: 1, categories: 0 } });

    // The migration creates the built-in queues; an idle one is still refused.
    const builtIn = { id: await queueId(t.dataSource, 'service_desk') };
    const [{ tickets }] = await t.dataSource.query(`SELECT count(*)::int AS tickets FROM tickets WHERE queue_id = $1`, [
      builtIn.id,
    ]);
    expect(tickets).toBe(0);
    const refused = await admin.delete(`/api/queues/${builtIn.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'queue_in_use', details: { systemKey: 'service_desk' } });
    // Built-in queues may still be renamed.
    expect((await admin.patch(`/api/queues/${builtIn.id}`, { name: 'Help Desk' })).body).toMatchObject({
      name: 'Help Desk',
      systemKey: 'service_desk',
    });
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM queues WHERE id = ANY($1::uuid[])`, [
      [withCategory.id, withTicket.id, builtIn.id],
    ]);
    expect(count).toBe(3);
  });

  it('refuses unknown fields, a null name and a systemKey in the body', async () => {
    const res = await admin.post('/api/queues', { name: 'Sneaky', systemKey: 'security' });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'systemKey', messages: ['field systemKey should not exist'] }]);
    const queue = await createQueue(t.dataSource);
    const nullName = await admin.patch(`/api/queues/${queue.id}`, { name: null });
    expect(nullName.status).toBe(400);
    expect(nullName.body.details[0].field).toBe('name');
  });

  it('lists every queue with its lead and members, in the same number of statements however many queues there are', async () => {
    const statements = async () => {
      t.statements.reset();
      expect((await admin.get('/api/queues')).status).toBe(200);
      return t.statements.count;
    };
    const before = await statements();
    for (let i = 0; i < 5; i++) {
      await createQueue(t.dataSource, {
        name: `Bulk ${i}`,
        leadId: users.manager.id,
        memberIds: [users.technician.id, users.manager.id],
      });
    }
    expect(await statements()).toBe(before);

    const list = await admin.get('/api/queues');
    const bulk = list.body.items.filter((q: { name: string }) => q.name.startsWith('Bulk '));
    expect(bulk.map((q: { name: string }) => q.name)).toEqual(['Bulk 0', 'Bulk 1', 'Bulk 2', 'Bulk 3', 'Bulk 4']);
    for (const q of bulk) {
      expect(q.lead).toEqual({ id: users.manager.id, name: users.manager.name });
      expect(q.members).toEqual([
        { id: users.manager.id, name: 'Manager Person', role: 'manager' },
        { id: users.technician.id, name: 'Technician Person', role: 'technician' },
      ]);
    }
  });
});
