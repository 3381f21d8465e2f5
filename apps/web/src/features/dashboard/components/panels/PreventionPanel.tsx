import { Stack } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { formatDollars } from '../../../../lib/money/money';
import { formatWorkMinutes } from '../../../../lib/time/durations';
import type { PreventionReport, SpendPredictability } from '../../api/report-types';
import { panelQueries, preventionReportQueryOptions, reportCsvUrl } from '../../api/reports.queries';
import type { ReportFilters } from '../../hooks/use-report-filters';
import { ChartFigure } from '../charts/ChartFigure';
import { ChartPair } from '../charts/ChartPair';
import { PreventionChart, PreventionTrendChart } from '../charts/lazy-charts';
import { ReportPanel } from '../ReportPanel';
import { ReportTable, type ReportColumn } from '../ReportTable';
import { formatCount } from '../report-words';
import { barsHeight, groupTotals, periodTotals, type GroupTotals } from './prevention-figures';

const TITLE = 'Does prevention pay?';

const columns = (first: string): readonly ReportColumn<GroupTotals>[] => [
  { header: first, cell: (row) => row.name, wrap: true },
  { header: 'Proactive time', cell: (row) => formatWorkMinutes(row.proactiveMinutes), numeric: true },
  { header: 'Proactive spend', cell: (row) => formatDollars(row.proactiveCents), numeric: true },
  { header: 'Reactive incidents', cell: (row) => formatCount(row.reactiveIncidents), numeric: true },
  { header: 'Reactive cost', cell: (row) => formatDollars(row.reactiveCents), numeric: true },
];

const optionalDollars = (cents: number | null) => (cents === null ? '—' : formatDollars(cents));

const PREDICTABILITY_COLUMNS: readonly ReportColumn<SpendPredictability>[] = [
  { header: 'Spend', cell: (row) => (row.workClass === 'reactive' ? 'Reactive' : 'Proactive') },
  { header: 'Months', cell: (row) => formatCount(row.months), numeric: true },
  { header: 'Monthly mean', cell: (row) => optionalDollars(row.meanCents), numeric: true },
  { header: 'Std. deviation', cell: (row) => optionalDollars(row.stdDevCents), numeric: true },
  {
    header: 'Variation',
    cell: (row) => (row.coefficientOfVariation === null ? '—' : row.coefficientOfVariation.toFixed(2)),
    numeric: true,
  },
];

/** Departments with any proactive or reactive figure, the costliest (both together) first. */
function departments(report: PreventionReport): GroupTotals[] {
  return groupTotals(report)
    .filter((group) => group.proactiveCents > 0 || group.reactiveCents > 0 || group.reactiveIncidents > 0)
    .sort((a, b) => b.proactiveCents + b.reactiveCents - (a.proactiveCents + a.reactiveCents));
}

function preventionSummary(report: PreventionReport): string {
  const [reactive, proactive] = ['reactive', 'proactive'].map((workClass) =>
    report.predictability.find((row) => row.workClass === workClass),
  );
  const variation = (row: SpendPredictability | undefined) => row?.coefficientOfVariation?.toFixed(2) ?? '—';
  const totals = groupTotals(report);
  const proactiveCents = totals.reduce((sum, group) => sum + group.proactiveCents, 0);
  const reactiveCents = totals.reduce((sum, group) => sum + group.reactiveCents, 0);
  return (
    `${formatDollars(proactiveCents)} proactive against ${formatDollars(reactiveCents)} reactive over the range. ` +
    `Month-to-month variation: reactive ${variation(reactive)}, proactive ${variation(proactive)} (lower is more predictable).`
  );
}

function PreventionFigure({ report }: { report: PreventionReport }) {
  const rows = departments(report);
  const height = barsHeight(rows.length, 40, 60, 160);
  return (
    <ChartFigure
      label="Proactive spend and reactive cost per department over the range"
      summary={preventionSummary(report)}
      height={height}
    >
      <PreventionChart departments={rows} height={height} />
    </ChartFigure>
  );
}

const TREND_HEIGHT = 260;

function trendSummary(periods: readonly GroupTotals[]): string {
  const first = periods[0];
  const last = periods.at(-1);
  if (!first || !last) return 'No proactive or reactive spend in this range.';
  return (
    `Proactive spend ${formatDollars(first.proactiveCents)} in ${first.name}, ${formatDollars(last.proactiveCents)} in ${last.name}; ` +
    `reactive cost ${formatDollars(first.reactiveCents)} in ${first.name}, ${formatDollars(last.reactiveCents)} in ${last.name}.`
  );
}

function TrendFigure({ report }: { report: PreventionReport }) {
  const periods = periodTotals(report);
  return (
    <ChartFigure
      label="Proactive spend and reactive cost per quarter, every department together"
      summary={trendSummary(periods)}
      height={TREND_HEIGHT}
    >
      <PreventionTrendChart periods={periods} height={TREND_HEIGHT} />
    </ChartFigure>
  );
}

function Predictability({ report }: { report: PreventionReport }) {
  return (
    <ReportTable
      caption="Spend predictability: variation of monthly spend (standard deviation ÷ mean; lower is steadier)"
      columns={PREDICTABILITY_COLUMNS}
      rows={report.predictability}
      rowKey={(row) => row.workClass}
      minWidth={420}
    />
  );
}

/**
 * 7. Proactive hours and spend per department against its reactive incidents and their cost, and
 * how predictable each kind of spend is from month to month.
 */
export function PreventionPanel({ filters }: { filters: ReportFilters }) {
  const query = panelQueries.prevention(filters, 'department');
  const prevention = useQuery({ ...preventionReportQueryOptions(query), placeholderData: keepPreviousData });
  return (
    <ReportPanel
      title={TITLE}
      description="Time and money spent on proactive work against the reactive incidents raised and what they cost: per department over the range, and per quarter."
      report={prevention}
      csv={[
        { label: 'per quarter and department', href: reportCsvUrl('prevention', query, 'rows') },
        { label: 'predictability', href: reportCsvUrl('prevention', query, 'predictability') },
        { label: 'monthly spend', href: reportCsvUrl('prevention', query, 'monthly') },
      ]}
      chart={(report) => (
        <ChartPair>
          <PreventionFigure report={report} />
          <TrendFigure report={report} />
        </ChartPair>
      )}
      table={(report) => (
        <Stack gap="md">
          <ReportTable
            caption="Proactive work and reactive incidents per department"
            columns={columns('Department')}
            rows={departments(report)}
            rowKey={(row) => row.key}
            minWidth={640}
          />
          <ReportTable
            caption="Proactive work and reactive incidents per quarter"
            columns={columns('Quarter')}
            rows={periodTotals(report)}
            rowKey={(row) => row.key}
            minWidth={640}
          />
        </Stack>
      )}
      more={(report) => <Predictability report={report} />}
    />
  );
}
