import { Anchor, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { FactList } from '../../../../components/ui/FactList';
import { assetPath } from '../../../../lib/assets/asset-paths';
import { formatDollars } from '../../../../lib/money/money';
import type { AssetRefreshReport, AssetRefreshRow, AssetRepair } from '../../api/report-types';
import { assetRefreshReportQueryOptions, panelQueries, reportCsvUrl } from '../../api/reports.queries';
import type { ReportFilters } from '../../hooks/use-report-filters';
import { ChartFigure } from '../charts/ChartFigure';
import { ForecastChart } from '../charts/lazy-charts';
import { ReportPanel } from '../ReportPanel';
import { ReportTable, type ReportColumn } from '../ReportTable';
import { formatCount, formatShare } from '../report-words';

const TITLE = 'Asset refresh forecast';

const FORECAST_CHART_HEIGHT = 260;

/** How many of the costliest-to-repair assets the panel lists; the CSV has them all. */
const REPAIRS_SHOWN = 10;

const FORECAST_COLUMNS: readonly ReportColumn<AssetRefreshRow>[] = [
  { header: 'Fiscal year', cell: (row) => row.period },
  { header: 'Assets due', cell: (row) => formatCount(row.assetCount), numeric: true },
  { header: 'Replacement cost', cell: (row) => formatDollars(row.replacementCostCents), numeric: true },
  { header: 'Without a cost', cell: (row) => formatCount(row.unpricedCount), numeric: true },
];

const REPAIR_COLUMNS: readonly ReportColumn<AssetRepair>[] = [
  {
    header: 'Asset',
    cell: (row) => (
      <Anchor component={Link} to={assetPath(row.assetId)} size="sm">
        {row.tag} · {row.name}
      </Anchor>
    ),
    wrap: true,
  },
  { header: 'Department', cell: (row) => row.departmentName, wrap: true },
  { header: 'Repairs to date', cell: (row) => formatDollars(row.repairCostCents), numeric: true },
  { header: 'Replacement cost', cell: (row) => formatDollars(row.replacementCostCents), numeric: true },
  { header: 'Repairs ÷ replacement', cell: (row) => formatShare(row.repairRatio), numeric: true },
];

function forecastSummary(report: AssetRefreshReport): string {
  const count = report.rows.reduce((sum, row) => sum + row.assetCount, 0);
  const cost = report.rows.reduce((sum, row) => sum + row.replacementCostCents, 0);
  const first = report.rows[0];
  const last = report.rows.at(-1);
  const span = first && last ? `${first.period}–${last.period}` : 'the range';
  return (
    `${formatCount(count)} assets reach the end of their life in ${span}, ${formatDollars(cost)} to replace; ` +
    `${formatCount(report.overdue.assetCount)} more are already past it (${formatDollars(report.overdue.replacementCostCents)}).`
  );
}

function ForecastFigure({ report }: { report: AssetRefreshReport }) {
  return (
    <ChartFigure
      label="Assets due for replacement per fiscal year: replacement cost and number of assets"
      summary={forecastSummary(report)}
      height={FORECAST_CHART_HEIGHT}
    >
      <ForecastChart rows={report.rows} height={FORECAST_CHART_HEIGHT} />
    </ChartFigure>
  );
}

function ForecastFacts({ report }: { report: AssetRefreshReport }) {
  return (
    <FactList
      label="Assets outside the forecast"
      cols={{ base: 1, sm: 2 }}
      facts={[
        [
          'Already past their replacement date',
          `${formatCount(report.overdue.assetCount)} (${formatDollars(report.overdue.replacementCostCents)})`,
        ],
        ['Without a purchase date (not forecast)', formatCount(report.withoutPurchaseDate)],
      ]}
    />
  );
}

function Repairs({ report, csvHref }: { report: AssetRefreshReport; csvHref: string }) {
  const shown = report.repairs.slice(0, REPAIRS_SHOWN);
  const more = report.repairCount - shown.length;
  return (
    <Stack gap={4}>
      <ReportTable
        caption={`Assets whose repairs to date cost more than ${formatShare(report.repairShare)} of their replacement, highest share first`}
        columns={REPAIR_COLUMNS}
        rows={shown}
        rowKey={(row) => row.assetId}
        empty="No asset in use has cost that much in repairs."
        minWidth={640}
      />
      {more > 0 ? (
        <Text size="sm" c="dimmed">
          And {formatCount(more)} more, in the{' '}
          <Anchor href={csvHref} download size="sm">
            CSV of all of them
          </Anchor>
          .
        </Text>
      ) : null}
    </Stack>
  );
}

/**
 * 6. Replacements falling due per fiscal year (from the current one on; the date range does not
 * apply, the department filter does), and the assets whose repairs outgrow them.
 */
export function AssetRefreshPanel({ filters }: { filters: ReportFilters }) {
  const query = panelQueries.assetRefresh(filters);
  const assets = useQuery({ ...assetRefreshReportQueryOptions(query), placeholderData: keepPreviousData });
  const repairsCsv = reportCsvUrl('assetRefresh', query, 'repairs');
  return (
    <ReportPanel
      title={TITLE}
      description="Assets in use reaching the end of their life (purchase date + lifecycle years) per fiscal year, from this fiscal year on, priced at their purchase cost. The date range does not apply here."
      report={assets}
      csv={[
        { label: 'per fiscal year', href: reportCsvUrl('assetRefresh', query, 'rows') },
        { label: 'repairs', href: repairsCsv },
      ]}
      chart={(report) => <ForecastFigure report={report} />}
      table={(report) => (
        <ReportTable
          caption="Assets due for replacement per fiscal year"
          columns={FORECAST_COLUMNS}
          rows={report.rows}
          rowKey={(row) => `${row.period}-${row.groupKey ?? ''}`}
        />
      )}
      more={(report) => (
        <>
          <ForecastFacts report={report} />
          <Repairs report={report} csvHref={repairsCsv} />
        </>
      )}
    />
  );
}
