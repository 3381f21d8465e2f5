import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { trim } from '../../../common/http/transforms.js';
import { IsNullable, IsOmittable } from '../../../common/http/validators.js';
import {
  OPEN_STATUSES,
  PRIORITIES,
  TICKET_KINDS,
  TICKET_STATUSES,
  type Priority,
  type TicketKind,
  type TicketStatus,
} from '../../tickets/domain/ticket-vocabulary.js';
import { ESCALATION_ACTIONS, MAX_TARGET_MINUTES, SLA_TARGETS, type EscalationAction } from '../domain/sla-policy-vocabulary.js';
import type { SlaTargetName } from '@civicdesk/sla';

export class EscalationDto {
  @ApiProperty({ enum: SLA_TARGETS })
  @IsIn(SLA_TARGETS)
  target: SlaTargetName;

  @ApiProperty({ minimum: 1, maximum: 1000, example: 75, description: "Share of the target's business minutes, in %" })
  @IsInt()
  @Min(1)
  @Max(1000)
  percent: number;

  @ApiProperty({ minimum: 1, example: 1, description: 'Unique per target' })
  @IsInt()
  @Min(1)
  @Max(100)
  level: number;

  @ApiProperty({ enum: ESCALATION_ACTIONS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ESCALATION_ACTIONS, { each: true })
  actions: EscalationAction[];
}

const minutes = (description: string) =>
  ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: MAX_TARGET_MINUTES, description });

export class CreateSlaPolicyDto {
  @ApiProperty({ example: 'P1 incidents', maxLength: 120 })
  @Transform(trim)
  @IsString()
  @Length(1, 120)
  name: string;

  @ApiPropertyOptional({ enum: TICKET_KINDS, isArray: true, description: 'Empty: any kind' })
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(TICKET_KINDS, { each: true })
  kinds?: TicketKind[];

  @ApiPropertyOptional({ enum: PRIORITIES, isArray: true, description: 'Empty: any priority' })
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(PRIORITIES, { each: true })
  priorities?: Priority[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Empty: any department' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  departmentIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Empty: any category' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  categoryIds?: string[];

  @minutes('Business minutes to first response')
  @IsNullable()
  @IsInt()
  @Min(1)
  @Max(MAX_TARGET_MINUTES)
  firstResponseMinutes?: number | null;

  @minutes('Business minutes to resolution')
  @IsNullable()
  @IsInt()
  @Min(1)
  @Max(MAX_TARGET_MINUTES)
  resolutionMinutes?: number | null;

  @minutes('Business minutes for an agent reply after a requester reply')
  @IsNullable()
  @IsInt()
  @Min(1)
  @Max(MAX_TARGET_MINUTES)
  nextResponseMinutes?: number | null;

  @ApiPropertyOptional({
    enum: TICKET_STATUSES,
    isArray: true,
    default: ['waiting_on_requester', 'waiting_on_vendor'],
    description: 'Open statuses that pause the resolution clock',
  })
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(OPEN_STATUSES, { each: true, message: 'each pause status must be an open status' })
  pauseStatuses?: TicketStatus[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: "Null: the ticket department's calendar" })
  @IsNullable()
  @IsUUID()
  calendarId?: string | null;

  @ApiPropertyOptional({ type: [EscalationDto] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => EscalationDto)
  escalations?: EscalationDto[];
}

export class UpdateSlaPolicyDto extends PartialType(CreateSlaPolicyDto) {}

export class SlaPolicyOrderDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Every policy exactly once, first match first' })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  ids: string[];
}

export class SlaPolicyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Place in the matching order (first match wins)' }) position: number;
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'uuid', description: 'The current version' }) versionId: string;
  @ApiProperty({ description: 'The current version number' }) version: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: TICKET_KINDS, isArray: true }) kinds: TicketKind[];
  @ApiProperty({ enum: PRIORITIES, isArray: true }) priorities: Priority[];
  @ApiProperty({ type: [String], format: 'uuid' }) departmentIds: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) categoryIds: string[];
  @ApiProperty({ type: Number, nullable: true }) firstResponseMinutes: number | null;
  @ApiProperty({ type: Number, nullable: true }) resolutionMinutes: number | null;
  @ApiProperty({ type: Number, nullable: true }) nextResponseMinutes: number | null;
  @ApiProperty({ enum: TICKET_STATUSES, isArray: true }) pauseStatuses: TicketStatus[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) calendarId: string | null;
  @ApiProperty({ type: [EscalationDto] }) escalations: EscalationDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class SlaPolicyListDto {
  @ApiProperty({ type: [SlaPolicyDto] }) items: SlaPolicyDto[];
}

export class SlaPolicyVersionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'uuid' }) createdById: string;
  @ApiProperty({ description: 'Name of the admin who saved the version' }) createdBy: string;
}

export class SlaPolicyDetailDto extends SlaPolicyDto {
  @ApiProperty({ type: [SlaPolicyVersionSummaryDto], description: 'Newest first' }) versions: SlaPolicyVersionSummaryDto[];
}
