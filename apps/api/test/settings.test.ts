import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_LIFECYCLE_YEARS } from '../src/modules/assets/domain/asset-vocabulary.js';
import { signedInAs } from './factories/identity.factory.js';
import { startTestApp, type ApiClient, type TestApp } from './support/test-app.js';

describe('settings', () => {
  let t: TestApp;
  let admin: ApiClient;
  let manager: ApiClient;
  let requester: ApiClient;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signedInAs(t, 'admin');
    manager = await signedInAs(t, 'manager');
    requester = await signedInAs(t, 'requester');
  });
  afterAll(() => t.close());

  it('has defaults, lets an admin change them, and validates each value', async () => {
    const defaults = (await admin.get('/api/settings')).body;
    expect(defaults).toEqual({
      autoCloseResolvedAfterDays: 5,
      fiscalYearStartMonth: 7,
      assetLifecycleYears: DEFAULT_LIFECYCLE_YEARS,
    });
    const changed = await admin.patch('/api/settings', { autoCloseResolvedAfterDays: 10 });
    expect(changed.body).toEqual({ ...defaults, autoCloseResolvedAfterDays: 10 });
    expect((await manager.get('/api/settings')).body.autoCloseResolvedAfterDays).toBe(10);
    const bad = await admin.patch('/api/settings', { fiscalYearStartMonth: 13, autoCloseResolvedAfterDays: 'soon' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'autoCloseResolvedAfterDays',
      'fiscalYearStartMonth',
    ]);
    expect((await manager.patch('/api/settings', { fiscalYearStartMonth: 1 })).status).toBe(403);
    expect((await requester.get('/api/settings')).status).toBe(403);
    expect((await admin.get('/api/settings')).body.fiscalYearStartMonth).toBe(7);
  });
});
