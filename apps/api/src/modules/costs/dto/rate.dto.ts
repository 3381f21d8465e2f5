import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { NamedRefDto } from '../../../common/http/named-ref.dto.js';
import { IsCalendarDate, IsOmittable } from '../../../common/http/validators.js';
import { STAFF_ROLES, type Role } from '../../users/domain/role.js';
import { COST_LIMITS } from '../domain/cost-vocabulary.js';
import type { RatePeriod } from '../domain/labour-cost.js';

/** Either a technician's own rate (userId) or a role's default (role): exactly one of the two. */
export class CreateRateDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An active staff member; leave out for a role default' })
  @IsOmittable()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES, description: 'The role whose default this is; leave out for a personal rate' })
  @IsOmittable()
  @IsIn(STAFF_ROLES)
  role?: Role;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: COST_LIMITS.hourlyRateCentsMax, description: 'Integer cents per hour' })
  @IsInt()
  @Min(1)
  @Max(COST_LIMITS.hourlyRateCentsMax)
  hourlyRateCents: number;

  @ApiProperty({ format: 'date', example: '2026-07-01', description: 'Work on this day and after is costed at this rate' })
  @IsCalendarDate()
  effectiveFrom: string;
}

export class ListRatesQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "One technician's rates" })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES, description: "One role's defaults" })
  @IsOptional()
  @IsIn(STAFF_ROLES)
  role?: Role;
}

const RATE_PERIODS: RatePeriod[] = ['past', 'current', 'future'];

export class RateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: NamedRefDto, nullable: true, description: 'null for a role default' }) user: NamedRefDto | null;
  @ApiProperty({ enum: STAFF_ROLES, nullable: true, description: 'The role of a role default; null for a personal rate' })
  role: Role | null;
  @ApiProperty({ type: 'integer' }) hourlyRateCents: number;
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
  @ApiProperty({
    enum: RATE_PERIODS,
    description: 'current: in force today; future: not started yet (may be deleted); past: replaced by a later one',
  })
  period: RatePeriod;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class RateListDto {
  @ApiProperty({ type: [RateDto], description: 'Role defaults first, then by name; newest first within each' })
  items: RateDto[];
}
