import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDepartment, createUser, type UserRecord } from './factories/identity.factory.js';
import { startTestApp, type ApiClient, type TestApp } from './support/test-app.js';

describe('departments and users (admin)', () => {
  let t: TestApp;
  let admin: ApiClient;
  let adminUser: UserRecord;
  const as: Record<'requester' | 'technician' | 'manager', ApiClient> = {} as never;
  const users: Record<'requester' | 'technician' | 'manager', UserRecord> = {} as never;

  beforeAll(async () => {
    t = await startTestApp();
    adminUser = await createUser(t.dataSource, { role: 'admin' });
    admin = t.client();
    await admin.login(adminUser.email, adminUser.password);
    for (const role of ['requester', 'technician', 'manager'] as const) {
      users[role] = await createUser(t.dataSource, { role });
      as[role] = t.client();
      await as[role].login(users[role].email, users[role].password);
    }
  });
  afterAll(() => t.close());

  describe('departments', () => {
    it('lets an admin create, read, update and delete a department', async () => {
      const created = await admin.post('/api/departments', { name: '  Harbor Patrol ', code: 'HARBOR', lifeSafety: true });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'Harbor Patrol', code: 'HARBOR', lifeSafety: true });
      const id = created.body.id as string;
      expect((await admin.get(`/api/departments/${id}`)).body.name).toBe('Harbor Patrol');
      const updated = await admin.patch(`/api/departments/${id}`, { lifeSafety: false, name: 'Harbor' });
      expect(updated.body).toMatchObject({ name: 'Harbor', lifeSafety: false, code: 'HARBOR' });
      expect((await admin.delete(`/api/departments/${id}`)).status).toBe(204);
      expect((await admin.get(`/api/departments/${id}`)).status).toBe(404);
    });

    it('refuses a duplicate code or name (case-insensitive) with 409', async () => {
      await createDepartment(t.dataSource, { name: 'Water Board', code: 'WATER' });
      const sameCode = await admin.post('/api/departments', { name: 'Other', code: 'WATER' });
      expect(sameCode.status).toBe(409);
      expect(sameCode.body.code).toBe('department_code_taken');
      const sameName = await admin.post('/api/departments', { name: 'water board', code: 'WB2' });
      expect(sameName.status).toBe(409);
      expect(sameName.body.code).toBe('department_name_taken');
    });

    it('refuses a bad code naming the field', async () => {
      const res = await admin.post('/api/departments', { name: 'Lower', code: 'lower case' });
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe('code');
    });

    it('refuses to delete a department that still has users', async () => {
      const dept = await createDepartment(t.dataSource);
      await createUser(t.dataSource, { departmentId: dept.id });
      const res = await admin.delete(`/api/departments/${dept.id}`);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('department_in_use');
      expect((await admin.get(`/api/departments/${dept.id}`)).status).toBe(200);
    });

    it('lets every signed-in user read departments but only admins change them', async () => {
      const dept = await createDepartment(t.dataSource);
      for (const role of ['requester', 'technician', 'manager'] as const) {
        expect((await as[role].get('/api/departments')).status).toBe(200);
        expect((await as[role].post('/api/departments', { name: `By ${role}`, code: `BY${role.length}` })).status).toBe(403);
        expect((await as[role].patch(`/api/departments/${dept.id}`, { name: 'Renamed' })).status).toBe(403);
        expect((await as[role].delete(`/api/departments/${dept.id}`)).status).toBe(403);
      }
      expect((await admin.get(`/api/departments/${dept.id}`)).body.name).toBe(dept.name);
    });
  });

  describe('users', () => {
    it('refuses the user list to a requester, a technician and a manager', async () => {
      for (const role of ['requester', 'technician', 'manager'] as const) {
        const res = await as[role].get('/api/users');
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('forbidden');
      }
    });

    it('lets a user read themself, and answers 404 for anyone else, exactly as for a missing user', async () => {
      const own = await as.requester.get(`/api/users/${users.requester.id}`);
      expect(own.status).toBe(200);
      expect(own.body.email).toBe(users.requester.email);
      const other = await as.requester.get(`/api/users/${users.manager.id}`);
      const missing = await as.requester.get('/api/users/00000000-0000-4000-8000-000000000000');
      expect(other.status).toBe(404);
      expect(other.body).toEqual(missing.body);
    });

    it('lets an admin create a user, who must change the initial password', async () => {
      const dept = await createDepartment(t.dataSource);
      const res = await admin.post('/api/users', {
        email: ' New.Person@City.GOV ',
        name: 'New Person',
        role: 'technician',
        departmentId: dept.id,
        password: 'first-day-password',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        email: 'new.person@city.gov',
        role: 'technician',
        departmentName: dept.name,
        mustChangePassword: true,
        active: true,
      });
      expect(JSON.stringify(res.body)).not.toMatch(/password_?hash|argon/i);
      const [{ password_hash }] = await t.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [res.body.id]);
      expect(password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      const c = t.client();
      const login = await c.login('new.person@city.gov', 'first-day-password');
      expect(login.body.user.mustChangePassword).toBe(true);
    });

    it('treats e-mail addresses as unique whatever their case', async () => {
      const existing = await createUser(t.dataSource, { email: 'unique.case@city.test' });
      const res = await admin.post('/api/users', {
        email: 'UNIQUE.Case@city.test',
        name: 'Copy',
        role: 'requester',
        password: 'another-good-password',
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('email_taken');
      const rename = await admin.patch(`/api/users/${users.technician.id}`, { email: existing.email.toUpperCase() });
      expect(rename.status).toBe(409);
    });

    it('refuses short and common passwords', async () => {
      for (const password of ['short-pass', 'qwertyuiop123', '123456789012']) {
        const res = await admin.post('/api/users', {
          email: `p-${password.length}-${Math.random()}@city.test`,
          name: 'P',
          role: 'requester',
          password,
        });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('weak_password');
      }
    });

    it('refuses an unknown department naming departmentId, and writes nothing', async () => {
      const res = await admin.post('/api/users', {
        email: 'nodept@city.test',
        name: 'No Dept',
        role: 'requester',
        departmentId: '00000000-0000-4000-8000-000000000000',
        password: 'a-reasonable-password',
      });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'departmentId', messages: ['departmentId names no department'] }]);
      expect(await t.dataSource.query(`SELECT id FROM users WHERE email = 'nodept@city.test'`)).toEqual([]);
    });

    it('pages the user list by keyset and filters by role and search', async () => {
      const dept = await createDepartment(t.dataSource);
      for (let i = 0; i < 5; i++)
        await createUser(t.dataSource, { name: `Pager ${i}`, departmentId: dept.id, role: 'technician' });
      const first = await admin.get(`/api/users?departmentId=${dept.id}&limit=2`);
      expect(first.body.items.map((u: { name: string }) => u.name)).toEqual(['Pager 0', 'Pager 1']);
      const second = await admin.get(`/api/users?departmentId=${dept.id}&limit=2&cursor=${first.body.nextCursor}`);
      expect(second.body.items.map((u: { name: string }) => u.name)).toEqual(['Pager 2', 'Pager 3']);
      const third = await admin.get(`/api/users?departmentId=${dept.id}&limit=2&cursor=${second.body.nextCursor}`);
      expect(third.body.items.map((u: { name: string }) => u.name)).toEqual(['Pager 4']);
      expect(third.body.nextCursor).toBeNull();
      const searched = await admin.get('/api/users?search=pager%203&role=technician');
      expect(searched.body.items).toHaveLength(1);
      expect((await admin.get('/api/users?limit=0')).status).toBe(400);
      expect((await admin.get('/api/users?sort=password_hash')).status).toBe(400);
    });

    it('never lets the city lose its last active admin', async () => {
      const res = await admin.patch(`/api/users/${adminUser.id}`, { role: 'manager' });
      expect(res.status).toBe(409);
      expect((await admin.patch(`/api/users/${adminUser.id}`, { active: false })).status).toBe(409);
      const second = await createUser(t.dataSource, { role: 'admin' });
      const demote = await admin.patch(`/api/users/${second.id}`, { role: 'manager' });
      expect(demote.status).toBe(200);
      expect(demote.body.role).toBe('manager');
    });

    it('refuses role changes and temporary passwords from non-admins', async () => {
      for (const role of ['requester', 'technician', 'manager'] as const) {
        expect((await as[role].patch(`/api/users/${users[role].id}`, { role: 'admin' })).status).toBe(403);
        expect(
          (await as[role].post(`/api/users/${users.requester.id}/temporary-password`, { password: 'hijack-password-1' })).status,
        ).toBe(403);
        expect(
          (
            await as[role].post('/api/users', {
              email: `x-${role}@city.test`,
              name: 'X',
              role: 'admin',
              password: 'escalate-password',
            })
          ).status,
        ).toBe(403);
      }
      const [{ role }] = await t.dataSource.query(`SELECT role FROM users WHERE id = $1`, [users.manager.id]);
      expect(role).toBe('manager');
    });
  });
});
