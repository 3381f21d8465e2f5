import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { stringify } from 'csv-stringify/sync';
import { TicketImportProcessor } from '../../src/modules/imports/ticket-import.processor.js';
import { createDepartment, createUser, type UserRecord } from '../factories/identity.factory.js';
import { createCategory, createQueue } from '../factories/reference.factory.js';
import { queueId } from '../factories/ticket.factory.js';
import { startTestApp, type ApiClient, type ApiResponse, type TestApp } from '../support/test-app.js';
import { expectedCell, FORMULA_PAYLOADS, FORMULA_PREFIXES, QUOTING_PAYLOADS, readCsv } from './support/authn-csv.js';
import { apiRoutes } from './support/authn-openapi.js';

/**
 * Every CSV export of the API, table-driven from the OpenAPI document: each report with each of
 * its tables and groupings, the audit log and an import's problem report. Names, tags, user agents,
 * request ids and imported values start with every formula-injection prefix (see authn-csv.ts for
 * the list and its sources) or need RFC 4180 quoting. Each download is read back strictly and
 * compared cell by cell with the JSON answer to the same request: numbers as numbers, every text
 * cell that starts with a prefix neutralised with a leading apostrophe, everything else unchanged.
 *
 * No export has a negative figure today (costs, minutes and counts are at least 0, which the
 * database checks); every numeric cell is still compared unprefixed, so a negative one would have
 * to stay a number (csv.spec.ts writes negative numbers through the same writer).
 */

const PAYLOADS = [...FORMULA_PAYLOADS, ...QUOTING_PAYLOADS];
const TICKET_RANGE = { from: '2025-07-01', to: '2026-03-02' };
const ASSET_RANGE = { from: '2025-07-01', to: '2029-06-30', repairShare: '0.01' };

interface ReportExport {
  label: string;
  path: string;
  params: Record<string, string>;
  table: string;
  groupBy: string | null;
}

/** Each report × table × grouping the document offers (no grouping too). */
const REPORT_EXPORTS: ReportExport[] = apiRoutes()
  .filter((r) => r.method === 'GET' && r.path.startsWith('/api/reports/') && r.produces.includes('text/csv'))
  .flatMap((route) => {
    const tables = route.query.find((q) => q.name === 'table')?.enum ?? ['rows'];
    const groups = [null, ...(route.query.find((q) => q.name === 'groupBy')?.enum ?? [])];
    return tables.flatMap((table) =>
      groups.map((groupBy) => ({
        label: `${route.path} table=${table} groupBy=${groupBy ?? '-'}`,
        path: route.path,
        params: {
          ...(route.path.endsWith('asset-refresh') ? ASSET_RANGE : TICKET_RANGE),
          ...(route.query.some((q) => q.name === 'table') ? { table } : {}),
          ...(groupBy ? { groupBy } : {}),
        },
        table,
        groupBy,
      })),
    );
  });

describe('CSV exports (security suite)', () => {
  let t: TestApp;
  let admin: ApiClient;
  let adminUser: UserRecord;
  let importRunId: string;

  const query = (params: Record<string, string>): string => new URLSearchParams(params).toString();
  const ok = async (answer: Promise<ApiResponse>): Promise<ApiResponse> => {
    const res = await answer;
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };

  /**
   * Compares a download with the JSON rows of the same request, cell by cell; returns every
   * difference and every text cell that a spreadsheet would run as a formula.
   */
  function compare(
    body: string,
    rows: Record<string, unknown>[],
    valueOf: (row: Record<string, unknown>, header: string) => unknown,
  ) {
    const { header, records, problems } = readCsv(body);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(rows.length);
    const differences: string[] = [];
    records.forEach((record, i) =>
      header.forEach((column, j) => {
        const value = valueOf(rows[i]!, column);
        const cell = record[j]!;
        if (cell !== expectedCell(value))
          differences.push(`row ${i + 1} ${column}: ${JSON.stringify(cell)} for ${JSON.stringify(value)}`);
        if (typeof value !== 'number' && FORMULA_PREFIXES.some((p) => cell.startsWith(p))) {
          differences.push(`row ${i + 1} ${column}: ${JSON.stringify(cell)} starts a formula`);
        }
      }),
    );
    return { header, records, differences };
  }

  /** How many of the payloads appear (as text, neutralised or not) somewhere in the records. */
  const payloadsIn = (records: string[][]): string[] =>
    PAYLOADS.map(([, payload]) => payload).filter((payload) =>
      records.some((r) => r.some((cell) => cell === payload || cell === `'${payload}`)),
    );

  beforeAll(async () => {
    t = await startTestApp();
    const db = t.dataSource;
    adminUser = await createUser(db, { role: 'admin' });
    admin = t.client();
    await admin.login(adminUser.email, adminUser.password);
    const requester = await createUser(db, { role: 'requester' });
    const tech = await createUser(db, { role: 'technician' });
    const serviceDesk = await queueId(db, 'service_desk');

    // Every payload names a department, queue, category and asset, with tickets, time and money
    // on them: reactive (resolved, and one still open) and proactive.
    for (const [i, [, payload]] of PAYLOADS.entries()) {
      const department = await createDepartment(db, { name: payload, code: `CSV${i}` });
      const queue = await createQueue(db, { name: payload });
      const category = await createCategory(db, { name: payload, defaultQueueId: serviceDesk });
      const [asset] = await db.query(
        `INSERT INTO assets (tag, name, type, department_id, status, lifecycle_years, purchase_date, cost_cents, created_at, updated_at)
         VALUES ($1, $1, 'laptop', $2, 'in_service', 4, '2022-03-01', 100000, now(), now()) RETURNING id`,
        [payload, department.id],
      );
      const tickets = [
        { n: 'a', kind: 'incident', workClass: 'reactive', status: 'resolved', created: '2026-02-10T15:00:00Z', asset: asset.id },
        { n: 'b', kind: 'incident', workClass: 'reactive', status: 'in_progress', created: '2026-02-20T15:00:00Z', asset: null },
        {
          n: 'c',
          kind: 'maintenance',
          workClass: 'proactive',
          status: 'resolved',
          created: '2025-11-12T15:00:00Z',
          asset: asset.id,
        },
      ];
      for (const ticket of tickets) {
        const resolved = ticket.status === 'resolved';
        const [row] = await db.query(
          `INSERT INTO tickets (number, kind, work_class, title, status, impact, urgency, priority, requester_id, department_id, queue_id,
                                category_id, asset_id, source, created_by_id, created_at, updated_at, first_response_at, first_resolved_at,
                                resolved_at, first_response_minutes, first_resolution_minutes, resolution_minutes, first_response_breached,
                                resolution_breached, labour_minutes, labour_cost_cents)
           VALUES ($1, $2, $3, 'CSV fixture', $4, 'one_person', 'inconvenience', 'P2', $5, $6, $7, $8, $9, 'import', $5, $10, $10,
                   $10::timestamptz + interval '1 hour', $11, $11, 60, $12, $12, $13, $14, 90, 9000)
           RETURNING id`,
          [
            `CSV-${i}-${ticket.n}`,
            ticket.kind,
            ticket.workClass,
            ticket.status,
            requester.id,
            department.id,
            queue.id,
            category.id,
            ticket.asset,
            ticket.created,
            resolved ? new Date(Date.parse(ticket.created) + 5 * 3_600_000) : null,
            resolved ? 300 + i : null,
            i % 2 === 0,
            resolved ? i % 3 === 0 : null,
          ],
        );
        await db.query(
          `INSERT INTO ticket_work_logs (ticket_id, user_id, work_date, minutes, rate_cents, cost_cents, created_by_id, created_at, updated_at)
           VALUES ($1, $2, $3::timestamptz::date, 90, 6000, 9000, $2, now(), now())`,
          [row.id, tech.id, ticket.created],
        );
        await db.query(
          `INSERT INTO ticket_expenses (ticket_id, type, amount_cents, spent_on, asset_id, created_by_id, created_at, updated_at)
           VALUES ($1, 'parts', $2, $3::timestamptz::date, $4, $5, now(), now())`,
          [row.id, 40000 + i * 100, ticket.created, ticket.asset, tech.id],
        );
      }
    }

    // The audit log: failed sign-ins whose browser and request id start formulas (an anonymous
    // caller chooses both), and sign-ins of people whose names do.
    for (const [i, [, payload]] of PAYLOADS.entries()) {
      t.clock.advance(61_000); // one address: keep under the sign-in throttle
      const ascii = /^[\x20-\x7e]+$/.test(payload); // what an HTTP header can carry
      await t
        .client()
        .post(
          '/api/auth/login',
          { email: `${payload.trim()}@city.test`, password: 'not-the-password' },
          { headers: { 'user-agent': ascii ? payload : `Browser ${i}`, 'x-request-id': `-${i}-${i + 1}` } },
        );
      const person = await createUser(db, { role: 'requester', name: payload });
      await t.client().login(person.email, person.password);
    }

    // An import whose problem report quotes values that start formulas.
    const file = stringify([
      ['id', 'title', 'opened', 'prio'],
      ...PAYLOADS.map(([, payload], i) => [`X${i}`, `Imported ${i}`, '2025-06-01T10:00:00Z', payload]),
    ]);
    const upload = await admin.request<{ id: string }>('POST', '/api/imports/files?name=formulas.csv', undefined, {
      headers: { 'content-type': 'text/csv' },
      rawBody: file,
    });
    expect(upload.status).toBe(201);
    const [finance] = await db.query(`SELECT id FROM departments WHERE code = 'CSV0'`);
    const run = await admin.post('/api/imports/tickets', {
      fileId: upload.body.id,
      dryRun: true,
      columns: { externalId: 'id', title: 'title', openedAt: 'opened', priority: 'prio' },
      dateFormat: 'ISO',
      timeZone: 'America/New_York',
      defaults: { priority: 'P3', departmentId: finance.id, queueId: serviceDesk, requesterId: requester.id },
    });
    expect(run.status).toBe(202);
    importRunId = run.body.id;
    await t.app.get(TicketImportProcessor, { strict: false }).runPending();
  }, 120_000);
  afterAll(() => t?.close());

  it('covers every CSV download the API documents', () => {
    const documented = apiRoutes()
      .filter((r) => r.method === 'GET' && r.produces.includes('text/csv'))
      .map((r) => r.path)
      .sort();
    const covered = [...new Set(REPORT_EXPORTS.map((e) => e.path)), '/api/audit', '/api/imports/{id}/errors.csv'].sort();
    expect(documented).toEqual(covered);
    expect(REPORT_EXPORTS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(REPORT_EXPORTS.map((e) => [e.label, e] as const))('%s', async (_, e) => {
    const json = (await ok(admin.get(`${e.path}?${query(e.params)}`))).body as Record<string, unknown>;
    const res = await ok(admin.get(`${e.path}?${query({ ...e.params, format: 'csv' })}`));
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = json[e.table] as Record<string, unknown>[];
    expect(Array.isArray(rows)).toBe(true);
    // The group column is named by the grouping the report applied (some reports group by default).
    const groupBy = (json.groupBy as string | null | undefined) ?? null;
    const { header, records, differences } = compare(res.body as string, rows, (row, column) =>
      groupBy !== null && column === groupBy ? row.groupName : row[column],
    );
    expect(differences).toEqual([]);
    // Where rows carry names (departments, queues, categories, assets), every payload came through.
    const named = ['department', 'queue', 'category'].some((g) => header.includes(g)) || e.table === 'repairs';
    if (named) expect(payloadsIn(records).sort()).toEqual(PAYLOADS.map(([, p]) => p).sort());
  });

  it.each(['auth.sign_in_failed', 'auth.signed_in'])('/api/audit action=%s', async (action) => {
    const items: Record<string, unknown>[] = [];
    let cursor: string | null = null;
    do {
      const page = await ok(admin.get(`/api/audit?${query({ action, limit: '50', ...(cursor ? { cursor } : {}) })}`));
      items.push(...(page.body.items as Record<string, unknown>[]));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    const res = await ok(admin.get(`/api/audit?${query({ action, format: 'csv' })}`));
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const actor = (row: Record<string, unknown>) => row.actor as Record<string, unknown> | null;
    const fields: Record<string, (row: Record<string, unknown>) => unknown> = {
      occurred_at: (r) => r.occurredAt,
      actor_email: (r) => actor(r)?.email,
      actor_name: (r) => actor(r)?.name,
      actor_id: (r) => actor(r)?.id,
      action: (r) => r.action,
      target_type: (r) => r.targetType,
      target_id: (r) => r.targetId,
      ip: (r) => r.ip,
      user_agent: (r) => r.userAgent,
      request_id: (r) => r.requestId,
      detail: (r) => JSON.stringify(r.detail),
    };
    const { header, records, differences } = compare(res.body as string, items, (row, column) => {
      const field = fields[column];
      if (!field) throw new Error(`unexpected audit column ${column}`);
      return field(row);
    });
    expect(header).toEqual(Object.keys(fields));
    expect(differences).toEqual([]);
    expect(items.length).toBeGreaterThanOrEqual(PAYLOADS.length);
    const column = action === 'auth.signed_in' ? 'actor_name' : 'user_agent';
    const seen = records.map((r) => r[header.indexOf(column)]!);
    const expected =
      action === 'auth.signed_in'
        ? PAYLOADS.map(([, p]) => p)
        : PAYLOADS.map(([, p]) => p).filter((p) => /^[\x20-\x7e]+$/.test(p));
    for (const payload of expected) expect(seen).toContain(expectedCell(payload));
    expect(seen.some((cell) => cell.startsWith("'-") || cell.startsWith("'+"))).toBe(true);
  });

  it('/api/imports/{id}/errors.csv', async () => {
    const run = (await ok(admin.get(`/api/imports/${importRunId}`))).body;
    const res = await ok(admin.get(`/api/imports/${importRunId}/errors.csv`));
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const errors = run.errors as Record<string, unknown>[];
    const { header, records, differences } = compare(res.body as string, errors, (row, column) => row[column]);
    expect(header).toEqual(['line', 'column', 'value', 'reason']);
    expect(differences).toEqual([]);
    expect(records.length).toBe(PAYLOADS.length);
    // The import trims values and reads a CR as a line break, so payloads that start with white
    // space or hold a CR arrive changed (and are compared as the JSON shows them); the rest verbatim.
    const verbatim = PAYLOADS.map(([, p]) => p).filter((p) => !/^\s|\r/.test(p));
    expect(payloadsIn(records)).toEqual(expect.arrayContaining(verbatim));
    expect(records.some((r) => r[2] === "'=1+1")).toBe(true); // the tab payload, trimmed to a formula
  });
});
