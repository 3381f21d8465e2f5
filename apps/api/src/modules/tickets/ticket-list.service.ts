import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor } from '../../common/http/cursor.js';
import type { Actor } from '../../common/security/actor.js';
import { Clock } from '../../common/time/clock.js';
import { isStaff } from '../users/domain/role.js';
import { ticketVisibility } from './domain/ticket.policy.js';
import { OPEN_STATUSES } from './domain/ticket-vocabulary.js';
import type { ListTicketsQueryDto, TicketSort } from './dto/list-tickets-query.dto.js';
import type { TicketCountsDto, TicketListDto } from './dto/ticket-output.dto.js';
import { selectTickets, toListItem, type TicketRow } from './ticket-rows.js';

const DEFAULT_LIMIT = 50;
const TICKET_NUMBER = /^(INC|REQ|MNT)-\d+$/i;

/**
 * Keyset orderings. Each sort key ends with the id so it is total; the cursor carries the key of
 * the last row. Keys are compared as one row value, which the queue indexes serve.
 */
const ORDERINGS: Record<TicketSort, { key: string[]; cast: string[]; direction: '>' | '<'; order: 'ASC' | 'DESC' }> = {
  due: {
    key: [`coalesce(t.due_at, 'infinity'::timestamptz)`, 't.id'],
    cast: ['timestamptz', 'uuid'],
    direction: '>',
    order: 'ASC',
  },
  created: { key: ['t.created_at', 't.id'], cast: ['timestamptz', 'uuid'], direction: '<', order: 'DESC' },
  updated: { key: ['t.updated_at', 't.id'], cast: ['timestamptz', 'uuid'], direction: '<', order: 'DESC' },
  priority: {
    key: ['t.priority', `coalesce(t.due_at, 'infinity'::timestamptz)`, 't.id'],
    cast: ['ticket_priority', 'timestamptz', 'uuid'],
    direction: '>',
    order: 'ASC',
  },
};

@Injectable()
export class TicketListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * One SQL statement whatever the page size: visibility, filters, every joined name and the
   * keyset page. Filters and sorts come only from the DTO's allowlists.
   */
  async list(actor: Actor, query: ListTicketsQueryDto): Promise<TicketListDto> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const ordering = ORDERINGS[query.sort ?? 'due'];
    const qb = selectTickets(this.dataSource);
    const visibility = ticketVisibility(actor, 't');
    qb.where(visibility.where, visibility.params);
    applyFilters(qb, actor, query);

    ordering.key.forEach((expression, i) => qb.addSelect(`${expression}::text`, `sort_${i}`));
    if (query.cursor) {
      const values = decodeCursor(
        query.cursor,
        ordering.key.map(() => 'string'),
      );
      const placeholders = values.map((_, i) => `CAST(:cursor_${i} AS ${ordering.cast[i]})`);
      qb.andWhere(
        `(${ordering.key.join(', ')}) ${ordering.direction} (${placeholders.join(', ')})`,
        Object.fromEntries(values.map((v, i) => [`cursor_${i}`, v])),
      );
    }
    ordering.key.forEach((expression, i) =>
      i === 0 ? qb.orderBy(expression, ordering.order) : qb.addOrderBy(expression, ordering.order),
    );
    const rows = await qb.limit(limit + 1).getRawMany<TicketRow & Record<`sort_${number}`, string>>();

    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => toListItem(row, this.clock.now())),
      nextCursor: rows.length > limit && last ? encodeCursor(ordering.key.map((_, i) => String(last[`sort_${i}`]))) : null,
    };
  }

  /**
   * Badge counts for the technician's queue view: mine, unassigned in my queues (every visible
   * queue when I belong to none), all open, and per visible queue. Two statements.
   */
  async counts(actor: Actor): Promise<TicketCountsDto> {
    const visibility = ticketVisibility(actor, 't');
    const [totals] = await this.dataSource
      .createQueryBuilder()
      .select('count(*) FILTER (WHERE t.assignee_id = :actorId)::int', 'mine')
      .addSelect(
        `count(*) FILTER (WHERE t.assignee_id IS NULL AND (NOT EXISTS (SELECT 1 FROM queue_members om WHERE om.user_id = :actorId)
           OR t.queue_id IN (SELECT mm.queue_id FROM queue_members mm WHERE mm.user_id = :actorId)))::int`,
        'unassigned',
      )
      .addSelect('count(*)::int', 'open')
      .from('tickets', 't')
      .where('t.status IN (:...open)', { open: OPEN_STATUSES })
      .andWhere(visibility.where, { ...visibility.params, actorId: actor.id })
      .getRawMany<{ mine: number; unassigned: number; open: number }>();
    const queues = isStaff(actor.role)
      ? await this.dataSource.query(
          `SELECT q.id AS "queueId", q.name,
                  count(t.id)::int AS open,
                  count(t.id) FILTER (WHERE t.assignee_id IS NULL)::int AS unassigned
             FROM queues q
             LEFT JOIN tickets t ON t.queue_id = q.id AND t.status = ANY($2::ticket_status[])
            WHERE NOT q.restricted OR EXISTS (SELECT 1 FROM queue_members m WHERE m.queue_id = q.id AND m.user_id = $1)
            GROUP BY q.id, q.name
            ORDER BY lower(q.name)`,
          [actor.id, OPEN_STATUSES],
        )
      : [];
    return { mine: totals?.mine ?? 0, unassigned: totals?.unassigned ?? 0, open: totals?.open ?? 0, queues };
  }
}

function applyFilters(qb: SelectQueryBuilder<object>, actor: Actor, query: ListTicketsQueryDto): void {
  if (query.status?.length) qb.andWhere('t.status IN (:...statuses)', { statuses: query.status });
  if (query.queueId === 'mine') {
    qb.andWhere('t.queue_id IN (SELECT fm.queue_id FROM queue_members fm WHERE fm.user_id = :filterActorId)', {
      filterActorId: actor.id,
    });
  } else if (query.queueId) {
    qb.andWhere('t.queue_id = :queueId', { queueId: query.queueId });
  }
  if (query.assigneeId === 'none') qb.andWhere('t.assignee_id IS NULL');
  else if (query.assigneeId)
    qb.andWhere('t.assignee_id = :assigneeId', { assigneeId: query.assigneeId === 'me' ? actor.id : query.assigneeId });
  if (query.requesterId)
    qb.andWhere('t.requester_id = :requesterId', { requesterId: query.requesterId === 'me' ? actor.id : query.requesterId });
  if (query.departmentId) qb.andWhere('t.department_id = :departmentId', { departmentId: query.departmentId });
  if (query.kind) qb.andWhere('t.kind = :kind', { kind: query.kind });
  if (query.workClass) qb.andWhere('t.work_class = :workClass', { workClass: query.workClass });
  if (query.priority) qb.andWhere('t.priority = :priority', { priority: query.priority });
  if (query.categoryId) qb.andWhere('t.category_id = :categoryId', { categoryId: query.categoryId });
  if (query.assetId) qb.andWhere('t.asset_id = :assetId', { assetId: query.assetId });
  if (query.createdFrom) qb.andWhere('t.created_at >= :createdFrom', { createdFrom: query.createdFrom });
  if (query.createdTo) qb.andWhere('t.created_at < :createdTo', { createdTo: query.createdTo });
  const q = query.q?.trim();
  if (q) {
    if (TICKET_NUMBER.test(q)) {
      const [prefix, digits] = q.toUpperCase().split('-');
      qb.andWhere('t.number = :number', { number: `${prefix}-${digits!.padStart(6, '0')}` });
    } else {
      // The same expression as the tickets_search_idx GIN index.
      qb.andWhere(
        `to_tsvector('english', t.number || ' ' || t.title || ' ' || t.description) @@ websearch_to_tsquery('english', :q)`,
        { q },
      );
    }
  }
}
