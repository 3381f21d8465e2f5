import { parseDollarsToCents } from '../../assets/domain/asset-csv.js';
import { labourCostCents, rateInForce, type DatedRate } from '../../costs/domain/labour-cost.js';
import { ImpossibleHistoryError, historyTrail } from '../../ticket-history/domain/history-trail.js';
import type { HistoricalTicket, HistoricalWorkLog } from '../../ticket-history/ticket-history.writer.js';
import { computePriority } from '../../tickets/domain/priority.js';
import {
  IMPACTS,
  OPEN_STATUSES,
  PRIORITIES,
  TICKET_KINDS,
  TICKET_STATUSES,
  URGENCIES,
  type Impact,
  type Priority,
  type TicketKind,
  type TicketStatus,
  type Urgency,
} from '../../tickets/domain/ticket-vocabulary.js';
import { isStaff, type Role } from '../../users/domain/role.js';
import { dateIn, type ParsedDate } from './import-dates.js';
import { DATE_FIELDS, type DateField, type TicketImportField, type TicketImportOptions } from './ticket-import-options.js';

/** One record of the file: the line it starts on and its cells in header order. */
export interface ImportRecord {
  line: number;
  cells: readonly string[];
}

/** A value the import could not read. */
export interface ImportRowError {
  line: number;
  /** The file's column; null for the whole row. */
  column: string | null;
  value: string | null;
  reason: string;
}

/** The records a run matches the file's names against, loaded once per run. */
export interface ImportLookups {
  departments: readonly { id: string; name: string; code: string; lifeSafety: boolean }[];
  categories: readonly {
    id: string;
    name: string;
    code: string | null;
    defaultQueueId: string;
    defaultKind: TicketKind | null;
  }[];
  queues: readonly { id: string; name: string; code: string | null }[];
  people: readonly { id: string; email: string; name: string; role: Role; departmentId: string | null }[];
  /** Every labour rate: a technician's own (userId) or a role's default (role). */
  rates: readonly (DatedRate & { role: Role | null })[];
}

/** A row read into a ticket, with what the run keeps about it besides. */
export interface ImportedRow {
  line: number;
  externalId: string;
  sourceNumber: string | null;
  ticket: HistoricalTicket;
  labourMinutes: number;
  labourCostCents: number | null;
}

export type RowResult = { ok: true; row: ImportedRow } | { ok: false; errors: ImportRowError[] };

export interface RowReaderContext {
  /** The admin who started the import: files the tickets and answers those without a worker. */
  actorId: string;
  now: Date;
  /** Work logs are dated in the city's time zone. */
  cityTimeZone: string;
  readDate: (text: string) => ParsedDate;
}

/** The longest title a ticket takes; longer source titles are cut, not refused. */
const MAX_TITLE = 200;
/** One work log holds at most a day; more labour on a ticket is split into several logs. */
const MAX_LOG_MINUTES = 1440;
const MAX_TICKET_MINUTES = 1_000_000;
const MAX_COST_CENTS = 2_000_000_000;

/**
 * A priority given without impact and urgency still needs them (the ticket form shows them): the
 * matrix cell of that priority with the widest impact that is not city-wide.
 */
export const IMPACT_URGENCY_OF: Record<Priority, { impact: Impact; urgency: Urgency }> = {
  P1: { impact: 'department', urgency: 'work_stopped' },
  P2: { impact: 'department', urgency: 'work_degraded' },
  P3: { impact: 'department', urgency: 'inconvenience' },
  P4: { impact: 'several_people', urgency: 'can_wait' },
};

const DATE_WORDS: Record<DateField, string> = {
  openedAt: 'opened',
  firstResponseAt: 'first response',
  resolvedAt: 'resolved',
  closedAt: 'closed',
};

/**
 * Builds the reader of one run: it turns a record into a ticket's facts and milestones, or into
 * every problem the record has (line, column, value, reason), so a dry run reports a row once
 * with all that is wrong in it. Pure: the lookups are loaded by the caller.
 */
export function ticketRowReader(
  options: TicketImportOptions,
  header: readonly string[],
  lookups: ImportLookups,
  context: RowReaderContext,
): (record: ImportRecord) => RowResult {
  const index = new Map(header.map((name, i) => [name, i]));
  const missing = new Set(options.missingValues.map((v) => v.trim()));
  const refs = referenceMaps(options, lookups);
  const valueMap = <T extends string>(map: Record<string, T> | undefined) =>
    new Map(Object.entries(map ?? {}).map(([k, v]) => [k.trim().toLowerCase(), v]));
  const maps = {
    priority: valueMap(options.valueMaps.priority),
    impact: valueMap(options.valueMaps.impact),
    urgency: valueMap(options.valueMaps.urgency),
    status: valueMap(options.valueMaps.status),
    kind: valueMap(options.valueMaps.kind),
  };
  const departmentById = new Map(lookups.departments.map((d) => [d.id, d]));
  const categoryById = new Map(lookups.categories.map((c) => [c.id, c]));
  const personById = new Map(lookups.people.map((p) => [p.id, p]));
  const worker = options.defaults.workerId ?? context.actorId;

  return ({ line, cells }) => {
    const errors: ImportRowError[] = [];
    const column = (field: TicketImportField) => options.columns[field] ?? null;
    /** The cell of a field, trimmed; '' for a missing value or an unmapped field. */
    const cell = (field: TicketImportField): string => {
      const name = column(field);
      if (name === null) return '';
      const value = (cells[index.get(name)!] ?? '').trim();
      return missing.has(value) ? '' : value;
    };
    const fail = (field: TicketImportField, reason: string): null => {
      const value = column(field) === null ? null : cell(field);
      errors.push({ line, column: column(field), value: value === null ? null : shown(value), reason });
      return null;
    };
    const vocabulary = <T extends string>(field: TicketImportField, map: Map<string, T>, allowed: readonly T[]): T | null => {
      const value = cell(field);
      const mapped = map.get(value.toLowerCase());
      if (mapped) return mapped;
      const own = allowed.find((a) => a.toLowerCase() === value.toLowerCase().replace(/[\s-]+/g, '_'));
      return own ?? fail(field, `unknown ${words(field)} value "${shown(value)}": map it to one of ${allowed.join(', ')}`);
    };

    const externalId = cell('externalId');
    const sourceNumber = cell('number') || null;
    const rawTitle = cell('title');
    if (column('title') !== null && rawTitle === '') fail('title', 'the title is empty');
    const title = (rawTitle || `Imported ticket ${sourceNumber ?? externalId}`).slice(0, MAX_TITLE);

    const dates: Partial<Record<DateField, Date | null>> = {};
    for (const field of DATE_FIELDS) {
      const text = cell(field);
      if (text === '') {
        if (field === 'openedAt') fail(field, 'the opening time is empty');
        dates[field] = null;
        continue;
      }
      const parsed = context.readDate(text);
      if ('problem' in parsed) dates[field] = fail(field, parsed.problem);
      else if (parsed.at > context.now) dates[field] = fail(field, `the ${DATE_WORDS[field]} time is in the future`);
      else dates[field] = parsed.at;
    }

    // The status, when the file has one, says where the ticket stands; the times say when.
    let status: TicketStatus | null = null;
    if (cell('status') !== '') status = vocabulary('status', maps.status, TICKET_STATUSES);
    let resolvedAt = dates.resolvedAt ?? null;
    let closedAt = dates.closedAt ?? null;
    let canceled = false;
    if (status !== null && OPEN_STATUSES.includes(status)) {
      resolvedAt = null;
      closedAt = null;
    } else if (status === 'resolved') {
      closedAt = null;
      if (!resolvedAt && !fieldFailed(errors, column('resolvedAt'))) {
        fail(column('resolvedAt') ? 'resolvedAt' : 'status', 'the status is resolved but there is no resolved time');
      }
    } else if (status === 'closed' || status === 'canceled') {
      closedAt ??= resolvedAt;
      canceled = status === 'canceled';
      if (canceled) resolvedAt = null;
      if (!closedAt && !fieldFailed(errors, column('closedAt'), column('resolvedAt'))) {
        const where = column('closedAt') ? 'closedAt' : column('resolvedAt') ? 'resolvedAt' : 'status';
        fail(where, `the status is ${status} but there is no closed or resolved time`);
      }
    }

    const kind: TicketKind | null = cell('kind') !== '' ? vocabulary('kind', maps.kind, TICKET_KINDS) : options.defaults.kind;

    // References: a name the file uses for a record CivicDesk does not have.
    const requester = refs.person(cell('requester'));
    let requesterId = options.defaults.requesterId;
    if (requester.found) requesterId = requester.found.id;
    else if (requester.problem) fail('requester', requester.problem);
    else if (cell('requester') !== '' && options.unmatched.requester === 'report') {
      fail('requester', `no user has the ${options.matching.people} "${shown(cell('requester'))}"`);
    }

    const assignee = refs.person(cell('assignee'));
    let assigneeId: string | null = null;
    if (assignee.found && isStaff(assignee.found.role)) assigneeId = assignee.found.id;
    else if (assignee.found) fail('assignee', `${assignee.found.name} is not IT staff`);
    else if (assignee.problem) fail('assignee', assignee.problem);
    else if (cell('assignee') !== '' && options.unmatched.assignee === 'report') {
      fail('assignee', `no staff member has the ${options.matching.people} "${shown(cell('assignee'))}"`);
    }

    let departmentId = options.defaults.departmentId;
    const department = refs.department(cell('department'));
    if (department) departmentId = department;
    else if (cell('department') !== '' && options.unmatched.department === 'report') {
      fail('department', `no department has the ${options.matching.department} "${shown(cell('department'))}"`);
    } else if (cell('department') === '' && requester.found?.departmentId) departmentId = requester.found.departmentId;

    let categoryId = options.defaults.categoryId;
    const category = refs.category(cell('category'));
    if (category) categoryId = category;
    else if (cell('category') !== '') {
      if (options.unmatched.category === 'report') {
        fail('category', `no category has the ${options.matching.category} "${shown(cell('category'))}"`);
      } else categoryId = null;
    }

    let queueId = (categoryId && categoryById.get(categoryId)?.defaultQueueId) || options.defaults.queueId;
    const queue = refs.queue(cell('queue'));
    if (queue) queueId = queue;
    else if (cell('queue') !== '' && options.unmatched.queue === 'report') {
      fail('queue', `no queue has the ${options.matching.queue} "${shown(cell('queue'))}"`);
    }

    // Priority: the file's own, or the matrix over its impact and urgency (raised for life-safety departments).
    let impact: Impact | null = null;
    let urgency: Urgency | null = null;
    if (cell('impact') !== '') impact = vocabulary('impact', maps.impact, IMPACTS);
    if (cell('urgency') !== '') urgency = vocabulary('urgency', maps.urgency, URGENCIES);
    let priority: Priority | null = null;
    if (cell('priority') !== '') priority = vocabulary('priority', maps.priority, PRIORITIES);
    else if (impact && urgency) {
      priority = computePriority(impact, urgency, departmentById.get(departmentId)?.lifeSafety ?? false);
    } else if (options.defaults.priority) priority = options.defaults.priority;
    else if (!fieldFailed(errors, column('impact'), column('urgency'), column('priority'))) {
      fail(column('priority') ? 'priority' : 'impact', 'the priority is empty and there is no default priority');
    }
    if (priority && (!impact || !urgency)) ({ impact, urgency } = IMPACT_URGENCY_OF[priority]);

    const labour = readLabour();
    if (errors.length > 0) return { ok: false, errors };

    const openedAt = dates.openedAt!;
    const firstResponseAt = dates.firstResponseAt ?? null;
    const end = resolvedAt ?? closedAt;
    if (firstResponseAt && end && firstResponseAt > end) {
      fail('firstResponseAt', `the first response is after the ${resolvedAt ? 'resolution' : 'closing'}`);
      return { ok: false, errors };
    }
    const workerId = assigneeId ?? worker;
    const ticket: HistoricalTicket = {
      externalId,
      kind: kind!,
      title,
      description: sourceNumber ? `Number in the previous helpdesk: ${sourceNumber}` : '',
      impact: impact!,
      urgency: urgency!,
      priority: priority!,
      departmentId,
      queueId,
      categoryId,
      requesterId,
      createdById: context.actorId,
      assigneeId,
      workerId: worker,
      source: 'import',
      openedAt,
      firstResponseAt,
      resolvedAt,
      closedAt,
      canceled,
    };
    try {
      historyTrail(ticket);
    } catch (error) {
      if (!(error instanceof ImpossibleHistoryError)) throw error;
      const field = (DATE_FIELDS as readonly string[]).includes(error.field) ? (error.field as DateField) : 'openedAt';
      fail(field, impossibleReason(error, options));
      return { ok: false, errors };
    }
    if (labour.minutes > 0) {
      const workDate = dateIn(end ?? openedAt, context.cityTimeZone);
      const logs = workLogs(workerId, workDate, labour.minutes, labour.costCents);
      if (labour.costCents === null && rateFor(workerId, workDate) === null) {
        const name = personById.get(workerId)?.name ?? 'the worker';
        fail('labourMinutes', `no hourly rate is in force for ${name} on ${workDate}: add one under Rates, or map a cost column`);
        return { ok: false, errors };
      }
      ticket.workLogs = logs;
    }
    return {
      ok: true,
      row: { line, externalId, sourceNumber, ticket, labourMinutes: labour.minutes, labourCostCents: labour.costCents },
    };

    function readLabour(): { minutes: number; costCents: number | null } {
      const minutesText = cell('labourMinutes');
      const costText = cell('cost');
      let minutes = 0;
      if (minutesText !== '') {
        if (!/^\d+$/.test(minutesText) || Number(minutesText) > MAX_TICKET_MINUTES) {
          fail('labourMinutes', `not a whole number of minutes (0 to ${MAX_TICKET_MINUTES})`);
        } else minutes = Number(minutesText);
      }
      if (costText === '') return { minutes, costCents: null };
      const costCents = parseDollarsToCents(costText);
      if (costCents === null || costCents > MAX_COST_CENTS) {
        fail('cost', 'not an amount in dollars like 1234.50');
      } else if (minutes === 0) {
        fail('cost', 'a labour cost needs labour minutes');
      } else if (Math.round((costCents * 60) / minutes) < 1) {
        fail('cost', 'the cost is less than a cent an hour: leave it empty to price the time at the rate of the day');
      }
      return { minutes, costCents };
    }
  };

  function rateFor(userId: string, workDate: string): number | null {
    const role = personById.get(userId)?.role ?? null;
    return rateInForce(
      lookups.rates.filter((r) => r.userId === userId || (r.userId === null && r.role === role)),
      workDate,
    );
  }
}

/** Labour as work logs of at most a day each; a recorded cost is shared out in proportion, to the cent. */
function workLogs(userId: string, workDate: string, minutes: number, costCents: number | null): HistoricalWorkLog[] {
  const logs: HistoricalWorkLog[] = [];
  let costLeft = costCents;
  for (let left = minutes; left > 0; left -= MAX_LOG_MINUTES) {
    const part = Math.min(left, MAX_LOG_MINUTES);
    const log: HistoricalWorkLog = { userId, workDate, minutes: part, note: IMPORTED_WORK_NOTE };
    if (costCents !== null && costLeft !== null) {
      log.costCents = left === part ? costLeft : labourCostCents(part, (costCents * 60) / minutes);
      costLeft -= log.costCents;
    }
    logs.push(log);
  }
  return logs;
}

/** The note on work logs an import writes: a changed figure replaces exactly these. */
export const IMPORTED_WORK_NOTE = 'Labour recorded in the previous helpdesk';

function impossibleReason(error: ImpossibleHistoryError, options: TicketImportOptions): string {
  // The writer's names (resolvedAt, openedAt) in the file's own words.
  return error.message.replace(/\b(openedAt|firstResponseAt|resolvedAt|closedAt)\b/g, (field) => {
    const name = options.columns[field as DateField];
    return name ? `${name}` : DATE_WORDS[field as DateField];
  });
}

function fieldFailed(errors: readonly ImportRowError[], ...columns: (string | null)[]): boolean {
  return errors.some((e) => e.column !== null && columns.includes(e.column));
}

function words(field: TicketImportField): string {
  return field.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
}

/** A cell quoted in a report, cut short so a stray paragraph does not flood it. */
function shown(value: string): string {
  return value.length > 200 ? `${value.slice(0, 197)}...` : value;
}

interface PersonMatch {
  found: ImportLookups['people'][number] | null;
  problem: string | null;
}

/** Name-to-record maps for the run's matching rules; names compare without case. */
function referenceMaps(options: TicketImportOptions, lookups: ImportLookups) {
  const by = <T>(items: readonly T[], key: (item: T) => string | null) => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      const k = key(item)?.trim().toLowerCase();
      if (k) map.set(k, [...(map.get(k) ?? []), item]);
    }
    return map;
  };
  const org = <T extends { id: string; name: string; code: string | null }>(items: readonly T[], match: 'name' | 'code') => {
    const map = by(items, (i) => (match === 'name' ? i.name : i.code));
    return (value: string): string | null => (value === '' ? null : (map.get(value.toLowerCase())?.[0]?.id ?? null));
  };
  const people = by(lookups.people, (p) => (options.matching.people === 'email' ? p.email : p.name));
  return {
    department: org(lookups.departments, options.matching.department),
    category: org(lookups.categories, options.matching.category),
    queue: org(lookups.queues, options.matching.queue),
    person: (value: string): PersonMatch => {
      const found = value === '' ? [] : (people.get(value.toLowerCase()) ?? []);
      if (found.length > 1) return { found: null, problem: `${found.length} users are named "${shown(value)}"` };
      return { found: found[0] ?? null, problem: null };
    },
  };
}
