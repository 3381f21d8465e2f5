import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SqlParams } from '../../common/db/sql-params.js';
import { NotificationsService, type NewNotification } from '../notifications/notifications.service.js';

/** What happened to a ticket that someone should hear about. */
export type TicketHappening =
  | { kind: 'created' }
  /** Moved into another queue: its members hear of it as of a new ticket. */
  | { kind: 'queued' }
  | { kind: 'assigned' }
  /** A public reply (never an internal note). */
  | { kind: 'public_reply'; byStaff: boolean; body: string }
  | { kind: 'resolved' };

/** What the notifications of a ticket say and whom they go to. */
export interface NotifiedTicket {
  number: string;
  title: string;
  requester_id: string;
  assignee_id: string | null;
  queue_name: string;
  members: string[];
}

const EXCERPT = 500;

/**
 * Turns ticket happenings into notifications (and e-mails through the outbox), in the caller's
 * transaction: new ticket in my queue, assigned to me, a public reply to the requester or the
 * assignee, resolved to the requester. Nobody is told of their own action.
 */
@Injectable()
export class TicketNotifier {
  constructor(private readonly notifications: NotificationsService) {}

  async tell(
    manager: EntityManager,
    ticketId: string,
    /** Null when CivicDesk itself acted (maintenance plans). */
    actorId: string | null,
    at: Date,
    happenings: readonly TicketHappening[],
  ): Promise<void> {
    if (happenings.length === 0) return;
    const [t]: NotifiedTicket[] = await manager.query(
      `SELECT t.number, t.title, t.requester_id, t.assignee_id, q.name AS queue_name,
              ARRAY(SELECT m.user_id FROM queue_members m WHERE m.queue_id = t.queue_id) AS members
         FROM tickets t JOIN queues q ON q.id = t.queue_id WHERE t.id = $1`,
      [ticketId],
    );
    if (!t) return;
    await this.notifications.notify(manager, at, compose(ticketId, t, actorId, happenings));
  }

  /**
   * The same for a ticket whose facts the caller has (a ticket being filed): the CTEs that write
   * the notifications, for the caller's own statement (NotificationsService.notifyCtes).
   */
  tellCtes(
    ticketId: string,
    t: NotifiedTicket,
    actorId: string | null,
    at: Date,
    happenings: readonly TicketHappening[],
    params: SqlParams,
  ): string[] {
    return this.notifications.notifyCtes(at, compose(ticketId, t, actorId, happenings), params);
  }
}

function compose(
  ticketId: string,
  t: NotifiedTicket,
  actorId: string | null,
  happenings: readonly TicketHappening[],
): NewNotification[] {
  const link = `/tickets/${t.number}`;
  const out: NewNotification[] = [];
  const to = (userId: string | null, note: Omit<NewNotification, 'userId' | 'ticketId' | 'link'>) => {
    if (userId && userId !== actorId) out.push({ ...note, userId, ticketId, link });
  };
  for (const h of happenings) {
    switch (h.kind) {
      case 'created':
      case 'queued':
        for (const member of t.members) {
          to(member, {
            type: 'ticket_created_in_queue',
            title: `${t.number} is new in ${t.queue_name}`,
            body: `"${t.title}" is waiting in the ${t.queue_name} queue.`,
          });
        }
        break;
      case 'assigned':
        to(t.assignee_id, {
          type: 'ticket_assigned',
          title: `${t.number} was assigned to you`,
          body: `"${t.title}" is yours to work on.`,
        });
        break;
      case 'public_reply': {
        const text = h.body.length > EXCERPT ? `${h.body.slice(0, EXCERPT)}…` : h.body;
        to(h.byStaff ? t.requester_id : t.assignee_id, {
          type: 'public_reply',
          title: `New reply on ${t.number}`,
          body: `"${t.title}":\n\n${text}`,
        });
        break;
      }
      case 'resolved':
        to(t.requester_id, {
          type: 'ticket_resolved',
          title: `${t.number} was resolved`,
          body: `"${t.title}" was resolved. If the problem is back, reopen it from the ticket.`,
        });
        break;
    }
  }
  return out;
}
