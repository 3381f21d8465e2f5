import type { PreventionReport } from '../../api/report-types';
import { periodLabel } from '../report-words';

/** One group's (department's, category's) proactive and reactive figures over the whole range. */
export interface GroupTotals {
  key: string;
  name: string;
  proactiveMinutes: number;
  proactiveCents: number;
  reactiveIncidents: number;
  reactiveCents: number;
}

type PreventionRow = PreventionReport['rows'][number];

/** The report's rows added up under the key and name each row gives, in the order keys first occur. */
function addUp(rows: readonly PreventionRow[], keyOf: (row: PreventionRow) => { key: string; name: string }): GroupTotals[] {
  const totals = new Map<string, GroupTotals>();
  for (const row of rows) {
    const { key, name } = keyOf(row);
    const total = totals.get(key) ?? {
      key,
      name,
      proactiveMinutes: 0,
      proactiveCents: 0,
      reactiveIncidents: 0,
      reactiveCents: 0,
    };
    total.proactiveMinutes += row.proactiveMinutes;
    total.proactiveCents += row.proactiveCents;
    total.reactiveIncidents += row.reactiveIncidents;
    total.reactiveCents += row.reactiveCents;
    totals.set(key, total);
  }
  return [...totals.values()];
}

/** The report's rows added up per group (department, category), in the report's group order. */
export function groupTotals(report: PreventionReport): GroupTotals[] {
  return addUp(report.rows, (row) => ({ key: row.groupKey ?? '', name: row.groupName ?? '(none)' }));
}

/** The report's rows added up per period (a quarter by default), every group together, in order. */
export function periodTotals(report: PreventionReport): GroupTotals[] {
  return addUp(report.rows, (row) => ({ key: row.period, name: periodLabel(row.period, row.periodStart, report.interval) }));
}

/** The groups with the highest reactive cost first, those without any left out. */
export function byReactiveCost(groups: readonly GroupTotals[]): GroupTotals[] {
  return groups.filter((group) => group.reactiveCents > 0).sort((a, b) => b.reactiveCents - a.reactiveCents);
}

/** Bars a top-cost chart shows; the table and the CSV have them all. */
export const TOP = 8;

/** A horizontal bar chart's height for `bars` bars. */
export function barsHeight(bars: number, perBar: number, extra: number, least: number): number {
  return Math.max(least, bars * perBar + extra);
}
