import { ApiProperty } from '@nestjs/swagger';
import { ReportMetaDto, ReportRowKeyDto } from './report-meta.dto.js';

export class SpendFiguresDto extends ReportRowKeyDto {
  @ApiProperty({ type: 'integer', description: 'Minutes of the work logs dated in the period' }) labourMinutes: number;
  @ApiProperty({ type: 'integer', description: 'Their stored cost (at the rate in force on each work date)' })
  labourCents: number;
  @ApiProperty({ type: 'integer', description: 'Expenses spent on a day in the period' }) expenseCents: number;
  @ApiProperty({ type: 'integer', description: 'labourCents + expenseCents' }) totalCents: number;
}

export class SpendPeriodDto {
  @ApiProperty({ description: '"2026-W05", "2026-01", "2026-Q1" or "FY2026"' }) period: string;
  @ApiProperty({ format: 'date', description: 'First day of the period' }) periodStart: string;
  @ApiProperty({ type: 'integer' }) labourMinutes: number;
  @ApiProperty({ type: 'integer' }) labourCents: number;
  @ApiProperty({ type: 'integer' }) expenseCents: number;
  @ApiProperty({ type: 'integer' }) totalCents: number;
  @ApiProperty({ type: 'integer', description: 'Labour and expenses of proactive tickets' }) proactiveCents: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: 'proactiveCents ÷ totalCents; null when nothing was spent',
  })
  proactiveShare: number | null;
}

/**
 * Labour (work logs by work date, at their stored cost) and expenses (by the day spent) per period.
 * Work logs and expenses carry calendar dates already, so no time zone applies to them.
 */
export class SpendReportDto extends ReportMetaDto {
  @ApiProperty({ type: [SpendPeriodDto], description: 'One per period of the range, empty periods included' })
  periods: SpendPeriodDto[];
  @ApiProperty({
    type: [SpendFiguresDto],
    description:
      'One per period and group: every work class or priority always; departments, categories and queues with spend in the range',
  })
  rows: SpendFiguresDto[];
}
