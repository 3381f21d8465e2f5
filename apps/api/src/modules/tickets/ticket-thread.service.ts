import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/security/actor.js';
import { Clock } from '../../common/time/clock.js';
import { prepared } from '../../database/prepared-statements.js';
import { TicketSlaService } from '../ticket-sla/ticket-sla.service.js';
import { STAFF_ROLES, type Role } from '../users/domain/role.js';
import { checkTransition } from './domain/status-machine.js';
import { canOnTicket } from './domain/ticket.policy.js';
import type { TicketStatus } from './domain/ticket-vocabulary.js';
import type { CommentDto, CommentListDto, TicketEventDto, TicketEventListDto } from './dto/ticket-output.dto.js';
import { loadTicketFor } from './ticket-access.js';
import type { NewTicketEvent } from './ticket-events.js';
import { TicketNotifier } from './ticket-notifier.js';
import { buildSet, statusEffects } from './tickets.service.js';

/** A ticket's conversation (replies and internal notes) and its audit trail. */
@Injectable()
export class TicketThreadService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly sla: TicketSlaService,
    private readonly notifier: TicketNotifier,
  ) {}

  /** Requesters see public replies only; staff see internal notes too. */
  async listComments(actor: Actor, idOrNumber: string): Promise<CommentListDto> {
    const visible = await loadTicketFor(this.dataSource, actor, idOrNumber);
    const withInternal = canOnTicket(visible.actor, facts(visible.row), 'comment_internal');
    const rows = await this.dataSource.query(
      `SELECT c.id, c.body, c.internal, c.created_at, u.id AS author_id, u.name AS author_name, u.role AS author_role
         FROM ticket_comments c JOIN users u ON u.id = c.author_id
        WHERE c.ticket_id = $1 AND ($2 OR NOT c.internal)
        ORDER BY c.created_at, c.id`,
      [visible.row.id, withInternal],
    );
    return { items: rows.map(toComment) };
  }

  /**
   * Adds a public reply or an internal note. A requester's reply moves a ticket waiting for them
   * back to in_progress, and reopens a resolved one; staff's first public reply is the first
   * response.
   */
  async addComment(actor: Actor, idOrNumber: string, body: string, internal: boolean): Promise<CommentDto> {
    const visible = await loadTicketFor(this.dataSource, actor, idOrNumber, internal ? 'comment_internal' : 'comment_public');
    const staff = canOnTicket(visible.actor, facts(visible.row), 'work');
    const ticketId = visible.row.id;
    const now = this.clock.now();
    const commentId = await this.dataSource.transaction(async (manager) => {
      const [locked] = await manager.query(`SELECT status, first_response_at FROM tickets WHERE id = $1 FOR UPDATE`, [ticketId]);
      const status = locked.status as TicketStatus;
      if (!staff && (status === 'closed' || status === 'canceled')) {
        throw new AppError('invalid_transition', `A ${status} ticket takes no more replies; file a new ticket`);
      }
      // The trail after the reply's own event: a status the reply moves the ticket to.
      const events: NewTicketEvent[] = [];
      let set: Record<string, unknown> = { updated_at: now };
      if (staff && !internal && !locked.first_response_at) set.first_response_at = now;
      if (!staff && (status === 'waiting_on_requester' || status === 'resolved')) {
        const result = checkTransition(status, 'in_progress', 'system');
        if (result.ok) set = { ...set, ...statusEffects(locked, 'in_progress', now, events) };
      }
      const update = buildSet(set, 7);
      const bump = 'status' in set ? ', version = version + 1' : '';
      // The reply, the ticket's change and the trail in one statement, the reply's event first.
      const [comment]: { id: string }[] = await manager.query(
        `WITH c AS (INSERT INTO ticket_comments (ticket_id, author_id, body, internal, created_at)
                    VALUES ($1, $2, $3, $4, $5) RETURNING id),
              changed AS (UPDATE tickets SET ${update.clause}${bump} WHERE id = $1),
              trail AS (
                INSERT INTO ticket_events (ticket_id, actor_id, type, public, data, created_at)
                SELECT $1, $2, x.type, x.public, x.data, $5
                  FROM (SELECT 0::bigint AS ord, 'commented' AS type, NOT $4 AS public,
                               jsonb_build_object('commentId', c.id, 'internal', $4) AS data
                          FROM c
                        UNION ALL
                        SELECT e.ord, e.value->>'type', (e.value->>'public')::boolean, e.value->'data'
                          FROM jsonb_array_elements($6::jsonb) WITH ORDINALITY AS e(value, ord)) x
                 ORDER BY x.ord)
         SELECT id FROM c`,
        [
          ticketId,
          actor.id,
          body,
          internal,
          now,
          JSON.stringify(events.map((e) => ({ type: e.type, public: e.public, data: e.data ?? {} }))),
          ...update.values,
        ],
      );
      // Public replies answer or restart the response clocks.
      if (!internal) {
        await this.sla.refresh(manager, ticketId, now);
        await this.notifier.tell(manager, ticketId, actor.id, now, [{ kind: 'public_reply', byStaff: staff, body }]);
      }
      return comment!.id;
    });
    // The reply as written: the author is the signed-in actor.
    return toComment({
      id: commentId,
      body,
      internal,
      created_at: now,
      author_id: actor.id,
      author_name: actor.name,
      author_role: actor.role,
    });
  }

  /** The audit trail; requesters see only events about facts they can see. */
  async listEvents(actor: Actor, idOrNumber: string): Promise<TicketEventListDto> {
    const visible = await loadTicketFor(this.dataSource, actor, idOrNumber);
    const all = canOnTicket(visible.actor, facts(visible.row), 'work');
    const rows = await this.dataSource.query(
      // The actor's name by key per event: joined, the planner would hash every user for a
      // ticket's ten events.
      prepared(`SELECT e.id::text AS id, e.type, e.data, e.created_at, e.actor_id,
              (SELECT u.name FROM users u WHERE u.id = e.actor_id) AS actor_name
         FROM ticket_events e
        WHERE e.ticket_id = $1 AND ($2 OR e.public)
        ORDER BY e.id`),
      [visible.row.id, all],
    );
    return {
      items: rows.map((r: EventRow): TicketEventDto => ({
        id: r.id,
        type: r.type,
        actor: r.actor_id && r.actor_name !== null ? { id: r.actor_id, name: r.actor_name } : null,
        data: r.data,
        createdAt: new Date(r.created_at).toISOString(),
      })),
    };
  }
}

function facts(row: { requester_id: string; queue_id: string; queue_restricted: boolean }) {
  return { requesterId: row.requester_id, queueId: row.queue_id, queueRestricted: row.queue_restricted };
}

interface CommentRow {
  id: string;
  body: string;
  internal: boolean;
  created_at: Date;
  author_id: string;
  author_name: string;
  author_role: Role;
}

interface EventRow {
  id: string;
  type: TicketEventDto['type'];
  data: Record<string, unknown>;
  created_at: Date;
  actor_id: string | null;
  actor_name: string | null;
}

function toComment(r: CommentRow): CommentDto {
  return {
    id: r.id,
    body: r.body,
    internal: r.internal,
    author: { id: r.author_id, name: r.author_name, staff: STAFF_ROLES.includes(r.author_role) },
    createdAt: new Date(r.created_at).toISOString(),
  };
}
