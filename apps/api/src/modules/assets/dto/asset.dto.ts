import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { NamedRefDto } from '../../../common/http/named-ref.dto.js';
import { PageQueryDto } from '../../../common/http/page-query.dto.js';
import { queryBoolean, trim, trimToNull } from '../../../common/http/transforms.js';
import { IsCalendarDate, IsNullable, IsOmittable } from '../../../common/http/validators.js';
import { ASSET_LIMITS } from '../domain/asset-limits.js';
import { ASSET_STATUSES, ASSET_TYPES, type AssetStatus, type AssetType } from '../domain/asset-vocabulary.js';

const MAX_CENTS = Number.MAX_SAFE_INTEGER;

export class CreateAssetDto {
  @ApiProperty({ example: 'FIN-LT-0042', maxLength: ASSET_LIMITS.tag, description: 'Inventory tag, unique case-insensitively' })
  @Transform(trim)
  @IsString()
  @Length(1, ASSET_LIMITS.tag)
  tag: string;

  @ApiProperty({ example: 'Dell Latitude 5450', maxLength: ASSET_LIMITS.name })
  @Transform(trim)
  @IsString()
  @Length(1, ASSET_LIMITS.name)
  name: string;

  @ApiProperty({ enum: ASSET_TYPES })
  @IsIn(ASSET_TYPES)
  type: AssetType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  departmentId: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: ASSET_LIMITS.location })
  @Transform(trimToNull)
  @IsNullable()
  @IsString()
  @MaxLength(ASSET_LIMITS.location)
  location?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: ASSET_LIMITS.serial })
  @Transform(trimToNull)
  @IsNullable()
  @IsString()
  @MaxLength(ASSET_LIMITS.serial)
  serial?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, example: '2025-07-01' })
  @IsNullable()
  @IsCalendarDate()
  purchaseDate?: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, description: 'Purchase cost in integer cents' })
  @IsNullable()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  costCents?: number | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, example: '2028-07-01' })
  @IsNullable()
  @IsCalendarDate()
  warrantyEnd?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: ASSET_LIMITS.lifecycleYearsMin,
    maximum: ASSET_LIMITS.lifecycleYearsMax,
    description: "Years until refresh; defaults to the type's usual cycle",
  })
  @IsOmittable()
  @IsInt()
  @Min(ASSET_LIMITS.lifecycleYearsMin)
  @Max(ASSET_LIMITS.lifecycleYearsMax)
  lifecycleYears?: number;

  @ApiPropertyOptional({ enum: ASSET_STATUSES, default: 'in_service' })
  @IsOmittable()
  @IsIn(ASSET_STATUSES)
  status?: AssetStatus;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'An active user' })
  @IsNullable()
  @IsUUID()
  assignedUserId?: string | null;
}

/** Every field optional; nullable fields take null to clear them. Changing type keeps lifecycleYears. */
export class UpdateAssetDto {
  @ApiPropertyOptional({ maxLength: ASSET_LIMITS.tag })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @Length(1, ASSET_LIMITS.tag)
  tag?: string;

  @ApiPropertyOptional({ maxLength: ASSET_LIMITS.name })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @Length(1, ASSET_LIMITS.name)
  name?: string;

  @ApiPropertyOptional({ enum: ASSET_TYPES })
  @IsOmittable()
  @IsIn(ASSET_TYPES)
  type?: AssetType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: ASSET_LIMITS.location })
  @Transform(trimToNull)
  @IsNullable()
  @IsString()
  @MaxLength(ASSET_LIMITS.location)
  location?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: ASSET_LIMITS.serial })
  @Transform(trimToNull)
  @IsNullable()
  @IsString()
  @MaxLength(ASSET_LIMITS.serial)
  serial?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @IsNullable()
  @IsCalendarDate()
  purchaseDate?: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, description: 'Integer cents' })
  @IsNullable()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  costCents?: number | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @IsNullable()
  @IsCalendarDate()
  warrantyEnd?: string | null;

  @ApiPropertyOptional({ type: 'integer', minimum: ASSET_LIMITS.lifecycleYearsMin, maximum: ASSET_LIMITS.lifecycleYearsMax })
  @IsOmittable()
  @IsInt()
  @Min(ASSET_LIMITS.lifecycleYearsMin)
  @Max(ASSET_LIMITS.lifecycleYearsMax)
  lifecycleYears?: number;

  @ApiPropertyOptional({ enum: ASSET_STATUSES })
  @IsOmittable()
  @IsIn(ASSET_STATUSES)
  status?: AssetStatus;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsNullable()
  @IsUUID()
  assignedUserId?: string | null;
}

export class ListAssetsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ enum: ASSET_TYPES })
  @IsOptional()
  @IsIn(ASSET_TYPES)
  type?: AssetType;

  @ApiPropertyOptional({ enum: ASSET_STATUSES })
  @IsOptional()
  @IsIn(ASSET_STATUSES)
  status?: AssetStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assignedUserId?: string;

  @ApiPropertyOptional({ description: 'Matches tag, name or serial, case-insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class AssetDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() tag: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ASSET_TYPES }) type: AssetType;
  @ApiProperty({ type: NamedRefDto }) department: NamedRefDto;
  @ApiProperty({ nullable: true, type: String }) location: string | null;
  @ApiProperty({ nullable: true, type: String }) serial: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) purchaseDate: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Integer cents' }) costCents: number | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) warrantyEnd: string | null;
  @ApiProperty({ type: 'integer' }) lifecycleYears: number;
  @ApiProperty({ enum: ASSET_STATUSES }) status: AssetStatus;
  @ApiProperty({ type: NamedRefDto, nullable: true }) assignedUser: NamedRefDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class AssetLifecycleDto {
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Purchase date + lifecycle years' })
  replacementDue: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Whole months since purchase' }) ageMonths: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Whole months until the replacement date; negative once past' })
  monthsToReplacement: number | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'The replacement date is today or past' })
  replacementOverdue: boolean | null;
}

export class AssetCostToDateDto {
  @ApiProperty({ type: 'integer', description: 'Cents on reactive tickets (incidents): fixing it when it broke' })
  reactiveCents: number;
  @ApiProperty({ type: 'integer', description: 'Cents on service tickets (requests)' }) serviceCents: number;
  @ApiProperty({ type: 'integer', description: 'Cents on proactive tickets (maintenance)' }) proactiveCents: number;
  @ApiProperty({ type: 'integer', description: "Labour cents of the asset's tickets" }) labourCents: number;
  @ApiProperty({ type: 'integer', description: 'Expense cents for the asset' }) expensesCents: number;
  @ApiProperty({ type: 'integer' }) totalCents: number;
  @ApiProperty({ type: 'integer' }) labourMinutes: number;
}

export class AssetStatusChangeDto {
  @ApiProperty({ enum: ASSET_STATUSES }) from: AssetStatus;
  @ApiProperty({ enum: ASSET_STATUSES }) to: AssetStatus;
  @ApiProperty({ type: NamedRefDto, nullable: true }) actor: NamedRefDto | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

/** One asset with where it stands in its lifecycle, and (staff only) what it has cost. */
export class AssetDetailDto extends AssetDto {
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When it was retired; null unless retired' })
  retiredAt: string | null;
  @ApiProperty({ type: AssetLifecycleDto, description: 'Computed on the city’s today' }) lifecycle: AssetLifecycleDto;
  @ApiPropertyOptional({
    type: AssetCostToDateDto,
    description:
      'Staff only. Labour of the tickets about the asset plus expenses for it (linked to it, or on its tickets and linked to no other), by ticket work class',
  })
  costToDate?: AssetCostToDateDto;
  @ApiProperty({ type: [AssetStatusChangeDto], description: 'Newest first' }) statusHistory: AssetStatusChangeDto[];
}

/** The tickets about an asset, newest first (the ticket list's keyset page). */
export class ListAssetTicketsQueryDto extends PageQueryDto {}

export class AssetListDto {
  @ApiProperty({ type: [AssetDto] }) items: AssetDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}

export class ImportAssetsQueryDto {
  @ApiProperty({ type: Boolean, description: 'true checks the file and writes nothing' })
  @Transform(queryBoolean)
  @IsBoolean()
  dryRun: boolean;
}

export class AssetImportErrorDto {
  @ApiProperty({ type: 'integer', description: 'Line in the file; the header is line 1' }) line: number;
  @ApiProperty({ nullable: true, type: String, description: 'CSV column; null when the problem is the whole line' })
  column: string | null;
  @ApiProperty() message: string;
}

export class AssetImportResultDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ type: 'integer', description: 'Data rows in the file' }) rows: number;
  @ApiProperty({ type: 'integer', description: 'Rows without a problem' }) valid: number;
  @ApiProperty({ type: 'integer', description: 'Assets written (0 on a dry run)' }) created: number;
  @ApiProperty({ type: [AssetImportErrorDto] }) errors: AssetImportErrorDto[];
}
