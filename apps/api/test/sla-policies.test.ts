import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { SlaPoliciesService } from '../src/modules/sla-policies/sla-policies.service.js';
import { createDepartment, createUser, type DepartmentRecord, type UserRecord } from './factories/identity.factory.js';
import { createCategory, createQueue, type CategoryRecord } from './factories/reference.factory.js';
import { startTestApp, type ApiClient, type TestApp } from './support/test-app.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('SLA policies', () => {
  let t: TestApp;
  let admin: ApiClient;
  let tech: ApiClient;
  let requester: ApiClient;
  let adminUser: UserRecord;
  let works: DepartmentRecord;
  let library: DepartmentRecord;
  let network: CategoryRecord;

  beforeAll(async () => {
    t = await startTestApp();
    [admin, tech, requester] = [t.client(), t.client(), t.client()];
    for (const [client, role] of [
      [admin, 'admin'],
      [tech, 'technician'],
      [requester, 'requester'],
    ] as const) {
      const user = await createUser(t.dataSource, { role });
      if (role === 'admin') adminUser = user;
      await client.login(user.email, user.password);
    }
    works = await createDepartment(t.dataSource, { name: 'Public Works' });
    library = await createDepartment(t.dataSource, { name: 'Library' });
    const queue = await createQueue(t.dataSource);
    network = await createCategory(t.dataSource, { name: 'Network', defaultQueueId: queue.id });
  });
  afterAll(() => t.close());
  // Every test starts from no policies, so order and matching are the test's own.
  beforeEach(async () => {
    await t.dataSource.query(`DROP TABLE IF EXISTS matched_versions`);
    await t.dataSource.query(`DELETE FROM sla_policies`);
  });

  const create = async (body: Record<string, unknown>): Promise<any> => {
    const res = await admin.post('/api/sla-policies', body);
    expect(res.status).toBe(201);
    return res.body;
  };
  const order = (ids: unknown) => admin.request<any>('PUT', '/api/sla-policies/order', { ids });
  const fieldsOf = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field).sort();

  it('creates a policy as version 1 at the end of the order; staff read, only admins write', async () => {
    const first = await create({
      name: 'P1 incidents',
      kinds: ['incident'],
      priorities: ['P1'],
      departmentIds: [works.id],
      categoryIds: [network.id],
      firstResponseMinutes: 15,
      resolutionMinutes: 240,
      escalations: [
        { target: 'resolution', percent: 75, level: 1, actions: ['notify_assignee'] },
        { target: 'resolution', percent: 100, level: 2, actions: ['notify_queue_lead', 'raise_priority'] },
      ],
    });
    expect(first).toMatchObject({
      position: 1,
      active: true,
      version: 1,
      name: 'P1 incidents',
      kinds: ['incident'],
      priorities: ['P1'],
      departmentIds: [works.id],
      categoryIds: [network.id],
      firstResponseMinutes: 15,
      resolutionMinutes: 240,
      nextResponseMinutes: null,
      pauseStatuses: ['waiting_on_requester', 'waiting_on_vendor'],
      calendarId: null,
    });
    expect(first.escalations).toHaveLength(2);
    expect(first.versions).toEqual([
      expect.objectContaining({ version: 1, id: first.versionId, createdById: adminUser.id, createdBy: adminUser.name }),
    ]);
    const fallback = await create({ name: 'Everything else', resolutionMinutes: 2400 });
    expect(fallback).toMatchObject({ position: 2, kinds: [], priorities: [], departmentIds: [], categoryIds: [] });

    const list = await tech.get('/api/sla-policies');
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { name: string }) => p.name)).toEqual(['P1 incidents', 'Everything else']);
    expect((await tech.get(`/api/sla-policies/${first.id}`)).body.name).toBe('P1 incidents');

    expect((await requester.get('/api/sla-policies')).status).toBe(403);
    expect((await requester.get(`/api/sla-policies/${first.id}`)).status).toBe(403);
    expect((await tech.post('/api/sla-policies', { name: 'Tech', resolutionMinutes: 60 })).status).toBe(403);
    expect((await tech.patch(`/api/sla-policies/${first.id}`, { name: 'Tech' })).status).toBe(403);
    expect((await tech.post(`/api/sla-policies/${first.id}/deactivate`)).status).toBe(403);
    expect((await tech.delete(`/api/sla-policies/${first.id}`)).status).toBe(403);
    expect((await tech.request('PUT', '/api/sla-policies/order', { ids: [fallback.id, first.id] })).status).toBe(403);
    expect((await admin.get(`/api/sla-policies/${MISSING}`)).status).toBe(404);
    expect((await admin.get('/api/sla-policies/not-a-uuid')).status).toBe(404);
  });

  it('PATCH makes a new version with the merged fields and leaves the old version row untouched', async () => {
    const policy = await create({ name: 'Standard', priorities: ['P3'], firstResponseMinutes: 60, resolutionMinutes: 960 });
    const [before] = await t.dataSource.query(`SELECT * FROM sla_policy_versions WHERE id = $1`, [policy.versionId]);
    t.clock.advance(5 * 60_000);
    const patched = await admin.patch(`/api/sla-policies/${policy.id}`, { name: 'Standard (faster)', resolutionMinutes: 480 });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      id: policy.id,
      version: 2,
      name: 'Standard (faster)',
      priorities: ['P3'],
      firstResponseMinutes: 60,
      resolutionMinutes: 480,
    });
    expect(patched.body.versionId).not.toBe(policy.versionId);
    expect(patched.body.versions.map((v: { version: number; name: string }) => [v.version, v.name])).toEqual([
      [2, 'Standard (faster)'],
      [1, 'Standard'],
    ]);
    const [after] = await t.dataSource.query(`SELECT * FROM sla_policy_versions WHERE id = $1`, [policy.versionId]);
    expect(after).toEqual(before);
    expect(after.resolution_minutes).toBe(960);

    // Clearing a nullable field is an edit too; an unknown policy is 404.
    const cleared = await admin.patch(`/api/sla-policies/${policy.id}`, { firstResponseMinutes: null });
    expect(cleared.body).toMatchObject({ version: 3, firstResponseMinutes: null, resolutionMinutes: 480 });
    expect((await admin.patch(`/api/sla-policies/${MISSING}`, { name: 'x' })).status).toBe(404);
  });

  it('reorders every policy in one go and refuses order lists that are not every policy exactly once', async () => {
    const a = await create({ name: 'A', resolutionMinutes: 60 });
    const b = await create({ name: 'B', resolutionMinutes: 60 });
    const c = await create({ name: 'C', resolutionMinutes: 60 });
    const reordered = await order([c.id, a.id, b.id]);
    expect(reordered.status).toBe(200);
    expect(reordered.body.items.map((p: { name: string; position: number }) => [p.name, p.position])).toEqual([
      ['C', 1],
      ['A', 2],
      ['B', 3],
    ]);
    for (const bad of [[c.id, a.id], [c.id, a.id, b.id, b.id], [c.id, a.id, MISSING], [c.id, a.id, b.id, MISSING], 'nope']) {
      const res = await order(bad);
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['ids']);
    }
    expect((await tech.get('/api/sla-policies')).body.items.map((p: { name: string }) => p.name)).toEqual(['C', 'A', 'B']);
    // A new policy goes after the last one.
    expect((await create({ name: 'D', resolutionMinutes: 60 })).position).toBe(4);
  });

  it('activates and deactivates a policy and deletes one with its versions', async () => {
    const policy = await create({ name: 'Seasonal', resolutionMinutes: 60 });
    const off = await admin.post(`/api/sla-policies/${policy.id}/deactivate`);
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await tech.get('/api/sla-policies')).body.items[0].active).toBe(false);
    const on = await admin.post(`/api/sla-policies/${policy.id}/activate`);
    expect(on.body.active).toBe(true);
    expect((await admin.post(`/api/sla-policies/${MISSING}/activate`)).status).toBe(404);

    await admin.patch(`/api/sla-policies/${policy.id}`, { resolutionMinutes: 120 });
    expect((await admin.delete(`/api/sla-policies/${policy.id}`)).status).toBe(204);
    expect((await admin.get(`/api/sla-policies/${policy.id}`)).status).toBe(404);
    expect(await t.dataSource.query(`SELECT id FROM sla_policy_versions WHERE policy_id = $1`, [policy.id])).toEqual([]);
    expect((await admin.delete(`/api/sla-policies/${policy.id}`)).status).toBe(404);
  });

  it('refuses (409) to delete a policy whose version something references with ON DELETE RESTRICT', async () => {
    // Stands in for the coming tickets.sla_policy_version_id (this test app has its own database).
    await t.dataSource.query(
      `CREATE TABLE matched_versions (version_id uuid NOT NULL REFERENCES sla_policy_versions (id) ON DELETE RESTRICT)`,
    );
    const policy = await create({ name: 'Matched', resolutionMinutes: 60 });
    await admin.patch(`/api/sla-policies/${policy.id}`, { resolutionMinutes: 90 });
    await t.dataSource.query(`INSERT INTO matched_versions VALUES ($1)`, [policy.versionId]);
    const refused = await admin.delete(`/api/sla-policies/${policy.id}`);
    expect([refused.status, refused.body.code]).toEqual([409, 'conflict']);
    expect((await admin.get(`/api/sla-policies/${policy.id}`)).body.version).toBe(2);
    await t.dataSource.query(`DROP TABLE matched_versions`);
    expect((await admin.delete(`/api/sla-policies/${policy.id}`)).status).toBe(204);
  });

  it('refuses invalid input, naming the fields', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ name: 'No targets' }, ['firstResponseMinutes', 'resolutionMinutes']],
      [{ name: 'Both null', firstResponseMinutes: null, resolutionMinutes: null }, ['firstResponseMinutes', 'resolutionMinutes']],
      [{ name: 'Zero', resolutionMinutes: 0 }, ['resolutionMinutes']],
      [{ name: 'Huge', firstResponseMinutes: 10_000_001, resolutionMinutes: 60 }, ['firstResponseMinutes']],
      [{ name: 'Fraction', resolutionMinutes: 60, nextResponseMinutes: 1.5 }, ['nextResponseMinutes']],
      [{ name: '', resolutionMinutes: 60 }, ['name']],
      [{ name: 'Kind', kinds: ['problem'], resolutionMinutes: 60 }, ['kinds']],
      [{ name: 'Priority', priorities: ['P9'], resolutionMinutes: 60 }, ['priorities']],
      [{ name: 'Pause', pauseStatuses: ['resolved'], resolutionMinutes: 60 }, ['pauseStatuses']],
      [{ name: 'Calendar', calendarId: MISSING, resolutionMinutes: 60 }, ['calendarId']],
      [{ name: 'Departments', departmentIds: [works.id, MISSING], resolutionMinutes: 60 }, ['departmentIds']],
      [{ name: 'Categories', categoryIds: [MISSING], resolutionMinutes: 60 }, ['categoryIds']],
      [
        {
          name: 'Duplicate level',
          resolutionMinutes: 60,
          escalations: [
            { target: 'resolution', percent: 75, level: 1, actions: ['notify_assignee'] },
            { target: 'resolution', percent: 100, level: 1, actions: ['notify_managers'] },
          ],
        },
        ['escalations'],
      ],
      [
        {
          name: 'Escalating a missing target',
          resolutionMinutes: 60,
          escalations: [{ target: 'first_response', percent: 50, level: 1, actions: ['notify_assignee'] }],
        },
        ['escalations'],
      ],
      [
        {
          name: 'Bad percent',
          resolutionMinutes: 60,
          escalations: [{ target: 'resolution', percent: 1001, level: 1, actions: ['notify_assignee'] }],
        },
        ['escalations'],
      ],
      [{ name: 'Unknown field', resolutionMinutes: 60, color: 'red' }, ['color']],
    ];
    for (const [body, fields] of cases) {
      const res = await admin.post('/api/sla-policies', body);
      expect([body.name, res.status]).toEqual([body.name, 400]);
      const named = fieldsOf(res.body);
      for (const field of fields)
        expect(named.some((n) => n === field || n.startsWith(`${field}.`) || n.startsWith(`${field}[`))).toBe(true);
    }
    // The same level on different targets is fine; a PATCH is checked against the merged fields.
    const ok = await create({
      name: 'Levels',
      firstResponseMinutes: 30,
      resolutionMinutes: 60,
      escalations: [
        { target: 'first_response', percent: 100, level: 1, actions: ['notify_assignee'] },
        { target: 'resolution', percent: 100, level: 1, actions: ['notify_assignee'] },
      ],
    });
    const patch = await admin.patch(`/api/sla-policies/${ok.id}`, { firstResponseMinutes: null });
    expect(patch.status).toBe(400);
    expect(fieldsOf(patch.body)).toEqual(['escalations']);
    expect((await admin.get('/api/sla-policies')).body.items).toHaveLength(1);
  });

  it('resolveForTicket: first match wins, a conditionless policy is the fallback, inactive policies are skipped', async () => {
    const [city] = await t.dataSource.query(`SELECT id FROM calendars WHERE system_key = 'city_office_hours'`);
    const urgent = await create({
      name: 'Urgent works incidents',
      kinds: ['incident'],
      priorities: ['P1', 'P2'],
      departmentIds: [works.id],
      firstResponseMinutes: 15,
      resolutionMinutes: 240,
      calendarId: city.id,
      pauseStatuses: ['waiting_on_vendor'],
      escalations: [{ target: 'resolution', percent: 75, level: 1, actions: ['notify_assignee', 'raise_priority'] }],
    });
    const networkPolicy = await create({ name: 'Network', categoryIds: [network.id], resolutionMinutes: 600 });
    const incidents = await create({
      name: 'Any incident',
      kinds: ['incident'],
      firstResponseMinutes: 60,
      resolutionMinutes: 960,
    });
    const fallback = await create({ name: 'Fallback', resolutionMinutes: 2400 });
    const service = t.app.get(SlaPoliciesService);
    const resolve = (facts: Partial<Parameters<SlaPoliciesService['resolveForTicket']>[1]>) =>
      service.resolveForTicket(t.dataSource.manager, {
        kind: 'incident',
        priority: 'P1',
        departmentId: works.id,
        categoryId: network.id,
        ...facts,
      });

    expect(await resolve({})).toEqual({
      versionId: urgent.versionId,
      policyId: urgent.id,
      name: expect.any(String),
      version: 1,
      active: true,
      calendarId: city.id,
      escalations: [{ target: 'resolution', percent: 75, level: 1, actions: expect.any(Array) }],
      policy: {
        firstResponseMinutes: 15,
        resolutionMinutes: 240,
        nextResponseMinutes: null,
        pauseStatuses: ['waiting_on_vendor'],
        escalations: [{ target: 'resolution', percent: 75, level: 1 }],
      },
    });
    expect((await resolve({ departmentId: library.id }))?.versionId).toBe(networkPolicy.versionId);
    expect((await resolve({ departmentId: library.id, categoryId: null }))?.versionId).toBe(incidents.versionId);
    const fellBack = await resolve({ kind: 'service_request', departmentId: library.id, categoryId: null });
    expect(fellBack).toMatchObject({ versionId: fallback.versionId, calendarId: null });

    // Inactive: skipped. Reordered: the new order decides. Edited: the new version is matched.
    await admin.post(`/api/sla-policies/${urgent.id}/deactivate`);
    expect((await resolve({}))?.versionId).toBe(networkPolicy.versionId);
    await order([incidents.id, urgent.id, networkPolicy.id, fallback.id]);
    expect((await resolve({}))?.versionId).toBe(incidents.versionId);
    const edited = await admin.patch(`/api/sla-policies/${incidents.id}`, { resolutionMinutes: 480 });
    expect(await resolve({})).toMatchObject({ versionId: edited.body.versionId, policy: { resolutionMinutes: 480 } });

    // No active policy matches: null.
    await admin.post(`/api/sla-policies/${fallback.id}/deactivate`);
    expect(await resolve({ kind: 'service_request', departmentId: library.id, categoryId: null })).toBeNull();
  });
});
