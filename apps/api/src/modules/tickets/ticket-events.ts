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
  await appendEventsToTickets(
    manager,
    actorId,
    at,
    events.map((event) => ({ ticketId, event })),
  );
}

/** The same for events of several tickets (batch work such as re-matching SLA policies), in one statement. */
export async function appendEventsToTickets(
  manager: EntityManager,
  actorId: string | null,
  at: Date,
  rows: readonly { ticketId: string; event: NewTicketEvent }[],
): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO ticket_events (ticket_id, actor_id, type, public, data, created_at)
     SELECT (e.value->>'ticket_id')::uuid, $2, e.value->>'type', (e.value->>'public')::boolean, e.value->'data', $3
       FROM json_array_elements($1::json) WITH ORDINALITY AS e(value, ord)
      ORDER BY e.ord`,
    [
      JSON.stringify(
        rows.map(({ ticketId, event }) => ({
          ticket_id: ticketId,
          type: event.type,
          public: event.public,
          data: event.data ?? {},
        })),
      ),
      actorId,
      at,
    ],
  );
}
