import type { Impact, Priority, TicketKind, TicketStatus, Urgency, WorkClass } from '../api/api-types';

// Records keyed by the API's enums: a value added to the API fails the type check here until it has words.

const STATUS_LABELS: Record<TicketStatus, string> = {
  new: 'New',
  assigned: 'Assigned',
  in_progress: 'In progress',
  waiting_on_requester: 'Waiting on requester',
  waiting_on_vendor: 'Waiting on vendor',
  resolved: 'Resolved',
  closed: 'Closed',
  canceled: 'Canceled',
};

export const TICKET_STATUSES = Object.keys(STATUS_LABELS) as TicketStatus[];

/** The statuses in which a ticket still needs work; "All open" in the queue. */
export const OPEN_STATUSES: readonly TicketStatus[] = [
  'new',
  'assigned',
  'in_progress',
  'waiting_on_requester',
  'waiting_on_vendor',
];

export function statusLabel(status: TicketStatus): string {
  return STATUS_LABELS[status];
}

const STATUS_COLORS: Record<TicketStatus, string> = {
  new: 'blue',
  assigned: 'indigo',
  in_progress: 'cyan',
  waiting_on_requester: 'yellow',
  waiting_on_vendor: 'orange',
  resolved: 'green',
  closed: 'gray',
  canceled: 'gray',
};

export function statusColor(status: TicketStatus): string {
  return STATUS_COLORS[status];
}

export const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3', 'P4'];

const PRIORITY_COLORS: Record<Priority, string> = { P1: 'red', P2: 'orange', P3: 'blue', P4: 'gray' };

export function priorityColor(priority: Priority): string {
  return PRIORITY_COLORS[priority];
}

const KIND_LABELS: Record<TicketKind, string> = {
  incident: 'Incident',
  service_request: 'Service request',
  maintenance: 'Maintenance',
};

export const TICKET_KINDS = Object.keys(KIND_LABELS) as TicketKind[];

export function kindLabel(kind: TicketKind): string {
  return KIND_LABELS[kind];
}

const WORK_CLASS_LABELS: Record<WorkClass, string> = { reactive: 'Reactive', service: 'Service', proactive: 'Proactive' };

export const WORK_CLASSES = Object.keys(WORK_CLASS_LABELS) as WorkClass[];

export function workClassLabel(workClass: WorkClass): string {
  return WORK_CLASS_LABELS[workClass];
}

/** Impact, widest first: the requester's own words, and the staff's shorter ones. */
const IMPACT_WORDS: Record<Impact, { plain: string; label: string }> = {
  city_wide: { plain: 'The whole city', label: 'City-wide' },
  department: { plain: 'My department', label: 'Department' },
  several_people: { plain: 'Several people', label: 'Several people' },
  one_person: { plain: 'Just me', label: 'One person' },
};

export const IMPACTS = Object.keys(IMPACT_WORDS) as Impact[];

export function impactPlainWords(impact: Impact): string {
  return IMPACT_WORDS[impact].plain;
}

export function impactLabel(impact: Impact): string {
  return IMPACT_WORDS[impact].label;
}

/** Urgency, most urgent first. */
const URGENCY_WORDS: Record<Urgency, { plain: string; label: string }> = {
  work_stopped: { plain: 'I can’t work at all', label: 'Work stopped' },
  work_degraded: { plain: 'I can work, but badly', label: 'Work degraded' },
  inconvenience: { plain: 'It’s an inconvenience', label: 'Inconvenience' },
  can_wait: { plain: 'It can wait', label: 'Can wait' },
};

export const URGENCIES = Object.keys(URGENCY_WORDS) as Urgency[];

export function urgencyPlainWords(urgency: Urgency): string {
  return URGENCY_WORDS[urgency].plain;
}

export function urgencyLabel(urgency: Urgency): string {
  return URGENCY_WORDS[urgency].label;
}
