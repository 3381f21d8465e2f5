import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto.js';
import { IsCalendarDate } from '../../../common/http/validators.js';
import { AUDIT_ACTION_CODES, AUDIT_TARGET_TYPES, type AuditAction, type AuditTargetType } from '../domain/audit-action.js';

export const AUDIT_FORMATS = ['json', 'csv'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** Filters of the audit log; each narrows the list, all together narrow it further. */
export class ListAuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AUDIT_ACTION_CODES, enumName: 'AuditAction', description: 'Only this action' })
  @IsOptional()
  @IsIn(AUDIT_ACTION_CODES)
  action?: AuditAction;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only what this user did' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ enum: AUDIT_TARGET_TYPES, description: 'Only actions on this kind of record' })
  @IsOptional()
  @IsIn(AUDIT_TARGET_TYPES)
  targetType?: AuditTargetType;

  @ApiPropertyOptional({ description: 'Only actions on this record (with targetType)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'targetId must be a record id' })
  targetId?: string;

  @ApiPropertyOptional({ format: 'date', description: "First day, inclusive (YYYY-MM-DD, the city's calendar)" })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: "Last day, inclusive (YYYY-MM-DD, the city's calendar)" })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({
    enum: AUDIT_FORMATS,
    default: 'json',
    description:
      'csv answers every entry matching the filters (newest first, at most 50,000; limit and cursor do not apply) as a ' +
      'text/csv download, and is itself audited',
  })
  @IsOptional()
  @IsIn(AUDIT_FORMATS)
  format?: AuditFormat;
}

export class AuditActorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
}

export class AuditEntryDto {
  @ApiProperty({ description: 'Ascending with insertion' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: AuditActorDto, nullable: true, description: 'null: nobody was signed in, or the app itself' })
  actor: AuditActorDto | null;
  @ApiProperty({ enum: AUDIT_ACTION_CODES, enumName: 'AuditAction' }) action: AuditAction;
  @ApiProperty({ enum: AUDIT_TARGET_TYPES, nullable: true })
  targetType: AuditTargetType | null;
  @ApiProperty({ nullable: true, type: String }) targetId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The client address (behind a proxy: with TRUST_PROXY)' })
  ip: string | null;
  @ApiProperty({ nullable: true, type: String }) userAgent: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The request id of the log lines' }) requestId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Facts of the action (what changed, from and to); never a password, hash or token',
  })
  detail: Record<string, unknown>;
}

export class AuditListDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}
