import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Impact, Priority, TicketKind, TicketSource, TicketStatus, Urgency, WorkClass } from './domain/ticket-vocabulary.js';
import { slaState, type StoredSla } from './domain/sla-state.js';
import type { TicketListItemDto } from './dto/ticket-output.dto.js';

/** A ticket row with every joined name, as list and detail queries read it (one statement). */
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
  't.id AS id',
  't.number AS number',
  't.kind AS kind',
  't.work_class AS work_class',
  't.title AS title',
  't.status AS status',
  't.priority AS priority',
  't.impact AS impact',
  't.urgency AS urgency',
  't.priority_override_reason AS priority_override_reason',
  't.source AS source',
  't.requester_id AS requester_id',
  'r.name AS requester_name',
  't.department_id AS department_id',
  'd.name AS department_name',
  'd.life_safety AS department_life_safety',
  't.queue_id AS queue_id',
  'q.name AS queue_name',
  'q.restricted AS queue_restricted',
  't.assignee_id AS assignee_id',
  'a.name AS assignee_name',
  't.category_id AS category_id',
  'c.name AS category_name',
  't.asset_id AS asset_id',
  's.tag AS asset_tag',
  's.name AS asset_name',
  't.created_at AS created_at',
  't.updated_at AS updated_at',
  't.due_at AS due_at',
  't.sla_policy_version_id AS sla_policy_version_id',
  't.sla_at_risk_at AS sla_at_risk_at',
  't.sla_paused AS sla_paused',
  't.sla_breached_at AS sla_breached_at',
  't.first_response_breached AS first_response_breached',
  't.resolution_breached AS resolution_breached',
  't.next_response_breached AS next_response_breached',
  't.first_response_at AS first_response_at',
  't.resolved_at AS resolved_at',
  't.closed_at AS closed_at',
  't.reopen_count AS reopen_count',
  't.version AS version',
];

/** tickets t with requester r, department d, queue q, assignee a, category c and asset s joined. */
export function selectTickets(
  db: DataSource | EntityManager,
  options: { description?: boolean } = {},
): SelectQueryBuilder<object> {
  return db
    .createQueryBuilder()
    .select(options.description ? [...COLUMNS, 't.description AS description'] : COLUMNS)
    .from('tickets', 't')
    .innerJoin('users', 'r', 'r.id = t.requester_id')
    .innerJoin('departments', 'd', 'd.id = t.department_id')
    .innerJoin('queues', 'q', 'q.id = t.queue_id')
    .leftJoin('users', 'a', 'a.id = t.assignee_id')
    .leftJoin('categories', 'c', 'c.id = t.category_id')
    .leftJoin('assets', 's', 's.id = t.asset_id');
}

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
