import type { EntityManager } from 'typeorm';
import {
  defaultWorkClass,
  formatTicketNumber,
  type Impact,
  type Priority,
  type TicketKind,
  type TicketSource,
  type Urgency,
} from './domain/ticket-vocabulary.js';

/** A ticket as it is filed: by a person on the web, or by a maintenance plan. */
export interface NewTicket {
  kind: TicketKind;
  title: string;
  description: string;
  impact: Impact;
  urgency: Urgency;
  priority: Priority;
  requesterId: string;
  departmentId: string;
  queueId: string;
  assigneeId?: string | null;
  categoryId: string | null;
  assetId: string | null;
  source: TicketSource;
  createdById: string;
  at: Date;
  maintenancePlanId?: string | null;
  maintenanceDueAt?: Date | null;
}

/**
 * Inserts the row with the next number of its kind (new, or assigned when it has an assignee),
 * and with `created` its "created" trail event in the same statement.
 */
export async function insertTicket(
  manager: EntityManager,
  t: NewTicket,
  created?: { actorId: string | null; data: Record<string, unknown> },
): Promise<{ id: string; number: string }> {
  const [{ n }] = await manager.query(`SELECT nextval($1::regclass)::int AS n`, [`ticket_number_${t.kind}`]);
  const number = formatTicketNumber(t.kind, n);
  const insert = `INSERT INTO tickets (number, kind, work_class, title, description, status, impact, urgency, priority, requester_id, department_id,
                          queue_id, assignee_id, category_id, asset_id, source, created_by_id, created_at, updated_at,
                          maintenance_plan_id, maintenance_due_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18, $19, $20) RETURNING id`;
  const values = [
    number,
    t.kind,
    defaultWorkClass(t.kind),
    t.title,
    t.description,
    t.assigneeId ? 'assigned' : 'new',
    t.impact,
    t.urgency,
    t.priority,
    t.requesterId,
    t.departmentId,
    t.queueId,
    t.assigneeId ?? null,
    t.categoryId,
    t.assetId,
    t.source,
    t.createdById,
    t.at,
    t.maintenancePlanId ?? null,
    t.maintenanceDueAt ?? null,
  ];
  const [row] = created
    ? await manager.query(
        `WITH t AS (${insert}),
              e AS (INSERT INTO ticket_events (ticket_id, actor_id, type, public, data, created_at)
                    SELECT t.id, $21, 'created', true, $22::jsonb, $18 FROM t)
         SELECT id FROM t`,
        [...values, created.actorId, JSON.stringify(created.data)],
      )
    : await manager.query(insert, values);
  return { id: row.id as string, number };
}
