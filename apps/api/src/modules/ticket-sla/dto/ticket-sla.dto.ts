import { ApiProperty } from '@nestjs/swagger';
import { SLA_STATES, type SlaState } from '../../tickets/domain/sla-state.js';
import { ESCALATION_ACTIONS, SLA_TARGETS, type EscalationAction } from '../../sla-policies/domain/sla-policy-vocabulary.js';
import type { SlaTargetName } from '@civicdesk/sla';

const TARGET_STATES = ['running', 'paused', 'met', 'breached', 'canceled'] as const;
const SEGMENT_STATES = ['running', 'paused', 'outside_hours', 'stopped'] as const;
const REMATCH_REASONS = ['created', 'priority', 'department', 'category', 'escalation'] as const;

export class SlaTargetDto {
  @ApiProperty({ description: 'Business minutes' }) targetMinutes: number;
  @ApiProperty({ description: 'Business minutes the clock ran (paused time excluded)' }) elapsedMinutes: number;
  @ApiProperty({ description: 'Business minutes spent paused (resolution only)' }) pausedMinutes: number;
  @ApiProperty({ description: 'Negative once over' }) remainingMinutes: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Null while paused' }) dueAt: string | null;
  @ApiProperty({ enum: TARGET_STATES }) state: (typeof TARGET_STATES)[number];
  @ApiProperty() breached: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) breachedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) stoppedAt: string | null;
}

export class SlaTargetsDto {
  @ApiProperty({ type: SlaTargetDto, nullable: true }) firstResponse: SlaTargetDto | null;
  @ApiProperty({ type: SlaTargetDto, nullable: true }) resolution: SlaTargetDto | null;
  @ApiProperty({ type: SlaTargetDto, nullable: true, description: 'The latest next-response cycle' })
  nextResponse: SlaTargetDto | null;
}

export class SlaSegmentDto {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ enum: SEGMENT_STATES }) state: (typeof SEGMENT_STATES)[number];
}

export class SlaPolicyRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) versionId: string;
  @ApiProperty() name: string;
  @ApiProperty() version: number;
  @ApiProperty({ description: 'An inactive policy fires no escalations' }) active: boolean;
}

export class SlaPolicyMatchDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: SlaPolicyRefDto }) policy: SlaPolicyRefDto;
  @ApiProperty({ enum: REMATCH_REASONS }) reason: (typeof REMATCH_REASONS)[number];
}

export class SlaEscalationDto {
  @ApiProperty({ enum: SLA_TARGETS }) target: SlaTargetName;
  @ApiProperty() level: number;
  @ApiProperty({ description: '% of the target' }) percent: number;
  @ApiProperty({ enum: ESCALATION_ACTIONS, isArray: true }) actions: EscalationAction[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the level is (or was) due' })
  dueAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) firedAt: string | null;
}

export class SlaCalendarRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() timeZone: string;
}

/** A ticket's SLA timeline (brief rule 9). */
export class TicketSlaDto {
  @ApiProperty({ format: 'date-time', description: 'The moment the clock was computed for' }) computedAt: string;
  @ApiProperty({ enum: SLA_STATES }) state: SlaState;
  @ApiProperty({ type: SlaPolicyRefDto, nullable: true, description: 'Null when no policy applies' })
  policy: SlaPolicyRefDto | null;
  @ApiProperty({ type: SlaCalendarRefDto, nullable: true }) calendar: SlaCalendarRefDto | null;
  @ApiProperty({ type: SlaTargetsDto }) targets: SlaTargetsDto;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt: string | null;
  @ApiProperty() reopenCount: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Business minutes to the first resolution' })
  firstResolutionMinutes: number | null;
  @ApiProperty() nextResponseCycles: number;
  @ApiProperty({
    type: [SlaSegmentDto],
    description: "The resolution clock's running, paused, outside-hours and stopped stretches",
  })
  segments: SlaSegmentDto[];
  @ApiProperty({ type: [SlaPolicyMatchDto] }) policyMatches: SlaPolicyMatchDto[];
  @ApiProperty({ type: [SlaEscalationDto], description: 'Staff only; empty for the requester' }) escalations: SlaEscalationDto[];
}
