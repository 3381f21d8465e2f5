import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SqlParams } from '../../common/db/sql-params.js';
import { decodeCursor, encodeCursor } from '../../common/http/cursor.js';
import type { Actor } from '../../common/security/actor.js';
import { Clock } from '../../common/time/clock.js';
import { prepared } from '../../database/prepared-statements.js';
import { isStaff } from '../users/domain/role.js';
import { ticketVisibility, visibleQueuesSql } from './domain/ticket.policy.js';
import { OPEN_STATUSES, type TicketStatus } from './domain/ticket-vocabulary.js';
import type { ListTicketsQueryDto, TicketSort } from './dto/list-tickets-query.dto.js';
import type { TicketCountsDto, TicketListDto } from './dto/ticket-output.dto.js';
import { TICKET_COLUMNS, toListItem, type TicketRow } from './ticket-rows.js';

const DEFAULT_LIMIT = 50;
const TICKET_NUMBER = /^(INC|REQ|MNT)-\d+$/i;

/** The open statuses as SQL text, word for word the predicate of the open-ticket partial indexes. */
const OPEN = `t.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;

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

type Ordering = (typeof ORDERINGS)[TicketSort];

@Injectable()
export class TicketListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * One SQL statement whatever the page size. The page's keys are found first over the tickets
   * alone (visibility, filters, keyset), and only those rows get their names joined. Filters and
   * sorts come only from the DTO's allowlists.
   */
  async list(actor: Actor, query: ListTicketsQueryDto): Promise<TicketListDto> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const ordering = ORDERINGS[query.sort ?? 'due'];
    const p = new SqlParams();
    const keys = ordering.key.map((expression, i) => `${expression} AS k${i}`).join(', ');
    const orderBy = (alias: string) => ordering.key.map((_, i) => `${alias}k${i} ${ordering.order}`).join(', ');
    const after = query.cursor ? cursorCondition(ordering, query.cursor, p) : null;
    const take = p.add(limit + 1, 'int');

    const queueDriven = byQueueOfOpenTickets(actor, query);
    const page = queueDriven
      ? queueDrivenPage(actor, query, p, { keys, orderBy, after, take })
      : `SELECT t.id, ${keys} FROM tickets t
          WHERE ${[ticketVisibility(actor, 't', p.add(actor.id, 'uuid')).where, ...filterConditions(actor, query, p), ...(after ? [after] : [])].join(' AND ')}
          ORDER BY ${orderBy('')} LIMIT ${take}`;
    const sql = `WITH page AS (${page})
       SELECT ${TICKET_COLUMNS}, ${ordering.key.map((_, i) => `page.k${i}::text AS sort_${i}`).join(', ')}
         FROM page JOIN tickets t ON t.id = page.id
        ORDER BY ${orderBy('page.')}`;
    // The queue walk is key lookups whatever the values, so it is kept planned; a page over the
    // other filters may want a plan for its values (a status or department can be most rows).
    const rows: (TicketRow & Record<`sort_${number}`, string>)[] = await this.dataSource.query(
      queueDriven ? prepared(sql) : sql,
      p.values,
    );

    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const now = this.clock.now();
    return {
      items: items.map((row) => toListItem(row, now)),
      nextCursor: rows.length > limit && last ? encodeCursor(ordering.key.map((_, i) => String(last[`sort_${i}`]))) : null,
    };
  }

  /**
   * Badge counts for the technician's queue view: mine, unassigned in my queues (every visible
   * queue when I belong to none), all open, and per visible queue. One statement: the open tickets
   * per queue from their rollup (queue_open_counts and its pending changes, kept by triggers in
   * every ticket write's transaction), mine from the open-assignee index, my own requests from the
   * requester index; the badges are added up from a row per queue.
   */
  async counts(actor: Actor): Promise<TicketCountsDto> {
    const staff = isStaff(actor.role);
    const rows: QueueCounts[] = await this.dataSource.query(
      prepared(`WITH per_queue AS (
         SELECT c.queue_id, sum(c.tickets)::int AS open, (sum(c.tickets) FILTER (WHERE c.unassigned))::int AS unassigned
           FROM (SELECT queue_id, unassigned, tickets FROM queue_open_counts
                 UNION ALL
                 SELECT queue_id, unassigned, tickets FROM queue_open_count_changes) c
          GROUP BY 1
       ), mine AS (
         SELECT t.queue_id, count(*)::int AS n FROM tickets t WHERE t.assignee_id = $1 AND ${OPEN} GROUP BY 1
       ), own AS (
         SELECT t.queue_id, count(*)::int AS n, (count(*) FILTER (WHERE t.assignee_id = $1))::int AS mine,
                (count(*) FILTER (WHERE t.assignee_id IS NULL))::int AS unassigned
           FROM tickets t WHERE t.requester_id = $1 AND ${OPEN} GROUP BY 1
       )
       SELECT q.id AS "queueId", q.name, ${staff ? 'NOT q.restricted OR m.member' : 'false'} AS visible, m.member,
              coalesce(p.open, 0) AS open, coalesce(mine.n, 0) AS mine, coalesce(p.unassigned, 0) AS unassigned,
              coalesce(own.n, 0) AS own, coalesce(own.mine, 0) AS "ownMine", coalesce(own.unassigned, 0) AS "ownUnassigned"
         FROM queues q
        CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM queue_members qm WHERE qm.queue_id = q.id AND qm.user_id = $1) AS member) m
         LEFT JOIN per_queue p ON p.queue_id = q.id
         LEFT JOIN mine ON mine.queue_id = q.id
         LEFT JOIN own ON own.queue_id = q.id
        ORDER BY lower(q.name)`),
      [actor.id],
    );
    return badgeCounts(rows, staff);
  }
}

interface QueueCounts {
  queueId: string;
  name: string;
  /** The reader sees every ticket of the queue (else only their own requests in it). */
  visible: boolean;
  member: boolean;
  open: number;
  mine: number;
  unassigned: number;
  own: number;
  ownMine: number;
  ownUnassigned: number;
}

/**
 * The badges from per-queue counts, by the list's rules: a reader counts the tickets of the queues
 * they see and their own requests anywhere; "unassigned" is of their queues, or of every queue when
 * they belong to none; staff get a badge per visible queue.
 */
export function badgeCounts(queues: readonly QueueCounts[], staff: boolean): TicketCountsDto {
  const inAnyQueue = queues.some((q) => q.member);
  const totals = { mine: 0, unassigned: 0, open: 0 };
  for (const q of queues) {
    totals.mine += q.visible ? q.mine : q.ownMine;
    totals.open += q.visible ? q.open : q.own;
    if (!inAnyQueue || q.member) totals.unassigned += q.visible ? q.unassigned : q.ownUnassigned;
  }
  return {
    ...totals,
    queues: staff
      ? queues.filter((q) => q.visible).map((q) => ({ queueId: q.queueId, name: q.name, open: q.open, unassigned: q.unassigned }))
      : [],
  };
}

/**
 * Whether the page is best found queue by queue: staff listing open tickets by due time, not
 * narrowed to one assignee or by a text search. Then each queue's next tickets come in order from
 * the open-queue index (tickets_open_queue_idx) and the page merges them, so page 1 and page
 * 100 cost the same and neither reads the queue's other open tickets.
 */
function byQueueOfOpenTickets(actor: Actor, query: ListTicketsQueryDto): boolean {
  return (
    isStaff(actor.role) &&
    (query.sort ?? 'due') === 'due' &&
    (query.status?.length ?? 0) > 0 &&
    query.status!.every((s) => OPEN_STATUSES.includes(s)) &&
    (query.assigneeId === undefined || query.assigneeId === 'none') &&
    !query.q?.trim()
  );
}

function queueDrivenPage(
  actor: Actor,
  query: ListTicketsQueryDto,
  p: SqlParams,
  page: { keys: string; orderBy: (alias: string) => string; after: string | null; take: string },
): string {
  const me = p.add(actor.id, 'uuid');
  const visible = visibleQueuesSql(me);
  // The queues to walk: the filter's, of those the reader sees; every visible queue without one.
  const queues =
    query.queueId === 'mine'
      ? `SELECT fm.queue_id FROM queue_members fm WHERE fm.user_id = ${me}`
      : query.queueId
        ? `SELECT x.id FROM (${visible}) x WHERE x.id = ${p.add(query.queueId, 'uuid')}`
        : visible;
  const conditions = [
    ...new Set([OPEN, ...filterConditions(actor, { ...query, queueId: undefined }, p), ...(page.after ? [page.after] : [])]),
  ];
  const perQueue = `SELECT k.* FROM (${queues}) AS qs(id)
      CROSS JOIN LATERAL (SELECT t.id, ${page.keys} FROM tickets t
                           WHERE t.queue_id = qs.id AND ${conditions.join(' AND ')}
                           ORDER BY ${page.orderBy('')} LIMIT ${page.take}) k`;
  // Their own requests in queues they do not see (member queues are always seen).
  const ownElsewhere =
    query.queueId === 'mine'
      ? ''
      : `UNION ALL
         SELECT t.id, ${page.keys} FROM tickets t
          WHERE t.requester_id = ${me} AND t.queue_id NOT IN (${visible})
            ${query.queueId && query.queueId !== 'mine' ? `AND t.queue_id = ${p.add(query.queueId, 'uuid')}` : ''}
            AND ${conditions.join(' AND ')}`;
  return `SELECT u.* FROM (${perQueue} ${ownElsewhere}) u ORDER BY ${page.orderBy('u.')} LIMIT ${page.take}`;
}

/** `(key…) > (cursor…)`: the rows after the cursor's, in the ordering's direction. */
function cursorCondition(ordering: Ordering, cursor: string, p: SqlParams): string {
  const values = decodeCursor(
    cursor,
    ordering.key.map(() => 'string'),
  );
  const placeholders = values.map((value, i) => p.add(value, ordering.cast[i]!));
  return `(${ordering.key.join(', ')}) ${ordering.direction} (${placeholders.join(', ')})`;
}

/**
 * Every open status is said as the open indexes' own predicate: the planner then sees one
 * condition it knows those indexes hold, not a second one it would count as narrowing the rows again.
 */
function statusCondition(statuses: readonly TicketStatus[], p: SqlParams): string {
  const wanted = new Set(statuses);
  const allOpen = wanted.size === OPEN_STATUSES.length && OPEN_STATUSES.every((s) => wanted.has(s));
  return allOpen ? OPEN : `t.status = ANY(${p.add([...wanted], 'ticket_status[]')})`;
}

/** The list's filters as conditions on tickets `t`. */
function filterConditions(actor: Actor, query: ListTicketsQueryDto, p: SqlParams): string[] {
  const where: string[] = [];
  if (query.status?.length) where.push(statusCondition(query.status, p));
  if (query.queueId === 'mine') {
    where.push(`t.queue_id IN (SELECT fm.queue_id FROM queue_members fm WHERE fm.user_id = ${p.add(actor.id, 'uuid')})`);
  } else if (query.queueId) {
    where.push(`t.queue_id = ${p.add(query.queueId, 'uuid')}`);
  }
  if (query.assigneeId === 'none') where.push('t.assignee_id IS NULL');
  else if (query.assigneeId)
    where.push(`t.assignee_id = ${p.add(query.assigneeId === 'me' ? actor.id : query.assigneeId, 'uuid')}`);
  if (query.requesterId)
    where.push(`t.requester_id = ${p.add(query.requesterId === 'me' ? actor.id : query.requesterId, 'uuid')}`);
  if (query.departmentId) where.push(`t.department_id = ${p.add(query.departmentId, 'uuid')}`);
  if (query.kind) where.push(`t.kind = ${p.add(query.kind, 'ticket_kind')}`);
  if (query.workClass) where.push(`t.work_class = ${p.add(query.workClass, 'work_class')}`);
  if (query.priority) where.push(`t.priority = ${p.add(query.priority, 'ticket_priority')}`);
  if (query.categoryId) where.push(`t.category_id = ${p.add(query.categoryId, 'uuid')}`);
  if (query.assetId) where.push(`t.asset_id = ${p.add(query.assetId, 'uuid')}`);
  if (query.createdFrom) where.push(`t.created_at >= ${p.add(query.createdFrom, 'timestamptz')}`);
  if (query.createdTo) where.push(`t.created_at < ${p.add(query.createdTo, 'timestamptz')}`);
  const q = query.q?.trim();
  if (q) {
    if (TICKET_NUMBER.test(q)) {
      const [prefix, digits] = q.toUpperCase().split('-');
      where.push(`t.number = ${p.add(`${prefix}-${digits!.padStart(6, '0')}`, 'text')}`);
    } else {
      // The same expression as the tickets_search_idx GIN index.
      where.push(
        `to_tsvector('english', t.number || ' ' || t.title || ' ' || t.description) @@ websearch_to_tsquery('english', ${p.add(q, 'text')})`,
      );
    }
  }
  return where;
}
