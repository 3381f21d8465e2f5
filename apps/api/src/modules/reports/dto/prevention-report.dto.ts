import { ApiProperty } from '@nestjs/swagger';
import { ReportMetaDto, ReportRowKeyDto } from './report-meta.dto.js';

/** Proactive work against reactive incidents per period and group (department by default). */
export class PreventionRowDto extends ReportRowKeyDto {
  @ApiProperty({ type: 'integer', description: 'Minutes logged on proactive tickets, by work date' }) proactiveMinutes: number;
  @ApiProperty({ type: Number, description: 'proactiveMinutes ÷ 60, rounded to 0.01' }) proactiveHours: number;
  @ApiProperty({ type: 'integer', description: 'Labour and expenses of proactive tickets' }) proactiveCents: number;
  @ApiProperty({ type: 'integer', description: 'Reactive tickets created in the period (city days)' })
  reactiveIncidents: number;
  @ApiProperty({ type: 'integer', description: 'Labour and expenses of reactive tickets' }) reactiveCents: number;
}

export class PreventionMonthDto {
  @ApiProperty({ description: '"2026-01"' }) period: string;
  @ApiProperty({ format: 'date' }) periodStart: string;
  @ApiProperty({ type: 'integer' }) reactiveCents: number;
  @ApiProperty({ type: 'integer' }) proactiveCents: number;
}

/** How even a kind of spend is from month to month over the range (all groups together). */
export class SpendPredictabilityDto {
  @ApiProperty({ enum: ['reactive', 'proactive'] }) workClass: 'reactive' | 'proactive';
  @ApiProperty({ type: 'integer', description: 'Months in the series (months without spend count as 0)' }) months: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Mean monthly spend, rounded to the cent' })
  meanCents: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Population standard deviation, rounded to the cent' })
  stdDevCents: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Standard deviation ÷ mean, rounded to 0.0001: lower is more predictable; null when nothing was spent',
  })
  coefficientOfVariation: number | null;
}

export class PreventionReportDto extends ReportMetaDto {
  @ApiProperty({
    type: [PreventionRowDto],
    description: 'Every period × every group (department, …) with activity in the range, empty periods included',
  })
  rows: PreventionRowDto[];
  @ApiProperty({
    type: [PreventionMonthDto],
    description: 'The monthly series behind the predictability figures: every calendar month touching the range',
  })
  monthly: PreventionMonthDto[];
  @ApiProperty({ type: [SpendPredictabilityDto], description: 'Reactive, then proactive' })
  predictability: SpendPredictabilityDto[];
}
