import { queryOptions, usePrefetchQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ReportFilters } from '../hooks/use-report-filters';
import type { AssetRefreshQuery, PreventionQuery, SpendQuery, TicketReportQuery, VolumeQuery } from './report-types';

const REPORT_PATHS = {
  spend: '/api/reports/spend',
  responseTimes: '/api/reports/response-times',
  slaCompliance: '/api/reports/sla-compliance',
  volume: '/api/reports/volume',
  assetRefresh: '/api/reports/asset-refresh',
  prevention: '/api/reports/prevention',
} as const;

export type ReportName = keyof typeof REPORT_PATHS;

export const reportKeys = {
  all: ['reports'] as const,
  report: (name: ReportName, query: object) => [...reportKeys.all, name, query] as const,
};

/** The range and the department, queue and category filters, as every ticket report takes them. */
export function reportScope(filters: ReportFilters): TicketReportQuery {
  return {
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.departmentId ? { departmentId: filters.departmentId } : {}),
    ...(filters.queueId ? { queueId: filters.queueId } : {}),
    ...(filters.categoryId ? { categoryId: filters.categoryId } : {}),
  };
}

/** Each dashboard panel's report query, so the pages that share a report share its cache entry. */
export const panelQueries = {
  spend: (filters: ReportFilters): SpendQuery => ({ ...reportScope(filters), interval: filters.interval, groupBy: 'work_class' }),
  responseTimes: (filters: ReportFilters): TicketReportQuery => ({ ...reportScope(filters), interval: filters.interval }),
  slaCompliance: (filters: ReportFilters): TicketReportQuery => ({
    ...reportScope(filters),
    interval: filters.interval,
    groupBy: 'priority',
  }),
  volume: (filters: ReportFilters): VolumeQuery => ({ ...reportScope(filters), interval: filters.interval }),
  /** Replacements are forecast from this fiscal year on: only the department filter applies. */
  assetRefresh: (filters: ReportFilters): AssetRefreshQuery =>
    filters.departmentId ? { departmentId: filters.departmentId } : {},
  /** Per quarter (the report's default), added up over the range by the panels. */
  prevention: (filters: ReportFilters, groupBy: 'department' | 'category'): PreventionQuery => ({
    ...reportScope(filters),
    groupBy,
  }),
};

/**
 * Where the browser downloads a report table as CSV: the same report and filters with
 * format=csv (a plain link; the session cookie authenticates it).
 */
export function reportCsvUrl(name: ReportName, query: object, table?: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && key !== 'format' && key !== 'table') params.set(key, String(value));
  }
  if (table) params.set('table', table);
  params.set('format', 'csv');
  return `${REPORT_PATHS[name]}?${params.toString()}`;
}

/**
 * The report's JSON. The operations document the CSV text too (format=csv); these requests never
 * ask for it, so a string here is the API answering something else.
 */
async function jsonReport<Report extends object>(
  request: Promise<{ data?: Report | string; response: Response }>,
): Promise<Report> {
  const data = await unwrap(request);
  if (typeof data === 'string') throw new Error('The report came back as text instead of JSON.');
  return data;
}

export function spendReportQueryOptions(query: SpendQuery) {
  return queryOptions({
    queryKey: reportKeys.report('spend', query),
    queryFn: ({ signal }) => jsonReport(api.GET(REPORT_PATHS.spend, { params: { query }, signal })),
  });
}

export function responseTimesReportQueryOptions(query: TicketReportQuery) {
  return queryOptions({
    queryKey: reportKeys.report('responseTimes', query),
    queryFn: ({ signal }) => jsonReport(api.GET(REPORT_PATHS.responseTimes, { params: { query }, signal })),
  });
}

export function slaComplianceReportQueryOptions(query: TicketReportQuery) {
  return queryOptions({
    queryKey: reportKeys.report('slaCompliance', query),
    queryFn: ({ signal }) => jsonReport(api.GET(REPORT_PATHS.slaCompliance, { params: { query }, signal })),
  });
}

export function volumeReportQueryOptions(query: VolumeQuery) {
  return queryOptions({
    queryKey: reportKeys.report('volume', query),
    queryFn: ({ signal }) => jsonReport(api.GET(REPORT_PATHS.volume, { params: { query }, signal })),
  });
}

export function assetRefreshReportQueryOptions(query: AssetRefreshQuery) {
  return queryOptions({
    queryKey: reportKeys.report('assetRefresh', query),
    queryFn: ({ signal }) => jsonReport(api.GET(REPORT_PATHS.assetRefresh, { params: { query }, signal })),
  });
}

export function preventionReportQueryOptions(query: PreventionQuery) {
  return queryOptions({
    queryKey: reportKeys.report('prevention', query),
    queryFn: ({ signal }) => jsonReport(api.GET(REPORT_PATHS.prevention, { params: { query }, signal })),
  });
}

/**
 * Asks for every panel's report while the page renders, rather than once each panel has mounted:
 * the requests leave a few hundred milliseconds sooner. The panels then read the same cache entries.
 */
export function usePanelReports(filters: ReportFilters): void {
  usePrefetchQuery(spendReportQueryOptions(panelQueries.spend(filters)));
  usePrefetchQuery(slaComplianceReportQueryOptions(panelQueries.slaCompliance(filters)));
  usePrefetchQuery(responseTimesReportQueryOptions(panelQueries.responseTimes(filters)));
  usePrefetchQuery(volumeReportQueryOptions(panelQueries.volume(filters)));
  usePrefetchQuery(preventionReportQueryOptions(panelQueries.prevention(filters, 'department')));
  usePrefetchQuery(preventionReportQueryOptions(panelQueries.prevention(filters, 'category')));
  usePrefetchQuery(assetRefreshReportQueryOptions(panelQueries.assetRefresh(filters)));
}
