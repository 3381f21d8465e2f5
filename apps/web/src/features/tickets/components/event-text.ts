import type { Impact, TicketEvent, TicketKind, TicketStatus, Urgency, WorkClass } from '../../../lib/api/api-types';
import {
  IMPACTS,
  impactLabel,
  kindLabel,
  statusLabel,
  TICKET_KINDS,
  TICKET_STATUSES,
  URGENCIES,
  urgencyLabel,
  workClassLabel,
} from '../../../lib/tickets/ticket-vocabulary';

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
 * Names for the ids the event log records (assignee, queue, category), from lists the screen
 * already has; an id it cannot name is described without it.
 */
export type NameLookup = (field: string, id: string) => string | undefined;

const REFERENCE_FIELDS: Record<string, string> = {
  assignee: 'user',
  assigneeId: 'user',
  requester: 'user',
  requesterId: 'user',
  queue: 'queue',
  queueId: 'queue',
  category: 'category',
  categoryId: 'category',
  asset: 'asset',
  assetId: 'asset',
  department: 'department',
  departmentId: 'department',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** A recorded value in words: enum values get their labels, references their names. */
function valueText(field: string | undefined, value: unknown, names: NameLookup): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'string' && UUID.test(value)) {
    const kind = (field && REFERENCE_FIELDS[field]) ?? 'user';
    return names(kind, value) ?? `another ${kind}`;
  }
  if (typeof value === 'object') {
    const named = value as { name?: unknown; tag?: unknown };
    if (typeof named.tag === 'string' && typeof named.name === 'string') return `${named.tag} ${named.name}`;
    if (typeof named.name === 'string') return named.name;
    return 'a new value';
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return 'a new value';
  if ((field === 'status' || field === undefined) && isOneOf<TicketStatus>(TICKET_STATUSES, value)) return statusLabel(value);
  if (field === 'impact' && isOneOf<Impact>(IMPACTS, value)) return impactLabel(value);
  if (field === 'urgency' && isOneOf<Urgency>(URGENCIES, value)) return urgencyLabel(value);
  if (field === 'kind' && isOneOf<TicketKind>(TICKET_KINDS, value)) return kindLabel(value);
  if (field === 'workClass' && isOneOf<WorkClass>(['reactive', 'service', 'proactive'], value)) return workClassLabel(value);
  if (field === 'description' || value.length > 80) return `“${value.slice(0, 80)}${value.length > 80 ? '…' : ''}”`;
  return value;
}

function fromTo(field: string | undefined, data: Record<string, unknown>, names: NameLookup): string {
  const hasFrom = 'from' in data && data.from !== null && data.from !== undefined;
  const to = valueText(field, data.to, names);
  return hasFrom ? `from ${valueText(field, data.from, names)} to ${to}` : `to ${to}`;
}

const noNames: NameLookup = () => undefined;

/** "Taylor Tech changed status from New to In progress": one event of the ticket's history, in words. */
export function describeEvent(event: TicketEvent, names: NameLookup = noNames): string {
  const who = event.actor?.name ?? 'CivicDesk';
  const data = (event.data ?? {}) as Record<string, unknown>;
  const reason = typeof data.reason === 'string' && data.reason ? `: “${data.reason}”` : '';
  switch (event.type) {
    case 'created':
      return `${who} filed the ticket`;
    case 'status_changed':
      return `${who} changed status ${fromTo('status', data, names)}`;
    case 'field_changed': {
      const field = typeof data.field === 'string' ? data.field : undefined;
      if (field === 'description') return `${who} edited the description`;
      return `${who} changed ${field ? (FIELD_LABELS[field] ?? field) : 'a field'} ${fromTo(field, data, names)}`;
    }
    case 'assigned': {
      const to = data.to ?? null;
      if (to === null) return `${who} unassigned the ticket`;
      if (event.actor && to === event.actor.id) return `${who} took the ticket`;
      return `${who} assigned the ticket to ${valueText('assigneeId', to, names)}`;
    }
    case 'commented':
      return data.internal === true ? `${who} added an internal note` : `${who} replied`;
    case 'reopened':
      return `${who} reopened the ticket${reason}`;
    case 'priority_overridden':
      return `${who} changed priority ${fromTo('priority', data, names)}${reason}`;
    case 'confirmed':
      return `${who} confirmed it’s fixed`;
  }
}
