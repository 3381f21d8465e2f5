import type { ImportFile, Priority, StartTicketImportInput, TicketStatus } from '../../../lib/api/api-types';

export type ImportField = keyof StartTicketImportInput['columns'];

/** CivicDesk's fields, in form order, with the header names other helpdesks give them. */
export const IMPORT_FIELDS: readonly { field: ImportField; label: string; required?: boolean; names: readonly string[] }[] = [
  {
    field: 'externalId',
    label: 'External id',
    required: true,
    names: ['external_id', 'sys_id', 'id', 'ticket_id', 'incident_id', 'number'],
  },
  { field: 'number', label: 'Number', names: ['number', 'ticket_number', 'incident_number', 'key'] },
  { field: 'title', label: 'Title', names: ['title', 'short_description', 'subject', 'summary'] },
  { field: 'kind', label: 'Kind', names: ['kind', 'type', 'ticket_type'] },
  { field: 'status', label: 'Status', names: ['status', 'state', 'incident_state'] },
  { field: 'priority', label: 'Priority', names: ['priority'] },
  { field: 'impact', label: 'Impact', names: ['impact'] },
  { field: 'urgency', label: 'Urgency', names: ['urgency'] },
  { field: 'department', label: 'Department', names: ['department', 'dept', 'department_code'] },
  { field: 'category', label: 'Category', names: ['category'] },
  { field: 'queue', label: 'Queue', names: ['queue', 'assignment_group', 'group', 'team'] },
  { field: 'requester', label: 'Requester', names: ['requester', 'caller_id', 'caller', 'requested_by', 'reported_by'] },
  { field: 'assignee', label: 'Assignee', names: ['assignee', 'assigned_to', 'technician', 'owner'] },
  {
    field: 'openedAt',
    label: 'Opened',
    required: true,
    names: ['opened_at', 'opened', 'created_at', 'created', 'sys_created_on'],
  },
  { field: 'firstResponseAt', label: 'First response', names: ['first_response_at', 'first_response', 'responded_at'] },
  { field: 'resolvedAt', label: 'Resolved', names: ['resolved_at', 'resolved', 'resolution_date'] },
  { field: 'closedAt', label: 'Closed', names: ['closed_at', 'closed', 'close_date'] },
  {
    field: 'labourMinutes',
    label: 'Labour minutes',
    names: ['labour_minutes', 'labor_minutes', 'time_spent', 'time_worked', 'minutes'],
  },
  { field: 'cost', label: 'Labour cost', names: ['cost', 'labour_cost', 'labor_cost'] },
];

const normalised = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_');

/** A column for each field whose usual names the header uses; a column is given to one field only, except the number. */
export function guessColumns(header: readonly string[]): Partial<Record<ImportField, string>> {
  const byName = new Map(header.map((column) => [normalised(column), column]));
  const taken = new Set<string>();
  const guess: Partial<Record<ImportField, string>> = {};
  for (const { field, names } of IMPORT_FIELDS) {
    const column = names.map((name) => byName.get(name)).find((c) => c !== undefined && (!taken.has(c) || field === 'number'));
    if (!column) continue;
    guess[field] = column;
    taken.add(column);
  }
  return guess;
}

/** "1 - Critical" → P1, "High" → P2, "P3" → P3; null when the words say nothing. */
export function guessPriority(value: string): Priority | null {
  const text = value.trim().toLowerCase();
  const digit = /^p?([1-4])\b/.exec(text);
  if (digit) return `P${digit[1]}` as Priority;
  if (/critical|urgent|emergency/.test(text)) return 'P1';
  if (/high/.test(text)) return 'P2';
  if (/moderate|medium|normal/.test(text)) return 'P3';
  if (/low|planning/.test(text)) return 'P4';
  return null;
}

/** A source status in CivicDesk's words, or null. */
export function guessStatus(value: string): TicketStatus | null {
  const text = value.trim().toLowerCase();
  if (/cancel|withdrawn|duplicate/.test(text)) return 'canceled';
  if (/closed/.test(text)) return 'closed';
  if (/resolved|solved|fixed/.test(text)) return 'resolved';
  if (/vendor|supplier|problem|change/.test(text) && /await|wait|pending|hold/.test(text)) return 'waiting_on_vendor';
  if (/await|wait|pending|hold/.test(text)) return 'waiting_on_requester';
  if (/active|progress|assigned|work/.test(text)) return 'in_progress';
  if (/new|open/.test(text)) return 'new';
  return null;
}

/** A date pattern that reads the sampled times: ISO, year first, or day/month (month/day when the day cannot be first). */
export function guessDateFormat(samples: readonly string[]): string {
  const times = samples.filter((s) => /\d/.test(s));
  if (times.length === 0) return 'yyyy-MM-dd HH:mm';
  if (times.every((s) => /^\d{4}-\d{2}-\d{2}T/.test(s))) return 'ISO';
  const withSeconds = times.some((s) => /\d:\d{2}:\d{2}/.test(s));
  const clock = withSeconds ? 'H:mm:ss' : 'H:mm';
  if (times.every((s) => /^\d{4}-\d{1,2}-\d{1,2}/.test(s))) return `yyyy-MM-dd ${clock}`;
  const parts = times.map((s) => /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})/.exec(s)).filter((m) => m !== null);
  if (parts.length === 0) return `yyyy-MM-dd ${clock}`;
  const separator = /^\d{1,2}([/.-])/.exec(times[0]!)?.[1] ?? '/';
  const year = parts.every((m) => m[3]!.length === 2) ? 'yy' : 'yyyy';
  const monthFirst = parts.some((m) => Number(m[2]) > 12) && parts.every((m) => Number(m[1]) <= 12);
  const date = monthFirst ? ['M', 'd', year] : ['d', 'M', year];
  return `${date.join(separator)} ${clock}`;
}

/** The mapping form's state. */
export interface ImportSettings {
  columns: Partial<Record<ImportField, string>>;
  dateFormat: string;
  timeZone: string;
  missingValues: string;
  priorityMap: Record<string, Priority | null>;
  statusMap: Record<string, TicketStatus | null>;
  matching: NonNullable<StartTicketImportInput['matching']>;
  departmentId: string | null;
  queueId: string | null;
  requester: { id: string; name: string } | null;
  defaultPriority: Priority | null;
}

/** The values of a column the file sampled (none for an unmapped one). */
export function columnValues(file: ImportFile, column: string | undefined): string[] {
  return file.columns.find((c) => c.name === column)?.values ?? [];
}

/** Everything guessed from a freshly uploaded file: columns, date format, the values of priority and status. */
export function initialSettings(file: ImportFile, timeZone: string): ImportSettings {
  const columns = guessColumns(file.columns.map((c) => c.name));
  const missing = file.columns.some((c) => c.values.includes('?')) ? '?' : '';
  const settings: ImportSettings = {
    columns,
    dateFormat: guessDateFormat(columnValues(file, columns.openedAt)),
    timeZone,
    missingValues: missing,
    priorityMap: {},
    statusMap: {},
    matching: { department: 'name', category: 'name', queue: 'name', people: 'email' },
    departmentId: null,
    queueId: null,
    requester: null,
    defaultPriority: null,
  };
  return withGuessedValues(file, settings);
}

/** Value maps for the values of the mapped priority and status columns, keeping choices already made. */
export function withGuessedValues(file: ImportFile, settings: ImportSettings): ImportSettings {
  const missing = new Set(splitMissing(settings.missingValues));
  const values = (column: string | undefined) => columnValues(file, column).filter((v) => v !== '' && !missing.has(v));
  return {
    ...settings,
    priorityMap: Object.fromEntries(
      values(settings.columns.priority).map((v) => [v, settings.priorityMap[v] ?? guessPriority(v)]),
    ),
    statusMap: Object.fromEntries(values(settings.columns.status).map((v) => [v, settings.statusMap[v] ?? guessStatus(v)])),
  };
}

function splitMissing(text: string): string[] {
  return text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** What the form still lacks before a run can start, in words; empty when ready. */
export function missingSettings(settings: ImportSettings): string[] {
  const missing: string[] = [];
  for (const { field, label, required } of IMPORT_FIELDS) {
    if (required && !settings.columns[field]) missing.push(`the ${label.toLowerCase()} column`);
  }
  if (!settings.departmentId) missing.push('a default department');
  if (!settings.queueId) missing.push('a default queue');
  if (!settings.requester) missing.push('a default requester');
  return missing;
}

/** The request that starts a run (or its dry run) with these settings. */
export function importRequest(fileId: string, settings: ImportSettings, dryRun: boolean): StartTicketImportInput {
  const mapped = <T extends string>(map: Record<string, T | null>) =>
    Object.fromEntries(Object.entries(map).filter((entry): entry is [string, T] => entry[1] !== null));
  return {
    fileId,
    dryRun,
    columns: Object.fromEntries(Object.entries(settings.columns).filter(([, column]) => Boolean(column))),
    dateFormat: settings.dateFormat.trim(),
    timeZone: settings.timeZone,
    missingValues: splitMissing(settings.missingValues),
    valueMaps: { priority: mapped(settings.priorityMap), status: mapped(settings.statusMap) },
    matching: settings.matching,
    defaults: {
      departmentId: settings.departmentId ?? '',
      queueId: settings.queueId ?? '',
      requesterId: settings.requester?.id ?? '',
      priority: settings.defaultPriority,
    },
  };
}
