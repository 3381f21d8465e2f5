import { Injectable } from '@nestjs/common';
import { SqlParams } from '../../common/db/sql-params.js';
import type { Actor } from '../../common/security/actor.js';
import { gridRows } from './domain/report-rows.js';
import { roundTo } from './domain/report-stats.js';
import type { TicketReportQueryDto } from './dto/report-query.dto.js';
import type { ResponseTimesReportDto, ResponseTimesRowDto } from './dto/response-times-report.dto.js';
import { reportMeta } from './report-meta.js';
import { ReportScopeService, type ReportScope } from './report-scope.js';
import { createdTicketsSql } from './report-sql.js';
import { ReportReader } from './report-reader.js';
import { ResponseTimesCache } from './response-times-cache.js';

/** The three times a ticket is measured to, each in stored business minutes and in wall-clock time. */
const MEASURES = [
  // First response: the stored minutes and the stamp of the first response.
  { name: 'firstResponse', minutes: 't.first_response_minutes', at: 't.first_response_at' },
  // First resolution, before any reopen. Rows written without the stamp (older paths) fall back
  // to resolved_at, which is the first resolution of a ticket never reopened.
  { name: 'firstResolution', minutes: 't.first_resolution_minutes', at: 'coalesce(t.first_resolved_at, t.resolved_at)' },
  // Final resolution: resolved_at is cleared by a reopen and set again by the next resolution.
  { name: 'resolution', minutes: 't.resolution_minutes', at: 't.resolved_at' },
] as const;

type MeasureName = (typeof MEASURES)[number]['name'];

/** Each measure's fact and row field names, spelled once rather than for every row (a report may have thousands). */
const FIELDS = MEASURES.map(
  ({ name }) =>
    ({
      count: `${name}Count`,
      minutesCount: `${name}MinutesCount`,
      minutes: `${name}Minutes`,
      seconds: `${name}Seconds`,
      medianMinutes: `${name}MedianMinutes`,
      p90Minutes: `${name}P90Minutes`,
      medianHours: `${name}MedianHours`,
      p90Hours: `${name}P90Hours`,
    }) as const,
);

type TimesFact = {
  periodStart: string;
  groupKey: string | null;
  groupName: string | null;
  ticketCount: number;
} & Record<`${MeasureName}Count` | `${MeasureName}MinutesCount`, number> &
  Record<`${MeasureName}Minutes` | `${MeasureName}Seconds`, [number, number] | null>;

/**
 * Response and resolution times of the tickets created in each period (city days), split by a
 * group. Medians and p90 come from percentile_cont; wall-clock percentiles are taken over seconds
 * and turned into hours afterwards. Each period's figures are cached until a ticket created in it
 * changes (ResponseTimesCache); a selection the cache cannot serve is read in one statement.
 */
@Injectable()
export class ResponseTimesReportService {
  constructor(
    private readonly reader: ReportReader,
    private readonly scopes: ReportScopeService,
    private readonly cache: ResponseTimesCache,
  ) {}

  /** `from`: 'tickets' reads every figure from the tickets, as a check of the cache does. */
  async report(actor: Actor, query: TicketReportQueryDto, from: 'cache' | 'tickets' = 'cache'): Promise<ResponseTimesReportDto> {
    const scope = await this.scopes.resolve(actor, query, { interval: 'month', groupBy: null, range: 'trailing_year' });
    const measures = MEASURES.map(
      (m) => `count(${m.at})::int AS "${m.name}Count",
              count(${m.minutes})::int AS "${m.name}MinutesCount",
              percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${m.minutes}) AS "${m.name}Minutes",
              percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY date_part('epoch', ${m.at} - t.created_at)) AS "${m.name}Seconds"`,
    );
    const cached = from === 'cache' ? ((await this.cache.facts(scope, measures)) as TimesFact[] | null) : null;
    const facts = cached ?? (await this.fromTickets(scope, measures));
    const rows = gridRows(scope.periods, scope.groupBy, facts, (f) => {
      const figures: Record<string, number | null> = { ticketCount: f?.ticketCount ?? 0 };
      for (const k of FIELDS) {
        const [minutes, seconds] = [f?.[k.minutes] ?? null, f?.[k.seconds] ?? null];
        figures[k.count] = f?.[k.count] ?? 0;
        figures[k.minutesCount] = f?.[k.minutesCount] ?? 0;
        figures[k.medianMinutes] = roundTo(minutes?.[0] ?? null, 1);
        figures[k.p90Minutes] = roundTo(minutes?.[1] ?? null, 1);
        figures[k.medianHours] = roundTo(seconds ? seconds[0] / 3600 : null, 2);
        figures[k.p90Hours] = roundTo(seconds ? seconds[1] / 3600 : null, 2);
      }
      return figures as Omit<ResponseTimesRowDto, 'period' | 'periodStart' | 'groupKey' | 'groupName'>;
    });
    return { ...reportMeta(scope), rows };
  }

  private async fromTickets(scope: ReportScope, measures: readonly string[]): Promise<TimesFact[]> {
    const q = new SqlParams();
    return this.reader.query(createdTicketsSql(scope, q, measures), q.values);
  }
}
