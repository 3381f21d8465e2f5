import type { paths } from '../../../lib/api/schema';

// Taken from the operations, as lib/api/api-types.ts does: the JSON answer (format=json, the
// default) and the query of each report.
type JsonAnswer<Op> = Op extends { responses: { 200: { content: { 'application/json': infer Body } } } } ? Body : never;
type QueryOf<Op> = Op extends { parameters: { query?: infer Query } } ? NonNullable<Query> : never;

type SpendOp = paths['/api/reports/spend']['get'];
type ResponseTimesOp = paths['/api/reports/response-times']['get'];
type SlaComplianceOp = paths['/api/reports/sla-compliance']['get'];
type VolumeOp = paths['/api/reports/volume']['get'];
type AssetRefreshOp = paths['/api/reports/asset-refresh']['get'];
type PreventionOp = paths['/api/reports/prevention']['get'];

export type SpendReport = JsonAnswer<SpendOp>;
export type SpendRow = SpendReport['rows'][number];
export type SpendPeriod = SpendReport['periods'][number];
export type ResponseTimesReport = JsonAnswer<ResponseTimesOp>;
export type ResponseTimesRow = ResponseTimesReport['rows'][number];
export type SlaComplianceReport = JsonAnswer<SlaComplianceOp>;
export type SlaComplianceRow = SlaComplianceReport['rows'][number];
export type VolumeReport = JsonAnswer<VolumeOp>;
export type VolumeRow = VolumeReport['rows'][number];
export type BacklogAge = VolumeReport['backlogAge'][number];
export type AssetRefreshReport = JsonAnswer<AssetRefreshOp>;
export type AssetRefreshRow = AssetRefreshReport['rows'][number];
export type AssetRepair = AssetRefreshReport['repairs'][number];
export type PreventionReport = JsonAnswer<PreventionOp>;
export type PreventionRow = PreventionReport['rows'][number];
export type SpendPredictability = PreventionReport['predictability'][number];

export type SpendQuery = QueryOf<SpendOp>;
export type TicketReportQuery = QueryOf<ResponseTimesOp>;
export type VolumeQuery = QueryOf<VolumeOp>;
export type AssetRefreshQuery = QueryOf<AssetRefreshOp>;
export type PreventionQuery = QueryOf<PreventionOp>;

export type ReportInterval = NonNullable<SpendQuery['interval']>;
/** What every report has in common: the range and period length it covers, in the city's time zone. */
export type ReportMeta = Pick<SpendReport, 'from' | 'to' | 'interval' | 'timeZone' | 'fiscalYearStartMonth'>;
