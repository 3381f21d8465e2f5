import { Group, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { FactList } from '../../../components/ui/FactList';
import { Panel } from '../../../components/ui/Panel';
import { formatDollars } from '../../../lib/money/money';
import {
  panelQueries,
  responseTimesReportQueryOptions,
  slaComplianceReportQueryOptions,
  spendReportQueryOptions,
  volumeReportQueryOptions,
} from '../api/reports.queries';
import type { ReportFilters } from '../hooks/use-report-filters';
import { bothReports } from './ReportPanel';
import { formatBusinessMinutes, formatCount, formatShare } from './report-words';

interface MonthlySummaryProps {
  /** The twelve months ending with the report's month, by month: the same reports as the sections below. */
  filters: ReportFilters;
  /** The report's month, '2026-03': the period whose figures are summed up here. */
  month: string;
  title: string;
}

/** The month at a glance, from the same reports (and cache entries) as the sections that follow. */
export function MonthlySummary({ filters, month, title }: MonthlySummaryProps) {
  const spend = useQuery(spendReportQueryOptions(panelQueries.spend(filters)));
  const volume = useQuery(volumeReportQueryOptions(panelQueries.volume(filters)));
  const times = useQuery(responseTimesReportQueryOptions(panelQueries.responseTimes(filters)));
  const compliance = useQuery(slaComplianceReportQueryOptions(panelQueries.slaCompliance(filters)));
  const reports = bothReports(bothReports(spend, volume), bothReports(times, compliance));

  if (reports.isError)
    return <ErrorAlert title="Could not load the month’s figures" error={reports.error} onRetry={() => void reports.refetch()} />;
  if (!reports.data) {
    return (
      <Group justify="center" py="md">
        <Loader size="sm" aria-label="Loading the month’s figures" />
      </Group>
    );
  }
  const [[spendReport, volumeReport], [timesReport, complianceReport]] = reports.data;
  const inMonth = <T extends { period: string }>(rows: readonly T[]) => rows.filter((row) => row.period === month);
  const spent = inMonth(spendReport.periods)[0];
  const ticketVolume = inMonth(volumeReport.rows)[0];
  const speed = inMonth(timesReport.rows)[0];
  const met = inMonth(complianceReport.rows).reduce((sum, row) => sum + row.resolutionMet, 0);
  const decided = inMonth(complianceReport.rows).reduce((sum, row) => sum + row.resolutionTargets, 0);

  return (
    <Panel title={title}>
      <FactList
        label={title}
        emphasis
        cols={{ base: 2, sm: 4 }}
        facts={[
          ['Spend', spent ? formatDollars(spent.totalCents) : '—'],
          ['Proactive share of spend', formatShare(spent?.proactiveShare ?? null)],
          ['Tickets created', ticketVolume ? formatCount(ticketVolume.created) : '—'],
          ['Tickets resolved', ticketVolume ? formatCount(ticketVolume.resolved) : '—'],
          ['Open at month end', ticketVolume ? formatCount(ticketVolume.openAtEnd) : '—'],
          ['Median first response (business time)', formatBusinessMinutes(speed?.firstResponseMedianMinutes ?? null)],
          ['Median resolution (business time)', formatBusinessMinutes(speed?.resolutionMedianMinutes ?? null)],
          ['Resolution targets met', decided === 0 ? '—' : `${formatShare(met / decided)} (${met} of ${decided})`],
        ]}
      />
    </Panel>
  );
}
