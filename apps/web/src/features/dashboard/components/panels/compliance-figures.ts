import type { Priority } from '../../../../lib/api/api-types';
import { PRIORITIES } from '../../../../lib/tickets/ticket-vocabulary';
import type { SlaComplianceReport } from '../../api/report-types';
import { formatShare, periodLabel } from '../report-words';

export type SlaTarget = 'resolution' | 'response';

export const COMPLIANCE_CHART_HEIGHT = 280;

/** Met and decided targets of one priority in one period. */
export interface Compliance {
  met: number;
  targets: number;
  rate: number | null;
}

/** One period: the share of targets met per priority. */
export interface CompliancePeriod extends Record<Priority, Compliance> {
  period: string;
  label: string;
}

const NO_TARGETS: Compliance = { met: 0, targets: 0, rate: null };

export function compliancePeriods(report: SlaComplianceReport, target: SlaTarget): CompliancePeriod[] {
  const periods = new Map<string, CompliancePeriod>();
  for (const row of report.rows) {
    let period = periods.get(row.period);
    if (!period) {
      period = {
        period: row.period,
        label: periodLabel(row.period, row.periodStart, report.interval),
        P1: NO_TARGETS,
        P2: NO_TARGETS,
        P3: NO_TARGETS,
        P4: NO_TARGETS,
      };
      periods.set(row.period, period);
    }
    const priority = PRIORITIES.find((p) => p === row.groupKey);
    if (!priority) continue;
    period[priority] =
      target === 'resolution'
        ? { met: row.resolutionMet, targets: row.resolutionTargets, rate: row.resolutionRate }
        : { met: row.responseMet, targets: row.responseTargets, rate: row.responseRate };
  }
  return [...periods.values()];
}

/** "92.5% (37 of 40)". */
export function complianceText({ met, targets, rate }: Compliance): string {
  return targets === 0 ? '—' : `${formatShare(rate)} (${met} of ${targets})`;
}

export function targetWords(target: SlaTarget): string {
  return target === 'resolution' ? 'Resolution' : 'First-response';
}

/** Each priority's share of targets met over the whole range. */
export function complianceSummary(periods: readonly CompliancePeriod[], target: SlaTarget): string {
  const parts = PRIORITIES.flatMap((priority) => {
    const met = periods.reduce((sum, period) => sum + period[priority].met, 0);
    const targets = periods.reduce((sum, period) => sum + period[priority].targets, 0);
    return targets === 0 ? [] : [`${priority} ${formatShare(met / targets)}`];
  });
  const what = targetWords(target);
  return parts.length === 0
    ? `No ${what.toLowerCase()} target was decided in this range.`
    : `${what} targets met over the range: ${parts.join(', ')}.`;
}
