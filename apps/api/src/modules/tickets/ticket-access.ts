import type { DataSource, EntityManager } from 'typeorm';
import { AppError, notFound } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/security/actor.js';
import { canOnTicket, type TicketAction, type TicketActor } from './domain/ticket.policy.js';
import { TICKET_DETAIL_COLUMNS, type TicketRow } from './ticket-rows.js';
import { prepared } from '../../database/prepared-statements.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^(INC|REQ|MNT)-\d{6,}$/i;

export interface VisibleTicket {
  row: TicketRow;
  actor: TicketActor;
}

/**
 * Loads a ticket by id or number with every joined name, and whether the actor belongs to its
 * queue, in one statement; then applies the policy. A ticket the actor may not see answers
 * exactly like a missing one (404); one they see but may not act on this way answers 403.
 */
export async function loadTicketFor(
  db: DataSource | EntityManager,
  actor: Actor,
  idOrNumber: string,
  action: TicketAction = 'view',
): Promise<VisibleTicket> {
  const byId = UUID.test(idOrNumber);
  if (!byId && !NUMBER.test(idOrNumber)) throw notFound('Ticket');
  const rows: TicketRowForActor[] = await db.query(
    prepared(`SELECT ${TICKET_DETAIL_COLUMNS}, ${actorIsMemberSql('$2')}
       FROM tickets t
      WHERE ${byId ? 't.id = $1::uuid' : 't.number = $1'}`),
    [byId ? idOrNumber : idOrNumber.toUpperCase(), actor.id],
  );
  const row = rows[0];
  if (!row) throw notFound('Ticket');
  return visibleTicket(row, actor, action);
}

/** A ticket row as `loadTicketFor` reads it: with whether the actor belongs to its queue. */
export type TicketRowForActor = TicketRow & { actor_is_member: boolean };

/** The select-list item of TicketRowForActor.actor_is_member for the ticket `t`, given the SQL of the actor's id. */
export function actorIsMemberSql(actorId: string): string {
  return `EXISTS (SELECT 1 FROM queue_members m WHERE m.queue_id = t.queue_id AND m.user_id = ${actorId}) AS actor_is_member`;
}

/** The policy of `loadTicketFor` on a row read elsewhere (a filing reads its new row in its own statement). */
export function visibleTicket(row: TicketRowForActor, actor: Actor, action: TicketAction = 'view'): VisibleTicket {
  const ticketActor: TicketActor = { ...actor, memberQueueIds: new Set(row.actor_is_member ? [row.queue_id] : []) };
  const facts = { requesterId: row.requester_id, queueId: row.queue_id, queueRestricted: row.queue_restricted };
  if (!canOnTicket(ticketActor, facts, 'view')) throw notFound('Ticket');
  if (!canOnTicket(ticketActor, facts, action)) throw new AppError('forbidden', 'You may not do this on this ticket');
  return { row, actor: ticketActor };
}
