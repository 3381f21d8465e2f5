import type { ReportMetaDto } from './dto/report-meta.dto.js';
import type { ReportScope } from './report-scope.js';

/** What a report covers, as every report answers it. */
export function reportMeta(scope: ReportScope): ReportMetaDto {
  return {
    from: scope.range.from,
    to: scope.range.to,
    interval: scope.interval,
    groupBy: scope.groupBy,
    timeZone: scope.timeZone,
    fiscalYearStartMonth: scope.fiscalYearStartMonth,
  };
}
