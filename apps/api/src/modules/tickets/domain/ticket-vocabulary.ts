/** The ticket vocabulary of the brief, as types and the lists the database enums are made from. */
import type { TicketStatus } from '@civicdesk/sla';

export const TICKET_KINDS = ['incident', 'service_request', 'maintenance'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

export const WORK_CLASSES = ['reactive', 'service', 'proactive'] as const;
export type WorkClass = (typeof WORK_CLASSES)[number];

// One list of statuses for the SLA clock and the API.
export { TICKET_STATUSES, type TicketStatus } from '@civicdesk/sla';

/** Statuses in which a ticket still needs work (the queue shows these). */
export const OPEN_STATUSES: readonly TicketStatus[] = [
  'new',
  'assigned',
  'in_progress',
  'waiting_on_requester',
  'waiting_on_vendor',
];

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** How many people the problem stops, widest first. */
export const IMPACTS = ['city_wide', 'department', 'several_people', 'one_person'] as const;
export type Impact = (typeof IMPACTS)[number];

/** How soon it hurts, most urgent first. */
export const URGENCIES = ['work_stopped', 'work_degraded', 'inconvenience', 'can_wait'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const TICKET_SOURCES = ['web', 'api', 'import', 'schedule'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];

export const NUMBER_PREFIX: Record<TicketKind, string> = { incident: 'INC', service_request: 'REQ', maintenance: 'MNT' };

/** Work class defaults from kind; staff may change it afterwards. */
export function defaultWorkClass(kind: TicketKind): WorkClass {
  switch (kind) {
    case 'incident':
      return 'reactive';
    case 'service_request':
      return 'service';
    case 'maintenance':
      return 'proactive';
  }
}

/** "INC-000123": the kind's prefix and the sequence value, at least six digits. */
export function formatTicketNumber(kind: TicketKind, sequenceValue: number): string {
  return `${NUMBER_PREFIX[kind]}-${String(sequenceValue).padStart(6, '0')}`;
}
