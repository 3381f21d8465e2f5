import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { ASSET_LIMITS } from '../../assets/domain/asset-limits.js';
import { ASSET_TYPES, DEFAULT_LIFECYCLE_YEARS, type AssetType } from '../../assets/domain/asset-vocabulary.js';

/** Years until refresh, per asset type: one integer property per type. */
export class AssetLifecycleYearsDto {}

/** The same with every type optional: a PATCH changes only the types it names. */
export class AssetLifecycleYearsPatchDto {}

// One property per asset type, declared from the type list so a new type cannot be forgotten here.
for (const type of ASSET_TYPES) {
  for (const [dto, optional] of [
    [AssetLifecycleYearsDto, false],
    [AssetLifecycleYearsPatchDto, true],
  ] as const) {
    const options = {
      type: 'integer',
      minimum: ASSET_LIMITS.lifecycleYearsMin,
      maximum: ASSET_LIMITS.lifecycleYearsMax,
      default: DEFAULT_LIFECYCLE_YEARS[type],
    } as const;
    const decorators = [
      optional ? ApiPropertyOptional(options) : ApiProperty(options),
      ...(optional ? [IsOptional()] : []),
      IsInt(),
      Min(ASSET_LIMITS.lifecycleYearsMin),
      Max(ASSET_LIMITS.lifecycleYearsMax),
    ];
    for (const decorate of decorators) decorate(dto.prototype, type);
  }
}

/** City-wide settings an admin changes at run time. */
export class SettingsDto {
  @ApiProperty({ minimum: 1, maximum: 90, default: 5, description: 'Resolved tickets close by themselves after this many days' })
  @IsInt()
  @Min(1)
  @Max(90)
  autoCloseResolvedAfterDays: number;

  @ApiProperty({ minimum: 1, maximum: 12, default: 7, description: 'First month of the fiscal year (7 = July)' })
  @IsInt()
  @Min(1)
  @Max(12)
  fiscalYearStartMonth: number;

  @ApiProperty({
    type: AssetLifecycleYearsDto,
    description: 'Replacement cycle in years per asset type: the lifecycle a new asset gets when none is given',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => AssetLifecycleYearsDto)
  assetLifecycleYears: Record<AssetType, number>;
}

/** Every setting optional; assetLifecycleYears changes only the types it names. */
export class UpdateSettingsDto extends PartialType(OmitType(SettingsDto, ['assetLifecycleYears'] as const)) {
  @ApiPropertyOptional({ type: AssetLifecycleYearsPatchDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AssetLifecycleYearsPatchDto)
  assetLifecycleYears?: Partial<Record<AssetType, number>>;
}

export const DEFAULT_SETTINGS: SettingsDto = {
  autoCloseResolvedAfterDays: 5,
  fiscalYearStartMonth: 7,
  assetLifecycleYears: DEFAULT_LIFECYCLE_YEARS,
};
