import type { Actor } from '../../../common/security/actor.js';
import { isStaff } from '../../users/domain/role.js';

/** What the access rules need to know about a ticket. */
export interface TicketAccessFacts {
  requesterId: string;
  queueId: string;
  queueRestricted: boolean;
}

/** The actor plus the queues they belong to (restricted queues are visible to members only). */
export interface TicketActor extends Actor {
  memberQueueIds: ReadonlySet<string>;
}

export type TicketAction = 'view' | 'comment_public' | 'comment_internal' | 'work' | 'confirm' | 'reopen';

/**
 * The record-level rules for tickets, written once:
 * - requesters see and act on their own tickets only;
 * - staff (technicians, managers, admins) see every ticket except those in restricted queues they
 *   do not belong to; anyone sees a ticket they requested themself;
 * - only staff work tickets (assign, change status and fields, internal notes);
 * - the requester confirms or reopens a resolution (staff may too).
 */
export function canOnTicket(actor: TicketActor, ticket: TicketAccessFacts, action: TicketAction): boolean {
  const own = ticket.requesterId === actor.id;
  const staffCanSee = isStaff(actor.role) && (!ticket.queueRestricted || actor.memberQueueIds.has(ticket.queueId));
  const canView = own || staffCanSee;
  switch (action) {
    case 'view':
    case 'comment_public':
      return canView;
    case 'comment_internal':
    case 'work':
      return staffCanSee;
    case 'confirm':
    case 'reopen':
      return own || staffCanSee;
  }
}

/**
 * The same visibility rule as SQL on a tickets alias, for every list and count query: a list
 * never holds a ticket its reader could not open. `actorParam` is the placeholder of the actor's
 * id in the statement (a named one for the query builder by default, or a numbered one).
 */
export function ticketVisibility(
  actor: Actor,
  alias: string,
  actorParam = ':visibilityActorId',
): { where: string; params: Record<string, unknown> } {
  const params = { visibilityActorId: actor.id };
  if (!isStaff(actor.role)) return { where: `${alias}.requester_id = ${actorParam}`, params };
  return { where: `(${alias}.requester_id = ${actorParam} OR ${alias}.queue_id IN (${visibleQueuesSql(actorParam)}))`, params };
}

/** The ids of the queues whose tickets staff see: unrestricted ones, and restricted ones they belong to. */
export function visibleQueuesSql(actorParam: string): string {
  return (
    `SELECT vq.id FROM queues vq WHERE NOT vq.restricted OR EXISTS ` +
    `(SELECT 1 FROM queue_members vm WHERE vm.queue_id = vq.id AND vm.user_id = ${actorParam})`
  );
}

/** Fields only staff may set on a ticket; a requester's PATCH naming one is refused. */
export const STAFF_ONLY_FIELDS = [
  'status',
  'workClass',
  'priority',
  'priorityReason',
  'queueId',
  'assigneeId',
  'categoryId',
  'assetId',
  'requesterId',
  'departmentId',
  'impact',
  'urgency',
] as const;
