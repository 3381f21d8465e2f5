import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/config/data-source.js';
import { createDepartment, createUser, FACTORY_PASSWORD } from '../factories/identity.factory.js';
import { ApiProcess } from '../support/api-process.js';
import { createTestDatabase } from '../support/test-database.js';
import { parseSetCookie } from './support/authn-browser.js';
import { RecordingClient, secretHits, type Place, type RecordedResponse, type Secret } from './support/authn-secret-scan.js';
import { AuthSmtpServer } from './support/authn-smtp-server.js';

/**
 * No password, password hash, session token, reset password, feed token or configured secret in
 * any answer or log line. CivicDesk runs as in production (NODE_ENV=production, its own process,
 * its pino logs on stdout at LOG_LEVEL=trace, the most verbose, request logs with their headers),
 * with an SMTP relay that wants a password. A broad scenario runs through it: sign-ins that fail,
 * are throttled and succeed, password changes, temporary passwords, user administration, tickets
 * and a reply that sends e-mail (first refused by the relay, then delivered), exports, the audit
 * log, a calendar feed, malformed and forbidden requests. Then every answer (headers and body)
 * and every line the process printed is searched for every secret, as it is, URL-encoded and
 * JSON-escaped; a session token may appear only in the Set-Cookie that issued it, a feed token
 * only in the answer that created the feed.
 */

const NOW = Date.parse('2026-03-02T14:00:00Z');
const distinct = (label: string): string => `${label}-${randomBytes(9).toString('base64url')}`;

describe('no secret in any response or log line (security suite)', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: DataSource;
  let smtp: AuthSmtpServer;
  let api: ApiProcess;
  let baseUrl: string;
  let now = NOW;
  const recorded: RecordedResponse[] = [];
  const secrets: Secret[] = [];
  const issuedTokens = new Map<string, RecordedResponse>();

  const secret = (name: string, value: string, allowedIn?: (place: Place) => boolean): string => {
    // Very short values would match ordinary text; every secret here is long and random.
    if (value.length >= 8) secrets.push({ name, value, allowedIn });
    return value;
  };
  const browser = (): RecordingClient => new RecordingClient(baseUrl, recorded);
  const advance = async (ms: number): Promise<void> => {
    now += ms;
    await api.setClock(new Date(now));
  };
  /** Signs in; the token it issued may appear in that answer's Set-Cookie and nowhere else. */
  const signIn = async (client: RecordingClient, email: string, password: string): Promise<void> => {
    await client.login(email, password);
    const response = recorded[recorded.length - 1]!;
    for (const cookie of response.setCookies.map(parseSetCookie)) issuedTokens.set(cookie.value, response);
  };
  const expectStatus = async (status: number, answer: Promise<{ status: number; body: unknown }>): Promise<any> => {
    const res = await answer;
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDataSource(database.url, { poolSize: 2 });
    await db.initialize();
    smtp = await new AuthSmtpServer('civicdesk-relay', secret('SMTP password', distinct('smtp'))).start();
    secret('DATABASE_URL password', decodeURIComponent(new URL(database.url).password));
    const env = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'trace',
      DATABASE_URL: database.url,
      SESSION_SECRET: secret('SESSION_SECRET', randomBytes(36).toString('base64url')),
      SMTP_URL: smtp.url,
      APP_URL: 'http://helpdesk.city.test',
      SCHEDULER_ENABLED: 'false',
    };
    ({ process: api, url: baseUrl } = await ApiProcess.start('secret-leaks', {
      env,
      now: new Date(NOW).toISOString(),
      timeoutMs: 150_000,
    }));
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    await db?.destroy();
    await database?.drop();
    await smtp?.close();
  });

  beforeAll(async () => {
    secret('factory password', FACTORY_PASSWORD);
    const root = await createUser(db, { role: 'admin', email: 'root@city.test', name: 'Root Admin' });
    const finance = await createDepartment(db, { name: 'Finance' });
    const [{ id: serviceDesk }] = await db.query(`SELECT id FROM queues WHERE system_key = 'service_desk'`);

    // Sign-ins that fail: a wrong password, an unknown e-mail, malformed and invalid bodies, then the throttle.
    const stranger = browser();
    await expectStatus(
      401,
      stranger.post('/api/auth/login', { email: root.email, password: secret('wrong password', distinct('guess')) }),
    );
    await expectStatus(
      401,
      stranger.post('/api/auth/login', {
        email: 'nobody@city.test',
        password: secret('unknown e-mail password', distinct('nobody')),
      }),
    );
    const malformed = secret('malformed-body password', distinct('half-sent'));
    await expectStatus(
      400,
      stranger.request('POST', '/api/auth/login', undefined, {
        rawBody: `{"email":"root@city.test","password":"${malformed}" x}`,
      }),
    );
    await expectStatus(
      400,
      stranger.post('/api/auth/login', { email: 'x', password: secret('invalid-body password', distinct('invalid')) }),
    );
    await expectStatus(
      400,
      stranger.post('/api/auth/login', {
        email: root.email,
        password: secret('extra-field password', distinct('extra')),
        remember: true,
      }),
    );
    for (let i = 0; i < 3; i++)
      await expectStatus(
        401,
        stranger.post('/api/auth/login', { email: root.email, password: secret(`guess ${i}`, distinct('guess')) }),
      );
    await expectStatus(
      429,
      stranger.post('/api/auth/login', { email: root.email, password: secret('throttled password', distinct('late')) }),
    );
    await advance(61_000);

    // The admin signs in and manages people: a user with an initial password, a temporary one, role changes.
    const admin = browser();
    await signIn(admin, root.email, FACTORY_PASSWORD);
    const initial = secret('initial password', distinct('initial'));
    const tina = await expectStatus(
      201,
      admin.post('/api/users', { email: 'tina.tech@city.test', name: 'Tina Tech', role: 'requester', password: initial }),
    );
    const ritaInitial = secret('requester initial password', distinct('rita'));
    const rita = await expectStatus(
      201,
      admin.post('/api/users', {
        email: 'rita.req@city.test',
        name: 'Rita Requester',
        role: 'requester',
        departmentId: finance.id,
        password: ritaInitial,
      }),
    );
    await expectStatus(200, admin.patch(`/api/users/${tina.id}`, { role: 'technician' }));
    await expectStatus(200, admin.request('PUT', `/api/queues/${serviceDesk}/members`, { userIds: [tina.id] }));
    const tinaBrowser = browser();
    await signIn(tinaBrowser, tina.email, initial);
    const chosen = secret('chosen password', distinct('chosen'));
    await expectStatus(204, tinaBrowser.post('/api/auth/password', { currentPassword: initial, newPassword: chosen }));
    issuedTokens.set(parseSetCookie(recorded[recorded.length - 1]!.setCookies[0]!).value, recorded[recorded.length - 1]!);
    await expectStatus(
      401,
      tinaBrowser.post('/api/auth/password', {
        currentPassword: initial,
        newPassword: secret('refused new password', distinct('refused')),
      }),
    );
    await expectStatus(400, tinaBrowser.post('/api/auth/password', { currentPassword: chosen, newPassword: 'password1234' }));
    const temporary = secret('temporary password (reset by an admin)', distinct('temporary'));
    await expectStatus(204, admin.post(`/api/users/${tina.id}/temporary-password`, { password: temporary }));
    await expectStatus(401, tinaBrowser.get('/api/auth/me'));
    const tinaAgain = browser();
    await signIn(tinaAgain, tina.email, temporary);
    const final = secret('password after reset', distinct('final'));
    await expectStatus(204, tinaAgain.post('/api/auth/password', { currentPassword: temporary, newPassword: final }));
    issuedTokens.set(parseSetCookie(recorded[recorded.length - 1]!.setCookies[0]!).value, recorded[recorded.length - 1]!);
    await expectStatus(200, admin.patch(`/api/users/${rita.id}`, { active: false }));
    await expectStatus(200, admin.patch(`/api/users/${rita.id}`, { active: true }));
    await expectStatus(200, admin.get('/api/users'));
    await expectStatus(200, admin.get(`/api/users/${tina.id}`));

    // A requester files a ticket; the technician answers it, which e-mails the requester.
    const ritaBrowser = browser();
    await signIn(ritaBrowser, rita.email, ritaInitial);
    const ritaPassword = secret('requester password', distinct('rita-own'));
    await expectStatus(204, ritaBrowser.post('/api/auth/password', { currentPassword: ritaInitial, newPassword: ritaPassword }));
    issuedTokens.set(parseSetCookie(recorded[recorded.length - 1]!.setCookies[0]!).value, recorded[recorded.length - 1]!);
    const ticket = await expectStatus(
      201,
      ritaBrowser.post('/api/tickets', { title: 'Printer jams on every page', impact: 'one_person', urgency: 'can_wait' }),
    );
    await expectStatus(201, tinaAgain.post(`/api/tickets/${ticket.id}/comments`, { body: 'On my way with a new fuser.' }));
    await expectStatus(200, ritaBrowser.get(`/api/tickets/${ticket.id}`));
    await expectStatus(200, ritaBrowser.get('/api/notifications'));

    // The relay refuses the app's login once (a rotated password), then accepts it: both are logged.
    smtp.refuseLogins = true;
    await api.tick('notification-sender');
    smtp.refuseLogins = false;
    await advance(5 * 60_000);
    await api.tick('notification-sender');

    // Exports, the audit log, errors.
    await expectStatus(200, admin.get('/api/reports/spend?format=csv'));
    await expectStatus(200, admin.get('/api/reports/volume?groupBy=department'));
    await expectStatus(200, admin.get('/api/audit?limit=200'));
    await expectStatus(200, admin.get('/api/audit?format=csv'));
    await expectStatus(200, admin.get('/api/settings'));
    await expectStatus(403, admin.post('/api/departments', { name: 'No header', code: 'NOHDR' }, { csrf: false }));
    await expectStatus(404, admin.get('/api/tickets/00000000-0000-4000-8000-000000000000'));
    await expectStatus(400, admin.get('/api/tickets?sort=password_hash'));
    // Credentials a client might send in headers are kept out of the logs too.
    await expectStatus(
      200,
      admin.get('/api/auth/me', { headers: { authorization: `Bearer ${secret('bearer token', distinct('bearer'))}` } }),
    );
    const forged = browser();
    forged.setCookie('civicdesk_session', secret('forged session token', randomBytes(32).toString('base64url')));
    await expectStatus(401, forged.get('/api/auth/me'));

    // A calendar feed: its address carries a token, shown once to its owner.
    const feed = await expectStatus(201, tinaAgain.post('/api/maintenance/feeds', {}));
    const created = recorded[recorded.length - 1]!;
    const token = /\/feeds\/([^/]+)\/calendar\.ics$/.exec(feed.url as string)![1]!;
    secret('calendar feed token', token, (place) => 'response' in place && place.response === created && place.part === 'body');
    await expectStatus(200, browser().get(`/api/maintenance/feeds/${token}/calendar.ics`));
    await expectStatus(200, tinaAgain.get('/api/maintenance/feeds'));
    await expectStatus(204, tinaAgain.delete(`/api/maintenance/feeds/${feed.id}`));
    await expectStatus(404, browser().get(`/api/maintenance/feeds/${token}/calendar.ics`));

    await expectStatus(204, admin.post('/api/auth/logout'));
    await expectStatus(204, tinaAgain.post('/api/auth/logout'));

    // Every stored hash, and every session token issued, is a secret too.
    for (const { email, password_hash } of await db.query(`SELECT email, password_hash FROM users`)) {
      secret(`password hash of ${email}`, password_hash);
    }
    secrets.push({ name: 'an Argon2 hash', value: '$argon2' });
    for (const [token, response] of issuedTokens) {
      secret(
        'a session token',
        token,
        (place) => 'response' in place && place.response === response && place.part === 'set-cookie',
      );
    }
    // Let the process flush its last request logs.
    await expectStatus(200, browser().get('/api/health'));
  }, 180_000);

  const logLines = (): string[] => api.log.split('\n').filter((line) => line.trim() !== '');
  const jsonLogs = (): Record<string, any>[] =>
    logLines().flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, any>];
      } catch {
        return [];
      }
    });

  it('ran the scenario: sessions issued, e-mail refused then delivered with the relay password', () => {
    expect(issuedTokens.size).toBeGreaterThanOrEqual(6);
    expect(smtp.logins.some((l) => l.username === 'civicdesk-relay' && !l.accepted)).toBe(true);
    expect(smtp.logins.some((l) => l.username === 'civicdesk-relay' && l.accepted)).toBe(true);
    expect(smtp.received).toBeGreaterThanOrEqual(1);
    expect(secrets.length).toBeGreaterThanOrEqual(25);
  });

  it('captured the real, verbose logs: every request with its headers, cookies redacted, the refused e-mail', () => {
    const logs = jsonLogs();
    const requests = logs.filter((l) => l.req?.headers && l.res?.statusCode);
    expect(requests.length).toBeGreaterThanOrEqual(recorded.length - 5);
    expect(requests.some((l) => l.req.headers.cookie === '[redacted]')).toBe(true);
    expect(requests.some((l) => l.req.headers.authorization === '[redacted]')).toBe(true);
    expect(requests.some((l) => l.res.headers?.['set-cookie'] === '[redacted]')).toBe(true);
    expect(logs.some((l) => l.msg === 'e-mail delivery failed')).toBe(true);
  });

  it('no answer holds a password, hash, token or secret (headers and bodies)', () => {
    expect(recorded.length).toBeGreaterThanOrEqual(45);
    expect(secretHits(secrets, recorded, [])).toEqual([]);
  });

  it('no log line holds one either', () => {
    expect(logLines().length).toBeGreaterThan(50);
    expect(secretHits(secrets, [], logLines())).toEqual([]);
  });
});
