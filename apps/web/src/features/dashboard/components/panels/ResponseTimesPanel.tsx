import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { panelQueries, reportCsvUrl, responseTimesReportQueryOptions } from '../../api/reports.queries';
import type { ReportFilters } from '../../hooks/use-report-filters';
import { ChartFigure } from '../charts/ChartFigure';
import { ChoiceButtons } from '../ChoiceButtons';
import { ChartPair } from '../charts/ChartPair';
import { TimesChart } from '../charts/lazy-charts';
import { ReportPanel } from '../ReportPanel';
import { ReportTable, type ReportColumn } from '../ReportTable';
import { formatCount } from '../report-words';
import {
  MEASURE_WORDS,
  TIMES_CHART_HEIGHT,
  timeFormatter,
  timesFigures,
  timesSummary,
  unitWords,
  type Measure,
  type TimeUnit,
  type TimesFigures,
} from './times-figures';

const UNITS = [
  { value: 'business', label: 'Business time' },
  { value: 'wall_clock', label: 'Wall-clock time' },
] as const;

const UNIT_EXPLAINED: Record<TimeUnit, string> = {
  business: 'Business time: the minutes of the SLA calendar’s working hours, paused time left out, as SLA targets count them.',
  wall_clock: 'Wall-clock time: hours from creation, nights, weekends and holidays included.',
};

function columns(unit: TimeUnit): ReportColumn<TimesFigures>[] {
  const format = timeFormatter(unit);
  return [
    { header: 'Period', cell: (row) => row.label },
    { header: 'Tickets', cell: (row) => formatCount(row.ticketCount), numeric: true },
    { header: 'First response, median', cell: (row) => format(row.firstResponseMedian), numeric: true },
    { header: 'First response, p90', cell: (row) => format(row.firstResponseP90), numeric: true },
    { header: 'Resolution, median', cell: (row) => format(row.resolutionMedian), numeric: true },
    { header: 'Resolution, p90', cell: (row) => format(row.resolutionP90), numeric: true },
  ];
}

function TimesFigure({ rows, measure, unit }: { rows: TimesFigures[]; measure: Measure; unit: TimeUnit }) {
  return (
    <ChartFigure
      label={`${MEASURE_WORDS[measure]} time per period, median and 90th percentile, ${unitWords(unit)}`}
      summary={timesSummary(rows, measure, unit)}
      height={TIMES_CHART_HEIGHT}
    >
      <TimesChart rows={rows} measure={measure} unit={unit} />
    </ChartFigure>
  );
}

/** 2. Median and p90 time to first response and to resolution, per period of ticket creation. */
export function ResponseTimesPanel({ filters }: { filters: ReportFilters }) {
  const [unit, setUnit] = useState<TimeUnit>('business');
  const query = panelQueries.responseTimes(filters);
  const times = useQuery({ ...responseTimesReportQueryOptions(query), placeholderData: keepPreviousData });
  return (
    <ReportPanel
      title="Response and resolution times"
      description={`Tickets by the period they were created in; resolution is the final one (after any reopening). ${UNIT_EXPLAINED[unit]}`}
      report={times}
      controls={<ChoiceButtons label="Time in" options={UNITS} value={unit} onChange={setUnit} />}
      csv={[{ label: 'all times', href: reportCsvUrl('responseTimes', query) }]}
      chart={(report) => {
        const rows = timesFigures(report, unit);
        return (
          <ChartPair>
            <TimesFigure rows={rows} measure="firstResponse" unit={unit} />
            <TimesFigure rows={rows} measure="resolution" unit={unit} />
          </ChartPair>
        );
      }}
      table={(report) => (
        <ReportTable
          caption={`Response and resolution times per period (${unitWords(unit)})`}
          columns={columns(unit)}
          rows={timesFigures(report, unit)}
          rowKey={(row) => row.period}
          minWidth={640}
        />
      )}
    />
  );
}
