import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { unzipSync } from 'fflate';
import { PROJECT_ROOT } from '../src/config/app-config.js';
import { TicketImportProcessor } from '../src/modules/imports/ticket-import.processor.js';
import { createDepartment, createUser, type DepartmentRecord, type UserRecord } from './factories/identity.factory.js';
import { queueId } from './factories/ticket.factory.js';
import { startTestApp, type ApiClient, type ApiResponse, type TestApp } from './support/test-app.js';

/** The shared data folder sits beside the repository (in CI too). */
const ZIP = join(PROJECT_ROOT, '..', 'shared', 'data', 'itsm-incident-log', 'incident_event_log.zip');

interface Expected {
  rows: number;
  incidents: number;
  byPriority: Record<string, number>;
  resolved: number;
  medianHours: number;
}

/**
 * The plain computation the import must agree with, written here from the data set's README and
 * nothing of the import's code: the last row of each `number` is the incident's final state;
 * dates are d/m/Y H:M (read as UTC, as the import is told); `?` is missing. The export quotes
 * nothing (checked), so a line is its cells split at commas.
 */
function expectedFrom(text: string): Expected {
  if (text.includes('"')) throw new Error('the export now quotes values: split lines with a CSV parser');
  const [head, ...lines] = text.split(/\r?\n/).filter((line) => line !== '');
  const column = (name: string) => head!.split(',').indexOf(name);
  const [number, priority, opened, resolved] = ['number', 'priority', 'opened_at', 'resolved_at'].map(column);
  const last = new Map<string, string[]>();
  for (const line of lines) {
    const cells = line.split(',');
    last.set(cells[number!]!, cells);
  }
  const priorityOf: Record<string, string> = { '1 - Critical': 'P1', '2 - High': 'P2', '3 - Moderate': 'P3', '4 - Low': 'P4' };
  const byPriority: Record<string, number> = {};
  const hours: number[] = [];
  const time = (text: string) => {
    const [d, m, y, h, min] = text.split(/[/ :]/).map(Number);
    return Date.UTC(y!, m! - 1, d, h, min);
  };
  for (const cells of last.values()) {
    const p = priorityOf[cells[priority!]!]!;
    byPriority[p] = (byPriority[p] ?? 0) + 1;
    if (cells[resolved!] !== '?') hours.push((time(cells[resolved!]!) - time(cells[opened!]!)) / 3_600_000);
  }
  hours.sort((a, b) => a - b);
  const mid = hours.length / 2;
  const medianHours = hours.length % 2 === 1 ? hours[Math.floor(mid)]! : (hours[mid - 1]! + hours[mid]!) / 2;
  return { rows: lines.length, incidents: last.size, byPriority, resolved: hours.length, medianHours };
}

/**
 * The real ServiceNow incident event log (UCI data set 498, 141,712 events of 24,918 incidents)
 * imported through the API: a dry run first, then the import, then the counts per priority and
 * the median open-to-resolved hours compared with the computation above.
 */
describe('history import of a real ServiceNow export', () => {
  let t: TestApp;
  let admin: ApiClient;
  let adminUser: UserRecord;
  let dept: DepartmentRecord;
  let requester: UserRecord;
  let serviceDesk: string;
  let csv: string;
  let expected: Expected;
  let fileId: string;

  const mapping = (dryRun: boolean) => ({
    fileId,
    dryRun,
    columns: {
      externalId: 'number',
      number: 'number',
      status: 'incident_state',
      priority: 'priority',
      impact: 'impact',
      urgency: 'urgency',
      category: 'category',
      queue: 'assignment_group',
      requester: 'caller_id',
      assignee: 'assigned_to',
      openedAt: 'opened_at',
      resolvedAt: 'resolved_at',
      closedAt: 'closed_at',
    },
    dateFormat: 'd/M/yyyy H:mm',
    timeZone: 'UTC',
    missingValues: ['?'],
    valueMaps: {
      priority: { '1 - Critical': 'P1', '2 - High': 'P2', '3 - Moderate': 'P3', '4 - Low': 'P4' },
      impact: { '1 - High': 'department', '2 - Medium': 'several_people', '3 - Low': 'one_person' },
      urgency: { '1 - High': 'work_stopped', '2 - Medium': 'work_degraded', '3 - Low': 'inconvenience' },
      status: {
        New: 'new',
        Active: 'in_progress',
        'Awaiting User Info': 'waiting_on_requester',
        'Awaiting Evidence': 'waiting_on_requester',
        'Awaiting Vendor': 'waiting_on_vendor',
        'Awaiting Problem': 'waiting_on_vendor',
        Resolved: 'resolved',
        Closed: 'closed',
      },
    },
    matching: { department: 'name', category: 'name', queue: 'name', people: 'name' },
    defaults: { departmentId: dept.id, queueId: serviceDesk, requesterId: requester.id },
  });

  const run = async (dryRun: boolean) => {
    const queued = await admin.post('/api/imports/tickets', mapping(dryRun));
    expect(queued.status).toBe(202);
    await t.app.get(TicketImportProcessor, { strict: false }).runPending();
    const done = await admin.get(`/api/imports/${queued.body.id}`);
    expect(done.status).toBe(200);
    return done.body;
  };

  beforeAll(async () => {
    const unzipped = unzipSync(readFileSync(ZIP), { filter: (file) => file.name === 'incident_event_log.csv' });
    csv = Buffer.from(unzipped['incident_event_log.csv']!).toString('utf8');
    expected = expectedFrom(csv);
    t = await startTestApp({ now: '2026-03-20T12:00:00Z' });
    adminUser = await createUser(t.dataSource, { role: 'admin' });
    admin = t.client();
    await admin.login(adminUser.email, adminUser.password);
    dept = await createDepartment(t.dataSource, { name: 'IT company' });
    requester = await createUser(t.dataSource, { role: 'requester', departmentId: dept.id });
    serviceDesk = await queueId(t.dataSource, 'service_desk');
    const calendar = await admin.post('/api/calendars', {
      name: 'Around the clock',
      timeZone: 'UTC',
      windows: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: '00:00', end: '24:00' })),
    });
    expect(calendar.status).toBe(201);
    expect((await admin.patch(`/api/departments/${dept.id}`, { calendarId: calendar.body.id })).status).toBe(200);
    const policy = await admin.post('/api/sla-policies', {
      name: 'Incidents',
      firstResponseMinutes: 240,
      resolutionMinutes: 7 * 1440,
    });
    expect(policy.status).toBe(201);
  }, 120_000);
  afterAll(() => t.close());

  it('uploads the 46 MB file and reads its header and values', async () => {
    expect(expected).toMatchObject({ rows: 141_712, incidents: 24_918 });
    const file: ApiResponse = await admin.request('POST', '/api/imports/files?name=incident_event_log.csv', undefined, {
      headers: { 'content-type': 'text/csv' },
      rawBody: csv,
    });
    expect(file.status).toBe(201);
    expect(file.body).toMatchObject({ rowCount: 141_712, sizeBytes: Buffer.byteLength(csv) });
    expect(file.body.columns).toHaveLength(36);
    const priority = file.body.columns.find((c: { name: string }) => c.name === 'priority');
    expect([...priority.values].sort()).toEqual(['1 - Critical', '2 - High', '3 - Moderate', '4 - Low']);
    fileId = file.body.id;
  }, 120_000);

  it('dry-runs the whole file: every incident readable, nothing written', async () => {
    const dry = await run(true);
    expect(dry).toMatchObject({
      status: 'succeeded',
      rowsRead: expected.rows,
      ticketsFound: expected.incidents,
      rowsSuperseded: expected.rows - expected.incidents,
      ticketsDone: expected.incidents,
      ticketsCreated: expected.incidents,
      rowsSkipped: 0,
      errorCount: 0,
    });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM tickets`);
    expect(n).toBe(0);
  }, 300_000);

  it('imports every incident as its last state: counts per priority and the median hours to resolve agree', async () => {
    const imported = await run(false);
    expect(imported).toMatchObject({ status: 'succeeded', ticketsCreated: expected.incidents, errorCount: 0 });

    const perPriority: { priority: string; n: number }[] = await t.dataSource.query(
      `SELECT priority, count(*)::int AS n FROM tickets WHERE source = 'import' GROUP BY priority ORDER BY priority`,
    );
    expect(Object.fromEntries(perPriority.map((p) => [p.priority, p.n]))).toEqual(expected.byPriority);
    const [times] = await t.dataSource.query(
      `SELECT count(resolved_at)::int AS resolved,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at) / 3600) AS median
         FROM tickets WHERE source = 'import'`,
    );
    expect(times.resolved).toBe(expected.resolved);
    expect(times.median).toBeCloseTo(expected.medianHours, 6);
    const [states] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'closed')::int AS closed, count(sla_policy_version_id)::int AS with_policy,
              count(resolution_minutes)::int AS timed
         FROM tickets WHERE source = 'import'`,
    );
    // Closing stops the resolution clock of the incidents closed without a resolved time too.
    expect(states).toEqual({ closed: expected.incidents, with_policy: expected.incidents, timed: expected.incidents });
  }, 600_000);
});
