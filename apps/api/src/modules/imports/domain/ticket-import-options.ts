import type { TicketStatus } from '@civicdesk/sla';
import type { Impact, Priority, TicketKind, Urgency } from '../../tickets/domain/ticket-vocabulary.js';

/** The CivicDesk fields a column of the file can fill. */
export const TICKET_IMPORT_FIELDS = [
  'externalId',
  'number',
  'title',
  'kind',
  'status',
  'priority',
  'impact',
  'urgency',
  'department',
  'category',
  'queue',
  'requester',
  'assignee',
  'openedAt',
  'firstResponseAt',
  'resolvedAt',
  'closedAt',
  'labourMinutes',
  'cost',
] as const;
export type TicketImportField = (typeof TICKET_IMPORT_FIELDS)[number];

/** Without these the file cannot become tickets. */
export const REQUIRED_IMPORT_FIELDS: readonly TicketImportField[] = ['externalId', 'openedAt'];

export const DATE_FIELDS = ['openedAt', 'firstResponseAt', 'resolvedAt', 'closedAt'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

/** Which file column fills which field; a field left out is not in the file. */
export type TicketImportColumns = Partial<Record<TicketImportField, string>>;

/** A source value (as written in the file) to a CivicDesk value; keys compare without case. */
export interface TicketImportValueMaps {
  priority?: Record<string, Priority>;
  impact?: Record<string, Impact>;
  urgency?: Record<string, Urgency>;
  status?: Record<string, TicketStatus>;
  kind?: Record<string, TicketKind>;
}

export const ORG_MATCHES = ['name', 'code'] as const;
export type OrgMatch = (typeof ORG_MATCHES)[number];
export const PEOPLE_MATCHES = ['email', 'name'] as const;
export type PeopleMatch = (typeof PEOPLE_MATCHES)[number];

/** How a file's text names CivicDesk's records. Queues' and categories' codes are their system keys. */
export interface TicketImportMatching {
  department: OrgMatch;
  category: OrgMatch;
  queue: OrgMatch;
  people: PeopleMatch;
}

/** What a value that names no record becomes: the default, nothing, or a reported row. */
export interface TicketImportUnmatched {
  department: 'default' | 'report';
  queue: 'default' | 'report';
  requester: 'default' | 'report';
  category: 'none' | 'report';
  assignee: 'none' | 'report';
}

export interface TicketImportDefaults {
  departmentId: string;
  queueId: string;
  requesterId: string;
  categoryId: string | null;
  kind: TicketKind;
  /** For rows without a priority (or a file without priority, impact and urgency columns). */
  priority: Priority | null;
  /** Staff credited with the response and resolution of tickets nobody was assigned; the importing admin when null. */
  workerId: string | null;
}

/** Everything a ticket import needs besides the file: stored with the run, so any instance can work it. */
export interface TicketImportOptions {
  columns: TicketImportColumns;
  /** A Unicode date pattern such as `d/M/yyyy H:mm`, or `ISO` for ISO 8601. */
  dateFormat: string;
  /** IANA time zone the file's times are written in (unless a time carries its own offset). */
  timeZone: string;
  /** Cell values that mean "no value" (ServiceNow writes `?`); an empty cell always does. */
  missingValues: string[];
  valueMaps: TicketImportValueMaps;
  matching: TicketImportMatching;
  unmatched: TicketImportUnmatched;
  defaults: TicketImportDefaults;
}

export interface OptionProblem {
  field: string;
  message: string;
}

/**
 * Checks a mapping against the file's header: every named column exists, the required fields
 * are mapped, impact and urgency come together, and a priority can always be found. The date
 * format and time zone are checked by import-dates.
 */
export function checkColumns(options: TicketImportOptions, header: readonly string[]): OptionProblem[] {
  const problems: OptionProblem[] = [];
  const known = new Set(header);
  for (const [field, column] of Object.entries(options.columns)) {
    if (column !== undefined && !known.has(column)) {
      problems.push({ field: `columns.${field}`, message: `the file has no column "${column}"` });
    }
  }
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (!options.columns[field]) problems.push({ field: `columns.${field}`, message: `map a column to ${field}` });
  }
  const { impact, urgency, priority } = options.columns;
  if (Boolean(impact) !== Boolean(urgency)) {
    problems.push({ field: impact ? 'columns.urgency' : 'columns.impact', message: 'map impact and urgency together' });
  }
  if (options.columns.cost && !options.columns.labourMinutes) {
    problems.push({ field: 'columns.labourMinutes', message: 'a cost is the cost of labour minutes: map them too' });
  }
  if (!priority && !impact && !options.defaults.priority) {
    problems.push({
      field: 'defaults.priority',
      message: 'map a priority column (or impact and urgency), or give a default priority',
    });
  }
  return problems;
}
