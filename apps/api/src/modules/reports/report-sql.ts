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

/** A dimension the rollups keep rows for: every report group, the ticket kind, and 'all' tickets. */
export type RollupDim = 'all' | ReportGroup | 'kind';

/** A rollup dimension's key (as text) over a tickets alias: NULL for 'all'. */
export function dimKeySql(dim: RollupDim, t: string): string {
  if (dim === 'all') return 'NULL::text';
  return `${dim === 'kind' ? `${t}.kind` : GROUP_SQL[dim].key(t)}::text`;
}

/** How a rollup dimension's text key (`r.key`) becomes the group key the name joins expect. */
export const KEY_OF: Record<RollupDim, string> = {
  all: 'NULL::text',
  work_class: 'r.key::work_class',
  priority: 'r.key::ticket_priority',
  kind: 'r.key::ticket_kind',
  department: 'r.key::uuid',
  category: 'r.key::uuid',
  queue: 'r.key::uuid',
};

/** The rollup rows (alias r) that hold a report's figures: one dimension's rows, some of its keys. */
export interface RollupSelection {
  dim: RollupDim;
  /** Conditions on r besides the day range. */
  where: string[];
  /** The group key of a row (null when the report is not split). */
  groupKey: string;
}

/**
 * The rollup rows that answer a report, or null when only the tickets can. A rollup row is of one
 * dimension, so it serves a report whose group and filters all name that same dimension (or none:
 * the 'all' rows): "by department", "of one queue", "by queue, of the queues I belong to". Any
 * other mix (by priority, of one department) reads the tickets. Values travel as parameters.
 */
export function rollupSelection(scope: ReportScope, q: SqlParams): RollupSelection | null {
  const { departmentId, queueId, categoryId, kind } = scope.filters;
  // Each filter as its dimension and its condition (parameters are added only once the rollup is chosen).
  const filters: [RollupDim, () => string][] = [];
  if (departmentId) filters.push(['department', () => `r.key = ${q.add(departmentId, 'uuid')}::text`]);
  if (queueId) filters.push(['queue', () => `r.key = ${q.add(queueId, 'uuid')}::text`]);
  if (categoryId) filters.push(['category', () => `r.key = ${q.add(categoryId, 'uuid')}::text`]);
  if (kind) filters.push(['kind', () => `r.key = ${q.add(kind, 'text')}`]);
  const memberOf = scope.memberOf;
  if (memberOf) {
    filters.push([
      'queue',
      () => `r.key IN (SELECT m.queue_id::text FROM queue_members m WHERE m.user_id = ${q.add(memberOf, 'uuid')})`,
    ]);
  }
  const dims = new Set<RollupDim>(filters.map(([dim]) => dim));
  if (scope.groupBy) dims.add(scope.groupBy);
  if (dims.size > 1) return null;
  const dim = [...dims][0] ?? 'all';
  return {
    dim,
    where: [`r.dim = '${dim}'`, ...filters.map(([, condition]) => condition())],
    groupKey: scope.groupBy === null ? 'NULL::text' : KEY_OF[dim],
  };
}

/**
 * A rollup's rows of the selection between two days (SQL date expressions): whole months from the
 * month rows when `byMonth` (the report's periods are made of whole months), the days of a partial
 * month at either end from the day rows, and the pending changes. Read in one snapshot, the sums
 * are exact; a three-year report reads 36 month rows per group instead of 1,100 day rows.
 */
export function rollupRowsSql(
  rollup: 'report_ticket' | 'report_cost',
  selection: RollupSelection,
  from: string,
  to: string,
  byMonth: boolean,
): string {
  const where = selection.where.join(' AND ');
  const changes = `SELECT r.* FROM ${rollup}_changes r WHERE ${where} AND r.day BETWEEN ${from} AND ${to}`;
  if (!byMonth) {
    return `SELECT r.* FROM ${rollup}_days r WHERE ${where} AND r.day BETWEEN ${from} AND ${to}
            UNION ALL ${changes}`;
  }
  // Whole months: from the first month starting on or after `from` to the last one ending by `to`.
  const first = `(date_trunc('month', ${from} - 1) + interval '1 month')::date`;
  const end = `date_trunc('month', ${to} + 1)::date`;
  return `SELECT r.* FROM ${rollup}_months r WHERE ${where} AND r.day >= ${first} AND r.day < ${end}
          UNION ALL
          SELECT r.* FROM ${rollup}_days r
           WHERE ${where} AND r.day BETWEEN ${from} AND ${to} AND NOT (r.day >= ${first} AND r.day < ${end})
          UNION ALL ${changes}`;
}

/** The ticket rollup's selection for a report, when its days were cut in the city's zone. */
export function ticketRollupSelection(scope: ReportScope, q: SqlParams): RollupSelection | null {
  return scope.rollupZone === scope.timeZone ? rollupSelection(scope, q) : null;
}
