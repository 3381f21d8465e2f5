import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDepartment, createUser, type DepartmentRecord, type UserRecord } from './factories/identity.factory.js';
import { startTestApp, type ApiClient, type ApiResponse, type TestApp } from './support/test-app.js';

const TODAY = '2026-03-02T15:00:00Z';

describe('asset lifecycle', () => {
  let t: TestApp;
  let finance: DepartmentRecord;
  let police: DepartmentRecord;
  let employee: UserRecord;
  let colleague: UserRecord;
  let admin: UserRecord;
  const as = {} as Record<'admin' | 'manager' | 'tech' | 'employee' | 'colleague' | 'officer', ApiClient>;

  const fieldsOf = (res: ApiResponse) => (res.body.details as { field: string }[]).map((d) => d.field).sort();
  const newAsset = async (fields: Record<string, unknown>): Promise<string> => {
    const res = await as.admin.post('/api/assets', { name: 'Device', type: 'laptop', departmentId: finance.id, ...fields });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  /** A ticket about an asset, filed by a technician for a Finance requester. */
  const ticketAbout = async (assetId: string, options: { kind?: string; requesterId?: string } = {}): Promise<string> => {
    t.clock.advance(60_000);
    const res = await as.tech.post('/api/tickets', {
      title: 'Trouble with a device',
      impact: 'one_person',
      urgency: 'work_degraded',
      requesterId: options.requesterId ?? employee.id,
      assetId,
      ...(options.kind ? { kind: options.kind } : {}),
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const logTime = async (ticketId: string, minutes: number) =>
    expect((await as.tech.post(`/api/tickets/${ticketId}/work-logs`, { workDate: '2026-03-02', minutes })).status).toBe(201);
  const spend = async (ticketId: string, amountCents: number, assetId: string | null = null) =>
    expect(
      (await as.tech.post(`/api/tickets/${ticketId}/expenses`, { type: 'parts', amountCents, spentOn: '2026-03-02', assetId }))
        .status,
    ).toBe(201);

  beforeAll(async () => {
    t = await startTestApp({ now: TODAY });
    finance = await createDepartment(t.dataSource, { name: 'Finance', code: 'FIN' });
    police = await createDepartment(t.dataSource, { name: 'Police', code: 'PD', lifeSafety: true });
    employee = await createUser(t.dataSource, { role: 'requester', departmentId: finance.id });
    colleague = await createUser(t.dataSource, { role: 'requester', departmentId: finance.id });
    admin = await createUser(t.dataSource, { role: 'admin', departmentId: finance.id, name: 'Alex Admin' });
    const users = {
      admin,
      manager: await createUser(t.dataSource, { role: 'manager', departmentId: finance.id }),
      tech: await createUser(t.dataSource, { role: 'technician', departmentId: finance.id }),
      employee,
      colleague,
      officer: await createUser(t.dataSource, { role: 'requester', departmentId: police.id }),
    };
    for (const [name, user] of Object.entries(users)) {
      as[name as keyof typeof as] = t.client();
      await as[name as keyof typeof as].login(user.email, user.password);
    }
    // Every technician costs 60.00 an hour: a minute is a dollar.
    expect(
      (await as.admin.post('/api/rates', { role: 'technician', hourlyRateCents: 6000, effectiveFrom: '2020-01-01' })).status,
    ).toBe(201);
  });
  afterAll(() => t.close());

  describe('lifecycle defaults', () => {
    it('keeps replacement cycles per asset type as a setting, which new assets follow and an admin changes', async () => {
      const settings = await as.manager.get('/api/settings');
      expect(settings.body.assetLifecycleYears).toMatchObject({
        desktop: 4, // workstation
        laptop: 3,
        server: 5,
        network_switch: 7,
        router: 7,
        firewall: 7,
        wireless_access_point: 7,
        printer: 5,
        mobile_phone: 4,
        desk_phone: 4,
        mobile_data_terminal: 4, // in-car computer
      });
      expect(Object.keys(settings.body.assetLifecycleYears)).toHaveLength(18);
      const before = await as.admin.get(`/api/assets/${await newAsset({ tag: 'LC-1' })}`);
      expect(before.body.lifecycleYears).toBe(3);

      const changed = await as.admin.patch('/api/settings', { assetLifecycleYears: { laptop: 5 } });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        autoCloseResolvedAfterDays: 5,
        assetLifecycleYears: { laptop: 5, desktop: 4, server: 5 },
      });
      // Only the named type changed; a second change keeps the first.
      await as.admin.patch('/api/settings', { assetLifecycleYears: { server: 6 } });
      expect((await as.admin.get('/api/settings')).body.assetLifecycleYears).toMatchObject({ laptop: 5, server: 6, desktop: 4 });

      expect((await as.admin.get(`/api/assets/${await newAsset({ tag: 'LC-2' })}`)).body.lifecycleYears).toBe(5);
      expect((await as.admin.get(`/api/assets/${await newAsset({ tag: 'LC-3', lifecycleYears: 2 })}`)).body.lifecycleYears).toBe(
        2,
      );
      expect((await as.admin.get(`/api/assets/${before.body.id}`)).body.lifecycleYears).toBe(3); // existing assets keep theirs
      const imported = await as.admin.request<any>('POST', '/api/assets/import?dryRun=false', undefined, {
        rawBody: 'tag,name,type,department,status\nLC-4,Imported laptop,laptop,FIN,retired\n',
        headers: { 'content-type': 'text/csv' },
      });
      expect(imported.body).toMatchObject({ created: 1, errors: [] });
      const lc4 = (await as.admin.get('/api/assets?q=LC-4')).body.items[0];
      expect(lc4.lifecycleYears).toBe(5);
      expect((await as.admin.get(`/api/assets/${lc4.id}`)).body.retiredAt).toBe(new Date(TODAY).toISOString());

      const bad = await as.admin.patch('/api/settings', { assetLifecycleYears: { laptop: 0, workstation: 4 } });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad)).toEqual(['assetLifecycleYears.laptop', 'assetLifecycleYears.workstation']);
      expect(fieldsOf(await as.admin.patch('/api/settings', { assetLifecycleYears: 5 }))).toEqual(['assetLifecycleYears']);
      expect((await as.manager.patch('/api/settings', { assetLifecycleYears: { laptop: 9 } })).status).toBe(403);
      expect((await as.admin.get('/api/settings')).body.assetLifecycleYears.laptop).toBe(5);
      await as.admin.patch('/api/settings', { assetLifecycleYears: { laptop: 3, server: 5 } });
    });
  });

  describe('cost to date', () => {
    it('sums the labour and expenses of its tickets by work class, plus expenses linked to it', async () => {
      const laptop = await newAsset({ tag: 'FIN-LT-0001', purchaseDate: '2024-02-29', costCents: 145_000 });
      const other = await newAsset({ tag: 'FIN-LT-0002' });

      const incident = await ticketAbout(laptop);
      await logTime(incident, 60);
      await spend(incident, 10_000); // on the laptop's ticket, for no other asset: the laptop's
      await spend(incident, 3_000, other); // bought for the other laptop: not this one's

      const maintenance = await ticketAbout(laptop);
      const version = (await as.tech.get(`/api/tickets/${maintenance}`)).body.version;
      expect((await as.manager.patch(`/api/tickets/${maintenance}`, { version, workClass: 'proactive' })).status).toBe(200);
      await logTime(maintenance, 30);

      const request = await ticketAbout(laptop, { kind: 'service_request', requesterId: colleague.id });
      await logTime(request, 15);

      const elsewhere = await ticketAbout(other);
      await spend(elsewhere, 2_500, laptop); // a part for the laptop, bought on another ticket

      const detail = await as.tech.get(`/api/assets/${laptop}`);
      expect(detail.status).toBe(200);
      expect(detail.body.costToDate).toEqual({
        reactiveCents: 6_000 + 10_000 + 2_500,
        serviceCents: 1_500,
        proactiveCents: 3_000,
        labourCents: 10_500,
        expensesCents: 12_500,
        totalCents: 23_000,
        labourMinutes: 105,
      });
      expect((await as.manager.get(`/api/assets/${other}`)).body.costToDate).toMatchObject({
        reactiveCents: 3_000,
        proactiveCents: 0,
        totalCents: 3_000,
      });
      // Reclassifying a ticket moves its cost between work classes.
      const again = (await as.tech.get(`/api/tickets/${maintenance}`)).body.version;
      await as.manager.patch(`/api/tickets/${maintenance}`, { version: again, workClass: 'reactive' });
      expect((await as.tech.get(`/api/assets/${laptop}`)).body.costToDate).toMatchObject({
        reactiveCents: 21_500,
        proactiveCents: 0,
      });

      // A requester who may see the asset sees its lifecycle, never its cost; another department's not at all.
      const seen = await as.employee.get(`/api/assets/${laptop}`);
      expect(seen.status).toBe(200);
      expect(seen.body.lifecycle.replacementDue).toBe('2027-02-28');
      expect(seen.body).not.toHaveProperty('costToDate');
      expect(JSON.stringify(seen.body)).not.toMatch(/reactive|proactive|labour|expense/i);
      expect((await as.officer.get(`/api/assets/${laptop}`)).status).toBe(404);

      // Its tickets: newest first, page by page; a requester sees only their own, without costs.
      const first = await as.tech.get(`/api/assets/${laptop}/tickets?limit=2`);
      expect(first.body.items).toHaveLength(2);
      const second = await as.tech.get(`/api/assets/${laptop}/tickets?limit=2&cursor=${first.body.nextCursor}`);
      expect(second.body.nextCursor).toBeNull();
      expect([...first.body.items, ...second.body.items].map((i: { id: string }) => i.id)).toEqual([
        request,
        maintenance,
        incident,
      ]);
      const own = await as.employee.get(`/api/assets/${laptop}/tickets`);
      expect(own.body.items.map((i: { id: string }) => i.id)).toEqual([maintenance, incident]);
      expect(JSON.stringify(own.body)).not.toMatch(/labour|cost|expense|workClass/i);
      expect((await as.officer.get(`/api/assets/${laptop}/tickets`)).status).toBe(404);
      expect((await as.tech.get(`/api/assets/${laptop}/tickets?cursor=forged`)).status).toBe(400);

      // An asset that an expense refers to stays: retire it instead.
      const part = await newAsset({ tag: 'FIN-LT-0003' });
      await spend(incident, 500, part);
      const refused = await as.admin.delete(`/api/assets/${part}`);
      expect([refused.status, refused.body.code, refused.body.details]).toEqual([
        409,
        'asset_in_use',
        { tickets: 0, expenses: 1 },
      ]);
    });
  });

  describe('status and retirement', () => {
    it('keeps the history of status changes and stamps retirement', async () => {
      t.clock.set(TODAY);
      const id = await newAsset({ tag: 'FIN-PR-0001', type: 'printer' });
      expect((await as.admin.get(`/api/assets/${id}`)).body).toMatchObject({
        status: 'in_service',
        retiredAt: null,
        statusHistory: [],
      });
      await as.admin.patch(`/api/assets/${id}`, { status: 'in_repair' });
      t.clock.advance(60_000);
      await as.admin.patch(`/api/assets/${id}`, { status: 'retired', location: 'Storage' });
      const retired = await as.tech.get(`/api/assets/${id}`);
      expect(retired.body).toMatchObject({ status: 'retired', retiredAt: '2026-03-02T15:01:00.000Z' });
      expect(retired.body.statusHistory).toEqual([
        { from: 'in_repair', to: 'retired', actor: { id: admin.id, name: 'Alex Admin' }, at: '2026-03-02T15:01:00.000Z' },
        { from: 'in_service', to: 'in_repair', actor: { id: admin.id, name: 'Alex Admin' }, at: '2026-03-02T15:00:00.000Z' },
      ]);
      await as.admin.patch(`/api/assets/${id}`, { status: 'retired', name: 'Old printer' }); // no change of status
      await as.admin.patch(`/api/assets/${id}`, { status: 'in_service' });
      const back = await as.tech.get(`/api/assets/${id}`);
      expect(back.body).toMatchObject({ status: 'in_service', retiredAt: null, name: 'Old printer' });
      expect(back.body.statusHistory.map((h: { to: string }) => h.to)).toEqual(['in_service', 'retired', 'in_repair']);
      t.clock.set(TODAY);
    });
  });

  describe('replacement date', () => {
    it("dates the replacement from purchase and lifecycle, and counts age and months to it on the city's today", async () => {
      const id = await newAsset({ tag: 'FIN-PC-0001', type: 'desktop', purchaseDate: '2023-03-15' });
      // Signed in afresh at each moment: a session does not last a year.
      const lifecycle = async () => {
        const client = t.client();
        await client.login(employee.email, employee.password);
        return (await client.get(`/api/assets/${id}`)).body.lifecycle;
      };
      expect(await lifecycle()).toEqual({
        replacementDue: '2027-03-15',
        ageMonths: 35,
        monthsToReplacement: 12,
        replacementOverdue: false,
      });
      try {
        // 23:59 on 14 March 2027 in New York (the city's zone) is already the 15th in UTC.
        t.clock.set('2027-03-15T03:59:00Z');
        expect(await lifecycle()).toEqual({
          replacementDue: '2027-03-15',
          ageMonths: 47,
          monthsToReplacement: 0,
          replacementOverdue: false,
        });
        t.clock.set('2027-03-15T04:00:00Z');
        expect(await lifecycle()).toMatchObject({ ageMonths: 48, monthsToReplacement: 0, replacementOverdue: true });
        t.clock.set('2028-06-01T12:00:00Z');
        expect(await lifecycle()).toMatchObject({ ageMonths: 62, monthsToReplacement: -14, replacementOverdue: true });
      } finally {
        t.clock.set(TODAY);
      }
      const unknown = await newAsset({ tag: 'FIN-PC-0002', type: 'desktop' });
      expect((await as.tech.get(`/api/assets/${unknown}`)).body.lifecycle).toEqual({
        replacementDue: null,
        ageMonths: null,
        monthsToReplacement: null,
        replacementOverdue: null,
      });
    });
  });
});
