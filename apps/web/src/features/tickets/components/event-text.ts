import type {
  EscalationAction,
  Impact,
  SlaMatchReason,
  SlaTarget,
  TicketEvent,
  TicketKind,
  TicketStatus,
  Urgency,
  WorkClass,
} from '../../../lib/api/api-types';
import {
  ESCALATION_ACTIONS,
  escalationActionWords,
  SLA_MATCH_REASONS,
  SLA_TARGETS,
  slaMatchReasonWords,
  slaTargetLabel,
} from '../../../lib/tickets/sla-vocabulary';
import {
  IMPACTS,
  impactLabel,
  kindLabel,
  statusLabel,
  TICKET_KINDS,
  TICKET_STATUSES,
  URGENCIES,
  urgencyLabel,
  WORK_CLASSES,
  workClassLabel,
} from '../../../lib/tickets/ticket-vocabulary';
import { formatCents, formatHourlyRate } from '../../../lib/money/money';
import { formatWorkMinutes } from '../../../lib/time/durations';
import { formatDate } from '../../../lib/time/format-date';
import { EXPENSE_TYPES, expenseTypeLabel } from './cost-words';

const FIELD_LABELS: Record<string, string> = {
  title: 'the title',
  description: 'the description',
  status: 'status',
  priority: 'priority',
  impact: 'impact',
  urgency: 'urgency',
  kind: 'kind',
  workClass: 'work class',
  queue: 'queue',
  queueId: 'queue',
  assignee: 'assignee',
  assigneeId: 'assignee',
  category: 'category',
  categoryId: 'category',
  asset: 'asset',
  assetId: 'asset',
  requester: 'requester',
  requesterId: 'requester',
  department: 'department',
  departmentId: 'department',
};

/**
 * Fields that hold another record's id. Their events carry the names the ids had when the change
 * was made (fromName/toName); older events have ids only, which the trail does not try to name.
 */
const REFERENCE_FIELDS: ReadonlySet<string> = new Set([
  'assignee',
  'assigneeId',
  'requester',
  'requesterId',
  'queue',
  'queueId',
  'category',
  'categoryId',
  'asset',
  'assetId',
  'department',
  'departmentId',
]);

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/**
 * A recorded value in words: enum values get their labels, references the name recorded with
 * them; null for a reference recorded without a name.
 */
function valueText(field: string | undefined, value: unknown, name: unknown): string | null {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof name === 'string' && name) return name;
  if (typeof value === 'object') {
    const named = value as { name?: unknown; tag?: unknown };
    if (typeof named.tag === 'string' && typeof named.name === 'string') return `${named.tag} ${named.name}`;
    if (typeof named.name === 'string') return named.name;
    return 'a new value';
  }
  if (field && REFERENCE_FIELDS.has(field)) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return 'a new value';
  if ((field === 'status' || field === undefined) && isOneOf<TicketStatus>(TICKET_STATUSES, value)) return statusLabel(value);
  if (field === 'impact' && isOneOf<Impact>(IMPACTS, value)) return impactLabel(value);
  if (field === 'urgency' && isOneOf<Urgency>(URGENCIES, value)) return urgencyLabel(value);
  if (field === 'kind' && isOneOf<TicketKind>(TICKET_KINDS, value)) return kindLabel(value);
  if (field === 'workClass' && isOneOf<WorkClass>(WORK_CLASSES, value)) return workClassLabel(value);
  if (field === 'description' || value.length > 80) return `“${value.slice(0, 80)}${value.length > 80 ? '…' : ''}”`;
  return value;
}

/** " from New to In progress", " to Network", or nothing when the new value cannot be put in words. */
function fromTo(field: string | undefined, data: Record<string, unknown>): string {
  const to = valueText(field, data.to, data.toName);
  if (to === null) return '';
  const from = data.from === null || data.from === undefined ? null : valueText(field, data.from, data.fromName);
  return from === null ? ` to ${to}` : ` from ${from} to ${to}`;
}

/** "SLA policy “P3 – normal” (v1) applied after the priority changed" */
function policyMatched(data: Record<string, unknown>): string {
  const name = typeof data.name === 'string' ? ` “${data.name}”` : '';
  const version = typeof data.version === 'number' ? ` (v${data.version})` : '';
  const reason =
    isOneOf<SlaMatchReason>(SLA_MATCH_REASONS, data.reason) && data.reason !== 'created'
      ? ` ${slaMatchReasonWords(data.reason)}`
      : '';
  return `SLA policy${name}${version} applied${reason}`;
}

/** "Escalation level 2: 100 % of resolution time reached — notified the queue lead, raised priority" */
function escalated(data: Record<string, unknown>): string {
  const level = typeof data.level === 'number' ? ` level ${data.level}` : '';
  const target = isOneOf<SlaTarget>(SLA_TARGETS, data.target)
    ? `${slaTargetLabel(data.target).toLowerCase()} time`
    : 'the target';
  const reached = typeof data.percent === 'number' ? `: ${data.percent} % of ${target} reached` : '';
  const actions = Array.isArray(data.actions) ? data.actions.filter((a) => isOneOf<EscalationAction>(ESCALATION_ACTIONS, a)) : [];
  return `Escalation${level}${reached}${actions.length > 0 ? ` — ${escalationActionWords(actions, true)}` : ''}`;
}

const asNumber = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const asText = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** " (cost $106.25)", or nothing for an event recorded without one. */
function costSuffix(data: Record<string, unknown>): string {
  const cost = asNumber(data.costCents);
  return cost === null ? '' : ` (cost ${formatCents(cost)})`;
}

/** "Casey Colleague’s " when the time was someone else’s than the person who acted; else "". */
function whose(data: Record<string, unknown>, actorName: string | undefined): string {
  const name = asText(data.userName);
  return name && name !== actorName ? `${name}’s ` : '';
}

/** "logged 1 h 15 min of Casey Colleague’s work (cost $106.25)" */
function workLogged(who: string, data: Record<string, unknown>, actorName: string | undefined): string {
  const minutes = asNumber(data.minutes);
  if (minutes === null) return `${who} logged work`;
  return `${who} logged ${formatWorkMinutes(minutes)} of ${whose(data, actorName)}work${costSuffix(data)}`;
}

/** "deleted Casey Colleague’s work log of 1 h 15 min (cost $106.25)": what the trail kept of it. */
function workLogDeleted(who: string, data: Record<string, unknown>, actorName: string | undefined): string {
  const minutes = asNumber(data.minutes);
  const of = minutes === null ? '' : ` of ${formatWorkMinutes(minutes)}`;
  const owner = whose(data, actorName);
  return `${who} deleted ${owner || 'a '}work log${of}${costSuffix(data)}`;
}

/** "imported the ticket (INC0000045) from incident_log.csv, line 12" */
function imported(who: string, data: Record<string, unknown>): string {
  const number = typeof data.sourceNumber === 'string' && data.sourceNumber ? ` (${data.sourceNumber})` : '';
  const file = typeof data.fileName === 'string' ? ` ${data.change === 'updated' ? 'of' : 'from'} ${data.fileName}` : '';
  const line = asNumber(data.line);
  const what = data.change === 'updated' ? 'updated the ticket from a later import' : 'imported the ticket';
  return `${who} ${what}${number}${file}${line === null ? '' : `, line ${line}`}`;
}

/** "an expense of $45.99 (Parts, CDW)" */
function expenseText(data: Record<string, unknown>): string {
  const amount = asNumber(data.amountCents);
  if (amount === null) return 'an expense';
  const details = [isOneOf(EXPENSE_TYPES, data.type) ? expenseTypeLabel(data.type) : null, asText(data.vendor)].filter(
    (part): part is string => part !== null,
  );
  return `an expense of ${formatCents(amount)}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}

/** How each changed field of a work log or expense is said: "time from 1 h to 1 h 30 min". */
const ENTRY_FIELDS: readonly (readonly [field: string, label: string, words: ((value: unknown) => string) | null])[] = [
  ['minutes', 'time', (v) => (typeof v === 'number' ? formatWorkMinutes(v) : 'none')],
  ['amountCents', 'amount', (v) => (typeof v === 'number' ? formatCents(v) : 'none')],
  ['type', 'type', (v) => (isOneOf(EXPENSE_TYPES, v) ? expenseTypeLabel(v) : 'none')],
  ['vendor', 'vendor', (v) => asText(v) ?? 'none'],
  ['workDate', 'date', (v) => (typeof v === 'string' ? formatDate(v) : 'none')],
  ['spentOn', 'date', (v) => (typeof v === 'string' ? formatDate(v) : 'none')],
  ['rateCents', 'rate', (v) => (typeof v === 'number' ? formatHourlyRate(v) : 'none')],
  ['costCents', 'cost', (v) => (typeof v === 'number' ? formatCents(v) : 'none')],
  // Free text and references: that they changed is enough for the trail.
  ['note', 'the note', null],
  ['description', 'the description', null],
  ['assetId', 'the asset', null],
];

/** "changed a work log: time from 1 h to 1 h 30 min, cost from $85.00 to $127.50" */
function entryChanged(who: string, noun: string, data: Record<string, unknown>): string {
  const changes = (typeof data.changes === 'object' && data.changes !== null ? data.changes : {}) as Record<
    string,
    { from?: unknown; to?: unknown } | undefined
  >;
  const parts = ENTRY_FIELDS.flatMap(([field, label, words]) => {
    const change = changes[field];
    if (!change) return [];
    return [words ? `${label} from ${words(change.from)} to ${words(change.to)}` : label];
  });
  return `${who} changed ${noun}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

/** "Taylor Tech changed status from New to In progress": one event of the ticket's history, in words. */
export function describeEvent(event: TicketEvent): string {
  const who = event.actor?.name ?? 'CivicDesk';
  const data = (event.data ?? {}) as Record<string, unknown>;
  const reason = typeof data.reason === 'string' && data.reason ? `: “${data.reason}”` : '';
  switch (event.type) {
    case 'created':
      return `${who} filed the ticket`;
    case 'status_changed':
      return `${who} changed status${fromTo('status', data)}`;
    case 'field_changed': {
      const field = typeof data.field === 'string' ? data.field : undefined;
      if (field === 'description') return `${who} edited the description`;
      const label = field ? (FIELD_LABELS[field] ?? field) : 'a field';
      // An escalation level that raises the priority records the change with CivicDesk as the actor.
      if (data.reason === 'escalation') return `${who} raised ${label}${fromTo(field, data)} (SLA escalation)`;
      return `${who} changed ${label}${fromTo(field, data)}`;
    }
    case 'assigned': {
      const to = data.to ?? null;
      if (to === null) return `${who} unassigned the ticket`;
      if (event.actor && to === event.actor.id) return `${who} took the ticket`;
      const name = valueText('assigneeId', to, data.toName);
      return name === null ? `${who} assigned the ticket` : `${who} assigned the ticket to ${name}`;
    }
    case 'commented':
      return data.internal === true ? `${who} added an internal note` : `${who} replied`;
    case 'reopened':
      return `${who} reopened the ticket${reason}`;
    case 'priority_overridden':
      return `${who} changed priority${fromTo('priority', data)}${reason}`;
    case 'confirmed':
      return `${who} confirmed it’s fixed`;
    case 'sla_policy_matched':
      return policyMatched(data);
    case 'sla_escalated':
      return escalated(data);
    // Costs are staff-only events, like the history that shows them.
    case 'work_logged':
      return workLogged(who, data, event.actor?.name);
    case 'work_log_changed':
      return entryChanged(who, 'a work log', data);
    case 'work_log_deleted':
      return workLogDeleted(who, data, event.actor?.name);
    case 'expense_added':
      return `${who} added ${expenseText(data)}`;
    case 'expense_changed':
      return entryChanged(who, 'an expense', data);
    case 'expense_deleted':
      return `${who} deleted ${expenseText(data)}`;
    case 'imported':
      return imported(who, data);
  }
}
