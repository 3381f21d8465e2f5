import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { trim } from '../../../common/http/transforms.js';
import { MAX_DB_INTEGER } from '../../../common/http/validators.js';
import {
  IMPACTS,
  PRIORITIES,
  TICKET_STATUSES,
  URGENCIES,
  WORK_CLASSES,
  type Impact,
  type Priority,
  type TicketStatus,
  type Urgency,
  type WorkClass,
} from '../domain/ticket-vocabulary.js';

export const FILABLE_KINDS = ['incident', 'service_request'] as const;
export type FilableKind = (typeof FILABLE_KINDS)[number];

export class CreateTicketDto {
  @ApiProperty({ maxLength: 200, example: 'Printer on 2nd floor jams every page' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @ApiPropertyOptional({ enum: FILABLE_KINDS, description: "Defaults to the category's default kind, else incident" })
  @IsOptional()
  @IsIn(FILABLE_KINDS)
  kind?: FilableKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The affected device' })
  @IsOptional()
  @IsUUID()
  assetId?: string;

  @ApiProperty({ enum: IMPACTS, description: 'How many people it stops' })
  @IsIn(IMPACTS)
  impact: Impact;

  @ApiProperty({ enum: URGENCIES, description: 'How soon it hurts' })
  @IsIn(URGENCIES)
  urgency: Urgency;

  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only: file on behalf of this requester' })
  @IsOptional()
  @IsUUID()
  requesterId?: string;
}

export class ReportPhishingDto {
  @ApiPropertyOptional({ maxLength: 20000, description: 'What arrived: sender, subject, what was clicked' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;
}

/**
 * A change to a ticket, with the version the client read. Which fields an actor may set is the
 * service's decision (requesters: title and description only); the DTO only checks shapes.
 */
export class UpdateTicketDto {
  @ApiProperty({ description: 'The version the client read; 409 version_conflict when it is stale', maximum: MAX_DB_INTEGER })
  @IsInt()
  @Min(1)
  @Max(MAX_DB_INTEGER)
  version: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ enum: IMPACTS })
  @IsOptional()
  @IsIn(IMPACTS)
  impact?: Impact;

  @ApiPropertyOptional({ enum: URGENCIES })
  @IsOptional()
  @IsIn(URGENCIES)
  urgency?: Urgency;

  @ApiPropertyOptional({ enum: PRIORITIES, description: 'Overrides the matrix; needs priorityReason' })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  priorityReason?: string;

  @ApiPropertyOptional({ enum: WORK_CLASSES })
  @IsOptional()
  @IsIn(WORK_CLASSES)
  workClass?: WorkClass;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  queueId?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  assigneeId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  categoryId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  assetId?: string | null;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  requesterId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

export class CreateCommentDto {
  @ApiProperty({ maxLength: 20000 })
  @Transform(trim)
  @IsString()
  @Length(1, 20000)
  body: string;

  @ApiPropertyOptional({ default: false, description: 'Staff only: an internal note the requester never sees' })
  @IsOptional()
  @IsBoolean()
  internal?: boolean;
}

export class ReopenTicketDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
