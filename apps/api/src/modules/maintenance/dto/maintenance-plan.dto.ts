import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { trim } from '../../../common/http/transforms.js';
import { IsCalendarDate, IsNullable, IsOmittable, MAX_DB_INTEGER } from '../../../common/http/validators.js';
import { ASSET_TYPES, type AssetType } from '../../assets/domain/asset-vocabulary.js';
import { FAN_OUTS, MAINTENANCE_MODES, type FanOut, type MaintenanceMode } from '../domain/maintenance-vocabulary.js';

export class CreateMaintenancePlanDto {
  @ApiProperty({ example: 'Monthly server patching', maxLength: 120 })
  @Transform(trim)
  @IsString()
  @Length(1, 120)
  name: string;

  @ApiProperty({
    example: 'Patch {{asset}} ({{asset_tag}}) by {{due_date}}',
    description: 'Placeholders: {{asset}}, {{asset_tag}}, {{due_date}}, {{plan}}',
  })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  titleTemplate: string;

  @ApiPropertyOptional({ description: 'The same placeholders; a checklist as "- [ ] step" lines', maxLength: 20000 })
  @IsOmittable()
  @IsString()
  @MaxLength(20000)
  descriptionTemplate?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsNullable()
  @IsUUID()
  categoryId?: string | null;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  queueId: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'An active technician, manager or admin' })
  @IsNullable()
  @IsUUID()
  assigneeId?: string | null;

  @ApiProperty({ format: 'uuid', description: 'The department the work is for (the tickets are filed for it)' })
  @IsUUID()
  departmentId: string;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 100000 })
  @IsNullable()
  @IsInt()
  @Min(1)
  @Max(100000)
  estimatedMinutes?: number | null;

  @ApiProperty({
    example: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2',
    description:
      'RFC 5545 RRULE without DTSTART or UNTIL, at most daily (for after_completion and replacement plans: FREQ=DAILY)',
  })
  @IsString()
  @Length(1, 500)
  rule: string;

  @ApiProperty({ format: 'date', example: '2026-01-01' })
  @IsCalendarDate()
  startsOn: string;

  @ApiPropertyOptional({ example: '08:00', description: 'Local time the work is due' })
  @IsOmittable()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'dueTime must be HH:MM' })
  dueTime?: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsNullable()
  @IsCalendarDate()
  endsOn?: string | null;

  @ApiPropertyOptional({ example: 'America/New_York', description: "IANA zone; default: the city's" })
  @IsOmittable()
  @IsString()
  @Length(1, 64)
  timeZone?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 366, description: 'Create the ticket this many days before it is due' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(366)
  leadDays?: number;

  @ApiPropertyOptional({ enum: MAINTENANCE_MODES })
  @IsOmittable()
  @IsIn(MAINTENANCE_MODES)
  mode?: MaintenanceMode;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 3660,
    description: 'after_completion: days after the last one was resolved',
  })
  @IsNullable()
  @IsInt()
  @Min(1)
  @Max(3660)
  intervalDays?: number | null;

  @ApiPropertyOptional({ enum: FAN_OUTS })
  @IsOmittable()
  @IsIn(FAN_OUTS)
  fanOut?: FanOut;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  assetIds?: string[];

  @ApiPropertyOptional({ enum: ASSET_TYPES, nullable: true })
  @IsNullable()
  @IsIn(ASSET_TYPES)
  assetType?: AssetType | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'asset_type fan-out: only this department’s assets',
  })
  @IsNullable()
  @IsUUID()
  assetDepartmentId?: string | null;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

export class UpdateMaintenancePlanDto extends PartialType(CreateMaintenancePlanDto) {
  @ApiProperty({ description: 'The version you read; a stale one answers 409', maximum: MAX_DB_INTEGER })
  @IsInt()
  @Min(1)
  @Max(MAX_DB_INTEGER)
  version: number;
}

export class PreviewQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  count?: number;
}

export class MaintenancePlanDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() titleTemplate: string;
  @ApiProperty() descriptionTemplate: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) categoryId: string | null;
  @ApiProperty({ format: 'uuid' }) queueId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assigneeId: string | null;
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty({ type: Number, nullable: true }) estimatedMinutes: number | null;
  @ApiProperty() rule: string;
  @ApiProperty({ description: 'The rule in words' }) ruleText: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty() dueTime: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endsOn: string | null;
  @ApiProperty() timeZone: string;
  @ApiProperty() leadDays: number;
  @ApiProperty({ enum: MAINTENANCE_MODES }) mode: MaintenanceMode;
  @ApiProperty({ type: Number, nullable: true }) intervalDays: number | null;
  @ApiProperty({ enum: FAN_OUTS }) fanOut: FanOut;
  @ApiProperty({ type: [String], format: 'uuid' }) assetIds: string[];
  @ApiProperty({ enum: ASSET_TYPES, nullable: true }) assetType: AssetType | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assetDepartmentId: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
  @ApiProperty({ description: 'Occurrences generated so far' }) generated: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class MaintenancePlanListDto {
  @ApiProperty({ type: [MaintenancePlanDto] }) items: MaintenancePlanDto[];
}

export class OccurrencePreviewDto {
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ format: 'date-time', description: 'When its ticket is created (due minus the lead time)' }) createAt: string;
  @ApiProperty({ example: 'Tue 10 Mar 2026, 08:00', description: 'The due time in words, in the plan’s zone' }) dueText: string;
  @ApiProperty({ type: String, nullable: true, description: 'replacement plans: the asset' }) asset: string | null;
}

export class MaintenancePreviewDto {
  @ApiProperty({ example: 'every month on the 2nd Tuesday at 08:00, created 7 days ahead' }) text: string;
  @ApiProperty({ type: [OccurrencePreviewDto] }) occurrences: OccurrencePreviewDto[];
}
