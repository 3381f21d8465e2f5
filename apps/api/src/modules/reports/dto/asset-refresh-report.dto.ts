import { ApiProperty } from '@nestjs/swagger';
import { ASSET_TYPES, type AssetType } from '../../assets/domain/asset-vocabulary.js';

export class AssetRefreshCountDto {
  @ApiProperty({ type: 'integer' }) assetCount: number;
  @ApiProperty({ type: 'integer', description: 'Sum of their purchase costs (assets without a cost add 0)' })
  replacementCostCents: number;
  @ApiProperty({ type: 'integer', description: 'Of them, assets without a purchase cost' }) unpricedCount: number;
}

/** Assets in service or in repair whose replacement falls due in the fiscal year. */
export class AssetRefreshRowDto extends AssetRefreshCountDto {
  @ApiProperty({ description: '"FY2027": named by the calendar year the fiscal year ends in' }) period: string;
  @ApiProperty({ format: 'date', description: 'First day of the fiscal year' }) periodStart: string;
  @ApiProperty({ type: String, nullable: true, description: 'The department id; null when not split' })
  groupKey: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The department name; null when not split' })
  groupName: string | null;
}

/** An asset whose repairs to date cost more than the asked share of its replacement. */
export class AssetRepairDto {
  @ApiProperty({ format: 'uuid' }) assetId: string;
  @ApiProperty() tag: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ASSET_TYPES }) type: AssetType;
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty() departmentName: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) purchaseDate: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Purchase date + lifecycle years' })
  replacementDue: string | null;
  @ApiProperty({ type: 'integer', description: 'The purchase cost' }) replacementCostCents: number;
  @ApiProperty({
    type: 'integer',
    description:
      "Reactive spend to date: labour of the asset's reactive tickets, expenses linked to it on reactive tickets, and expenses of its reactive tickets linked to no other asset (the asset page's reactive cost)",
  })
  repairCostCents: number;
  @ApiProperty({ type: Number, description: 'repairCostCents ÷ replacementCostCents' }) repairRatio: number;
}

/**
 * The asset refresh forecast: replacement due = purchase date + the asset's lifecycle years (set
 * from the assetLifecycleYears setting when the asset was recorded), bucketed by fiscal year.
 * Retired assets are left out; so are assets without a purchase date (counted apart).
 */
export class AssetRefreshReportDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ enum: ['department'], nullable: true }) groupBy: 'department' | null;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 12 }) fiscalYearStartMonth: number;
  @ApiProperty({ format: 'date', description: 'Today in the city: repair costs are to date' }) asOf: string;
  @ApiProperty({ type: Number, description: 'The repair share asked for' }) repairShare: number;
  @ApiProperty({ type: AssetRefreshCountDto, description: 'Assets whose replacement was due before `from`, still in use' })
  overdue: AssetRefreshCountDto;
  @ApiProperty({ type: 'integer', description: 'Assets in use without a purchase date: no replacement date to forecast' })
  withoutPurchaseDate: number;
  @ApiProperty({
    type: [AssetRefreshRowDto],
    description: 'One per fiscal year touching the range (and department with assets, when split)',
  })
  rows: AssetRefreshRowDto[];
  @ApiProperty({
    type: [AssetRepairDto],
    description:
      'Assets in use with a purchase cost, highest repair ratio first: the first `repairLimit` in JSON, all in the CSV',
  })
  repairs: AssetRepairDto[];
  @ApiProperty({ type: 'integer', description: 'How many assets in use have cost more than the share in repairs' })
  repairCount: number;
}
