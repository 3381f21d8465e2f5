import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { TicketImportProcessor } from '../src/modules/imports/ticket-import.processor.js';
import { TicketHistoryWriter } from '../src/modules/ticket-history/ticket-history.writer.js';
import {
  createDepartment,
  createUser,
  signedInAs,
  type DepartmentRecord,
  type UserRecord,
} from './factories/identity.factory.js';
import { createCategory, createQueue, type CategoryRecord, type QueueRecord } from './factories/reference.factory.js';
import { queueId } from './factories/ticket.factory.js';
import { startTestApp, type ApiClient, type ApiResponse, type TestApp } from './support/test-app.js';

/**
 * History import over HTTP: upload a CSV, map its columns, dry-run it (every unreadable row
 * reported, nothing written), import it in batches (idempotent by external id, last row wins),
 * and follow the run. Times are America/New_York; office hours Mon–Fri 08:00–17:00.
 */
describe('ticket history import', () => {
  let t: TestApp;
  let admin: ApiClient;
  let adminUser: UserRecord;
  let tech: UserRecord;
  let requester: UserRecord;
  let finance: DepartmentRecord;
  let police: DepartmentRecord;
  let serviceDesk: string;
  let network: QueueRecord;
  let printers: CategoryRecord;
  let policyVersion: string;

  const HEADER = 'id,number,title,prio,dept,category,group,caller,tech,opened,resolved,closed,state,minutes';
  const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

  const upload = (client: ApiClient, text: string, name = 'history.csv'): Promise<ApiResponse> =>
    client.request('POST', `/api/imports/files?name=${encodeURIComponent(name)}`, undefined, {
      headers: { 'content-type': 'text/csv' },
      rawBody: text,
    });

  const mapping = (fileId: string, dryRun: boolean, overrides: Record<string, unknown> = {}) => ({
    fileId,
    dryRun,
    columns: {
      externalId: 'id',
      number: 'number',
      title: 'title',
      priority: 'prio',
      department: 'dept',
      category: 'category',
      queue: 'group',
      requester: 'caller',
      assignee: 'tech',
      openedAt: 'opened',
      resolvedAt: 'resolved',
      closedAt: 'closed',
      status: 'state',
      labourMinutes: 'minutes',
    },
    dateFormat: 'd/M/yyyy H:mm',
    timeZone: 'America/New_York',
    missingValues: ['?'],
    valueMaps: {
      priority: { '1 - Critical': 'P1', '2 - High': 'P2', '3 - Moderate': 'P3', '4 - Low': 'P4' },
      status: { New: 'new', Active: 'in_progress', Resolved: 'resolved', Closed: 'closed' },
    },
    matching: { department: 'code', category: 'name', queue: 'name', people: 'email' },
    unmatched: { department: 'default', queue: 'default', requester: 'default', category: 'none', assignee: 'none' },
    defaults: { departmentId: finance.id, queueId: serviceDesk, requesterId: requester.id },
    ...overrides,
  });

  /** Uploads a file and queues a run of it; the caller works the queue. */
  const queue = async (text: string, dryRun: boolean, overrides: Record<string, unknown> = {}) => {
    const file = await upload(admin, text);
    expect(file.status).toBe(201);
    const run = await admin.post('/api/imports/tickets', mapping(file.body.id, dryRun, overrides));
    expect(run.status).toBe(202);
    expect(run.body.status).toBe('queued');
    return run.body.id as string;
  };
  const processor = () => t.app.get(TicketImportProcessor, { strict: false });
  /** Uploads, queues and works a run to its end, returning the run as GET /api/imports/:id shows it. */
  const importFile = async (text: string, dryRun: boolean, overrides: Record<string, unknown> = {}) => {
    const id = await queue(text, dryRun, overrides);
    await processor().runPending();
    const run = await admin.get(`/api/imports/${id}`);
    expect(run.status).toBe(200);
    return run.body;
  };
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;
  const ticketOf = async (externalId: string) =>
    (
      await t.dataSource.query(
        `SELECT id, title, status, priority, impact, urgency, department_id, queue_id, category_id, requester_id, assignee_id,
                source, created_at, resolved_at, closed_at, description, sla_policy_version_id, resolution_minutes,
                resolution_breached, labour_minutes, labour_cost_cents::int, version
           FROM tickets WHERE external_id = $1`,
        [externalId],
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-20T12:00:00Z' });
    adminUser = await createUser(t.dataSource, { role: 'admin' });
    admin = t.client();
    await admin.login(adminUser.email, adminUser.password);
    tech = await createUser(t.dataSource, { role: 'technician', email: 'tess.tech@city.test' });
    finance = await createDepartment(t.dataSource, { name: 'Finance', code: 'FIN' });
    police = await createDepartment(t.dataSource, { name: 'Police', code: 'PD', lifeSafety: true });
    requester = await createUser(t.dataSource, { role: 'requester', departmentId: finance.id, email: 'rita@city.test' });
    serviceDesk = await queueId(t.dataSource, 'service_desk');
    network = await createQueue(t.dataSource, { name: 'Network' });
    printers = await createCategory(t.dataSource, { name: 'Printers', defaultQueueId: network.id });
    const calendar = await admin.post('/api/calendars', {
      name: 'NY office hours',
      timeZone: 'America/New_York',
      windows: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '17:00' })),
    });
    expect(calendar.status).toBe(201);
    for (const dept of [finance, police]) {
      expect((await admin.patch(`/api/departments/${dept.id}`, { calendarId: calendar.body.id })).status).toBe(200);
    }
    const policy = await admin.post('/api/sla-policies', {
      name: 'Standard',
      firstResponseMinutes: 60,
      resolutionMinutes: 480,
    });
    expect(policy.status).toBe(201);
    policyVersion = policy.body.versionId;
    await t.dataSource.query(
      `INSERT INTO labor_rates (user_id, role, hourly_rate_cents, effective_from, created_by_id, created_at) VALUES ($1, NULL, 6000, '2020-01-01', $2, now())`,
      [tech.id, adminUser.id],
    );
  });
  afterAll(() => t.close());

  describe('upload', () => {
    it('stores the file and answers its header, row count and each column’s values', async () => {
      const res = await upload(
        admin,
        csv('A1,INC1,Printer jam,3 - Moderate,FIN,Printers,?,rita@city.test,?,2/2/2026 9:00,?,?,New,0'),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ name: 'history.csv', rowCount: 1, sizeBytes: expect.any(Number) });
      expect(res.body.columns.map((c: { name: string }) => c.name)).toEqual(HEADER.split(','));
      expect(res.body.columns[3]).toEqual({ name: 'prio', values: ['3 - Moderate'], moreValues: false });
      expect((await admin.get(`/api/imports/files/${res.body.id}`)).body.rowCount).toBe(1);
    });

    it('refuses an empty file, a header naming a column twice, and broken CSV, naming the file', async () => {
      for (const text of ['', 'a,b,a\n1,2,3\n', 'a,b\n1,"unclosed\n']) {
        const res = await upload(admin, text);
        expect(res.status).toBe(400);
        expect(res.body.details).toEqual([{ field: 'file', messages: [expect.any(String)] }]);
      }
    });

    it('is for admins only', async () => {
      const technician = await signedInAs(t, 'technician');
      expect((await upload(technician, csv())).status).toBe(403);
      expect((await upload(t.client(), csv())).status).toBe(401);
      expect((await technician.get('/api/imports')).status).toBe(403);
    });
  });

  describe('mapping', () => {
    let fileId: string;
    beforeAll(async () => {
      fileId = (await upload(admin, csv('A1,INC1,Jam,3 - Moderate,FIN,?,?,?,?,2/2/2026 9:00,?,?,New,0'))).body.id;
    });
    const refused = async (body: Record<string, unknown>) => {
      const res = await admin.post('/api/imports/tickets', body);
      expect(res.status).toBe(400);
      return (res.body.details as { field: string }[]).map((d) => d.field);
    };

    it('answers 400 naming each field: a column not in the file, a bad date format or zone, missing mappings', async () => {
      const base = mapping(fileId, true);
      expect(await refused({ ...base, columns: { ...base.columns, title: 'short_description' } })).toEqual(['columns.title']);
      expect(await refused({ ...base, timeZone: 'Mars/Olympus_Mons' })).toEqual(['timeZone']);
      expect(await refused({ ...base, dateFormat: 'HH:mm' })).toEqual(['dateFormat']);
      expect(await refused({ ...base, columns: { title: 'title' } })).toEqual([
        'columns.externalId',
        'columns.openedAt',
        'defaults.priority',
      ]);
      expect(await refused({ ...base, columns: { ...base.columns, priority: undefined, impact: 'prio' } })).toEqual([
        'columns.urgency',
      ]);
      expect(
        await refused({ ...base, defaults: { ...base.defaults, departmentId: '00000000-0000-4000-8000-000000000000' } }),
      ).toEqual(['defaults.departmentId']);
      expect(await refused({ ...base, defaults: { ...base.defaults, workerId: requester.id } })).toEqual(['defaults.workerId']);
      expect(await refused({ ...base, valueMaps: { priority: { '1 - Critical': 'P0' } } })).toEqual(['valueMaps.priority']);
      expect(await refused({ ...base, dryRun: undefined })).toEqual(['dryRun']);
    });

    it('answers 404 for a file or run that is not there', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      expect((await admin.post('/api/imports/tickets', mapping(missing, true))).status).toBe(404);
      expect((await admin.get(`/api/imports/${missing}`)).status).toBe(404);
      expect((await admin.get(`/api/imports/not-a-uuid`)).status).toBe(404);
      expect((await admin.get(`/api/imports/${missing}/errors.csv`)).status).toBe(404);
    });
  });

  describe('dry run', () => {
    it('reports every row it cannot read with line, column, value and reason, and writes nothing', async () => {
      const before = await count('tickets');
      const file = csv(
        'D1,INC101,Printer jam,3 - Moderate,FIN,Printers,?,rita@city.test,tess.tech@city.test,2/2/2026 9:00,2/2/2026 11:00,3/2/2026 9:00,Closed,30',
        'D2,INC102,Bad date,3 - Moderate,FIN,?,?,?,?,31/2/2026 9:00,?,?,New,0',
        'D3,INC103,Odd priority,"=HYPERLINK(""x"")",FIN,?,?,?,?,2/2/2026 9:00,?,?,New,0',
        'D4,INC104,Time travel,2 - High,FIN,?,?,?,?,5/2/2026 9:00,4/2/2026 9:00,?,Resolved,0',
        'D5,INC105,?,4 - Low,FIN,?,?,?,?,2/2/2026 9:00,?,?,New,0',
        'D6,INC106,Spring forward,4 - Low,FIN,?,?,?,?,8/3/2026 2:30,?,?,New,0',
        ',INC107,No id,4 - Low,FIN,?,?,?,?,2/2/2026 9:00,?,?,New,0',
        'D8,INC108,Too short',
        // An event log: D9's first row is unreadable, but its last row (its final state) is fine.
        'D9,INC109,Router down,1 - Critical,FIN,?,?,?,?,not a date,?,?,New,0',
        'D9,INC109,Router down,1 - Critical,FIN,?,Network,?,?,2/2/2026 9:00,2/2/2026 10:00,?,Resolved,0',
      );
      const run = await importFile(file, true);
      expect(run).toMatchObject({
        status: 'succeeded',
        dryRun: true,
        rowsRead: 10,
        ticketsFound: 7,
        rowsSuperseded: 1,
        rowsSkipped: 7,
        ticketsDone: 7,
        ticketsCreated: 2,
        ticketsUpdated: 0,
        errorCount: 7,
        lastLine: 11,
      });
      expect(run.errors).toEqual([
        { line: 3, column: 'opened', value: '31/2/2026 9:00', reason: 'not a date in the format d/M/yyyy H:mm' },
        {
          line: 4,
          column: 'prio',
          value: '=HYPERLINK("x")',
          reason: 'unknown priority value "=HYPERLINK("x")": map it to one of P1, P2, P3, P4',
        },
        { line: 5, column: 'resolved', value: '4/2/2026 9:00', reason: 'resolved is before opened' },
        { line: 6, column: 'title', value: '', reason: 'the title is empty' },
        {
          line: 7,
          column: 'opened',
          value: '8/3/2026 2:30',
          reason: 'this local time does not exist in America/New_York (clocks moved forward)',
        },
        { line: 8, column: 'id', value: '', reason: 'the external id is empty' },
        { line: 9, column: null, value: null, reason: 'expected 14 values (one per column), found 3' },
      ]);
      expect(await count('tickets')).toBe(before);
      expect(await count('imported_tickets')).toBe(0);

      const report = await admin.get(`/api/imports/${run.id}/errors.csv`);
      expect(report.status).toBe(200);
      expect(report.headers.get('content-type')).toContain('text/csv');
      expect(report.headers.get('content-disposition')).toMatch(/^attachment; filename="import-[0-9a-f]{8}-problems\.csv"$/);
      const lines = (report.body as string)
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      expect(lines[0]).toBe('line,column,value,reason');
      expect(lines).toHaveLength(8);
      expect(lines[2]).toBe(
        `4,prio,"'=HYPERLINK(""x"")","unknown priority value ""=HYPERLINK(""x"")"": map it to one of P1, P2, P3, P4"`,
      );
    });
  });

  it('numbers lines as the file has them: CRLF line ends and a quoted value across two lines', async () => {
    const text =
      [
        HEADER,
        'Q1,INC1,"Two\r\nlines",4 - Low,FIN,?,?,?,?,2/2/2026 9:00,?,?,New,0',
        'Q2,INC2,Bad,4 - Low,FIN,?,?,?,?,yesterday,?,?,New,0',
      ].join('\r\n') + '\r\n';
    const run = await importFile(text, true);
    expect(run).toMatchObject({ rowsRead: 2, ticketsFound: 2, ticketsCreated: 1 });
    expect(run.errors).toEqual([
      { line: 4, column: 'opened', value: 'yesterday', reason: 'not a date in the format d/M/yyyy H:mm' },
    ]);
  });

  describe('import', () => {
    const history = csv(
      // Filed Monday 2 Feb 09:00 EST, resolved 11:00: 120 business minutes.
      'S1,INC201,Printer jam,3 - Moderate,FIN,Printers,?,rita@city.test,tess.tech@city.test,2/2/2026 9:00,2/2/2026 11:00,3/2/2026 9:00,Closed,90',
      'S2,INC202,Radio console,2 - High,PD,?,Network,nobody@city.test,?,2/2/2026 9:00,?,?,Active,?',
      'S3,INC203,Locked out,4 - Low,XX,Unknown category,Nowhere,rita@city.test,?,2/2/2026 9:00,2/2/2026 9:30,?,Resolved,?',
    );

    it('writes each ticket through the live rules: references, priority, SLA outcome, labour, and the import in its trail', async () => {
      const run = await importFile(history, false);
      expect(run).toMatchObject({ status: 'succeeded', ticketsFound: 3, ticketsCreated: 3, ticketsUpdated: 0, errorCount: 0 });

      const s1 = await ticketOf('S1');
      expect(s1).toMatchObject({
        title: 'Printer jam',
        status: 'closed',
        priority: 'P3',
        source: 'import',
        department_id: finance.id,
        category_id: printers.id,
        queue_id: network.id, // the category's queue: the file's group was empty
        requester_id: requester.id,
        assignee_id: tech.id,
        sla_policy_version_id: policyVersion,
        resolution_minutes: 120,
        resolution_breached: false,
        labour_minutes: 90,
        labour_cost_cents: 9000,
        description: 'Number in the previous helpdesk: INC201',
      });
      expect(new Date(s1.created_at).toISOString()).toBe('2026-02-02T14:00:00.000Z');
      expect(new Date(s1.resolved_at).toISOString()).toBe('2026-02-02T16:00:00.000Z');

      const s2 = await ticketOf('S2');
      // Still open by its status; an unknown caller is the default requester; PD matched by code.
      expect(s2).toMatchObject({
        status: 'new',
        priority: 'P2',
        department_id: police.id,
        queue_id: network.id,
        requester_id: requester.id,
      });
      const s3 = await ticketOf('S3');
      expect(s3).toMatchObject({ status: 'resolved', department_id: finance.id, category_id: null, queue_id: serviceDesk });

      const [imported] = await t.dataSource.query(
        `SELECT actor_id, public, data FROM ticket_events WHERE ticket_id = $1 AND type = 'imported'`,
        [s1.id],
      );
      expect(imported).toEqual({
        actor_id: adminUser.id,
        public: false,
        data: {
          importRunId: run.id,
          fileName: 'history.csv',
          line: 2,
          externalId: 'S1',
          sourceNumber: 'INC201',
          change: 'created',
        },
      });
      const timeline = await admin.get(`/api/tickets/${s1.id}/events`);
      expect(timeline.status).toBe(200);
      expect(timeline.body.items.map((e: { type: string }) => e.type)).toEqual(
        expect.arrayContaining(['created', 'status_changed', 'work_logged', 'imported']),
      );
    });

    it('changes nothing when the same file is imported again, and updates a ticket from a later row', async () => {
      const events = await count('ticket_events');
      const versions = await t.dataSource.query(
        `SELECT external_id, version FROM tickets WHERE external_id IN ('S1', 'S2', 'S3') ORDER BY 1`,
      );
      const again = await importFile(history, false);
      expect(again).toMatchObject({ status: 'succeeded', ticketsCreated: 0, ticketsUpdated: 0, ticketsUnchanged: 3 });
      expect(await count('ticket_events')).toBe(events);
      expect(
        await t.dataSource.query(`SELECT external_id, version FROM tickets WHERE external_id IN ('S1', 'S2', 'S3') ORDER BY 1`),
      ).toEqual(versions);
      expect(await count(`tickets WHERE external_id IN ('S1', 'S2', 'S3')`)).toBe(3);

      // An event log: S2 appears twice (it got resolved), S1's labour was corrected.
      const later = csv(
        'S1,INC201,Printer jam (fuser),3 - Moderate,FIN,Printers,?,rita@city.test,tess.tech@city.test,2/2/2026 9:00,2/2/2026 11:00,3/2/2026 9:00,Closed,120',
        'S2,INC202,Radio console,2 - High,PD,?,Network,nobody@city.test,?,2/2/2026 9:00,?,?,Active,?',
        'S2,INC202,Radio console,2 - High,PD,?,Network,nobody@city.test,tess.tech@city.test,2/2/2026 9:00,3/2/2026 10:00,?,Resolved,?',
      );
      // Read twice (the final rows not kept in memory): the same outcome.
      processor().finalRowsBudget = 0;
      const update = await importFile(later, false);
      processor().finalRowsBudget = Infinity;
      expect(update).toMatchObject({ rowsRead: 3, rowsSuperseded: 1, ticketsFound: 2, ticketsCreated: 0, ticketsUpdated: 2 });
      const s1 = await ticketOf('S1');
      expect(s1).toMatchObject({ title: 'Printer jam (fuser)', labour_minutes: 120, labour_cost_cents: 12_000 });
      // The corrected labour replaced the imported work log; the trail keeps the deletion.
      expect(await count(`ticket_work_logs WHERE ticket_id = $1`, [s1.id])).toBe(1);
      expect(await count(`ticket_events WHERE ticket_id = $1 AND type = 'work_log_deleted'`, [s1.id])).toBe(1);
      const s2 = await ticketOf('S2');
      expect(s2).toMatchObject({ status: 'resolved', assignee_id: tech.id });
      expect(await count(`tickets WHERE external_id = 'S2'`)).toBe(1);
    });

    it('stops at a failed batch saying where, and a run of the same file afterwards finishes the rest', async () => {
      const rows = Array.from(
        { length: 1500 },
        (_, i) => `B${i},INCB${i},Bulk ${i},4 - Low,FIN,?,?,?,?,2/2/2026 9:00,2/2/2026 10:00,2/2/2026 10:00,Closed,?`,
      );
      const writer = t.app.get(TicketHistoryWriter, { strict: false });
      const write = writer.write.bind(writer);
      const spy = jest.spyOn(writer, 'write');
      spy.mockImplementationOnce(write).mockImplementationOnce(() => Promise.reject(new Error('disk full')));
      const failed = await importFile(csv(...rows), false);
      spy.mockRestore();
      expect(failed).toMatchObject({
        status: 'failed',
        failure: 'disk full',
        ticketsDone: 1000,
        ticketsCreated: 1000,
        lastLine: 1001,
      });
      expect(await count(`tickets WHERE external_id LIKE 'B%'`)).toBe(1000);

      const rerun = await importFile(csv(...rows), false);
      expect(rerun).toMatchObject({ status: 'succeeded', ticketsCreated: 500, ticketsUnchanged: 1000 });
      expect(await count(`tickets WHERE external_id LIKE 'B%'`)).toBe(1500);
    });
  });

  describe('several instances', () => {
    it('works each run once, and a run whose worker died is taken over and resumed', async () => {
      const other = await startTestApp({ sharedDatabaseUrl: t.databaseUrl, now: '2026-03-20T12:00:00Z' });
      try {
        const rows = (prefix: string) =>
          csv(...Array.from({ length: 20 }, (_, i) => `${prefix}${i},?,Task ${i},4 - Low,FIN,?,?,?,?,2/2/2026 9:00,?,?,New,?`));
        const id = await queue(rows('M'), false);
        const results = await Promise.all([
          processor().runPending(),
          other.app.get(TicketImportProcessor, { strict: false }).runPending(),
        ]);
        expect(results.map((r) => r.runs).sort()).toEqual([0, 1]);
        expect((await admin.get(`/api/imports/${id}`)).body).toMatchObject({ status: 'succeeded', ticketsCreated: 20 });
        expect(await count(`tickets WHERE external_id LIKE 'M%'`)).toBe(20);

        // A worker that claimed a run and died: its heartbeat ages, another instance takes the run over.
        const stuck = await queue(rows('N'), false);
        await t.dataSource.query(
          `UPDATE import_runs SET status = 'running', claim_token = gen_random_uuid(), attempts = 1, heartbeat_at = $2 WHERE id = $1`,
          [stuck, '2026-03-20T11:00:00Z'],
        );
        expect(await processor().runPending()).toEqual({ runs: 1 });
        expect((await admin.get(`/api/imports/${stuck}`)).body).toMatchObject({ status: 'succeeded', ticketsCreated: 20 });
      } finally {
        await other.close();
      }
    });

    it('lists runs newest first', async () => {
      const list = await admin.get('/api/imports?limit=2');
      expect(list.status).toBe(200);
      expect(list.body.items).toHaveLength(2);
      const next = await admin.get(`/api/imports?limit=2&cursor=${list.body.nextCursor}`);
      expect(next.body.items[0].createdAt <= list.body.items[1].createdAt).toBe(true);
      expect(next.body.items[0].id).not.toBe(list.body.items[1].id);
    });
  });
});
