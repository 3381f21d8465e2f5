import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDepartment, createUser, type DepartmentRecord, type UserRecord } from './factories/identity.factory.js';
import { createCategory, createQueue, type QueueRecord } from './factories/reference.factory.js';
import { createTicket, queueId } from './factories/ticket.factory.js';
import { startTestApp, type ApiClient, type TestApp } from './support/test-app.js';

type NonAdmin = 'requester' | 'technician' | 'manager';

describe('categories', () => {
  let t: TestApp;
  let admin: ApiClient;
  let dept: DepartmentRecord;
  let queue: QueueRecord;
  let securityQueueId: string;
  let phishingId: string;
  const as: Record<NonAdmin, ApiClient> = {} as never;
  const users: Record<NonAdmin, UserRecord> = {} as never;

  beforeAll(async () => {
    t = await startTestApp();
    dept = await createDepartment(t.dataSource);
    const adminUser = await createUser(t.dataSource, { role: 'admin' });
    admin = t.client();
    await admin.login(adminUser.email, adminUser.password);
    for (const role of ['requester', 'technician', 'manager'] as const) {
      users[role] = await createUser(t.dataSource, { role, departmentId: dept.id });
      as[role] = t.client();
      await as[role].login(users[role].email, users[role].password);
    }
    queue = await createQueue(t.dataSource, { name: 'Field Services' });
    securityQueueId = await queueId(t.dataSource, 'security');
    [{ id: phishingId }] = await t.dataSource.query(`SELECT id FROM categories WHERE system_key = 'security_phishing'`);
  });
  afterAll(() => t.close());

  it('lets an admin create, read, update and delete a category', async () => {
    const created = await admin.post('/api/categories', {
      name: ' Printers ',
      defaultQueueId: queue.id,
      defaultKind: 'service_request',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Printers',
      defaultQueue: { id: queue.id, name: 'Field Services' },
      defaultKind: 'service_request',
      systemKey: null,
      active: true,
    });
    const id = created.body.id as string;
    expect((await admin.get(`/api/categories/${id}`)).body).toEqual(created.body);

    const updated = await admin.patch(`/api/categories/${id}`, {
      defaultKind: null,
      active: false,
      defaultQueueId: securityQueueId,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      name: 'Printers',
      defaultKind: null,
      active: false,
      defaultQueue: { id: securityQueueId },
    });

    expect((await admin.delete(`/api/categories/${id}`)).status).toBe(204);
    expect((await admin.get(`/api/categories/${id}`)).status).toBe(404);
  });

  it('shows requesters active categories only, and staff inactive ones when they ask', async () => {
    const active = await createCategory(t.dataSource, { defaultQueueId: queue.id, name: 'Telecom' });
    const inactive = await createCategory(t.dataSource, { defaultQueueId: queue.id, name: 'Fax machines', active: false });
    const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((c) => c.name);

    for (const path of ['/api/categories', '/api/categories?includeInactive=true']) {
      const res = await as.requester.get(path);
      expect(res.status).toBe(200);
      expect(names(res)).toContain('Telecom');
      expect(names(res)).not.toContain('Fax machines');
    }
    expect(names(await as.technician.get('/api/categories'))).not.toContain('Fax machines');
    const all = await as.technician.get('/api/categories?includeInactive=true');
    expect(names(all)).toEqual(expect.arrayContaining(['Telecom', 'Fax machines', 'Security / phishing']));
    // Ordered by name, case-insensitively.
    expect(names(all)).toEqual([...names(all)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));

    const hidden = await as.requester.get(`/api/categories/${inactive.id}`);
    const missing = await as.requester.get('/api/categories/00000000-0000-4000-8000-000000000000');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    expect((await as.requester.get(`/api/categories/${active.id}`)).status).toBe(200);
    expect((await as.manager.get(`/api/categories/${inactive.id}`)).status).toBe(200);
    expect((await as.technician.get('/api/categories?includeInactive=maybe')).status).toBe(400);
  });

  it('refuses every write to technicians, managers and requesters', async () => {
    const category = await createCategory(t.dataSource, { defaultQueueId: queue.id });
    for (const role of ['requester', 'technician', 'manager'] as const) {
      expect((await as[role].post('/api/categories', { name: `By ${role}`, defaultQueueId: queue.id })).status).toBe(403);
      expect((await as[role].patch(`/api/categories/${category.id}`, { name: 'Renamed' })).status).toBe(403);
      expect((await as[role].delete(`/api/categories/${category.id}`)).status).toBe(403);
    }
    expect((await admin.get(`/api/categories/${category.id}`)).body.name).toBe(category.name);
  });

  it('refuses an unknown queue, kind or field, naming it', async () => {
    const noQueue = await admin.post('/api/categories', {
      name: 'Orphan',
      defaultQueueId: '00000000-0000-4000-8000-000000000000',
    });
    expect(noQueue.status).toBe(400);
    expect(noQueue.body.details).toEqual([{ field: 'defaultQueueId', messages: ['defaultQueueId names no queue'] }]);
    const badKind = await admin.post('/api/categories', { name: 'Odd', defaultQueueId: queue.id, defaultKind: 'project' });
    expect(badKind.status).toBe(400);
    expect(badKind.body.details[0].field).toBe('defaultKind');
    const sneaky = await admin.post('/api/categories', { name: 'Sneaky', defaultQueueId: queue.id, systemKey: 'x' });
    expect(sneaky.status).toBe(400);
    expect(sneaky.body.details).toEqual([{ field: 'systemKey', messages: ['field systemKey should not exist'] }]);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM categories WHERE name IN ('Orphan', 'Odd', 'Sneaky')`,
    );
    expect(count).toBe(0);
  });

  it('treats category names as unique whatever their case', async () => {
    const dup = await admin.post('/api/categories', { name: 'SECURITY / Phishing', defaultQueueId: queue.id });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('category_name_taken');
    const other = await createCategory(t.dataSource, { defaultQueueId: queue.id });
    const rename = await admin.patch(`/api/categories/${other.id}`, { name: 'security / phishing' });
    expect(rename.status).toBe(409);
    expect(rename.body.code).toBe('category_name_taken');
  });

  describe('the built-in phishing category', () => {
    it('may be renamed and keep routing to the security queue', async () => {
      const res = await admin.patch(`/api/categories/${phishingId}`, {
        name: 'Suspicious e-mail',
        defaultQueueId: securityQueueId,
        active: true,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        name: 'Suspicious e-mail',
        systemKey: 'security_phishing',
        active: true,
        defaultQueue: { id: securityQueueId },
      });
    });

    it('may not be deactivated, routed elsewhere or deleted', async () => {
      const deactivate = await admin.patch(`/api/categories/${phishingId}`, { active: false });
      expect(deactivate.status).toBe(409);
      expect(deactivate.body.details).toEqual([{ field: 'active', messages: ['Built-in categories cannot be deactivated'] }]);

      const reroute = await admin.patch(`/api/categories/${phishingId}`, { defaultQueueId: queue.id });
      expect(reroute.status).toBe(409);
      expect(reroute.body.details[0].field).toBe('defaultQueueId');

      const serviceDesk = await admin.patch(`/api/categories/${phishingId}`, {
        defaultQueueId: await queueId(t.dataSource, 'service_desk'),
      });
      expect(serviceDesk.status).toBe(409);

      const remove = await admin.delete(`/api/categories/${phishingId}`);
      expect(remove.status).toBe(409);
      expect(remove.body.code).toBe('category_in_use');

      const [row] = await t.dataSource.query(`SELECT active, default_queue_id FROM categories WHERE id = $1`, [phishingId]);
      expect(row).toEqual({ active: true, default_queue_id: securityQueueId });
    });
  });

  it('refuses to delete a category that tickets use (deactivate it instead)', async () => {
    const category = await createCategory(t.dataSource, { defaultQueueId: queue.id });
    const ticket = await createTicket(t.dataSource, {
      requesterId: users.requester.id,
      departmentId: dept.id,
      queueId: queue.id,
    });
    await t.dataSource.query(`UPDATE tickets SET category_id = $1 WHERE id = $2`, [category.id, ticket.id]);
    const res = await admin.delete(`/api/categories/${category.id}`);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'category_in_use', details: { tickets: 1 } });
    expect((await admin.patch(`/api/categories/${category.id}`, { active: false })).body.active).toBe(false);
  });
});
