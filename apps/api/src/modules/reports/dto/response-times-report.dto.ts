import { ApiProperty } from '@nestjs/swagger';
import { ReportMetaDto, ReportRowKeyDto } from './report-meta.dto.js';

const minutes = (what: string) => ({
  type: Number,
  nullable: true,
  description: `${what}, in business minutes of the ticket's SLA calendar (stored by the SLA clock; tickets without an SLA policy have none), rounded to 0.1; null when no ticket has one`,
});
const hours = (what: string) => ({
  type: Number,
  nullable: true,
  description: `${what}, in wall-clock hours from creation, rounded to 0.01; null when no ticket has one`,
});

/**
 * Times of the tickets created in the period (by created_at in the city's time zone). Medians and
 * p90 are PostgreSQL's percentile_cont (linear interpolation between the nearest values).
 */
export class ResponseTimesRowDto extends ReportRowKeyDto {
  @ApiProperty({ type: 'integer', description: 'Tickets created in the period' }) ticketCount: number;

  @ApiProperty({ type: 'integer', description: 'Of them, tickets with a first response' }) firstResponseCount: number;
  @ApiProperty({ type: 'integer', description: 'Of them, tickets with stored business minutes to the first response' })
  firstResponseMinutesCount: number;
  @ApiProperty(minutes('Median time to first response')) firstResponseMedianMinutes: number | null;
  @ApiProperty(minutes('90th percentile of time to first response')) firstResponseP90Minutes: number | null;
  @ApiProperty(hours('Median time to first response')) firstResponseMedianHours: number | null;
  @ApiProperty(hours('90th percentile of time to first response')) firstResponseP90Hours: number | null;

  @ApiProperty({ type: 'integer', description: 'Tickets resolved at least once (reopened ones included)' })
  firstResolutionCount: number;
  @ApiProperty({ type: 'integer', description: 'Of them, tickets with stored business minutes to the first resolution' })
  firstResolutionMinutesCount: number;
  @ApiProperty(minutes('Median time to the first resolution (before any reopen)')) firstResolutionMedianMinutes: number | null;
  @ApiProperty(minutes('90th percentile of time to the first resolution')) firstResolutionP90Minutes: number | null;
  @ApiProperty(hours('Median time to the first resolution')) firstResolutionMedianHours: number | null;
  @ApiProperty(hours('90th percentile of time to the first resolution')) firstResolutionP90Hours: number | null;

  @ApiProperty({ type: 'integer', description: 'Tickets resolved now (resolved or closed after resolving)' })
  resolutionCount: number;
  @ApiProperty({ type: 'integer', description: 'Of them, tickets with stored business minutes to the final resolution' })
  resolutionMinutesCount: number;
  @ApiProperty(minutes('Median time to the final resolution (paused time excluded)')) resolutionMedianMinutes: number | null;
  @ApiProperty(minutes('90th percentile of time to the final resolution')) resolutionP90Minutes: number | null;
  @ApiProperty(hours('Median time to the final resolution')) resolutionMedianHours: number | null;
  @ApiProperty(hours('90th percentile of time to the final resolution')) resolutionP90Hours: number | null;
}

export class ResponseTimesReportDto extends ReportMetaDto {
  @ApiProperty({
    type: [ResponseTimesRowDto],
    description: 'One per period and group, periods without tickets included (with counts 0 and null times)',
  })
  rows: ResponseTimesRowDto[];
}
