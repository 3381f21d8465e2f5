import { writeCsv, type CsvCell, type CsvColumn } from '../../common/http/csv.js';
import type { AssetRefreshReportDto } from './dto/asset-refresh-report.dto.js';
import type { PreventionReportDto } from './dto/prevention-report.dto.js';
import type { AssetRefreshTable, PreventionTable, SpendTable, VolumeTable } from './dto/report-query.dto.js';
import type { ResponseTimesReportDto } from './dto/response-times-report.dto.js';
import type { SlaComplianceReportDto } from './dto/sla-compliance-report.dto.js';
import type { SpendReportDto } from './dto/spend-report.dto.js';
import type { VolumeReportDto } from './dto/volume-report.dto.js';

/**
 * Each report's tables as CSV downloads: the JSON field names as headers, so a file reads like the
 * API documentation, and the group column named by what the rows are split by.
 */

/** One table of a report as a CSV download. */
export interface CsvExport {
  filename: string;
  body: string;
}

interface ReportRange {
  from: string;
  to: string;
  groupBy: string | null;
}

/** A table of a report: the file name's suffix, its rows and columns. */
interface CsvTable<Report, Row> {
  suffix: string;
  rows: (report: Report) => Row[];
  columns: (report: Report) => CsvColumn<Row>[];
}

/** Columns named like the fields they hold. */
function fields<Row>(...names: (keyof Row & string)[]): CsvColumn<Row>[] {
  return names.map((name) => ({ header: name, value: (row: Row) => row[name] as CsvCell }));
}

/** The group's name when the rows are split, in a column named by the split. */
function groupColumn<Row extends { groupName: string | null }>(groupBy: string | null): CsvColumn<Row>[] {
  return groupBy ? [{ header: groupBy, value: (row) => row.groupName }] : [];
}

/** period, periodStart, the group (when split), then the figures. */
function periodTable<Report extends ReportRange, Row extends { period: string; periodStart: string; groupName: string | null }>(
  suffix: string,
  rows: (report: Report) => Row[],
  ...figures: (keyof Row & string)[]
): CsvTable<Report, Row> {
  return {
    suffix,
    rows,
    columns: (report) => [
      ...fields<Row>('period', 'periodStart'),
      ...groupColumn<Row>(report.groupBy),
      ...fields<Row>(...figures),
    ],
  };
}

/** A table whose row type is its own business: rows and columns are made for each other. */
function table<Report, Row>(definition: CsvTable<Report, Row>): CsvTable<Report, unknown> {
  return definition as unknown as CsvTable<Report, unknown>;
}

function exportTable<Report extends ReportRange, Row>(
  name: string,
  report: Report,
  definition: CsvTable<Report, Row>,
): CsvExport {
  return {
    filename: `civicdesk-${name}${definition.suffix}-${report.from}-${report.to}.csv`,
    body: writeCsv(definition.columns(report), definition.rows(report)),
  };
}

type Rows<Report extends { rows: unknown[] }> = Report['rows'][number];

const SPEND_CSV: Record<SpendTable, CsvTable<SpendReportDto, unknown>> = {
  rows: table(
    periodTable<SpendReportDto, Rows<SpendReportDto>>(
      '',
      (r) => r.rows,
      'labourMinutes',
      'labourCents',
      'expenseCents',
      'totalCents',
    ),
  ),
  periods: table({
    suffix: '-periods',
    rows: (r: SpendReportDto) => r.periods,
    columns: () =>
      fields<SpendReportDto['periods'][number]>(
        'period',
        'periodStart',
        'labourMinutes',
        'labourCents',
        'expenseCents',
        'totalCents',
        'proactiveCents',
        'proactiveShare',
      ),
  }),
};

const TIME_FIGURES = (['firstResponse', 'firstResolution', 'resolution'] as const).flatMap(
  (m) => [`${m}Count`, `${m}MinutesCount`, `${m}MedianMinutes`, `${m}P90Minutes`, `${m}MedianHours`, `${m}P90Hours`] as const,
);

const VOLUME_CSV: Record<VolumeTable, CsvTable<VolumeReportDto, unknown>> = {
  rows: table(periodTable<VolumeReportDto, Rows<VolumeReportDto>>('', (r) => r.rows, 'created', 'resolved', 'openAtEnd')),
  backlogAge: table({
    suffix: '-backlog-age',
    rows: (r: VolumeReportDto) => r.backlogAge,
    columns: (r: VolumeReportDto) => [
      ...groupColumn<VolumeReportDto['backlogAge'][number]>(r.groupBy),
      ...fields<VolumeReportDto['backlogAge'][number]>('label', 'minDays', 'maxDays', 'count'),
    ],
  }),
};

const ASSET_REFRESH_CSV: Record<AssetRefreshTable, CsvTable<AssetRefreshReportDto, unknown>> = {
  rows: table(
    periodTable<AssetRefreshReportDto, Rows<AssetRefreshReportDto>>(
      '',
      (r) => r.rows,
      'assetCount',
      'replacementCostCents',
      'unpricedCount',
    ),
  ),
  repairs: table({
    suffix: '-repairs',
    rows: (r: AssetRefreshReportDto) => r.repairs,
    columns: () =>
      fields<AssetRefreshReportDto['repairs'][number]>(
        'tag',
        'name',
        'type',
        'departmentName',
        'purchaseDate',
        'replacementDue',
        'replacementCostCents',
        'repairCostCents',
        'repairRatio',
      ),
  }),
};

const PREVENTION_CSV: Record<PreventionTable, CsvTable<PreventionReportDto, unknown>> = {
  rows: table(
    periodTable<PreventionReportDto, Rows<PreventionReportDto>>(
      '',
      (r) => r.rows,
      'proactiveMinutes',
      'proactiveHours',
      'proactiveCents',
      'reactiveIncidents',
      'reactiveCents',
    ),
  ),
  monthly: table({
    suffix: '-monthly',
    rows: (r: PreventionReportDto) => r.monthly,
    columns: () => fields<PreventionReportDto['monthly'][number]>('period', 'periodStart', 'reactiveCents', 'proactiveCents'),
  }),
  predictability: table({
    suffix: '-predictability',
    rows: (r: PreventionReportDto) => r.predictability,
    columns: () =>
      fields<PreventionReportDto['predictability'][number]>(
        'workClass',
        'months',
        'meanCents',
        'stdDevCents',
        'coefficientOfVariation',
      ),
  }),
};

export const spendCsv = (report: SpendReportDto, table: SpendTable = 'rows'): CsvExport =>
  exportTable('spend', report, SPEND_CSV[table]);

export const responseTimesCsv = (report: ResponseTimesReportDto): CsvExport =>
  exportTable(
    'response-times',
    report,
    periodTable<ResponseTimesReportDto, Rows<ResponseTimesReportDto>>('', (r) => r.rows, 'ticketCount', ...TIME_FIGURES),
  );

export const slaComplianceCsv = (report: SlaComplianceReportDto): CsvExport =>
  exportTable(
    'sla-compliance',
    report,
    periodTable<SlaComplianceReportDto, Rows<SlaComplianceReportDto>>(
      '',
      (r) => r.rows,
      'ticketCount',
      'responseTargets',
      'responseMet',
      'responseBreached',
      'responseRate',
      'resolutionTargets',
      'resolutionMet',
      'resolutionBreached',
      'resolutionRate',
    ),
  );

export const volumeCsv = (report: VolumeReportDto, table: VolumeTable = 'rows'): CsvExport =>
  exportTable('volume', report, VOLUME_CSV[table]);

export const assetRefreshCsv = (report: AssetRefreshReportDto, table: AssetRefreshTable = 'rows'): CsvExport =>
  exportTable('asset-refresh', report, ASSET_REFRESH_CSV[table]);

export const preventionCsv = (report: PreventionReportDto, table: PreventionTable = 'rows'): CsvExport =>
  exportTable('prevention', report, PREVENTION_CSV[table]);
