import type { SqlParams } from '../../common/db/sql-params.js';
import { BACKLOG_AGE_BUCKETS } from './domain/backlog-age.js';
import type { ReportGroup } from './domain/report-group.js';
import type { ReportPeriod } from './domain/report-period.js';
import type { ReportScope } from './report-scope.js';

/**
 * The SQL pieces reports are made of. Every fragment here is fixed text chosen from a closed
 * table by an allowlisted value; request values only ever travel as numbered parameters.
 */

/**
 * Puts facts into a report's periods. The periods are defined once, in TypeScript (reportPeriods);
 * SQL finds a fact's period by a binary search over their first days (width_bucket), which costs
 * far less per row than converting every timestamp to the city's time and truncating it.
 */
export class PeriodBuckets {
  private readonly starts: () => string;

  /** `tz` gives the placeholder of the city's time zone, for facts that are instants. */
  constructor(
    periods: readonly ReportPeriod[],
    q: SqlParams,
    private readonly tz: () => string,
  ) {
    this.starts = q.lazy(
      periods.map((p) => p.periodStart),
      'date[]',
    );
  }

  /** The period (1-based) a calendar date falls in. */
  ofDay(day: string): string {
    return `width_bucket(${day}, ${this.starts()})`;
  }

  /** The period an instant falls in: each period starts at local midnight of its first day in the city. */
  ofInstant(instant: string): string {
    return `width_bucket(${instant}, ARRAY(SELECT s.day::timestamp AT TIME ZONE ${this.tz()} FROM unnest(${this.starts()}) WITH ORDINALITY AS s(day, n) ORDER BY s.n))`;
  }

  /** The first day ('YYYY-MM-DD' text) of the period with this index. */
  startOf(index: string): string {
    return `to_char((${this.starts()})[${index}], 'YYYY-MM-DD')`;
  }
}

/** The pieces that split rows by a group: the key on the facts, and the name after aggregation (alias `a`). */
export interface GroupSql {
  /** The key expression over the facts' alias. */
  key: (alias: string) => string;
  /** Joined after aggregation to name the group (on `a.group_key`). */
  join: string;
  /** The name to show. */
  name: string;
}

const GROUP_SQL: Record<ReportGroup, GroupSql> = {
  work_class: { key: (t) => `${t}.work_class`, join: '', name: 'a.group_key::text' },
  priority: { key: (t) => `${t}.priority`, join: '', name: 'a.group_key::text' },
  department: {
    key: (t) => `${t}.department_id`,
    join: 'LEFT JOIN departments g ON g.id = a.group_key',
    name: 'g.name',
  },
  category: { key: (t) => `${t}.category_id`, join: 'LEFT JOIN categories g ON g.id = a.group_key', name: 'g.name' },
  queue: { key: (t) => `${t}.queue_id`, join: 'LEFT JOIN queues g ON g.id = a.group_key', name: 'g.name' },
};

const NO_GROUP: GroupSql = { key: () => 'NULL::text', join: '', name: 'NULL::text' };

export function groupSql(group: ReportGroup | null): GroupSql {
  return group === null ? NO_GROUP : GROUP_SQL[group];
}

/**
 * Labour and expenses as rows by calendar day, for the spend reports: each work log's minutes and
 * stored cost on its work date, each expense on the day spent. `columns` gives the period columns
 * of a day expression. Joined to tickets once, after the union.
 */
export function costRowsSql(from: string, to: string, columns: (day: string) => string): string {
  return `SELECT w.ticket_id, ${columns('w.work_date')}, w.minutes::bigint AS minutes, w.cost_cents::bigint AS labour, 0::bigint AS expense
            FROM ticket_work_logs w WHERE w.work_date BETWEEN ${from} AND ${to}
          UNION ALL
          SELECT e.ticket_id, ${columns('e.spent_on')}, 0, 0, e.amount_cents
            FROM ticket_expenses e WHERE e.spent_on BETWEEN ${from} AND ${to}`;
}

/**
 * A statement over the tickets created in the range (city days), one row per period of creation
 * and group with `aggregates` (over alias `t`), "ticketCount", "periodStart", "groupKey" and
 * "groupName". The response-times and SLA reports are this with their own aggregates.
 */
export function createdTicketsSql(scope: ReportScope, q: SqlParams, aggregates: readonly string[]): string {
  const { tz, start, end } = rangeInstants(scope, q);
  const group = groupSql(scope.groupBy);
  const buckets = new PeriodBuckets(scope.periods, q, () => tz);
  return `SELECT a.*, ${buckets.startOf('a.bucket')} AS "periodStart", a.group_key::text AS "groupKey", ${group.name} AS "groupName"
            FROM (SELECT ${buckets.ofInstant('t.created_at')} AS bucket, ${group.key('t')} AS group_key, count(*)::int AS "ticketCount",
                         ${aggregates.join(',\n')}
                    FROM tickets t
                   WHERE t.created_at >= ${start} AND t.created_at < ${end}${andAll(ticketConditions('t', scope, q))}
                   GROUP BY 1, 2) a ${group.join}`;
}

/** The range as instants: local midnight starting `from`, and local midnight after `to`. */
export function rangeInstants(scope: ReportScope, q: SqlParams): { start: string; end: string; tz: string } {
  const tz = q.add(scope.timeZone, 'text');
  return {
    tz,
    start: `(${q.add(scope.range.from, 'date')}::timestamp AT TIME ZONE ${tz})`,
    end: `((${q.add(scope.range.to, 'date')} + 1)::timestamp AT TIME ZONE ${tz})`,
  };
}

/**
 * The filters and the reader's reach over a tickets alias: department, queue, category and kind
 * when given, and for a technician only the queues they belong to.
 */
export function ticketConditions(t: string, scope: ReportScope, q: SqlParams): string[] {
  const { departmentId, queueId, categoryId, kind } = scope.filters;
  const conditions: string[] = [];
  if (departmentId) conditions.push(`${t}.department_id = ${q.add(departmentId, 'uuid')}`);
  if (queueId) conditions.push(`${t}.queue_id = ${q.add(queueId, 'uuid')}`);
  if (categoryId) conditions.push(`${t}.category_id = ${q.add(categoryId, 'uuid')}`);
  if (kind) conditions.push(`${t}.kind = ${q.add(kind, 'ticket_kind')}`);
  if (scope.memberOf) {
    conditions.push(
      `${t}.queue_id IN (SELECT m.queue_id FROM queue_members m WHERE m.user_id = ${q.add(scope.memberOf, 'uuid')})`,
    );
  }
  return conditions;
}

/** `AND c1 AND c2 …`, or nothing. */
export function andAll(conditions: readonly string[]): string {
  return conditions.map((c) => ` AND ${c}`).join('');
}

/** `WHERE c1 AND c2 …`, or nothing. */
export function whereAll(conditions: readonly string[]): string {
  return conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
}

/** The backlog age bucket of an age in whole days, from the bucket table. */
export function backlogAgeSql(ageDays: string): string {
  const whens = BACKLOG_AGE_BUCKETS.filter((b) => b.maxDays !== null).map(
    (b) => `WHEN ${ageDays} <= ${Number(b.maxDays)} THEN '${b.bucket}'`,
  );
  const last = BACKLOG_AGE_BUCKETS[BACKLOG_AGE_BUCKETS.length - 1]!;
  return `CASE ${whens.join(' ')} ELSE '${last.bucket}' END`;
}
