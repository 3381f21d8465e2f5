import { ApiProperty } from '@nestjs/swagger';
import { REPORT_GROUPS, type ReportGroup } from '../domain/report-group.js';
import { REPORT_INTERVALS, type ReportInterval } from '../domain/report-period.js';

/** What a report covers, with the defaults applied: every report answers with these. */
export class ReportMetaDto {
  @ApiProperty({ format: 'date', description: 'First day covered (inclusive)' }) from: string;
  @ApiProperty({ format: 'date', description: 'Last day covered (inclusive)' }) to: string;
  @ApiProperty({ enum: REPORT_INTERVALS }) interval: ReportInterval;
  @ApiProperty({ enum: REPORT_GROUPS, nullable: true, description: 'What rows are split by; null: not split' })
  groupBy: ReportGroup | null;
  @ApiProperty({ description: "The city's IANA time zone: periods are its calendar days" }) timeZone: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 12, description: 'First month of the fiscal year (setting)' })
  fiscalYearStartMonth: number;
}

/**
 * The period and group a row belongs to. The first and last periods may reach outside from..to;
 * only days inside the range count.
 */
export class ReportRowKeyDto {
  @ApiProperty({ description: '"2026-W05", "2026-01", "2026-Q1" or "FY2026"' }) period: string;
  @ApiProperty({ format: 'date', description: 'First day of the period' }) periodStart: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The group: an id (department, category, queue) or a value (work class, priority); null when not split, or for tickets without a category',
  })
  groupKey: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The name of the group; "(none)" for tickets without a category; null when not split',
  })
  groupName: string | null;
}
