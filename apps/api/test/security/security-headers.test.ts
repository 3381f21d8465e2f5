import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createUser } from '../factories/identity.factory.js';
import { createTestDatabase } from '../support/test-database.js';
import { startTestApp, type ApiClient, type ApiResponse, type TestApp } from '../support/test-app.js';
import { buildAuthnCity, type AuthnCity } from './support/authn-city.js';
import { headerProblems } from './support/authn-headers.js';
import { apiRoutes, concretePath, type Route } from './support/authn-openapi.js';

/**
 * Security headers on every response CivicDesk sends: each GET route of the OpenAPI document as
 * JSON, as a download and as an error (401, 404, 400), state-changing errors (403, 400, 413, 415,
 * 429), server errors (500, 503), iCalendar files, and the web app's index.html and assets.
 *
 * The policy allows inline styles (style-src 'unsafe-inline') and nothing else inline: Mantine
 * writes <style data-mantine-styles> elements (CSS variables, classes) and style="" attributes
 * (component variables such as --button-height) at run time. Its only alternative is a nonce
 * (MantineProvider getStyleNonce), which needs a fresh nonce in index.html per response; the app
 * is served as static files, so it has none. Inline styles cannot run script; scripts come only
 * from this origin's files.
 */

const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

/** The built web app (copied, so a rebuild elsewhere cannot change it mid-run), or a small stand-in. */
function webDistCopy(): { dir: string; built: boolean } {
  const dir = mkdtempSync(join(tmpdir(), 'civicdesk-headers-web-'));
  if (existsSync(join(WEB_DIST, 'index.html'))) {
    cpSync(WEB_DIST, dir, { recursive: true, filter: (source) => !source.endsWith('.map') });
    return { dir, built: true };
  }
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/index-1a2b.js"></script>' +
      '<link rel="stylesheet" href="/assets/index-3c4d.css"></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(join(dir, 'assets', 'index-1a2b.js'), 'document.getElementById("root").textContent = "CivicDesk";');
  writeFileSync(join(dir, 'assets', 'index-3c4d.css'), 'body { margin: 0 }');
  return { dir, built: false };
}

describe('security headers (security suite)', () => {
  /** APP_URL https: the deployment README describes (TLS at the proxy). */
  let t: TestApp;
  /** APP_URL http on the same database. */
  let plain: TestApp;
  /** An instance on a database without the schema: its queries fail, so it answers 500 and 503. */
  let broken: TestApp;
  let emptyDatabase: { url: string; drop(): Promise<void> };
  let city: AuthnCity;
  let web: { dir: string; built: boolean };
  const problems: string[] = [];

  /** Checks one response's headers, noting every miss under a label (the suite asserts none at the end of each test). */
  const check = (label: string, res: ApiResponse, https = true): ApiResponse => {
    for (const problem of headerProblems(res.headers, { https })) problems.push(`${label} (${res.status}): ${problem}`);
    return res;
  };
  const expectNoProblems = (): void => {
    expect(problems.splice(0)).toEqual([]);
  };

  const get = (client: ApiClient, path: string): Promise<ApiResponse> => client.get(path);
  const getRoutes = (): Route[] => apiRoutes().filter((r) => r.method === 'GET');
  /** The route's address with its required query parameters filled in. */
  const address = (route: Route, records: Record<string, string>, extra: Record<string, string> = {}): string => {
    const query = new URLSearchParams(extra);
    for (const q of route.query.filter((p) => p.required)) {
      if (q.name === 'from') query.set('from', '2026-02-01');
      else if (q.name === 'to') query.set('to', '2026-03-31');
      else throw new Error(`${route.key}: no sample value for required query parameter ${q.name}`);
    }
    const qs = query.toString();
    return concretePath(route, records) + (qs ? `?${qs}` : '');
  };

  beforeAll(async () => {
    web = webDistCopy();
    t = await startTestApp({ env: { APP_URL: 'https://helpdesk.city.test' }, webDist: web.dir });
    plain = await startTestApp({ sharedDatabaseUrl: t.databaseUrl, webDist: web.dir });
    emptyDatabase = await createTestDatabase({ empty: true });
    broken = await startTestApp({ sharedDatabaseUrl: emptyDatabase.url });
    city = await buildAuthnCity(t);
  }, 120_000);
  afterAll(async () => {
    await broken?.close();
    await emptyDatabase?.drop();
    await plain?.close();
    await t?.close();
    rmSync(web.dir, { recursive: true, force: true });
  });

  it('every GET route of the OpenAPI document answers with them, as JSON and as a download', async () => {
    const routes = getRoutes();
    expect(routes.length).toBeGreaterThan(40);
    const statuses: string[] = [];
    for (const route of routes) {
      const res = check(route.key, await get(city.clients.admin, address(route, city.records)));
      statuses.push(`${route.key} → ${res.status}`);
      const type = res.headers.get('content-type') ?? '';
      if (route.produces.includes('text/calendar')) {
        expect([route.key, type]).toEqual([route.key, 'text/calendar; charset=utf-8']);
      } else if (route.produces.includes('text/csv') && !route.produces.includes('application/json')) {
        expect([route.key, type]).toEqual([route.key, 'text/csv; charset=utf-8']);
      } else {
        expect([route.key, type]).toEqual([route.key, 'application/json; charset=utf-8']);
      }
      // The same route as a CSV download, where it offers one.
      if (route.produces.includes('text/csv') && route.query.some((q) => q.name === 'format')) {
        const csv = check(
          `${route.key} format=csv`,
          await get(city.clients.admin, address(route, city.records, { format: 'csv' })),
        );
        expect([route.key, csv.status, csv.headers.get('content-type')]).toEqual([route.key, 200, 'text/csv; charset=utf-8']);
        expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="[\w.-]+\.csv"$/);
      }
    }
    expect(statuses.filter((s) => !/→ 2\d\d$/.test(s))).toEqual([]);
    expectNoProblems();
  });

  it('downloads are attachments of the right type: CSV exports and iCalendar files', async () => {
    const downloads = getRoutes().filter((r) => r.produces.some((type) => type === 'text/csv' || type === 'text/calendar'));
    // Every CSV route, the holiday export and the maintenance feed.
    expect(downloads.length).toBeGreaterThanOrEqual(10);
    for (const route of downloads) {
      const query: Record<string, string> = route.query.some((q) => q.name === 'format') ? { format: 'csv' } : {};
      const res = check(route.key, await get(city.clients.admin, address(route, city.records, query)));
      expect([route.key, res.status]).toEqual([route.key, 200]);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      if (route.path.endsWith('/calendar.ics')) {
        // A subscription address read by calendar programs, not a file a person downloads.
        expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
        continue;
      }
      const expected = route.produces.includes('text/calendar') ? 'text/calendar; charset=utf-8' : 'text/csv; charset=utf-8';
      expect([route.key, res.headers.get('content-type')]).toEqual([route.key, expected]);
      expect([route.key, res.headers.get('content-disposition')]).toEqual([
        route.key,
        expect.stringMatching(/^attachment(; filename="[\w.-]+\.(csv|ics)")?$/),
      ]);
    }
    expectNoProblems();
  });

  it('errors carry them too: 401 without a session, 404 for a missing record, 400 for a bad parameter', async () => {
    const anonymous = t.client();
    for (const route of getRoutes()) {
      const signedOut = check(`${route.key} signed out`, await get(anonymous, address(route, city.records)));
      expect([route.key, signedOut.status]).toEqual([route.key, route.public ? 200 : 401]);
      if (route.pathParams.length) {
        const missing = Object.fromEntries(
          Object.keys(city.records).map((k) => [k, k === 'feedToken' ? 'A'.repeat(43) : MISSING_ID]),
        );
        const res = check(`${route.key} missing`, await get(city.clients.admin, address(route, missing)));
        expect([route.key, res.status]).toEqual([route.key, 404]);
      }
      const choice = route.query.find((q) => q.enum);
      if (choice) {
        const res = check(
          `${route.key} bad ${choice.name}`,
          await get(city.clients.admin, address(route, city.records, { [choice.name]: 'no-such-value' })),
        );
        expect([route.key, res.status]).toEqual([route.key, 400]);
      }
    }
    expect((await get(anonymous, '/api/auth/me')).status).toBe(401);
    expectNoProblems();
  });

  it('state-changing errors and unknown routes carry them: 403, 400, 413, 415, 404, 429', async () => {
    const admin = city.clients.admin;
    const cases: [string, Promise<ApiResponse>, number][] = [
      ['no CSRF header', admin.post('/api/departments', { name: 'X', code: 'X1' }, { csrf: false }), 403],
      ['malformed JSON', admin.request('POST', '/api/departments', undefined, { rawBody: '{"name": ' }), 400],
      ['unknown field', admin.post('/api/departments', { name: 'X', code: 'X2', owner: 'me' }), 400],
      [
        'too large',
        admin.request('POST', '/api/departments', undefined, { rawBody: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }) }),
        413,
      ],
      [
        'wrong media type',
        admin.request('POST', '/api/departments', undefined, { headers: { 'content-type': 'application/xml' }, rawBody: '<x/>' }),
        415,
      ],
      ['unknown API route', admin.get('/api/no-such-route'), 404],
      ['unknown API route, POST', admin.post('/api/no-such-route', {}), 404],
      ['malformed id', admin.get('/api/tickets/not-a-uuid'), 404],
      ['badly encoded address', admin.get('/api/tickets/%E0%A4%A'), 400],
      ['missing web file', admin.get('/assets/no-such-file.js'), 404],
    ];
    for (const [label, answer, status] of cases) {
      const res = check(label, await answer);
      expect([label, res.status]).toEqual([label, status]);
      expect([label, res.headers.get('content-type')]).toEqual([label, 'application/json; charset=utf-8']);
    }
    const user = await createUser(t.dataSource);
    let last: ApiResponse | undefined;
    for (let i = 0; i < 6; i++)
      last = await t.client().post('/api/auth/login', { email: user.email, password: `wrong-${i}-password` });
    expect(check('throttled sign-in', last!).status).toBe(429);
    t.clock.advance(61_000);
    expectNoProblems();
  });

  it('server errors carry them: 500 from a failing query, 503 from readiness', async () => {
    const client = broken.client();
    client.setCookie('civicdesk_session', 'S'.repeat(43));
    const failed = check('500', await client.get('/api/auth/me'), false);
    expect([failed.status, failed.body]).toEqual([
      500,
      { statusCode: 500, code: 'internal_error', message: 'Internal server error' },
    ]);
    const unready = check('503', await broken.client().get('/api/ready'), false);
    expect(unready.status).toBe(503);
    expectNoProblems();
  });

  it('the web app: index.html at every client route and each file it loads, without inline script', async () => {
    const anonymous = t.client();
    const page = check('index.html', await get(anonymous, '/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    for (const route of ['/sign-in', '/tickets/INC-000123', '/admin/users?tab=roles']) {
      expect(check(route, await get(anonymous, route)).status).toBe(200);
    }
    const html = String(page.body);
    // script-src 'self' runs only files: an inline script or handler in the page would be blocked,
    // so the built page must have none (it would otherwise push the policy towards 'unsafe-inline').
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter(([, attributes, body]) => !/\bsrc=/.test(attributes!) || body!.trim() !== '')).toEqual([]);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);

    const files = [...html.matchAll(/\b(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThan(web.built ? 2 : 1);
    for (const file of files) {
      const res = check(file, await get(anonymous, file));
      expect([file, res.status]).toEqual([file, 200]);
      const type = res.headers.get('content-type') ?? '';
      if (file.endsWith('.js')) expect([file, type]).toEqual([file, expect.stringMatching(/^(text|application)\/javascript/)]);
      if (file.endsWith('.css')) expect([file, type]).toEqual([file, expect.stringMatching(/^text\/css/)]);
    }
    expectNoProblems();
  });

  it('sends HSTS only when the app is served over https, and everything else either way', async () => {
    const anonymous = plain.client();
    for (const path of ['/', '/api/health', '/api/auth/me', `/api/tickets/${randomUUID()}`]) {
      check(`http ${path}`, await get(anonymous, path), false);
    }
    const hsts = (await get(t.client(), '/api/health')).headers.get('strict-transport-security');
    expect(hsts).toMatch(/max-age=\d+; includeSubDomains/);
    expect((await get(plain.client(), '/')).headers.get('strict-transport-security')).toBeNull();
    expectNoProblems();
  });
});
