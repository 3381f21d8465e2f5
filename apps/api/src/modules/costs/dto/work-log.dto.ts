import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { dtoField } from '../../../common/http/dto-field.js';
import { NamedRefDto } from '../../../common/http/named-ref.dto.js';
import { trim } from '../../../common/http/transforms.js';
import { IsCalendarDate } from '../../../common/http/validators.js';
import { COST_LIMITS } from '../domain/cost-vocabulary.js';

const WorkDate = dtoField(
  { format: 'date', example: '2026-03-02', description: 'The day of the work; not in the future' },
  IsCalendarDate(),
);
const Minutes = dtoField(
  { type: 'integer', minimum: COST_LIMITS.minutesMin, maximum: COST_LIMITS.minutesMax },
  IsInt(),
  Min(COST_LIMITS.minutesMin),
  Max(COST_LIMITS.minutesMax),
);
const Note = dtoField({ maxLength: COST_LIMITS.note, default: '' }, Transform(trim), IsString(), MaxLength(COST_LIMITS.note));

export class CreateWorkLogDto {
  @(dtoField(
    { format: 'uuid', description: 'The technician whose time it is; defaults to you. Managers and admins may log for others.' },
    IsUUID(),
  )('omittable'))
  userId?: string;

  @WorkDate() workDate: string;
  @Minutes() minutes: number;
  @Note('omittable') note?: string;
}

/** A changed date or number of minutes re-costs the entry at the rate in force on its (new) date. */
export class UpdateWorkLogDto {
  @WorkDate('omittable') workDate?: string;
  @Minutes('omittable') minutes?: number;
  @Note('omittable') note?: string;
}

export class CostEntryPermissionsDto {
  @ApiProperty({ description: 'You may edit or delete it (its author, a manager or an admin)' }) change: boolean;
}

export class WorkLogDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: NamedRefDto, description: 'The technician whose time it is' }) user: NamedRefDto;
  @ApiProperty({ format: 'date' }) workDate: string;
  @ApiProperty({ type: 'integer' }) minutes: number;
  @ApiProperty() note: string;
  @ApiProperty({ type: 'integer', description: 'Hourly rate in force on workDate, in cents, stored with the entry' })
  rateCents: number;
  @ApiProperty({ type: 'integer', description: 'minutes × rate / 60, in cents, stored with the entry' }) costCents: number;
  @ApiProperty({ type: NamedRefDto }) createdBy: NamedRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: CostEntryPermissionsDto }) can: CostEntryPermissionsDto;
}

export class WorkLogListDto {
  @ApiProperty({ type: [WorkLogDto] }) items: WorkLogDto[];
}
