import type { DataSource } from 'typeorm';
import {
  formatTicketNumber,
  type Priority,
  type TicketKind,
  type TicketStatus,
} from '../../src/modules/tickets/domain/ticket-vocabulary.js';

export interface TicketRecord {
  id: string;
  number: string;
  version: number;
}

/** A ticket inserted directly (for access and list tests); behaviour tests file through the API. */
export async function createTicket(
  db: DataSource,
  values: {
    requesterId: string;
    departmentId: string;
    queueId: string;
    createdById?: string;
    kind?: TicketKind;
    status?: TicketStatus;
    priority?: Priority;
    assigneeId?: string | null;
    title?: string;
    description?: string;
    dueAt?: Date | null;
    createdAt?: Date;
  },
): Promise<TicketRecord> {
  const kind = values.kind ?? 'incident';
  const [{ n }] = await db.query(`SELECT nextval($1::regclass)::int AS n`, [`ticket_number_${kind}`]);
  const number = formatTicketNumber(kind, n);
  const [row] = await db.query(
    `INSERT INTO tickets (number, kind, work_class, title, description, status, impact, urgency, priority, requester_id, department_id,
                          queue_id, assignee_id, source, created_by_id, created_at, updated_at, due_at)
     VALUES ($1, $2, 'reactive', $3, $4, $5, 'one_person', 'inconvenience', $6, $7, $8, $9, $10, 'web', $11, $12, $12, $13)
     RETURNING id, version`,
    [
      number,
      kind,
      values.title ?? `Ticket ${number}`,
      values.description ?? '',
      values.status ?? 'new',
      values.priority ?? 'P4',
      values.requesterId,
      values.departmentId,
      values.queueId,
      values.assigneeId ?? null,
      values.createdById ?? values.requesterId,
      values.createdAt ?? new Date('2026-03-01T12:00:00Z'),
      values.dueAt ?? null,
    ],
  );
  await db.query(
    `INSERT INTO ticket_events (ticket_id, actor_id, type, public, created_at) VALUES ($1, $2, 'created', true, now())`,
    [row.id, values.createdById ?? values.requesterId],
  );
  return { id: row.id, number, version: row.version };
}

export async function queueId(db: DataSource, systemKey: 'service_desk' | 'security'): Promise<string> {
  const [row] = await db.query(`SELECT id FROM queues WHERE system_key = $1`, [systemKey]);
  return row.id;
}
