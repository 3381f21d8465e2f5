import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { formatDollars } from '../../../../lib/money/money';
import { WORK_CLASSES, workClassLabel } from '../../../../lib/tickets/ticket-vocabulary';
import { panelQueries, reportCsvUrl, spendReportQueryOptions } from '../../api/reports.queries';
import type { ReportFilters } from '../../hooks/use-report-filters';
import { ChartFigure } from '../charts/ChartFigure';
import { SpendChart } from '../charts/lazy-charts';
import { ReportPanel } from '../ReportPanel';
import { ReportTable, type ReportColumn } from '../ReportTable';
import { formatShare } from '../report-words';
import { SPEND_CHART_HEIGHT, spendPeriods, spendSummary, type SpendPeriodFigures } from './spend-figures';

const COLUMNS: readonly ReportColumn<SpendPeriodFigures>[] = [
  { header: 'Period', cell: (row) => row.label },
  ...WORK_CLASSES.map((workClass) => ({
    header: workClassLabel(workClass),
    cell: (row: SpendPeriodFigures) => formatDollars(row[workClass]),
    numeric: true,
  })),
  { header: 'Total', cell: (row) => formatDollars(row.totalCents), numeric: true },
  { header: 'Proactive share', cell: (row) => formatShare(row.proactiveShare), numeric: true },
];

/** 1. Labour and expenses per period, stacked by work class, with the share that was proactive. */
export function SpendPanel({ filters }: { filters: ReportFilters }) {
  const query = panelQueries.spend(filters);
  const spend = useQuery({ ...spendReportQueryOptions(query), placeholderData: keepPreviousData });
  return (
    <ReportPanel
      title="Spend by work class"
      description="Labour (logged time at the rate of the day) and expenses, by the day the work was done or the money spent."
      report={spend}
      csv={[
        { label: 'by work class', href: reportCsvUrl('spend', query, 'rows') },
        { label: 'totals and proactive share', href: reportCsvUrl('spend', query, 'periods') },
      ]}
      chart={(report) => {
        const periods = spendPeriods(report);
        return (
          <ChartFigure
            label="Spend per period, stacked by work class, with the proactive share"
            summary={spendSummary(periods)}
            height={SPEND_CHART_HEIGHT}
          >
            <SpendChart periods={periods} />
          </ChartFigure>
        );
      }}
      table={(report) => (
        <ReportTable
          caption="Spend per period by work class, in dollars"
          columns={COLUMNS}
          rows={spendPeriods(report)}
          rowKey={(row) => row.period}
        />
      )}
    />
  );
}
