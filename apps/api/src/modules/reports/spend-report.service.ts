import { Injectable } from '@nestjs/common';
import { SqlParams } from '../../common/db/sql-params.js';
import type { Actor } from '../../common/security/actor.js';
import { ratio } from './domain/report-stats.js';
import { gridRows } from './domain/report-rows.js';
import type { SpendQueryDto } from './dto/report-query.dto.js';
import type { SpendReportDto } from './dto/spend-report.dto.js';
import { reportMeta } from './report-meta.js';
import { ReportScopeService } from './report-scope.js';
import {
  costRowsSql,
  groupSql,
  PeriodBuckets,
  rollupRowsSql,
  rollupSelection,
  ticketConditions,
  whereAll,
} from './report-sql.js';
import { ReportReader } from './report-reader.js';

interface SpendFact {
  periodStart: string;
  groupKey: string | null;
  groupName: string | null;
  minutes: string;
  labour: string;
  expense: string;
  proactive: string;
}

/**
 * Spend per period: labour at the work logs' stored cost by work date, expenses by the day spent,
 * split by a group, with the proactive share of each period. One statement whatever the range:
 * from the cost rollup (a row per day and group) when it holds the split and filters asked for,
 * else from the cost rows, whose work-date and spent-on indexes carry the columns it reads.
 */
@Injectable()
export class SpendReportService {
  constructor(
    private readonly reader: ReportReader,
    private readonly scopes: ReportScopeService,
  ) {}

  async report(actor: Actor, query: SpendQueryDto): Promise<SpendReportDto> {
    const scope = await this.scopes.resolve(actor, query, { interval: 'month', groupBy: 'work_class', range: 'trailing_year' });
    const q = new SqlParams();
    const [from, to] = [q.add(scope.range.from, 'date'), q.add(scope.range.to, 'date')];
    const group = groupSql(scope.groupBy);
    const buckets = new PeriodBuckets(scope.periods, q, q.lazy(scope.timeZone, 'text'));
    const rollup = rollupSelection(scope, q);
    // The cost rollup by day where one of its dimensions answers the report, else the cost rows.
    const cells = rollup
      ? `SELECT ${buckets.ofDay('r.day')} AS bucket, ${rollup.groupKey} AS group_key,
                sum(r.minutes) AS minutes, sum(r.labour_cents) AS labour, sum(r.expense_cents) AS expense,
                sum(r.proactive_cents) AS proactive
           FROM (${rollupRowsSql('report_cost', rollup, from, to, scope.interval !== 'week')}) r
          GROUP BY 1, 2
         HAVING sum(r.cost_rows) > 0`
      : `WITH c AS (${costRowsSql(from, to, (day) => `${buckets.ofDay(day)} AS bucket`)})
         SELECT c.bucket, ${group.key('t')} AS group_key,
                sum(c.minutes) AS minutes, sum(c.labour) AS labour, sum(c.expense) AS expense,
                coalesce(sum(c.labour + c.expense) FILTER (WHERE t.work_class = 'proactive'), 0) AS proactive
           FROM c JOIN tickets t ON t.id = c.ticket_id
          ${whereAll(ticketConditions('t', scope, q))}
          GROUP BY 1, 2`;
    const facts: SpendFact[] = await this.reader.query(
      `SELECT ${buckets.startOf('a.bucket')} AS "periodStart", a.group_key::text AS "groupKey", ${group.name} AS "groupName",
              a.minutes, a.labour, a.expense, a.proactive
         FROM (${cells}) a ${group.join}`,
      q.values,
    );

    const rows = gridRows(scope.periods, scope.groupBy, facts, (f) => {
      const [labourCents, expenseCents] = [Number(f?.labour ?? 0), Number(f?.expense ?? 0)];
      return { labourMinutes: Number(f?.minutes ?? 0), labourCents, expenseCents, totalCents: labourCents + expenseCents };
    });
    const totals = new Map(
      scope.periods.map((p) => [p.periodStart, { labourMinutes: 0, labourCents: 0, expenseCents: 0, proactiveCents: 0 }]),
    );
    for (const r of rows) {
      const total = totals.get(r.periodStart)!;
      total.labourMinutes += r.labourMinutes;
      total.labourCents += r.labourCents;
      total.expenseCents += r.expenseCents;
    }
    for (const f of facts) totals.get(f.periodStart)!.proactiveCents += Number(f.proactive);
    const periods = scope.periods.map((p) => {
      const total = totals.get(p.periodStart)!;
      const totalCents = total.labourCents + total.expenseCents;
      return {
        period: p.period,
        periodStart: p.periodStart,
        ...total,
        totalCents,
        proactiveShare: ratio(total.proactiveCents, totalCents),
      };
    });
    return { ...reportMeta(scope), periods, rows };
  }
}
