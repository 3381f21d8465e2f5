import { Injectable } from '@nestjs/common';
import { SqlParams } from '../../common/db/sql-params.js';
import type { Actor } from '../../common/security/actor.js';
import { gridRows } from './domain/report-rows.js';
import { ratio } from './domain/report-stats.js';
import type { TicketReportQueryDto } from './dto/report-query.dto.js';
import type { SlaComplianceReportDto } from './dto/sla-compliance-report.dto.js';
import { reportMeta } from './report-meta.js';
import { ReportScopeService, type ReportScope } from './report-scope.js';
import {
  createdTicketsSql,
  groupSql,
  PeriodBuckets,
  rollupRowsSql,
  ticketRollupSelection,
  type RollupSelection,
} from './report-sql.js';
import { ReportReader } from './report-reader.js';

interface ComplianceFact {
  periodStart: string;
  groupKey: string | null;
  groupName: string | null;
  ticketCount: number;
  responseMet: number;
  responseBreached: number;
  resolutionMet: number;
  resolutionBreached: number;
}

/**
 * Met and breached targets of the tickets created in each period (city days), from the outcomes
 * the SLA clock stored: breached true, met false, null for no target or one still running in time.
 * From the ticket rollup's creation-day counts when one of its dimensions answers, else the tickets.
 */
@Injectable()
export class SlaComplianceReportService {
  constructor(
    private readonly reader: ReportReader,
    private readonly scopes: ReportScopeService,
  ) {}

  async report(actor: Actor, query: TicketReportQueryDto): Promise<SlaComplianceReportDto> {
    const scope = await this.scopes.resolve(actor, query, { interval: 'month', groupBy: null, range: 'trailing_year' });
    // A null outcome (no target, or one still running within it) is in neither count.
    const outcomes = [
      `count(*) FILTER (WHERE NOT t.first_response_breached)::int AS "responseMet"`,
      `count(*) FILTER (WHERE t.first_response_breached)::int AS "responseBreached"`,
      `count(*) FILTER (WHERE NOT t.resolution_breached)::int AS "resolutionMet"`,
      `count(*) FILTER (WHERE t.resolution_breached)::int AS "resolutionBreached"`,
    ];
    const q = new SqlParams();
    const rollup = ticketRollupSelection(scope, q);
    const facts: ComplianceFact[] = await this.reader.query(
      rollup ? this.fromRollup(scope, q, rollup) : createdTicketsSql(scope, q, outcomes),
      q.values,
    );
    const rows = gridRows(scope.periods, scope.groupBy, facts, (f) => {
      const [responseMet, responseBreached] = [f?.responseMet ?? 0, f?.responseBreached ?? 0];
      const [resolutionMet, resolutionBreached] = [f?.resolutionMet ?? 0, f?.resolutionBreached ?? 0];
      return {
        ticketCount: f?.ticketCount ?? 0,
        responseTargets: responseMet + responseBreached,
        responseMet,
        responseBreached,
        responseRate: ratio(responseMet, responseMet + responseBreached),
        resolutionTargets: resolutionMet + resolutionBreached,
        resolutionMet,
        resolutionBreached,
        resolutionRate: ratio(resolutionMet, resolutionMet + resolutionBreached),
      };
    });
    return { ...reportMeta(scope), rows };
  }

  /** The same figures from the ticket rollup's creation-day counts. */
  private fromRollup(scope: ReportScope, q: SqlParams, rollup: RollupSelection): string {
    const group = groupSql(scope.groupBy);
    const buckets = new PeriodBuckets(scope.periods, q, q.lazy(scope.timeZone, 'text'));
    const [from, to] = [q.add(scope.range.from, 'date'), q.add(scope.range.to, 'date')];
    return `SELECT ${buckets.startOf('a.bucket')} AS "periodStart", a.group_key::text AS "groupKey", ${group.name} AS "groupName",
                   a."ticketCount", a."responseMet", a."responseBreached", a."resolutionMet", a."resolutionBreached"
              FROM (SELECT ${buckets.ofDay('r.day')} AS bucket, ${rollup.groupKey} AS group_key,
                           sum(r.created)::int AS "ticketCount",
                           sum(r.response_met)::int AS "responseMet", sum(r.response_breached)::int AS "responseBreached",
                           sum(r.resolution_met)::int AS "resolutionMet", sum(r.resolution_breached)::int AS "resolutionBreached"
                      FROM (${rollupRowsSql('report_ticket', rollup, from, to, scope.interval !== 'week')}) r
                     GROUP BY 1, 2
                    HAVING sum(r.created) > 0) a ${group.join}`;
  }
}
