import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createUser, FACTORY_PASSWORD, type UserRecord } from './factories/identity.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('authentication and sessions', () => {
  let t: TestApp;
  let admin: UserRecord;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createUser(t.dataSource, { role: 'admin', email: 'root-admin@city.test' });
  });
  afterAll(() => t.close());
  // Every request here comes from 127.0.0.1: start each test in a fresh throttling window.
  beforeEach(() => t.clock.advance(61_000));

  it('signs in with the right password, sets an httpOnly SameSite=Lax cookie and answers /me', async () => {
    const user = await createUser(t.dataSource, { role: 'technician', name: 'Tina Tech' });
    const c = t.client();
    const res = await c.post('/api/auth/login', { email: user.email.toUpperCase(), password: FACTORY_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: user.id, email: user.email, role: 'technician', mustChangePassword: false });
    const setCookie = res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/civicdesk_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/); // APP_URL is http here
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.name).toBe('Tina Tech');
    expect(JSON.stringify(me.body)).not.toMatch(/hash|argon/i);
  });

  it('stores only a hash of the session token', async () => {
    const user = await createUser(t.dataSource);
    const c = t.client();
    await c.login(user.email, user.password);
    const token = c.cookie('civicdesk_session')!;
    const rows = await t.dataSource.query(`SELECT token_hash FROM sessions WHERE user_id = $1`, [user.id]);
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0].token_hash).toString('utf8')).not.toContain(token);
    expect(Buffer.from(rows[0].token_hash).toString('base64url')).not.toBe(token);
  });

  it('answers a wrong password, an unknown e-mail and an inactive user identically with 401', async () => {
    const user = await createUser(t.dataSource);
    const inactive = await createUser(t.dataSource, { active: false });
    const answers = await Promise.all([
      t.client().post('/api/auth/login', { email: user.email, password: 'not-the-password-at-all' }),
      t.client().post('/api/auth/login', { email: 'nobody-here@city.test', password: 'whatever-password-1' }),
      t.client().post('/api/auth/login', { email: inactive.email, password: inactive.password }),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ statusCode: 401, code: 'invalid_credentials', message: 'E-mail or password is wrong' });
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it('issues a new token at every sign-in and ends the session the browser presented', async () => {
    const user = await createUser(t.dataSource);
    const c = t.client();
    await c.login(user.email, user.password);
    const first = c.cookie('civicdesk_session')!;
    await c.login(user.email, user.password);
    const second = c.cookie('civicdesk_session')!;
    expect(second).not.toBe(first);
    const old = t.client();
    old.setCookie('civicdesk_session', first);
    expect((await old.get('/api/auth/me')).status).toBe(401);
    expect((await c.get('/api/auth/me')).status).toBe(200);
  });

  it('answers 429 after 5 failed sign-ins in a minute for an account, and lets it in again after the minute', async () => {
    const user = await createUser(t.dataSource);
    const c = t.client();
    for (let i = 0; i < 5; i++) {
      expect((await c.post('/api/auth/login', { email: user.email, password: `wrong-password-${i}` })).status).toBe(401);
    }
    const blocked = await c.post('/api/auth/login', { email: user.email, password: user.password });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too_many_attempts');
    expect(blocked.headers.get('retry-after')).toBe('60');
    t.clock.advance(61_000);
    expect((await c.post('/api/auth/login', { email: user.email, password: user.password })).status).toBe(200);
  });

  it('answers 429 after 5 failed sign-ins in a minute from one address across accounts', async () => {
    const c = t.client();
    const ip = { 'x-forwarded-for': '203.0.113.9' }; // ignored without TRUST_PROXY: all share 127.0.0.1
    const victims = await Promise.all([1, 2, 3, 4, 5, 6].map(() => createUser(t.dataSource)));
    for (const v of victims.slice(0, 5)) {
      expect((await c.post('/api/auth/login', { email: v.email, password: 'guess-guess-guess' }, { headers: ip })).status).toBe(
        401,
      );
    }
    const res = await c.post('/api/auth/login', { email: victims[5]!.email, password: victims[5]!.password });
    expect(res.status).toBe(429);
    t.clock.advance(61_000);
  });

  it('ends the session at sign-out', async () => {
    const user = await createUser(t.dataSource);
    const c = t.client();
    await c.login(user.email, user.password);
    const token = c.cookie('civicdesk_session')!;
    const out = await c.post('/api/auth/logout');
    expect(out.status).toBe(204);
    expect(c.cookie('civicdesk_session')).toBeUndefined();
    const replay = t.client();
    replay.setCookie('civicdesk_session', token);
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  it('ends sessions after 8 idle hours and after 7 days whatever the activity', async () => {
    const user = await createUser(t.dataSource);
    const c = t.client();
    await c.login(user.email, user.password);
    t.clock.advance(7 * HOUR + 59 * MINUTE);
    expect((await c.get('/api/auth/me')).status).toBe(200); // activity renews the idle timer
    t.clock.advance(8 * HOUR + MINUTE);
    expect((await c.get('/api/auth/me')).status).toBe(401);

    const busy = t.client();
    await busy.login(user.email, user.password);
    for (let day = 0; day < 7; day++) {
      t.clock.advance(6 * HOUR);
      expect((await busy.get('/api/auth/me')).status).toBe(200);
      t.clock.advance(6 * HOUR);
      expect((await busy.get('/api/auth/me')).status).toBe(200);
      t.clock.advance(6 * HOUR);
      expect((await busy.get('/api/auth/me')).status).toBe(200);
      t.clock.advance(6 * HOUR);
      const res = await busy.get('/api/auth/me');
      expect(res.status).toBe(day < 6 ? 200 : 401);
    }
  });

  it('changing one’s password ends every other session and keeps this browser signed in', async () => {
    const user = await createUser(t.dataSource);
    const laptop = t.client();
    const phone = t.client();
    await laptop.login(user.email, user.password);
    await phone.login(user.email, user.password);
    const res = await laptop.post('/api/auth/password', {
      currentPassword: user.password,
      newPassword: 'a-brand-new-passphrase',
    });
    expect(res.status).toBe(204);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    expect((await laptop.get('/api/auth/me')).status).toBe(200);
    expect((await t.client().post('/api/auth/login', { email: user.email, password: user.password })).status).toBe(401);
    await t.client().login(user.email, 'a-brand-new-passphrase');
  });

  it('refuses a weak new password or a wrong current password, naming the field', async () => {
    const user = await createUser(t.dataSource);
    const c = t.client();
    await c.login(user.email, user.password);
    const short = await c.post('/api/auth/password', { currentPassword: user.password, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.code).toBe('weak_password');
    expect(short.body.details).toEqual([{ field: 'newPassword', messages: ['Password must be at least 12 characters'] }]);
    const common = await c.post('/api/auth/password', { currentPassword: user.password, newPassword: 'password1234' });
    expect(common.status).toBe(400);
    expect(common.body.message).toMatch(/common/);
    const wrong = await c.post('/api/auth/password', {
      currentPassword: 'not-my-password',
      newPassword: 'another-fine-passphrase',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.details[0].field).toBe('currentPassword');
    expect((await c.get('/api/auth/me')).status).toBe(200);
  });

  it('deactivating a user ends their sessions at once', async () => {
    const user = await createUser(t.dataSource);
    const victim = t.client();
    await victim.login(user.email, user.password);
    const adminClient = t.client();
    await adminClient.login(admin.email, admin.password);
    const res = await adminClient.patch(`/api/users/${user.id}`, { active: false });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    expect((await victim.get('/api/auth/me')).status).toBe(401);
    const [{ open }] = await t.dataSource.query(
      `SELECT count(*)::int AS open FROM sessions WHERE user_id = $1 AND revoked_at IS NULL`,
      [user.id],
    );
    expect(open).toBe(0);
  });

  it('a temporary password set by an admin must be changed before anything else', async () => {
    const user = await createUser(t.dataSource, { role: 'technician' });
    const adminClient = t.client();
    await adminClient.login(admin.email, admin.password);
    const before = t.client();
    await before.login(user.email, user.password);
    expect((await adminClient.post(`/api/users/${user.id}/temporary-password`, { password: 'temporary-pass-4321' })).status).toBe(
      204,
    );
    expect((await before.get('/api/auth/me')).status).toBe(401);

    const c = t.client();
    const login = await c.login(user.email, 'temporary-pass-4321');
    expect(login.body.user.mustChangePassword).toBe(true);
    const blocked = await c.get('/api/departments');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('password_change_required');
    expect(
      (await c.post('/api/auth/password', { currentPassword: 'temporary-pass-4321', newPassword: 'my-own-secret-phrase' }))
        .status,
    ).toBe(204);
    expect((await c.get('/api/departments')).status).toBe(200);
    expect((await c.get('/api/auth/me')).body.mustChangePassword).toBe(false);
  });

  it('refuses a state-changing request without the X-CivicDesk header, before anything happens', async () => {
    const user = await createUser(t.dataSource);
    const noHeader = await t.client().post('/api/auth/login', { email: user.email, password: user.password }, { csrf: false });
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.code).toBe('csrf_header_missing');
    expect(noHeader.headers.getSetCookie()).toEqual([]);

    const adminClient = t.client();
    await adminClient.login(admin.email, admin.password);
    const res = await adminClient.post('/api/departments', { name: 'Sneaky', code: 'SNEAK' }, { csrf: false });
    expect(res.status).toBe(403);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM departments WHERE code = 'SNEAK'`);
    expect(count).toBe(0);
    const wrongValue = await adminClient.request(
      'POST',
      '/api/departments',
      { name: 'Sneaky', code: 'SNEAK' },
      { csrf: false, headers: { 'x-civicdesk': '0' } },
    );
    expect(wrongValue.status).toBe(403);
  });

  it('grants no CORS to other origins', async () => {
    const res = await fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-civicdesk',
      },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('answers 401 without a session and for a forged token', async () => {
    expect((await t.client().get('/api/auth/me')).body).toEqual({
      statusCode: 401,
      code: 'unauthenticated',
      message: 'Sign in to continue',
    });
    const forged = t.client();
    forged.setCookie('civicdesk_session', 'A'.repeat(43));
    expect((await forged.get('/api/departments')).status).toBe(401);
  });
});
