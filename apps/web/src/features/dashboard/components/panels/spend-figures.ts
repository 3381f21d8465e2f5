import type { WorkClass } from '../../../../lib/api/api-types';
import { formatDollars } from '../../../../lib/money/money';
import type { SpendReport } from '../../api/report-types';
import { formatShare, periodLabel } from '../report-words';

/** One period's spend: cents per work class, the total and the proactive share. */
export interface SpendPeriodFigures extends Record<WorkClass, number> {
  period: string;
  label: string;
  totalCents: number;
  proactiveShare: number | null;
}

export function spendPeriods(report: SpendReport): SpendPeriodFigures[] {
  return report.periods.map((period) => {
    const byClass = (workClass: WorkClass) =>
      report.rows.find((row) => row.period === period.period && row.groupKey === workClass)?.totalCents ?? 0;
    return {
      period: period.period,
      label: periodLabel(period.period, period.periodStart, report.interval),
      reactive: byClass('reactive'),
      service: byClass('service'),
      proactive: byClass('proactive'),
      totalCents: period.totalCents,
      proactiveShare: period.proactiveShare,
    };
  });
}

export function spendSummary(periods: readonly SpendPeriodFigures[]): string {
  const total = periods.reduce((sum, period) => sum + period.totalCents, 0);
  const first = periods[0];
  const last = periods.at(-1);
  if (!first || !last || total === 0) return 'Nothing was spent in this range.';
  return (
    `${formatDollars(total)} spent from ${first.label} to ${last.label}. ` +
    `Proactive share: ${formatShare(first.proactiveShare)} in ${first.label}, ${formatShare(last.proactiveShare)} in ${last.label}.`
  );
}

export const SPEND_CHART_HEIGHT = 300;
