import { NO_GROUP_NAME, orderedGroups, type GroupRef, type ReportGroup } from './report-group.js';
import type { ReportPeriod } from './report-period.js';

/** An aggregate the database returned for one period (its first day) and group. */
export interface PeriodGroupFact {
  periodStart: string;
  groupKey: string | null;
  groupName: string | null;
}

export interface RowKey extends GroupRef {
  period: string;
  periodStart: string;
}

/** The name a fact's group shows: a ticket without a category is in the "(none)" group. */
export function groupRefOf(group: ReportGroup | null, fact: { groupKey: string | null; groupName: string | null }): GroupRef {
  if (group === null) return { groupKey: null, groupName: null };
  return { groupKey: fact.groupKey, groupName: fact.groupKey === null ? NO_GROUP_NAME : (fact.groupName ?? fact.groupKey) };
}

/**
 * The full grid of a report: every period of the range × every group, in order, so charts get a
 * continuous axis. A cell without a fact gets `figures(undefined)` (zeros, null times).
 */
export function gridRows<Fact extends PeriodGroupFact, Figures>(
  periods: readonly ReportPeriod[],
  group: ReportGroup | null,
  facts: readonly Fact[],
  figures: (fact: Fact | undefined) => Figures,
): (RowKey & Figures)[] {
  const byCell = new Map<string, Fact>();
  for (const fact of facts) byCell.set(cellKey(fact.periodStart, group === null ? null : fact.groupKey), fact);
  const groups = orderedGroups(
    group,
    facts.map((f) => groupRefOf(group, f)),
  );
  const rows: (RowKey & Figures)[] = [];
  for (const p of periods) {
    for (const g of groups) {
      const key: RowKey = { period: p.period, periodStart: p.periodStart, groupKey: g.groupKey, groupName: g.groupName };
      rows.push(Object.assign(key, figures(byCell.get(cellKey(p.periodStart, g.groupKey)))));
    }
  }
  return rows;
}

function cellKey(periodStart: string, groupKey: string | null): string {
  return `${periodStart}|${groupKey ?? ''}`;
}
