import { Injectable } from '@nestjs/common';
import { SqlParams } from '../../common/db/sql-params.js';
import type { Actor } from '../../common/security/actor.js';
import { reportPeriods } from './domain/report-period.js';
import { gridRows } from './domain/report-rows.js';
import { roundTo, seriesStats } from './domain/report-stats.js';
import type { PreventionQueryDto } from './dto/report-query.dto.js';
import type { PreventionReportDto, SpendPredictabilityDto } from './dto/prevention-report.dto.js';
import { reportMeta } from './report-meta.js';
import { ReportScopeService, type ReportScope } from './report-scope.js';
import {
  andAll,
  costRowsSql,
  groupSql,
  PeriodBuckets,
  rangeInstants,
  rollupRowsSql,
  ticketConditions,
  ticketRollupSelection,
  type RollupSelection,
} from './report-sql.js';
import { ReportReader } from './report-reader.js';

interface PreventionFact {
  /** 0: a period and group; 1: a month of the predictability series (all groups). */
  monthly: 0 | 1;
  periodStart: string;
  groupKey: string | null;
  groupName: string | null;
  proactiveMinutes: string;
  proactiveCents: string;
  reactiveCents: string;
  reactiveIncidents: string;
}

/**
 * "Does prevention pay": per period and group, proactive hours and spend against reactive
 * incidents and their cost; and how even reactive and proactive spend are month to month.
 * Spend is attributed like the spend report (work date, day spent); incidents by creation day.
 * One statement: GROUPING SETS give the period × group figures and the monthly series in one pass.
 */
@Injectable()
export class PreventionReportService {
  constructor(
    private readonly reader: ReportReader,
    private readonly scopes: ReportScopeService,
  ) {}

  async report(actor: Actor, query: PreventionQueryDto): Promise<PreventionReportDto> {
    const scope = await this.scopes.resolve(actor, query, { interval: 'quarter', groupBy: 'department', range: 'trailing_year' });
    const monthPeriods = reportPeriods(scope.range.from, scope.range.to, 'month', scope.fiscalYearStartMonth);
    const q = new SqlParams();
    const periods = new PeriodBuckets(scope.periods, q, q.lazy(scope.timeZone, 'text'));
    const months = new PeriodBuckets(monthPeriods, q, q.lazy(scope.timeZone, 'text'));
    const group = groupSql(scope.groupBy);
    const rollup = ticketRollupSelection(scope, q);
    const cells = rollup ? this.fromRollups(scope, q, rollup, periods, months) : this.fromRows(scope, q, periods, months);
    const facts: PreventionFact[] = await this.reader.query(
      `SELECT a.monthly::int AS monthly,
              CASE WHEN a.monthly THEN ${months.startOf('a.bucket')} ELSE ${periods.startOf('a.bucket')} END AS "periodStart",
              a.group_key::text AS "groupKey", ${group.name} AS "groupName",
              a.proactive_minutes AS "proactiveMinutes", a.proactive_cents AS "proactiveCents",
              a.reactive_cents AS "reactiveCents", a.reactive_incidents AS "reactiveIncidents"
         FROM (${cells}) a ${group.join}`,
      q.values,
    );

    const periodFacts = facts.filter((f) => f.monthly === 0);
    const rows = gridRows(scope.periods, scope.groupBy, periodFacts, (f) => {
      const proactiveMinutes = Number(f?.proactiveMinutes ?? 0);
      return {
        proactiveMinutes,
        proactiveHours: roundTo(proactiveMinutes / 60, 2)!,
        proactiveCents: Number(f?.proactiveCents ?? 0),
        reactiveIncidents: Number(f?.reactiveIncidents ?? 0),
        reactiveCents: Number(f?.reactiveCents ?? 0),
      };
    });

    const byMonth = new Map(facts.filter((f) => f.monthly === 1).map((f) => [f.periodStart, f]));
    const monthly = monthPeriods.map((m) => ({
      period: m.period,
      periodStart: m.periodStart,
      reactiveCents: Number(byMonth.get(m.periodStart)?.reactiveCents ?? 0),
      proactiveCents: Number(byMonth.get(m.periodStart)?.proactiveCents ?? 0),
    }));
    const predictability = (['reactive', 'proactive'] as const).map((workClass): SpendPredictabilityDto => {
      const stats = seriesStats(monthly.map((m) => (workClass === 'reactive' ? m.reactiveCents : m.proactiveCents)));
      return {
        workClass,
        months: stats.count,
        meanCents: roundTo(stats.mean, 0),
        stdDevCents: roundTo(stats.stdDev, 0),
        coefficientOfVariation: roundTo(stats.coefficientOfVariation, 4),
      };
    });
    return { ...reportMeta(scope), rows, monthly, predictability };
  }

  /**
   * The figures per period and group, and per month over all groups (GROUPING SETS, one pass),
   * from the cost rows and the reactive tickets.
   */
  private fromRows(scope: ReportScope, q: SqlParams, periods: PeriodBuckets, months: PeriodBuckets): string {
    const { start, end } = rangeInstants(scope, q);
    const [from, to] = [q.add(scope.range.from, 'date'), q.add(scope.range.to, 'date')];
    const group = groupSql(scope.groupBy);
    const filters = andAll(ticketConditions('t', scope, q));
    return `WITH c AS (${costRowsSql(from, to, (day) => `${periods.ofDay(day)} AS period, ${months.ofDay(day)} AS month`)}
       ), f AS (
         SELECT c.period, c.month, t.work_class, ${group.key('t')} AS group_key, c.minutes, c.labour + c.expense AS cents, 0 AS incidents
           FROM c JOIN tickets t ON t.id = c.ticket_id
          WHERE t.work_class IN ('reactive', 'proactive')${filters}
         UNION ALL
         SELECT ${periods.ofInstant('t.created_at')}, ${months.ofInstant('t.created_at')}, t.work_class, ${group.key('t')}, 0, 0, 1
           FROM tickets t
          WHERE t.created_at >= ${start} AND t.created_at < ${end} AND t.work_class = 'reactive'${filters}
       )
       SELECT GROUPING(f.month) = 0 AS monthly, coalesce(f.period, f.month) AS bucket, f.group_key,
              coalesce(sum(f.minutes) FILTER (WHERE f.work_class = 'proactive'), 0) AS proactive_minutes,
              coalesce(sum(f.cents) FILTER (WHERE f.work_class = 'proactive'), 0) AS proactive_cents,
              coalesce(sum(f.cents) FILTER (WHERE f.work_class = 'reactive'), 0) AS reactive_cents,
              sum(f.incidents) AS reactive_incidents
         FROM f
        GROUP BY GROUPING SETS ((f.period, f.group_key), (f.month))`;
  }

  /**
   * The same from the rollups' days: the costs of reactive and proactive tickets by day, and the
   * reactive tickets by creation day. A period and group shows when it has either, as above.
   */
  private fromRollups(
    scope: ReportScope,
    q: SqlParams,
    rollup: RollupSelection,
    periods: PeriodBuckets,
    months: PeriodBuckets,
  ): string {
    const [from, to] = [q.add(scope.range.from, 'date'), q.add(scope.range.to, 'date')];
    return `WITH f AS (
         SELECT ${periods.ofDay('r.day')} AS period, ${months.ofDay('r.day')} AS month, ${rollup.groupKey} AS group_key,
                r.proactive_minutes, r.proactive_cents, r.reactive_cents, 0 AS reactive_incidents, r.class_rows AS present
           FROM (${rollupRowsSql('report_cost', rollup, from, to, scope.interval !== 'week')}) r
         UNION ALL
         SELECT ${periods.ofDay('r.day')}, ${months.ofDay('r.day')}, ${rollup.groupKey}, 0, 0, 0, r.reactive_created, r.reactive_created
           FROM (${rollupRowsSql('report_ticket', rollup, from, to, scope.interval !== 'week')}) r
          WHERE r.reactive_created <> 0
       )
       SELECT GROUPING(f.month) = 0 AS monthly, coalesce(f.period, f.month) AS bucket, f.group_key,
              sum(f.proactive_minutes) AS proactive_minutes, sum(f.proactive_cents) AS proactive_cents,
              sum(f.reactive_cents) AS reactive_cents, sum(f.reactive_incidents) AS reactive_incidents
         FROM f
        GROUP BY GROUPING SETS ((f.period, f.group_key), (f.month))
       HAVING sum(f.present) > 0`;
  }
}
