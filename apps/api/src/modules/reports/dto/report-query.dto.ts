import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { queryInt } from '../../../common/http/transforms.js';
import { IsCalendarDate } from '../../../common/http/validators.js';
import { TICKET_KINDS, type TicketKind } from '../../tickets/domain/ticket-vocabulary.js';
import { REPORT_GROUPS, type ReportGroup } from '../domain/report-group.js';
import { REPORT_INTERVALS, type ReportInterval } from '../domain/report-period.js';

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A decimal in a query string becomes a number; anything else is left for @IsNumber to refuse. */
const queryDecimal = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;

/** Period length, with the report's default. */
function IntervalField(defaultInterval: ReportInterval): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      enum: REPORT_INTERVALS,
      default: defaultInterval,
      description:
        'Period length. Weeks start on Monday (labels "2026-W05", ISO weeks); months "2026-01"; calendar quarters "2026-Q1"; ' +
        'fiscal years start on the first of the fiscalYearStartMonth setting and are named by the calendar year they end in ' +
        '("FY2026" = July 2025 to June 2026 with a July start)',
    }),
    IsOptional(),
    IsIn(REPORT_INTERVALS),
  );
}

/** What the rows are split by: the report's allowed groups, and its default when it has one. */
function GroupByField(groups: readonly ReportGroup[], defaultGroup?: ReportGroup): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      enum: groups,
      default: defaultGroup,
      description: defaultGroup ? 'What the rows are split by' : 'What the rows are split by; left out, one row per period',
    }),
    IsOptional(),
    IsIn(groups),
  );
}

/** Which of the report's tables a CSV download holds (JSON always has them all). */
function TableField(tables: readonly string[]): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ enum: tables, default: tables[0], description: 'The table a CSV download holds' }),
    IsOptional(),
    IsIn(tables),
  );
}

/**
 * The parameters every report shares. Days are calendar dates in the city's time zone, inclusive;
 * each report's DTO adds its period length, the groups and the tables meaningful for it.
 */
export class ReportBaseQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    description: "First day, inclusive (YYYY-MM-DD, the city's calendar). Default: the 1st of the month 11 months before `to`'s",
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Last day, inclusive. Default: today in the city. Less than 10 years after `from`',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only the tickets of this (requester's) department" })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the tickets of this queue' })
  @IsOptional()
  @IsUUID()
  queueId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the tickets of this category' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ enum: TICKET_KINDS, description: 'Only tickets of this kind' })
  @IsOptional()
  @IsIn(TICKET_KINDS)
  kind?: TicketKind;

  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    default: 'json',
    description: 'csv answers text/csv (UTF-8 with a byte order mark, RFC 4180) as a download, one table per file',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

export const SPEND_TABLES = ['rows', 'periods'] as const;
export type SpendTable = (typeof SPEND_TABLES)[number];

export class SpendQueryDto extends ReportBaseQueryDto {
  @IntervalField('month') interval?: ReportInterval;
  @GroupByField(REPORT_GROUPS, 'work_class') groupBy?: ReportGroup;
  /** rows: per period and group; periods: totals and the proactive share. */
  @TableField(SPEND_TABLES) table?: SpendTable;
}

/** Response times and SLA compliance: tickets split by any group, or not split. */
export class TicketReportQueryDto extends ReportBaseQueryDto {
  @IntervalField('month') interval?: ReportInterval;
  @GroupByField(REPORT_GROUPS) groupBy?: ReportGroup;
}

export const VOLUME_TABLES = ['rows', 'backlogAge'] as const;
export type VolumeTable = (typeof VOLUME_TABLES)[number];

export class VolumeQueryDto extends TicketReportQueryDto {
  @TableField(VOLUME_TABLES) table?: VolumeTable;
}

export const ASSET_REFRESH_GROUPS = ['department'] as const satisfies readonly ReportGroup[];
export const ASSET_REFRESH_TABLES = ['rows', 'repairs'] as const;
export const REPAIR_LIMIT_DEFAULT = 100;
export const REPAIR_LIMIT_MAX = 1000;
export type AssetRefreshTable = (typeof ASSET_REFRESH_TABLES)[number];

/**
 * Assets are forecast per fiscal year, from today on by default; queues, categories and kinds are
 * ticket facts, not asset facts, so they are not parameters here.
 */
export class AssetRefreshQueryDto extends PickType(ReportBaseQueryDto, ['departmentId', 'format'] as const) {
  @ApiPropertyOptional({
    format: 'date',
    description: 'First day of the forecast, inclusive. Default: the first day of the current fiscal year',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Last day of the forecast, inclusive. Default: the last day of the fourth fiscal year after the one of `from`',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @GroupByField(ASSET_REFRESH_GROUPS) groupBy?: (typeof ASSET_REFRESH_GROUPS)[number];

  @ApiPropertyOptional({
    type: Number,
    minimum: 0,
    maximum: 10,
    default: 0.5,
    description: 'List the assets whose repair cost to date exceeds this share of their replacement cost',
  })
  @IsOptional()
  @Transform(queryDecimal)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(10)
  repairShare?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: REPAIR_LIMIT_MAX,
    default: REPAIR_LIMIT_DEFAULT,
    description:
      'How many of those assets the JSON lists, highest repair ratio first (`repairCount` counts them all; the CSV lists all)',
  })
  @IsOptional()
  @Transform(queryInt)
  @IsInt()
  @Min(1)
  @Max(REPAIR_LIMIT_MAX)
  repairLimit?: number;

  @TableField(ASSET_REFRESH_TABLES) table?: AssetRefreshTable;
}

export const PREVENTION_GROUPS = ['department', 'category', 'queue'] as const satisfies readonly ReportGroup[];
export const PREVENTION_TABLES = ['rows', 'predictability', 'monthly'] as const;
export type PreventionTable = (typeof PREVENTION_TABLES)[number];

export class PreventionQueryDto extends ReportBaseQueryDto {
  @IntervalField('quarter') interval?: ReportInterval;
  @GroupByField(PREVENTION_GROUPS, 'department') groupBy?: (typeof PREVENTION_GROUPS)[number];
  @TableField(PREVENTION_TABLES) table?: PreventionTable;
}
