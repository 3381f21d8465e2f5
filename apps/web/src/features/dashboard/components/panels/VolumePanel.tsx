import { Stack } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { formatDate } from '../../../../lib/time/format-date';
import type { BacklogAge } from '../../api/report-types';
import { panelQueries, reportCsvUrl, volumeReportQueryOptions } from '../../api/reports.queries';
import type { ReportFilters } from '../../hooks/use-report-filters';
import { ChartFigure } from '../charts/ChartFigure';
import { ChartPair } from '../charts/ChartPair';
import { BacklogAgeChart, VolumeChart } from '../charts/lazy-charts';
import { ReportPanel } from '../ReportPanel';
import { ReportTable, type ReportColumn } from '../ReportTable';
import { formatCount } from '../report-words';
import { backlogAgeSummary, VOLUME_CHART_HEIGHT, volumePeriods, volumeSummary, type VolumePeriod } from './volume-figures';

const PERIOD_COLUMNS: readonly ReportColumn<VolumePeriod>[] = [
  { header: 'Period', cell: (row) => row.label },
  { header: 'Created', cell: (row) => formatCount(row.created), numeric: true },
  { header: 'Resolved', cell: (row) => formatCount(row.resolved), numeric: true },
  { header: 'Open at period end', cell: (row) => formatCount(row.openAtEnd), numeric: true },
];

const AGE_COLUMNS: readonly ReportColumn<BacklogAge>[] = [
  { header: 'Open for', cell: (row) => row.label },
  { header: 'Tickets', cell: (row) => formatCount(row.count), numeric: true },
];

/** 4. Tickets created and resolved per period, the backlog at each period end, and its age. */
export function VolumePanel({ filters }: { filters: ReportFilters }) {
  const query = panelQueries.volume(filters);
  const volume = useQuery({ ...volumeReportQueryOptions(query), placeholderData: keepPreviousData });
  return (
    <ReportPanel
      title="Tickets created, resolved and open"
      description="Created by creation day, resolved by the day of the final resolution; the backlog is what was still open at the end of each period, and its age is counted on the last day of the range."
      report={volume}
      csv={[
        { label: 'per period', href: reportCsvUrl('volume', query, 'rows') },
        { label: 'backlog age', href: reportCsvUrl('volume', query, 'backlogAge') },
      ]}
      chart={(report) => {
        const periods = volumePeriods(report);
        return (
          <ChartPair>
            <ChartFigure
              label="Tickets created and resolved per period, and tickets open at each period end"
              summary={volumeSummary(periods, report.asOf)}
              height={VOLUME_CHART_HEIGHT}
            >
              <VolumeChart periods={periods} />
            </ChartFigure>
            <ChartFigure
              label={`Tickets open on ${formatDate(report.asOf)} by how long they have been open`}
              summary={backlogAgeSummary(report.backlogAge, report.asOf)}
              height={VOLUME_CHART_HEIGHT}
            >
              <BacklogAgeChart ages={report.backlogAge} />
            </ChartFigure>
          </ChartPair>
        );
      }}
      table={(report) => (
        <Stack gap="md">
          <ReportTable
            caption="Tickets created, resolved and open at the end of each period"
            columns={PERIOD_COLUMNS}
            rows={volumePeriods(report)}
            rowKey={(row) => row.period}
          />
          <ReportTable
            caption={`Tickets open on ${formatDate(report.asOf)} by age`}
            columns={AGE_COLUMNS}
            rows={report.backlogAge}
            rowKey={(row) => row.bucket}
            minWidth={240}
          />
        </Stack>
      )}
    />
  );
}
