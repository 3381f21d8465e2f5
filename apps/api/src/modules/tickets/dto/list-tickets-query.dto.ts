import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { queryInt } from '../../../common/http/transforms.js';
import {
  PRIORITIES,
  TICKET_KINDS,
  TICKET_STATUSES,
  WORK_CLASSES,
  type Priority,
  type TicketKind,
  type TicketStatus,
  type WorkClass,
} from '../domain/ticket-vocabulary.js';

export const TICKET_SORTS = ['due', 'created', 'updated', 'priority'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

const UUID_OR = (...words: string[]): RegExp =>
  new RegExp(`^(${words.join('|')}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$`);
const commaList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

export class ListTicketsQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated statuses', example: 'new,assigned,in_progress' })
  @IsOptional()
  @Transform(commaList)
  @IsIn(TICKET_STATUSES, { each: true })
  status?: TicketStatus[];

  @ApiPropertyOptional({ description: 'A queue id, or "mine" for the queues I belong to' })
  @IsOptional()
  @Matches(UUID_OR('mine'), { message: 'queueId must be a UUID or "mine"' })
  queueId?: string;

  @ApiPropertyOptional({ description: 'A user id, "me" or "none" (unassigned)' })
  @IsOptional()
  @Matches(UUID_OR('me', 'none'), { message: 'assigneeId must be a UUID, "me" or "none"' })
  assigneeId?: string;

  @ApiPropertyOptional({ description: 'A user id or "me"' })
  @IsOptional()
  @Matches(UUID_OR('me'), { message: 'requesterId must be a UUID or "me"' })
  requesterId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ enum: TICKET_KINDS })
  @IsOptional()
  @IsIn(TICKET_KINDS)
  kind?: TicketKind;

  @ApiPropertyOptional({ enum: WORK_CLASSES })
  @IsOptional()
  @IsIn(WORK_CLASSES)
  workClass?: WorkClass;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assetId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created at or after' })
  @IsOptional()
  @IsDateString({ strict: true })
  createdFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created before' })
  @IsOptional()
  @IsDateString({ strict: true })
  createdTo?: string;

  @ApiPropertyOptional({ description: 'Searches number, title and description' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    enum: TICKET_SORTS,
    default: 'due',
    description: 'due: next due first (none last); created/updated: newest first; priority: P1 first',
  })
  @IsOptional()
  @IsIn(TICKET_SORTS)
  sort?: TicketSort;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Transform(queryInt)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
