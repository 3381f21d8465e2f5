import { Injectable } from '@nestjs/common';
import { SqlParams } from '../../common/db/sql-params.js';
import type { Actor } from '../../common/security/actor.js';
import { OPEN_STATUSES, TICKET_STATUSES } from '../tickets/domain/ticket-vocabulary.js';
import { BACKLOG_AGE_BUCKETS } from './domain/backlog-age.js';
import { orderedGroups } from './domain/report-group.js';
import { gridRows, groupRefOf } from './domain/report-rows.js';
import type { VolumeQueryDto } from './dto/report-query.dto.js';
import type { VolumeReportDto } from './dto/volume-report.dto.js';
import { reportMeta } from './report-meta.js';
import { ReportScopeService, type ReportScope } from './report-scope.js';
import {
  andAll,
  backlogAgeSql,
  groupSql,
  PeriodBuckets,
  rangeInstants,
  rollupRowsSql,
  ticketConditions,
  ticketRollupSelection,
} from './report-sql.js';
import { ReportReader } from './report-reader.js';

interface VolumeFact {
  /** Which count: tickets open from a period on, resolved in it, no longer open from it, or in a backlog age bucket. */
  kind: 'opened' | 'resolved' | 'closed' | 'age' | 'anomalies';
  periodStart: string | null;
  age: string | null;
  groupKey: string | null;
  groupName: string | null;
  count: number;
  /** For `opened`: of them, the tickets created in the period (the others were open before the range). */
  created: number;
}

// Status lists from the vocabulary (code, never input): open, and done (resolved, closed, canceled).
const sqlList = (values: readonly string[]) => `(${values.map((v) => `'${v}'`).join(', ')})`;
const OPEN = sqlList(OPEN_STATUSES);
const DONE = sqlList(TICKET_STATUSES.filter((s) => !OPEN_STATUSES.includes(s)));

/**
 * Created, resolved and open-at-end per period, and the backlog's ages at the end of the range,
 * in one statement: from the ticket rollup's days where one of its dimensions answers, else in
 * one pass (grouping sets) over the tickets that were open at some point of the range. A ticket is
 * open from its creation until it is finally done (resolved_at, else closed_at, once its status is
 * resolved, closed or canceled). The open count at each period end is a running sum of openings
 * and closings, so the work does not grow with the number of periods.
 */
@Injectable()
export class VolumeReportService {
  constructor(
    private readonly reader: ReportReader,
    private readonly scopes: ReportScopeService,
  ) {}

  async report(actor: Actor, query: VolumeQueryDto): Promise<VolumeReportDto> {
    const scope = await this.scopes.resolve(actor, query, { interval: 'month', groupBy: null, range: 'trailing_year' });
    const asOf = scope.range.to < scope.today ? scope.range.to : scope.today;
    const rollup = ticketRollupSelection(scope, new SqlParams());
    let facts: VolumeFact[] = [];
    if (rollup) {
      const q = new SqlParams();
      facts = await this.reader.query(this.fromRollup(scope, q, asOf), q.values);
    }
    // The rollup cannot answer this split, or some ticket's dates (done before created) need the rows.
    if (!rollup || facts.some((f) => f.kind === 'anomalies')) {
      const q = new SqlParams();
      facts = await this.reader.query(this.fromRows(scope, q, asOf), q.values);
    }

    const cells = new Map<string, VolumeFact & { periodStart: string; resolved: number; openDelta: number }>();
    for (const f of facts) {
      if (f.kind === 'age' || f.periodStart === null) continue;
      const key = `${f.periodStart}|${f.groupKey}`;
      const c = cells.get(key) ?? { ...f, periodStart: f.periodStart, created: 0, resolved: 0, openDelta: 0 };
      if (f.kind === 'opened') {
        c.created += f.created;
        c.openDelta += f.count;
      } else if (f.kind === 'resolved') c.resolved += f.count;
      else c.openDelta -= f.count;
      cells.set(key, c);
    }
    const rows = gridRows(scope.periods, scope.groupBy, [...cells.values()], (f) => ({
      created: f?.created ?? 0,
      resolved: f?.resolved ?? 0,
      openAtEnd: f?.openDelta ?? 0,
    }));
    // The running sum of openings and closings per group is the number open at each period's end.
    const open = new Map<string | null, number>();
    for (const row of rows) {
      const running = (open.get(row.groupKey) ?? 0) + row.openAtEnd;
      open.set(row.groupKey, running);
      row.openAtEnd = running;
    }

    const ageFacts = facts.filter((f) => f.kind === 'age');
    const groups = orderedGroups(
      scope.groupBy,
      ageFacts.map((f) => groupRefOf(scope.groupBy, f)),
    );
    const backlogAge = groups.flatMap((g) =>
      BACKLOG_AGE_BUCKETS.map((b) => ({
        bucket: b.bucket,
        label: b.label,
        minDays: b.minDays,
        maxDays: b.maxDays,
        groupKey: g.groupKey,
        groupName: g.groupName,
        count: ageFacts.find((f) => f.age === b.bucket && (scope.groupBy === null || f.groupKey === g.groupKey))?.count ?? 0,
      })),
    );
    return { ...reportMeta(scope), asOf, rows, backlogAge };
  }

  /**
   * Openings, resolutions and closings per period, and the backlog's ages, from the tickets that
   * were open at some point of the range, in one pass (grouping sets).
   */
  private fromRows(scope: ReportScope, q: SqlParams, asOf: string): string {
    const { tz, start, end } = rangeInstants(scope, q);
    const group = groupSql(scope.groupBy);
    const buckets = new PeriodBuckets(scope.periods, q, () => tz);
    return `WITH s AS (
         SELECT x.created_at, x.group_key,
                -- Open from creation, or from the start of the range for tickets open before it.
                ${buckets.ofInstant(`greatest(x.created_at, ${start})`)} AS opened_in,
                CASE WHEN x.resolved_at >= ${start} AND x.resolved_at < ${end} THEN ${buckets.ofInstant('x.resolved_at')} END AS resolved_in,
                CASE WHEN x.done_at < ${end} THEN ${buckets.ofInstant('x.done_at')} END AS closed_in,
                CASE WHEN x.done_at IS NULL OR x.done_at >= ${end}
                     THEN ${backlogAgeSql(`(${q.add(asOf, 'date')} - (x.created_at AT TIME ZONE ${tz})::date)`)} END AS age
           FROM (SELECT t.created_at, t.resolved_at, ${group.key('t')} AS group_key,
                        CASE WHEN t.status IN ${DONE} THEN coalesce(t.resolved_at, t.closed_at) END AS done_at
                   FROM tickets t
                  WHERE t.created_at < ${end}
                    -- Open now, or done since the range began: each side has a partial index (the open queue's,
                    -- tickets_done_idx), so a recent range over a long history reads only its tickets.
                    AND (t.status IN ${OPEN} OR (t.status IN ${DONE} AND coalesce(t.resolved_at, t.closed_at) >= ${start}))${andAll(ticketConditions('t', scope, q))}
                ) x
       ), a AS (
         -- One pass: a hash table per grouping set.
         SELECT CASE WHEN GROUPING(s.opened_in) = 0 THEN 'opened' WHEN GROUPING(s.resolved_in) = 0 THEN 'resolved'
                     WHEN GROUPING(s.closed_in) = 0 THEN 'closed' ELSE 'age' END AS kind,
                coalesce(s.opened_in, s.resolved_in, s.closed_in) AS bucket, s.age, s.group_key,
                count(*)::int AS count, count(*) FILTER (WHERE s.created_at >= ${start})::int AS created
           FROM s
          GROUP BY GROUPING SETS ((s.group_key, s.opened_in), (s.group_key, s.resolved_in), (s.group_key, s.closed_in), (s.group_key, s.age))
       )
       SELECT a.kind, ${buckets.startOf('a.bucket')} AS "periodStart", a.age, a.group_key::text AS "groupKey", ${group.name} AS "groupName",
              a.count, a.created
         FROM a ${group.join}
        WHERE a.bucket IS NOT NULL OR a.age IS NOT NULL`;
  }

  /**
   * The same from the ticket rollup. Opened in a period: created in it, and (first period) the
   * tickets open when the range began, created before it less those done before it; resolved and
   * closed by the day; the backlog: tickets open now by creation day, and those done after the
   * range by their own rows (none when the range ends today). A row of kind 'anomalies' says a
   * ticket was done before it was created (imported history, say), which the rows answer differently.
   */
  private fromRollup(scope: ReportScope, q: SqlParams, asOf: string): string {
    const rollup = ticketRollupSelection(scope, q)!;
    const [tz, from, to] = [q.add(scope.timeZone, 'text'), q.add(scope.range.from, 'date'), q.add(scope.range.to, 'date')];
    // Local midnight after the last day: the range's end as an instant.
    const end = `((${to} + 1)::timestamp AT TIME ZONE ${tz})`;
    const group = groupSql(scope.groupBy);
    const buckets = new PeriodBuckets(scope.periods, q, () => tz);
    const ageOf = (day: string) => backlogAgeSql(`(${q.add(asOf, 'date')} - ${day})`);
    const where = rollup.where.join(' AND ');
    // Whole months before the range and within it; a month the range starts in is read by day.
    const byMonth = scope.interval !== 'week';
    return `WITH r AS (
         SELECT r.day, ${rollup.groupKey} AS group_key, r.created, r.resolved, r.done, r.anomalies, r.day >= ${from} AS in_range
           FROM (${rollupRowsSql('report_ticket', rollup, `'-infinity'::date`, `${from} - 1`, byMonth)}
                 UNION ALL ${rollupRowsSql('report_ticket', rollup, from, to, byMonth)}) r
       ), b AS (
         SELECT CASE WHEN r.in_range THEN ${buckets.ofDay('r.day')} ELSE 1 END AS bucket, r.* FROM r
       ), a AS (
         SELECT 'opened' AS kind, b.bucket, NULL::text AS age, b.group_key,
                (sum(b.created) - coalesce(sum(b.done) FILTER (WHERE NOT b.in_range), 0))::int AS count,
                coalesce(sum(b.created) FILTER (WHERE b.in_range), 0)::int AS created
           FROM b GROUP BY b.bucket, b.group_key
         UNION ALL
         SELECT 'resolved', b.bucket, NULL, b.group_key, sum(b.resolved)::int, 0 FROM b WHERE b.in_range GROUP BY b.bucket, b.group_key
         UNION ALL
         SELECT 'closed', b.bucket, NULL, b.group_key, sum(b.done)::int, 0 FROM b WHERE b.in_range GROUP BY b.bucket, b.group_key
         UNION ALL
         SELECT 'age', NULL, x.age, x.group_key, sum(x.n)::int, 0
           FROM (SELECT ${ageOf('r.day')} AS age, ${rollup.groupKey} AS group_key, r.open_now AS n
                   FROM (SELECT r.* FROM report_ticket_days r WHERE ${where} AND r.open_now <> 0 AND r.day <= ${to}
                         UNION ALL
                         SELECT r.* FROM report_ticket_changes r WHERE ${where} AND r.open_now <> 0 AND r.day <= ${to}) r
                 UNION ALL
                 SELECT ${ageOf(`(t.created_at AT TIME ZONE ${tz})::date`)}, ${group.key('t')}, 1
                   FROM tickets t
                  WHERE t.status IN ${DONE} AND coalesce(t.resolved_at, t.closed_at) >= ${end} AND t.created_at < ${end}
                    ${andAll(ticketConditions('t', scope, q))}) x
          GROUP BY x.age, x.group_key
       ), anomalies AS (
         SELECT coalesce(sum(r.anomalies), 0) > 0 AS found FROM r
       )
       SELECT a.kind, ${buckets.startOf('a.bucket')} AS "periodStart", a.age, a.group_key::text AS "groupKey", ${group.name} AS "groupName",
              a.count, a.created
         FROM a ${group.join}
        WHERE a.count > 0 AND NOT (SELECT found FROM anomalies)
       UNION ALL
       SELECT 'anomalies', NULL, NULL, NULL, NULL, 0, 0 WHERE (SELECT found FROM anomalies)`;
  }
}
