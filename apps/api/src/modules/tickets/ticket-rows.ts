import type { Impact, Priority, TicketKind, TicketSource, TicketStatus, Urgency, WorkClass } from './domain/ticket-vocabulary.js';
import { slaState, type StoredSla } from './domain/sla-state.js';
import type { TicketListItemDto } from './dto/ticket-output.dto.js';

/** A ticket row with the names it shows, as list and detail queries read it (one statement). */
export interface TicketRow extends StoredSla {
  id: string;
  number: string;
  kind: TicketKind;
  work_class: WorkClass;
  title: string;
  description: string;
  status: TicketStatus;
  priority: Priority;
  impact: Impact;
  urgency: Urgency;
  priority_override_reason: string | null;
  source: TicketSource;
  requester_id: string;
  requester_name: string;
  department_id: string;
  department_name: string;
  department_life_safety: boolean;
  queue_id: string;
  queue_name: string;
  queue_restricted: boolean;
  assignee_id: string | null;
  assignee_name: string | null;
  category_id: string | null;
  category_name: string | null;
  asset_id: string | null;
  asset_tag: string | null;
  asset_name: string | null;
  created_at: Date;
  updated_at: Date;
  due_at: Date | null;
  sla_breached_at: Date | null;
  first_response_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  reopen_count: number;
  version: number;
}

const COLUMNS = [
  't.id',
  't.number',
  't.kind',
  't.work_class',
  't.title',
  't.status',
  't.priority',
  't.impact',
  't.urgency',
  't.priority_override_reason',
  't.source',
  't.requester_id',
  '(SELECT r.name FROM users r WHERE r.id = t.requester_id) AS requester_name',
  't.department_id',
  '(SELECT d.name FROM departments d WHERE d.id = t.department_id) AS department_name',
  '(SELECT d.life_safety FROM departments d WHERE d.id = t.department_id) AS department_life_safety',
  't.queue_id',
  '(SELECT q.name FROM queues q WHERE q.id = t.queue_id) AS queue_name',
  '(SELECT q.restricted FROM queues q WHERE q.id = t.queue_id) AS queue_restricted',
  't.assignee_id',
  '(SELECT a.name FROM users a WHERE a.id = t.assignee_id) AS assignee_name',
  't.category_id',
  '(SELECT c.name FROM categories c WHERE c.id = t.category_id) AS category_name',
  't.asset_id',
  '(SELECT s.tag FROM assets s WHERE s.id = t.asset_id) AS asset_tag',
  '(SELECT s.name FROM assets s WHERE s.id = t.asset_id) AS asset_name',
  't.created_at',
  't.updated_at',
  't.due_at',
  't.sla_policy_version_id',
  't.sla_at_risk_at',
  't.sla_paused',
  't.sla_breached_at',
  't.first_response_breached',
  't.resolution_breached',
  't.next_response_breached',
  't.first_response_at',
  't.resolved_at',
  't.closed_at',
  't.reopen_count',
  't.version',
];

/**
 * The columns of a ticket row (alias `t`) with every name it shows, as fixed SQL text built once.
 * Names come from scalar subqueries by primary key rather than joins: a ticket joined to six
 * tables sets the planner weighing every index of tickets against every join order, which cost
 * more (milliseconds per statement) than reading the row; a lookup by key per name costs microseconds.
 */
export const TICKET_COLUMNS = COLUMNS.join(', ');

/** The same with the description, for one ticket. */
export const TICKET_DETAIL_COLUMNS = `${TICKET_COLUMNS}, t.description`;

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);
const ref = (id: string | null, name: string | null): { id: string; name: string } | null =>
  id && name !== null ? { id, name } : null;

/** `now` decides the countdown state (at risk and breached depend on the time). */
export function toListItem(row: TicketRow, now: Date): TicketListItemDto {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    title: row.title,
    status: row.status,
    priority: row.priority,
    impact: row.impact,
    urgency: row.urgency,
    requester: { id: row.requester_id, name: row.requester_name },
    department: { id: row.department_id, name: row.department_name },
    queue: { id: row.queue_id, name: row.queue_name },
    assignee: ref(row.assignee_id, row.assignee_name),
    category: ref(row.category_id, row.category_name),
    asset:
      row.asset_id && row.asset_tag !== null && row.asset_name !== null
        ? { id: row.asset_id, tag: row.asset_tag, name: row.asset_name }
        : null,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    dueAt: iso(row.due_at),
    sla: {
      state: slaState(row, now),
      atRiskAt: iso(row.sla_at_risk_at),
      breachedAt: iso(row.sla_breached_at),
      paused: row.sla_paused,
    },
  };
}

export { iso };
