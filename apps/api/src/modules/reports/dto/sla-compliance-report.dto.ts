import { ApiProperty } from '@nestjs/swagger';
import { ReportMetaDto, ReportRowKeyDto } from './report-meta.dto.js';

const rate = (what: string) => ({
  type: Number,
  nullable: true,
  minimum: 0,
  maximum: 1,
  description: `${what}Met ÷ ${what}Targets; null when no ticket had a decided ${what} target`,
});

/**
 * Targets of the tickets created in the period (by created_at in the city's time zone). A target
 * counts once decided: met, or breached (a running target is breached the moment it is past due).
 * Tickets without the target (no SLA policy; maintenance has no response target) or whose clock
 * still runs within it are not counted.
 */
export class SlaComplianceRowDto extends ReportRowKeyDto {
  @ApiProperty({ type: 'integer', description: 'Tickets created in the period' }) ticketCount: number;
  @ApiProperty({ type: 'integer', description: 'Tickets with a decided first-response target' }) responseTargets: number;
  @ApiProperty({ type: 'integer' }) responseMet: number;
  @ApiProperty({ type: 'integer' }) responseBreached: number;
  @ApiProperty(rate('response')) responseRate: number | null;
  @ApiProperty({ type: 'integer', description: 'Tickets with a decided resolution target' }) resolutionTargets: number;
  @ApiProperty({ type: 'integer' }) resolutionMet: number;
  @ApiProperty({ type: 'integer' }) resolutionBreached: number;
  @ApiProperty(rate('resolution')) resolutionRate: number | null;
}

export class SlaComplianceReportDto extends ReportMetaDto {
  @ApiProperty({ type: [SlaComplianceRowDto], description: 'One per period and group, empty periods included' })
  rows: SlaComplianceRowDto[];
}
