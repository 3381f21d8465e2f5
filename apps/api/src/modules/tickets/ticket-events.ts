import type { EntityManager } from 'typeorm';
import type { TicketEventType } from './dto/ticket-output.dto.js';

export interface NewTicketEvent {
  type: TicketEventType;
  /** About a fact the requester sees (status, public reply, title…); staff-only otherwise. */
  public: boolean;
  data?: Record<string, unknown>;
}

/**
 * Appends events to the audit trail in one statement, inside the caller's transaction, so a
 * change and its record are written together or not at all.
 */
export async function appendTicketEvents(
  manager: EntityManager,
  ticketId: string,
  actorId: string | null,
  at: Date,
  events: readonly NewTicketEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const values: unknown[] = [];
  const rows = events.map((e, i) => {
    values.push(ticketId, actorId, e.type, e.public, JSON.stringify(e.data ?? {}), at);
    const n = i * 6;
    return `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}::jsonb, $${n + 6})`;
  });
  await manager.query(
    `INSERT INTO ticket_events (ticket_id, actor_id, type, public, data, created_at) VALUES ${rows.join(', ')}`,
    values,
  );
}
