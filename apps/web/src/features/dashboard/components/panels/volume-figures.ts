import { formatDate } from '../../../../lib/time/format-date';
import type { BacklogAge, VolumeReport } from '../../api/report-types';
import { formatCount, periodLabel } from '../report-words';

export const VOLUME_CHART_HEIGHT = 260;

export interface VolumePeriod {
  period: string;
  label: string;
  created: number;
  resolved: number;
  openAtEnd: number;
}

export function volumePeriods(report: VolumeReport): VolumePeriod[] {
  return report.rows.map((row) => ({
    period: row.period,
    label: periodLabel(row.period, row.periodStart, report.interval),
    created: row.created,
    resolved: row.resolved,
    openAtEnd: row.openAtEnd,
  }));
}

export function volumeSummary(periods: readonly VolumePeriod[], asOf: string): string {
  const created = periods.reduce((sum, period) => sum + period.created, 0);
  const resolved = periods.reduce((sum, period) => sum + period.resolved, 0);
  const open = periods.at(-1)?.openAtEnd ?? 0;
  return `${formatCount(created)} created and ${formatCount(resolved)} resolved in the range; ${formatCount(open)} open on ${formatDate(asOf)}.`;
}

export function backlogAgeSummary(ages: readonly BacklogAge[], asOf: string): string {
  const total = ages.reduce((sum, age) => sum + age.count, 0);
  const old = ages.filter((age) => age.minDays > 30).reduce((sum, age) => sum + age.count, 0);
  return `${formatCount(total)} open on ${formatDate(asOf)}, ${formatCount(old)} of them for over 30 days.`;
}
