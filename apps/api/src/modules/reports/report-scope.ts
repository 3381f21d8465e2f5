import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../common/config.tokens.js';
import { validationFailed } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/security/actor.js';
import { Clock } from '../../common/time/clock.js';
import type { AppConfig } from '../../config/app-config.js';
import { SettingsService } from '../settings/settings.service.js';
import type { TicketKind } from '../tickets/domain/ticket-vocabulary.js';
import type { ReportGroup } from './domain/report-group.js';
import { reportPeriods, type ReportInterval, type ReportPeriod } from './domain/report-period.js';
import { resolveRange, type DateRange, type RangeDefault } from './domain/report-range.js';
import { ReportReader } from './report-reader.js';

export interface ReportFilters {
  departmentId?: string;
  queueId?: string;
  categoryId?: string;
  kind?: TicketKind;
}

/** What a report request resolves to before any figure is read. */
export interface ReportScope {
  range: DateRange;
  interval: ReportInterval;
  groupBy: ReportGroup | null;
  fiscalYearStartMonth: number;
  /** The city's IANA time zone (the built-in city office-hours calendar's): periods are its days. */
  timeZone: string;
  /** Today in the city. */
  today: string;
  now: Date;
  filters: ReportFilters;
  /** A technician's id: they see the tickets of the queues they belong to only. */
  memberOf: string | null;
  /** The zone the ticket rollups cut days in: they answer only when it is the city's. */
  rollupZone: string | null;
  periods: ReportPeriod[];
}

/** The query fields a report may have; each report's DTO allowlists its own. */
export interface ReportQueryInput extends ReportFilters {
  from?: string;
  to?: string;
  interval?: ReportInterval;
  groupBy?: ReportGroup;
}

export interface ScopeDefaults {
  interval: ReportInterval;
  groupBy: ReportGroup | null;
  range: RangeDefault;
}

/** Resolves the common report parameters: range defaults and checks, settings, the city's zone and day. */
@Injectable()
export class ReportScopeService {
  constructor(
    private readonly reader: ReportReader,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async resolve(actor: Actor, query: ReportQueryInput, defaults: ScopeDefaults): Promise<ReportScope> {
    const now = this.clock.now();
    const { fiscalYearStartMonth } = await this.settings.get();
    // The same zone cityToday uses, so a work date and a report day are the same day.
    const [city]: { time_zone: string; today: string; rollup_zone: string | null }[] = await this.reader.query(
      `SELECT x.tz AS time_zone, to_char(($1::timestamptz AT TIME ZONE x.tz)::date, 'YYYY-MM-DD') AS today,
              (SELECT time_zone FROM report_rollup_zone) AS rollup_zone
         FROM (SELECT coalesce((SELECT time_zone FROM calendars WHERE system_key = 'city_office_hours'), $2) AS tz) x`,
      [now, this.config.cityTimeZone],
    );
    const { time_zone: timeZone, today, rollup_zone: rollupZone } = city!;
    const resolved = resolveRange(query, today, fiscalYearStartMonth, defaults.range);
    if (resolved.errors) throw validationFailed(resolved.errors);
    const interval = query.interval ?? defaults.interval;
    return {
      range: resolved.range,
      interval,
      groupBy: query.groupBy ?? defaults.groupBy,
      fiscalYearStartMonth,
      timeZone,
      today,
      now,
      filters: { departmentId: query.departmentId, queueId: query.queueId, categoryId: query.categoryId, kind: query.kind },
      memberOf: actor.role === 'technician' ? actor.id : null,
      rollupZone,
      periods: reportPeriods(resolved.range.from, resolved.range.to, interval, fiscalYearStartMonth),
    };
  }
}
