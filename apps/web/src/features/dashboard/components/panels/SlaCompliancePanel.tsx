import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PRIORITIES } from '../../../../lib/tickets/ticket-vocabulary';
import { panelQueries, reportCsvUrl, slaComplianceReportQueryOptions } from '../../api/reports.queries';
import type { ReportFilters } from '../../hooks/use-report-filters';
import { ChartFigure } from '../charts/ChartFigure';
import { ChoiceButtons } from '../ChoiceButtons';
import { ComplianceChart } from '../charts/lazy-charts';
import { ReportPanel } from '../ReportPanel';
import { ReportTable, type ReportColumn } from '../ReportTable';
import {
  COMPLIANCE_CHART_HEIGHT,
  compliancePeriods,
  complianceSummary,
  complianceText,
  targetWords,
  type CompliancePeriod,
  type SlaTarget,
} from './compliance-figures';

const TARGETS = [
  { value: 'resolution', label: 'Resolution' },
  { value: 'response', label: 'First response' },
] as const;

const COLUMNS: readonly ReportColumn<CompliancePeriod>[] = [
  { header: 'Period', cell: (row) => row.label },
  ...PRIORITIES.map((priority) => ({
    header: priority,
    cell: (row: CompliancePeriod) => complianceText(row[priority]),
    numeric: true,
  })),
];

/** 3. The share of decided SLA targets that were met, per period of creation and priority. */
export function SlaCompliancePanel({ filters }: { filters: ReportFilters }) {
  const [target, setTarget] = useState<SlaTarget>('resolution');
  const query = panelQueries.slaCompliance(filters);
  const compliance = useQuery({ ...slaComplianceReportQueryOptions(query), placeholderData: keepPreviousData });
  return (
    <ReportPanel
      title="SLA compliance by priority"
      description="Targets of the tickets created in each period that were met, out of those decided (met, or past due). Tickets still inside their target are not counted yet."
      report={compliance}
      controls={<ChoiceButtons label="SLA target" options={TARGETS} value={target} onChange={setTarget} />}
      csv={[{ label: 'by priority', href: reportCsvUrl('slaCompliance', query) }]}
      chart={(report) => {
        const periods = compliancePeriods(report, target);
        return (
          <ChartFigure
            label={`Share of ${targetWords(target).toLowerCase()} targets met per period, one line per priority`}
            summary={complianceSummary(periods, target)}
            height={COMPLIANCE_CHART_HEIGHT}
          >
            <ComplianceChart periods={periods} />
          </ChartFigure>
        );
      }}
      table={(report) => (
        <ReportTable
          caption={`${targetWords(target)} targets met per period and priority`}
          columns={COLUMNS}
          rows={compliancePeriods(report, target)}
          rowKey={(row) => row.period}
          minWidth={600}
        />
      )}
    />
  );
}
