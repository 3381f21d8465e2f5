import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

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
}

export class UpdateSettingsDto extends PartialType(SettingsDto) {}

export const DEFAULT_SETTINGS: SettingsDto = { autoCloseResolvedAfterDays: 5, fiscalYearStartMonth: 7 };
