import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsUUID } from 'class-validator';
import { NamedRefDto } from '../../../common/http/named-ref.dto.js';
import { TICKET_STATUSES, type TicketStatus } from '../../tickets/domain/ticket-vocabulary.js';

export class MaintenanceCalendarQueryDto {
  @ApiProperty({ format: 'date-time', example: '2026-03-01T00:00:00Z' })
  @IsDateString({ strict: true }, { message: 'from must be an ISO 8601 date-time' })
  from: string;

  @ApiProperty({ format: 'date-time', example: '2026-04-01T00:00:00Z', description: 'At most 400 days after from' })
  @IsDateString({ strict: true }, { message: 'to must be an ISO 8601 date-time' })
  to: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this queue's work" })
  @IsOptional()
  @IsUUID()
  queueId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this technician's work" })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;
}

export class MaintenanceCalendarItemDto {
  @ApiProperty({ description: 'A ticket id, or planId:dueAt for a projected occurrence' }) id: string;
  @ApiProperty({ description: 'true: not generated yet (its ticket is created at createAt)' }) projected: boolean;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) createAt: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: NamedRefDto }) plan: NamedRefDto;
  @ApiProperty({ type: NamedRefDto }) queue: NamedRefDto;
  @ApiProperty({ type: NamedRefDto, nullable: true }) assignee: NamedRefDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'The ticket number (generated only)' }) number: string | null;
  @ApiProperty({ enum: TICKET_STATUSES, nullable: true }) status: TicketStatus | null;
  @ApiProperty({ type: String, nullable: true, description: 'The asset (tag and name), generated only' }) asset: string | null;
  @ApiProperty({ description: 'Projected fan-out occurrences: how many tickets it will make (1 otherwise)' }) tickets: number;
  @ApiProperty({ type: Number, nullable: true }) estimatedMinutes: number | null;
}

export class MaintenanceCalendarDto {
  @ApiProperty({ type: [MaintenanceCalendarItemDto] }) items: MaintenanceCalendarItemDto[];
}

export class CreateCalendarFeedDto {
  @ApiPropertyOptional({ format: 'uuid', description: "A queue's work; omitted: the work assigned to you" })
  @IsOptional()
  @IsUUID()
  queueId?: string;
}

export class CalendarFeedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: NamedRefDto, nullable: true, description: 'null: your own assigned work' }) queue: NamedRefDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt: string | null;
}

export class CreatedCalendarFeedDto extends CalendarFeedDto {
  @ApiProperty({ description: 'The subscription address; shown once — it is the only key to the feed' }) url: string;
}

export class CalendarFeedListDto {
  @ApiProperty({ type: [CalendarFeedDto] }) items: CalendarFeedDto[];
}
