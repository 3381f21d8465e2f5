import { Stack } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { formatDollars } from '../../../../lib/money/money';
import { panelQueries, preventionReportQueryOptions, reportCsvUrl } from '../../api/reports.queries';
import type { ReportFilters } from '../../hooks/use-report-filters';
import { ChartFigure } from '../charts/ChartFigure';
import { TopCostChart } from '../charts/lazy-charts';
import { ChartPair } from '../charts/ChartPair';
import { bothReports, ReportPanel } from '../ReportPanel';
import { ReportTable, type ReportColumn } from '../ReportTable';
import { formatCount } from '../report-words';
import { barsHeight, byReactiveCost, groupTotals, TOP, type GroupTotals } from './prevention-figures';

const TITLE = 'Top departments and categories by reactive cost';

function costPerIncident(group: GroupTotals): string {
  return group.reactiveIncidents === 0 ? '—' : formatDollars(group.reactiveCents / group.reactiveIncidents);
}

function costColumns(groupHeader: string): ReportColumn<GroupTotals>[] {
  return [
    { header: groupHeader, cell: (row) => row.name, wrap: true },
    { header: 'Reactive cost', cell: (row) => formatDollars(row.reactiveCents), numeric: true },
    { header: 'Reactive incidents', cell: (row) => formatCount(row.reactiveIncidents), numeric: true },
    { header: 'Cost per incident', cell: (row) => costPerIncident(row), numeric: true },
  ];
}

function TopCostFigure({ groups, what }: { groups: GroupTotals[]; what: 'departments' | 'categories' }) {
  const top = groups.slice(0, TOP);
  const height = barsHeight(top.length, 30, 30, 120);
  const [first, second] = top;
  const summary = first
    ? `Highest reactive cost: ${first.name} (${formatDollars(first.reactiveCents)})${second ? `, then ${second.name} (${formatDollars(second.reactiveCents)})` : ''}.`
    : `No reactive cost in any of the ${what} in this range.`;
  return (
    <ChartFigure label={`Reactive cost of the top ${TOP} ${what}`} summary={summary} height={height}>
      <TopCostChart groups={top} height={height} />
    </ChartFigure>
  );
}

/** 5. Where reactive work costs most: departments and categories ranked by reactive labour and expenses. */
export function ReactiveCostPanel({ filters }: { filters: ReportFilters }) {
  const departmentQuery = panelQueries.prevention(filters, 'department');
  const categoryQuery = panelQueries.prevention(filters, 'category');
  const departments = useQuery({ ...preventionReportQueryOptions(departmentQuery), placeholderData: keepPreviousData });
  const categories = useQuery({ ...preventionReportQueryOptions(categoryQuery), placeholderData: keepPreviousData });
  return (
    <ReportPanel
      title={TITLE}
      description="Labour and expenses of reactive work (incidents) over the range, by the requester’s department and by category."
      report={bothReports(departments, categories)}
      csv={[
        { label: 'by department', href: reportCsvUrl('prevention', departmentQuery, 'rows') },
        { label: 'by category', href: reportCsvUrl('prevention', categoryQuery, 'rows') },
      ]}
      chart={([byDepartment, byCategory]) => (
        <ChartPair>
          <TopCostFigure groups={byReactiveCost(groupTotals(byDepartment))} what="departments" />
          <TopCostFigure groups={byReactiveCost(groupTotals(byCategory))} what="categories" />
        </ChartPair>
      )}
      table={([byDepartment, byCategory]) => (
        <Stack gap="md">
          <ReportTable
            caption="Reactive cost by department, highest first"
            columns={costColumns('Department')}
            rows={byReactiveCost(groupTotals(byDepartment))}
            rowKey={(row) => row.key}
          />
          <ReportTable
            caption="Reactive cost by category, highest first"
            columns={costColumns('Category')}
            rows={byReactiveCost(groupTotals(byCategory))}
            rowKey={(row) => row.key}
          />
        </Stack>
      )}
    />
  );
}
