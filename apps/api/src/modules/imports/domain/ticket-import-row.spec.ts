import { describe, expect, it } from '@jest/globals';
import { dateReader } from './import-dates.js';
import { checkColumns, type TicketImportOptions } from './ticket-import-options.js';
import { ticketRowReader, type ImportLookups } from './ticket-import-row.js';

const HEADER = ['id', 'title', 'impact', 'urgency', 'dept', 'who', 'opened', 'resolved', 'state', 'minutes', 'cost'];
const lookups: ImportLookups = {
  departments: [
    { id: 'd-fin', name: 'Finance', code: 'FIN', lifeSafety: false },
    { id: 'd-pd', name: 'Police', code: 'PD', lifeSafety: true },
  ],
  categories: [],
  queues: [],
  people: [
    { id: 'u-tech', email: 'tess@city.test', name: 'Tess', role: 'technician', departmentId: null },
    { id: 'u-ana', email: 'ana@city.test', name: 'Ana', role: 'requester', departmentId: 'd-pd' },
  ],
  rates: [{ userId: null, role: 'admin', hourlyRateCents: 9000, effectiveFrom: '2020-01-01' }],
};
const options: TicketImportOptions = {
  columns: {
    externalId: 'id',
    title: 'title',
    impact: 'impact',
    urgency: 'urgency',
    department: 'dept',
    requester: 'who',
    openedAt: 'opened',
    resolvedAt: 'resolved',
    status: 'state',
    labourMinutes: 'minutes',
    cost: 'cost',
  },
  dateFormat: 'yyyy-MM-dd HH:mm',
  timeZone: 'UTC',
  missingValues: ['n/a'],
  valueMaps: {
    impact: { High: 'department' },
    urgency: { High: 'work_stopped' },
    status: { Done: 'closed', Open: 'in_progress' },
  },
  matching: { department: 'code', category: 'name', queue: 'name', people: 'email' },
  unmatched: { department: 'report', queue: 'default', requester: 'default', category: 'none', assignee: 'none' },
  defaults: {
    departmentId: 'd-fin',
    queueId: 'q-desk',
    requesterId: 'u-default',
    categoryId: null,
    kind: 'incident',
    priority: null,
    workerId: null,
  },
};
const read = ticketRowReader(options, HEADER, lookups, {
  actorId: 'u-admin',
  now: new Date('2026-03-01T00:00:00Z'),
  cityTimeZone: 'America/New_York',
  readDate: dateReader(options.dateFormat, options.timeZone),
});
const row = (values: Partial<Record<(typeof HEADER)[number], string>>) => ({
  line: 7,
  cells: HEADER.map((h) => values[h] ?? ''),
});
const good = {
  id: 'X1',
  title: 'Radio down',
  impact: 'high',
  urgency: 'High',
  dept: '',
  who: 'ana@city.test',
  opened: '2026-02-02 14:00',
};

describe('ticketRowReader', () => {
  it('reads a row into a ticket: matrix priority raised for life safety, the requester’s department, labour at a recorded cost', () => {
    const result = read(row({ ...good, resolved: '2026-02-03 02:00', state: 'Done', minutes: '1500', cost: '$300.00' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.row.ticket).toMatchObject({
      externalId: 'X1',
      priority: 'P1', // department × work stopped is P1 already; the raise stops at P1
      departmentId: 'd-pd',
      requesterId: 'u-ana',
      closedAt: new Date('2026-02-03T02:00:00Z'),
      source: 'import',
    });
    // More than a day of labour: split into logs of a day at most, the cost shared out, dated in the city.
    expect(result.row.ticket.workLogs).toEqual([
      expect.objectContaining({ userId: 'u-admin', workDate: '2026-02-02', minutes: 1440, costCents: 28_800 }),
      expect.objectContaining({ userId: 'u-admin', workDate: '2026-02-02', minutes: 60, costCents: 1_200 }),
    ]);
  });

  it('names every problem of a row, each with its column and value', () => {
    const result = read(row({ ...good, title: 'n/a', impact: 'Huge', dept: 'XX', opened: 'yesterday', minutes: '1.5' }));
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 7, column: 'title', value: '', reason: 'the title is empty' },
        { line: 7, column: 'opened', value: 'yesterday', reason: 'not a date in the format yyyy-MM-dd HH:mm' },
        { line: 7, column: 'dept', value: 'XX', reason: 'no department has the code "XX"' },
        {
          line: 7,
          column: 'impact',
          value: 'Huge',
          reason: 'unknown impact value "Huge": map it to one of city_wide, department, several_people, one_person',
        },
        { line: 7, column: 'minutes', value: '1.5', reason: 'not a whole number of minutes (0 to 1000000)' },
      ],
    });
  });

  it('keeps an open ticket open whatever times it carries, and refuses a status without the time it needs', () => {
    const open = read(row({ ...good, resolved: '2026-02-03 02:00', state: 'Open' }));
    expect(open.ok && open.row.ticket.resolvedAt).toBeNull();
    expect(read(row({ ...good, state: 'Done' }))).toMatchObject({
      ok: false,
      errors: [{ column: 'resolved', reason: 'the status is closed but there is no closed or resolved time' }],
    });
  });

  it('needs a rate for labour without a cost', () => {
    const noRate = ticketRowReader({ ...options, defaults: { ...options.defaults, workerId: 'u-tech' } }, HEADER, lookups, {
      actorId: 'u-admin',
      now: new Date('2026-03-01T00:00:00Z'),
      cityTimeZone: 'UTC',
      readDate: dateReader(options.dateFormat, options.timeZone),
    });
    expect(noRate(row({ ...good, minutes: '30' }))).toMatchObject({
      ok: false,
      errors: [{ column: 'minutes', reason: expect.stringContaining('no hourly rate is in force for Tess on 2026-02-02') }],
    });
  });
});

describe('checkColumns', () => {
  it('names columns missing from the header and fields that must come together', () => {
    expect(
      checkColumns({ ...options, columns: { externalId: 'nope', openedAt: 'opened', impact: 'impact', cost: 'cost' } }, HEADER),
    ).toEqual([
      { field: 'columns.externalId', message: 'the file has no column "nope"' },
      { field: 'columns.urgency', message: 'map impact and urgency together' },
      { field: 'columns.labourMinutes', message: 'a cost is the cost of labour minutes: map them too' },
    ]);
  });
});
