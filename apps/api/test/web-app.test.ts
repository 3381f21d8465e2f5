import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('serving the web app', () => {
  let t: TestApp;
  const webDist = mkdtempSync(join(tmpdir(), 'civicdesk-web-'));

  beforeAll(async () => {
    mkdirSync(join(webDist, 'assets'));
    writeFileSync(
      join(webDist, 'index.html'),
      '<!doctype html><div id="root"></div><script type="module" src="/assets/app-1a2b.js"></script>',
    );
    writeFileSync(join(webDist, 'assets', 'app-1a2b.js'), 'console.log("civicdesk")');
    t = await startTestApp({ webDist });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('answers the app at / and at every client-side route, never cached', async () => {
    for (const path of ['/', '/sign-in', '/admin/users', '/tickets/INC-000123?tab=events']) {
      const res = await t.client().get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(String(res.body)).toContain('<div id="root">');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
  });

  it('serves fingerprinted assets as immutable', async () => {
    const res = await t.client().get('/assets/app-1a2b.js');
    expect(res.status).toBe(200);
    expect(res.body).toBe('console.log("civicdesk")');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('keeps the API’s JSON 404 for unknown API routes and missing files', async () => {
    for (const res of [
      await t.client().get('/api/nope'),
      await t.client().post('/api/nope', {}),
      await t.client().get('/assets/missing.js'),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ statusCode: 404, code: 'not_found', message: 'Not found' });
    }
  });

  it('still answers the API', async () => {
    expect((await t.client().get('/api/health')).body).toEqual({ status: 'ok' });
  });
});
