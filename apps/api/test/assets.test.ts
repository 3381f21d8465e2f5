import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDepartment, createUser, type DepartmentRecord, type UserRecord } from './factories/identity.factory.js';
import { createAsset } from './factories/reference.factory.js';
import { createTicket, queueId } from './factories/ticket.factory.js';
import { startTestApp, type ApiClient, type ApiResponse, type TestApp } from './support/test-app.js';

type NonAdmin = 'requester' | 'technician' | 'manager';

describe('assets', () => {
  let t: TestApp;
  let admin: ApiClient;
  let finance: DepartmentRecord;
  let police: DepartmentRecord;
  const as: Record<NonAdmin, ApiClient> = {} as never;
  const users: Record<NonAdmin, UserRecord> = {} as never;

  beforeAll(async () => {
    t = await startTestApp();
    finance = await createDepartment(t.dataSource, { name: 'Finance', code: 'FIN' });
    police = await createDepartment(t.dataSource, { name: 'Police', code: 'POLICE' });
    const adminUser = await createUser(t.dataSource, { role: 'admin' });
    admin = t.client();
    await admin.login(adminUser.email, adminUser.password);
    for (const role of ['requester', 'technician', 'manager'] as const) {
      users[role] = await createUser(t.dataSource, { role, departmentId: finance.id, name: `Finance ${role}` });
      as[role] = t.client();
      await as[role].login(users[role].email, users[role].password);
    }
  });
  afterAll(() => t.close());

  const countAssets = async (): Promise<number> =>
    (await t.dataSource.query(`SELECT count(*)::int AS count FROM assets`))[0].count as number;

  describe('records', () => {
    it('lets an admin create, read, update and delete an asset', async () => {
      const created = await admin.post('/api/assets', {
        tag: ' FIN-LT-0001 ',
        name: 'Dell Latitude 5450',
        type: 'laptop',
        departmentId: finance.id,
        location: 'City Hall, room 204',
        serial: 'SN-123',
        purchaseDate: '2024-02-29',
        costCents: 129_950,
        warrantyEnd: '2027-02-28',
        assignedUserId: users.requester.id,
      });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        tag: 'FIN-LT-0001',
        name: 'Dell Latitude 5450',
        type: 'laptop',
        department: { id: finance.id, name: 'Finance' },
        location: 'City Hall, room 204',
        serial: 'SN-123',
        purchaseDate: '2024-02-29',
        costCents: 129950,
        warrantyEnd: '2027-02-28',
        lifecycleYears: 3,
        status: 'in_service',
        assignedUser: { id: users.requester.id, name: 'Finance requester' },
        createdAt: '2026-03-02T14:00:00.000Z',
        updatedAt: '2026-03-02T14:00:00.000Z',
      });
      const id = created.body.id as string;
      // The detail adds the lifecycle, the status history and, for staff, the cost to date.
      expect((await admin.get(`/api/assets/${id}`)).body).toEqual({
        ...created.body,
        retiredAt: null,
        lifecycle: { replacementDue: '2027-02-28', ageMonths: 24, monthsToReplacement: 11, replacementOverdue: false },
        statusHistory: [],
        costToDate: {
          reactiveCents: 0,
          serviceCents: 0,
          proactiveCents: 0,
          labourCents: 0,
          expensesCents: 0,
          totalCents: 0,
          labourMinutes: 0,
        },
      });

      const updated = await admin.patch(`/api/assets/${id}`, {
        type: 'desktop',
        status: 'in_repair',
        location: '',
        costCents: null,
        assignedUserId: null,
        departmentId: police.id,
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({
        tag: 'FIN-LT-0001',
        type: 'desktop',
        // A type change keeps the lifecycle the asset was given.
        lifecycleYears: 3,
        status: 'in_repair',
        location: null,
        costCents: null,
        assignedUser: null,
        department: { id: police.id, name: 'Police' },
        purchaseDate: '2024-02-29',
        serial: 'SN-123',
      });

      const repriced = await admin.patch(`/api/assets/${id}`, { costCents: 99, purchaseDate: '2023-12-31', warrantyEnd: null });
      expect(repriced.body).toMatchObject({ costCents: 99, purchaseDate: '2023-12-31', warrantyEnd: null, type: 'desktop' });
      const [stored] = await t.dataSource.query(
        `SELECT cost_cents::int AS cents, purchase_date::text AS bought FROM assets WHERE id = $1`,
        [id],
      );
      expect(stored).toEqual({ cents: 99, bought: '2023-12-31' });

      expect((await admin.delete(`/api/assets/${id}`)).status).toBe(204);
      expect((await admin.get(`/api/assets/${id}`)).status).toBe(404);
    });

    it('defaults the lifecycle from the type and keeps an explicit one', async () => {
      const radio = await admin.post('/api/assets', { tag: 'PD-RAD-1', name: 'Radio', type: 'radio', departmentId: police.id });
      expect(radio.body).toMatchObject({ lifecycleYears: 8, status: 'in_service', purchaseDate: null, costCents: null });
      const ups = await admin.post('/api/assets', {
        tag: 'PD-UPS-1',
        name: 'UPS',
        type: 'ups',
        departmentId: police.id,
        lifecycleYears: 6,
      });
      expect(ups.body.lifecycleYears).toBe(6);
    });

    it('refuses impossible dates, bad amounts, unknown references and unknown fields, naming each', async () => {
      const base = { tag: 'BAD-1', name: 'Bad', type: 'printer', departmentId: finance.id };
      const fieldsOf = (res: ApiResponse) => (res.body.details as { field: string }[]).map((d) => d.field).sort();

      const dates = await admin.post('/api/assets', { ...base, purchaseDate: '2025-02-29', warrantyEnd: '2026-06-31T00:00' });
      expect(dates.status).toBe(400);
      expect(fieldsOf(dates)).toEqual(['purchaseDate', 'warrantyEnd']);
      for (const costCents of [-1, 12.5, 2 ** 53, '100']) {
        const res = await admin.post('/api/assets', { ...base, costCents });
        expect(res.status).toBe(400);
        expect(fieldsOf(res)).toEqual(['costCents']);
      }
      const kinds = await admin.post('/api/assets', { ...base, type: 'toaster', status: 'lost', lifecycleYears: 51 });
      expect(fieldsOf(kinds)).toEqual(['lifecycleYears', 'status', 'type']);
      const nulls = await admin.post('/api/assets', { ...base, name: null, lifecycleYears: null });
      expect(fieldsOf(nulls)).toEqual(['lifecycleYears', 'name']);

      const noDept = await admin.post('/api/assets', { ...base, departmentId: '00000000-0000-4000-8000-000000000000' });
      expect(noDept.body.details).toEqual([{ field: 'departmentId', messages: ['departmentId names no department'] }]);
      const gone = await createUser(t.dataSource, { active: false });
      const inactive = await admin.post('/api/assets', { ...base, assignedUserId: gone.id });
      expect(inactive.body.details).toEqual([{ field: 'assignedUserId', messages: ['assignedUserId names no active user'] }]);
      const extra = await admin.post('/api/assets', { ...base, price: 5 });
      expect(extra.body.details).toEqual([{ field: 'price', messages: ['field price should not exist'] }]);

      expect(await t.dataSource.query(`SELECT id FROM assets WHERE tag = 'BAD-1'`)).toEqual([]);
    });

    it('treats tags as unique whatever their case', async () => {
      await createAsset(t.dataSource, { departmentId: finance.id, tag: 'FIN-PR-0007' });
      const dup = await admin.post('/api/assets', {
        tag: 'fin-pr-0007',
        name: 'Copy',
        type: 'printer',
        departmentId: finance.id,
      });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('asset_tag_taken');
      const other = await createAsset(t.dataSource, { departmentId: finance.id });
      const retag = await admin.patch(`/api/assets/${other.id}`, { tag: 'Fin-Pr-0007' });
      expect(retag.status).toBe(409);
      expect(retag.body.code).toBe('asset_tag_taken');
    });

    it('refuses to delete an asset that tickets refer to, suggesting to retire it', async () => {
      const asset = await createAsset(t.dataSource, { departmentId: finance.id });
      const ticket = await createTicket(t.dataSource, {
        requesterId: users.requester.id,
        departmentId: finance.id,
        queueId: await queueId(t.dataSource, 'service_desk'),
      });
      await t.dataSource.query(`UPDATE tickets SET asset_id = $1 WHERE id = $2`, [asset.id, ticket.id]);
      const res = await admin.delete(`/api/assets/${asset.id}`);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'asset_in_use', details: { tickets: 1 } });
      expect(res.body.message).toMatch(/retire/);
      expect((await admin.patch(`/api/assets/${asset.id}`, { status: 'retired' })).body.status).toBe('retired');
    });

    it('refuses every write to technicians, managers and requesters', async () => {
      const asset = await createAsset(t.dataSource, { departmentId: finance.id, name: 'Keep me' });
      for (const role of ['requester', 'technician', 'manager'] as const) {
        const body = { tag: `BY-${role}`, name: 'x', type: 'other', departmentId: finance.id };
        expect((await as[role].post('/api/assets', body)).status).toBe(403);
        expect((await as[role].patch(`/api/assets/${asset.id}`, { name: 'Renamed' })).status).toBe(403);
        expect((await as[role].delete(`/api/assets/${asset.id}`)).status).toBe(403);
        const imported = await as[role].request<any>('POST', '/api/assets/import?dryRun=true', undefined, {
          rawBody: 'tag,name,type,department\nX-1,x,other,FIN\n',
          headers: { 'content-type': 'text/csv' },
        });
        expect(imported.status).toBe(403);
      }
      expect((await admin.get(`/api/assets/${asset.id}`)).body.name).toBe('Keep me');
    });
  });

  describe('visibility', () => {
    let own: string;
    let foreign: string;

    beforeAll(async () => {
      own = (await createAsset(t.dataSource, { departmentId: finance.id, tag: 'VIS-FIN-1' })).id;
      foreign = (await createAsset(t.dataSource, { departmentId: police.id, tag: 'VIS-PD-1' })).id;
    });

    it("shows a requester their own department's assets and never another's", async () => {
      const ids = async (client: ApiClient, query = '') => {
        const res = await client.get(`/api/assets?limit=200&q=VIS-${query}`);
        expect(res.status).toBe(200);
        return (res.body.items as { id: string }[]).map((a) => a.id);
      };
      expect(await ids(as.requester)).toEqual([own]);
      expect(await ids(as.requester, `&departmentId=${police.id}`)).toEqual([]);
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM assets WHERE department_id <> $1`, [
        finance.id,
      ]);
      expect(count).toBeGreaterThan(0);
      const all = await as.requester.get('/api/assets?limit=200');
      expect(all.body.items.every((a: { department: { id: string } }) => a.department.id === finance.id)).toBe(true);

      for (const role of ['technician', 'manager'] as const) expect((await ids(as[role])).sort()).toEqual([own, foreign].sort());
      expect((await ids(admin)).sort()).toEqual([own, foreign].sort());
    });

    it("answers 404 for another department's asset, exactly as for a missing one", async () => {
      expect((await as.requester.get(`/api/assets/${own}`)).status).toBe(200);
      const hidden = await as.requester.get(`/api/assets/${foreign}`);
      const missing = await as.requester.get('/api/assets/00000000-0000-4000-8000-000000000000');
      expect(hidden.status).toBe(404);
      expect(hidden.body).toEqual(missing.body);
      expect((await as.technician.get(`/api/assets/${foreign}`)).status).toBe(200);
    });

    it('shows a requester without a department no asset', async () => {
      const loner = await createUser(t.dataSource, { role: 'requester', departmentId: null });
      const c = t.client();
      await c.login(loner.email, loner.password);
      expect((await c.get('/api/assets')).body).toEqual({ items: [], nextCursor: null });
      expect((await c.get(`/api/assets/${own}`)).status).toBe(404);
    });
  });

  describe('list', () => {
    let parks: DepartmentRecord;

    beforeAll(async () => {
      parks = await createDepartment(t.dataSource, { name: 'Parks', code: 'PARKS' });
      for (let i = 0; i < 7; i++) {
        await createAsset(t.dataSource, {
          departmentId: parks.id,
          // Mixed case: the order is case-insensitive.
          tag: i % 2 ? `park-${i}` : `PARK-${i}`,
          type: i < 3 ? 'camera' : 'tablet',
          status: i === 6 ? 'retired' : 'in_service',
          assignedUserId: i === 4 ? users.technician.id : null,
        });
      }
      await t.dataSource.query(`UPDATE assets SET serial = 'SER_100%' WHERE tag = 'PARK-2'`);
    });

    const tags = (res: ApiResponse) => (res.body.items as { tag: string }[]).map((a) => a.tag);

    it('pages by keyset in tag order, case-insensitively', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: ApiResponse = await admin.get(
          `/api/assets?departmentId=${parks.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status).toBe(200);
        seen.push(...tags(res));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['PARK-0', 'park-1', 'PARK-2', 'park-3', 'PARK-4', 'park-5', 'PARK-6']);
    });

    it('filters by type, status, assigned user and text in tag, name or serial', async () => {
      const q = (query: string) => admin.get(`/api/assets?departmentId=${parks.id}&${query}`);
      expect(tags(await q('type=camera'))).toEqual(['PARK-0', 'park-1', 'PARK-2']);
      expect(tags(await q('status=retired'))).toEqual(['PARK-6']);
      expect(tags(await q(`assignedUserId=${users.technician.id}`))).toEqual(['PARK-4']);
      expect(tags(await q('q=ark-5'))).toEqual(['park-5']);
      expect(tags(await q('q=ser_100%25'))).toEqual(['PARK-2']);
      // Wildcards in the search text match literally.
      expect(tags(await q('q=%25'))).toEqual(['PARK-2']);
      expect(tags(await q('type=tablet&status=in_service'))).toEqual(['park-3', 'PARK-4', 'park-5']);
    });

    it('refuses filters and sorts outside the allowlist, a bad limit and a forged cursor', async () => {
      for (const query of ['type=toaster', 'status=lost', 'limit=0', 'limit=201', 'sort=cost_cents', 'departmentId=x']) {
        expect((await admin.get(`/api/assets?${query}`)).status).toBe(400);
      }
      const forged = Buffer.from(JSON.stringify(['park', 'not-a-uuid'])).toString('base64url');
      const res = await admin.get(`/api/assets?cursor=${forged}`);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'cursor', messages: ['cursor is not a cursor this list gave out'] }]);
    });

    it('costs the same number of statements for a page of 1 and a page of 200', async () => {
      const statements = async (limit: number) => {
        t.statements.reset();
        const res = await admin.get(`/api/assets?limit=${limit}`);
        expect(res.status).toBe(200);
        return { count: t.statements.count, items: res.body.items.length as number };
      };
      const small = await statements(1);
      const large = await statements(200);
      expect(large.items).toBeGreaterThan(10);
      expect(large.count).toBe(small.count);
    });
  });

  describe('CSV import', () => {
    const HEADER = 'tag,name,type,department,location,serial,purchase_date,cost,warranty_end,lifecycle_years,status,assigned_to';
    const importCsv = (client: ApiClient, csv: string, dryRun: boolean | undefined, contentType = 'text/csv') =>
      client.request<any>('POST', `/api/assets/import${dryRun === undefined ? '' : `?dryRun=${dryRun}`}`, undefined, {
        rawBody: csv,
        headers: { 'content-type': contentType },
      });

    it('checks a file on a dry run, naming every bad row by line, column and message, and writes nothing', async () => {
      await createAsset(t.dataSource, { departmentId: finance.id, tag: 'EXISTING-1' });
      const before = await countAssets();
      const csv = [
        HEADER,
        'DRY-1,Good laptop,laptop,FIN,,,,,,,,',
        'existing-1,Taken tag,desktop,FIN,,,,,,,,',
        '',
        'DRY-3,Bad type,toaster,FIN,,,2025-02-29,12.345,,,,',
        'DRY-4,Bad dept,printer,NOPE,,,,,,,broken,nobody@city.test',
        'dry-1,Duplicate,printer,FIN,,,,,,0,,',
      ].join('\n');
      const res = await importCsv(admin, csv, true);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        dryRun: true,
        rows: 5,
        valid: 1,
        created: 0,
        errors: [
          { line: 3, column: 'tag', message: 'An asset with tag "existing-1" already exists' },
          { line: 5, column: 'type', message: expect.stringMatching(/^type "toaster" is not one of desktop, laptop/) },
          { line: 5, column: 'purchase_date', message: 'purchase_date "2025-02-29" is not a real date YYYY-MM-DD' },
          { line: 5, column: 'cost', message: 'cost "12.345" is not an amount in dollars like 1234.50' },
          { line: 6, column: 'department', message: 'No department has the code "NOPE"' },
          { line: 6, column: 'status', message: 'status "broken" is not one of in_service, in_repair, retired' },
          { line: 6, column: 'assigned_to', message: 'No active user has the e-mail "nobody@city.test"' },
          { line: 7, column: 'tag', message: 'Tag "dry-1" is also on line 2' },
          { line: 7, column: 'lifecycle_years', message: expect.stringMatching(/^lifecycle_years "0" is not a whole number/) },
        ],
      });
      expect(await countAssets()).toBe(before);
    });

    it('writes nothing on a real import when one row is bad, and answers 400 with every problem', async () => {
      const before = await countAssets();
      const csv = [
        HEADER,
        'REAL-1,One,laptop,FIN,,,,,,,,',
        'REAL-2,Two,laptop,FIN,,,,9.999,,,,',
        'REAL-3,Three,laptop,FIN,,,,,,,,',
      ].join('\n');
      const res = await importCsv(admin, csv, false);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        statusCode: 400,
        code: 'import_failed',
        message: expect.stringContaining('nothing was imported'),
        details: [{ line: 3, column: 'cost', message: 'cost "9.999" is not an amount in dollars like 1234.50' }],
      });
      expect(await countAssets()).toBe(before);
      expect(await t.dataSource.query(`SELECT tag FROM assets WHERE tag LIKE 'REAL-%'`)).toEqual([]);
    });

    it('imports a good file in full: cents from dollars, lifecycle from the type, references from codes and e-mails', async () => {
      const before = await countAssets();
      const csv = [
        HEADER,
        `GOOD-1,Front desk PC,desktop,fin,"City Hall, lobby",SN-1,2024-07-01,"$1,234.50",2027-06-30,,in_service,${users.requester.email.toUpperCase()}`,
        'GOOD-2,Patrol radio,Radio,POLICE,,,,0.29,,10,In repair,',
        'GOOD-3,Core switch,network_switch,FIN,Server room,,,,,,,',
      ].join('\r\n');
      const res = await importCsv(admin, `${csv}\r\n`, false);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ dryRun: false, rows: 3, valid: 3, created: 3, errors: [] });
      expect(await countAssets()).toBe(before + 3);

      const list = await admin.get('/api/assets?q=GOOD-');
      const byTag = Object.fromEntries((list.body.items as { tag: string }[]).map((a) => [a.tag, a]));
      expect(byTag['GOOD-1']).toMatchObject({
        name: 'Front desk PC',
        type: 'desktop',
        department: { id: finance.id, name: 'Finance' },
        location: 'City Hall, lobby',
        serial: 'SN-1',
        purchaseDate: '2024-07-01',
        costCents: 123450,
        warrantyEnd: '2027-06-30',
        lifecycleYears: 4,
        status: 'in_service',
        assignedUser: { id: users.requester.id, name: users.requester.name },
        createdAt: '2026-03-02T14:00:00.000Z',
      });
      expect(byTag['GOOD-2']).toMatchObject({
        type: 'radio',
        department: { id: police.id },
        costCents: 29,
        lifecycleYears: 10,
        status: 'in_repair',
        assignedUser: null,
      });
      expect(byTag['GOOD-3']).toMatchObject({ lifecycleYears: 7, costCents: null, location: 'Server room', serial: null });

      // Importing the same file again finds every tag taken.
      const again = await importCsv(admin, csv, true);
      expect(again.body.valid).toBe(0);
      expect(again.body.errors.map((e: { line: number }) => e.line)).toEqual([2, 3, 4]);
    });

    it('names each unknown or missing column of the header and checks no row', async () => {
      const csv = 'tag,name,colour,department\nHDR-1,Thing,red,FIN\n';
      const dry = await importCsv(admin, csv, true);
      expect(dry.status).toBe(200);
      expect(dry.body).toEqual({
        dryRun: true,
        rows: 1,
        valid: 0,
        created: 0,
        errors: [
          {
            line: 1,
            column: 'colour',
            message: expect.stringMatching(/^Unknown column "colour"; the columns are tag, name, type/),
          },
          { line: 1, column: 'type', message: 'Required column "type" is missing' },
        ],
      });
      const real = await importCsv(admin, csv, false);
      expect(real.status).toBe(400);
      expect(real.body.code).toBe('import_failed');
      expect(real.body.details).toEqual(dry.body.errors);
      expect(await t.dataSource.query(`SELECT id FROM assets WHERE tag = 'HDR-1'`)).toEqual([]);
    });

    it('refuses a file of more than 10,000 rows, even on a dry run', async () => {
      const rows = Array.from({ length: 10_001 }, (_, i) => `BIG-${i},Thing,other,FIN`);
      const res = await importCsv(admin, ['tag,name,type,department', ...rows].join('\n'), true);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('import_failed');
      expect(res.body.details).toEqual([{ line: 10_002, column: null, message: 'A file may hold at most 10000 rows; split it' }]);
    });

    it('takes exactly 10,000 rows in one statement', async () => {
      const before = await countAssets();
      const rows = Array.from({ length: 10_000 }, (_, i) => `MAX-${i},Thing ${i},other,PARKS`);
      t.statements.reset();
      const res = await importCsv(admin, ['tag,name,type,department', ...rows].join('\n'), false);
      expect(res.body).toEqual({ dryRun: false, rows: 10_000, valid: 10_000, created: 10_000, errors: [] });
      expect(t.statements.statements.filter((s) => /INSERT INTO assets/.test(s))).toHaveLength(1);
      expect(await countAssets()).toBe(before + 10_000);
    });

    it('needs dryRun, a text/csv body and at most 5 MiB', async () => {
      const csv = 'tag,name,type,department\nQ-1,Thing,other,FIN\n';
      const noFlag = await importCsv(admin, csv, undefined);
      expect(noFlag.status).toBe(400);
      expect(noFlag.body.details[0].field).toBe('dryRun');
      const json = await admin.post('/api/assets/import?dryRun=true', { csv });
      expect(json.status).toBe(400);
      expect(json.body.details).toEqual([{ field: 'body', messages: [expect.stringContaining('text/csv')] }]);
      const withCharset = await importCsv(admin, csv, true, 'text/csv; charset=utf-8');
      expect(withCharset.body).toMatchObject({ rows: 1, valid: 1 });
      const huge = await importCsv(admin, `tag,name,type,department\n${'x'.repeat(5 * 1024 * 1024)}`, true);
      expect(huge.status).toBe(413);
      const empty = await importCsv(admin, '', true);
      expect(empty.status).toBe(200);
      expect(empty.body.errors).toEqual([{ line: 1, column: null, message: expect.stringContaining('empty') }]);
    });
  });
});
