import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OPENAPI_FILE } from '../src/openapi/openapi.js';
import { createUser, type UserRecord } from './factories/identity.factory.js';
import { startTestApp, type ApiClient, type TestApp } from './support/test-app.js';

describe('API conventions', () => {
  let t: TestApp;
  let admin: ApiClient;
  let adminUser: UserRecord;

  beforeAll(async () => {
    t = await startTestApp();
    adminUser = await createUser(t.dataSource, { role: 'admin' });
    admin = t.client();
    await admin.login(adminUser.email, adminUser.password);
  });
  afterAll(() => t.close());

  it('answers unknown body fields with 400 naming each of them, and writes nothing', async () => {
    const res = await admin.post('/api/departments', { name: 'Harbor', code: 'HARBOR', budget: 5, owner: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { field: 'budget', messages: ['field budget should not exist'] },
        { field: 'owner', messages: ['field owner should not exist'] },
      ]),
    );
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM departments WHERE code = 'HARBOR'`);
    expect(count).toBe(0);
  });

  it('answers wrong types with 400 and a message per field', async () => {
    const res = await admin.post('/api/users', { email: 42, name: ['x'], role: 'king', password: true, departmentId: 'nope' });
    expect(res.status).toBe(400);
    const fields = Object.fromEntries(
      (res.body.details as { field: string; messages: string[] }[]).map((d) => [d.field, d.messages]),
    );
    expect(Object.keys(fields).sort()).toEqual(['departmentId', 'email', 'name', 'password', 'role']);
    expect(fields.role!.join()).toMatch(/role must be one of the following values: requester, technician, manager, admin/);
    expect(fields.departmentId!.join()).toMatch(/UUID/);
    expect(res.body.message).toMatch(/email/);
  });

  it('answers malformed JSON with 400 in the one error shape', async () => {
    const res = await admin.request('POST', '/api/departments', undefined, { rawBody: '{"name": "Oops",' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, code: 'malformed_json', message: expect.any(String) });
  });

  it('answers an unknown route with 404 in the one error shape', async () => {
    for (const path of ['/api/nothing-here', '/api/users/x/y/z']) {
      const res = await admin.get(path);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ statusCode: 404, code: 'not_found', message: 'Not found' });
    }
  });

  it('answers a malformed id like a missing record', async () => {
    const malformed = await admin.get('/api/departments/not-a-uuid');
    const missing = await admin.get('/api/departments/00000000-0000-4000-8000-000000000000');
    expect(malformed.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(malformed.body.code).toBe(missing.body.code);
  });

  it('never shows a stack trace or SQL in an error', async () => {
    const res = await admin.get('/api/users?cursor=%%%');
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'cursor', messages: ['cursor is not a cursor this list gave out'] }]);
    expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|SELECT|node_modules/);
  });

  it('sets security headers and a strict Content-Security-Policy on every response', async () => {
    for (const res of [await admin.get('/api/auth/me'), await t.client().get('/api/nothing')]) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers health and readiness without a session', async () => {
    const anonymous = t.client();
    expect((await anonymous.get('/api/health')).body).toEqual({ status: 'ok' });
    expect((await anonymous.get('/api/ready')).body).toEqual({ ready: true, database: true, migrations: true });
  });

  it('serves the OpenAPI document and its UI, and the committed openapi.json is current', async () => {
    const res = await t.client().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.paths['/api/auth/login'].post).toBeDefined();
    const committed = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'));
    // If this fails: npm run openapi -w @civicdesk/api && npm run api:types -w @civicdesk/web
    expect(res.body).toEqual(committed);
    const ui = await t.client().get('/api/docs');
    expect(ui.status).toBe(200);
    expect(String(ui.body)).toContain('swagger');
  });
});
