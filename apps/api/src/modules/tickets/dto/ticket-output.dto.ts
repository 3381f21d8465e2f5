import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NamedRefDto } from '../../../common/http/named-ref.dto.js';
import {
  IMPACTS,
  PRIORITIES,
  TICKET_KINDS,
  TICKET_SOURCES,
  TICKET_STATUSES,
  URGENCIES,
  WORK_CLASSES,
  type Impact,
  type Priority,
  type TicketKind,
  type TicketSource,
  type TicketStatus,
  type Urgency,
  type WorkClass,
} from '../domain/ticket-vocabulary.js';
import { SLA_STATES, type SlaState } from '../domain/sla-state.js';

export class AssetRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() tag: string;
  @ApiProperty() name: string;
}

export class TicketSlaSummaryDto {
  @ApiProperty({
    enum: SLA_STATES,
    description: 'The countdown chip: on time, at risk (75 % of the target gone), breached, paused',
  })
  state: SlaState;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the ticket becomes at risk' })
  atRiskAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When a target first went past due' })
  breachedAt: string | null;
  @ApiProperty({ description: 'The resolution clock is paused (no due time, only remaining minutes)' }) paused: boolean;
}

export class TicketListItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'INC-000123' }) number: string;
  @ApiProperty({ enum: TICKET_KINDS }) kind: TicketKind;
  @ApiProperty() title: string;
  @ApiProperty({ enum: TICKET_STATUSES }) status: TicketStatus;
  @ApiProperty({ enum: PRIORITIES }) priority: Priority;
  @ApiProperty({ enum: IMPACTS }) impact: Impact;
  @ApiProperty({ enum: URGENCIES }) urgency: Urgency;
  @ApiProperty({ type: NamedRefDto }) requester: NamedRefDto;
  @ApiProperty({ type: NamedRefDto }) department: NamedRefDto;
  @ApiProperty({ type: NamedRefDto }) queue: NamedRefDto;
  @ApiProperty({ type: NamedRefDto, nullable: true }) assignee: NamedRefDto | null;
  @ApiProperty({ type: NamedRefDto, nullable: true }) category: NamedRefDto | null;
  @ApiProperty({ type: AssetRefDto, nullable: true }) asset: AssetRefDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Next SLA due time' }) dueAt: string | null;
  @ApiProperty({ type: TicketSlaSummaryDto }) sla: TicketSlaSummaryDto;
}

export class TicketListDto {
  @ApiProperty({ type: [TicketListItemDto] }) items: TicketListItemDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class TicketPermissionsDto {
  @ApiProperty({ description: 'Assign, change status and staff fields' }) work: boolean;
  @ApiProperty() commentInternal: boolean;
  @ApiProperty() confirm: boolean;
  @ApiProperty() reopen: boolean;
}

export class TicketDetailDto extends TicketListItemDto {
  @ApiProperty() description: string;
  @ApiPropertyOptional({ enum: WORK_CLASSES, description: 'Staff only' }) workClass?: WorkClass;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Staff only' }) priorityOverrideReason?: string | null;
  @ApiPropertyOptional({ enum: TICKET_SOURCES, description: 'Staff only' }) source?: TicketSource;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) firstResponseAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
  @ApiProperty() reopenCount: number;
  @ApiProperty({ description: 'Send it back with every PATCH' }) version: number;
  @ApiProperty({ enum: TICKET_STATUSES, isArray: true, description: 'Statuses this user may move the ticket to now' })
  allowedStatuses: TicketStatus[];
  @ApiProperty({ type: TicketPermissionsDto }) can: TicketPermissionsDto;
}

export class QueueCountDto {
  @ApiProperty({ format: 'uuid' }) queueId: string;
  @ApiProperty() name: string;
  @ApiProperty() open: number;
  @ApiProperty() unassigned: number;
}

export class TicketCountsDto {
  @ApiProperty({ description: 'Open tickets assigned to me' }) mine: number;
  @ApiProperty({ description: 'Open unassigned tickets in my queues (all visible queues if I belong to none)' })
  unassigned: number;
  @ApiProperty({ description: 'Open tickets I can see' }) open: number;
  @ApiProperty({ type: [QueueCountDto] }) queues: QueueCountDto[];
}

export class CommentAuthorDto extends NamedRefDto {
  @ApiProperty() staff: boolean;
}

export class CommentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() body: string;
  @ApiProperty() internal: boolean;
  @ApiProperty({ type: CommentAuthorDto }) author: CommentAuthorDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CommentListDto {
  @ApiProperty({ type: [CommentDto] }) items: CommentDto[];
}

export const TICKET_EVENT_TYPES = [
  'created',
  'status_changed',
  'field_changed',
  'assigned',
  'commented',
  'reopened',
  'confirmed',
  'priority_overridden',
  'sla_policy_matched',
  'sla_escalated',
  // Costs: staff-only events (public = false), so requesters never see them.
  'work_logged',
  'work_log_changed',
  'work_log_deleted',
  'expense_added',
  'expense_changed',
  'expense_deleted',
  // A history import wrote or updated the ticket (staff-only: which file, which line).
  'imported',
] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

export class TicketEventDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: TICKET_EVENT_TYPES }) type: TicketEventType;
  @ApiProperty({ type: NamedRefDto, nullable: true, description: 'null when CivicDesk itself acted' }) actor: NamedRefDto | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'e.g. {field, from, to} or {from, to}' })
  data: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class TicketEventListDto {
  @ApiProperty({ type: [TicketEventDto] }) items: TicketEventDto[];
}
