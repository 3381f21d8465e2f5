import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { dtoField } from '../../../common/http/dto-field.js';
import { NamedRefDto } from '../../../common/http/named-ref.dto.js';
import { trim, trimToNull } from '../../../common/http/transforms.js';
import { IsCalendarDate, IsNullable } from '../../../common/http/validators.js';
import { AssetRefDto } from '../../tickets/dto/ticket-output.dto.js';
import { COST_LIMITS, EXPENSE_TYPES, type ExpenseType } from '../domain/cost-vocabulary.js';
import { CostEntryPermissionsDto } from './work-log.dto.js';

const Type = dtoField({ enum: EXPENSE_TYPES }, IsIn(EXPENSE_TYPES));
const AmountCents = dtoField(
  { type: 'integer', minimum: 1, maximum: COST_LIMITS.amountCentsMax, description: 'Integer cents' },
  IsInt(),
  Min(1),
  Max(COST_LIMITS.amountCentsMax),
);
const SpentOn = dtoField({ format: 'date', example: '2026-03-02' }, IsCalendarDate());
const Description = dtoField(
  { maxLength: COST_LIMITS.description, default: '' },
  Transform(trim),
  IsString(),
  MaxLength(COST_LIMITS.description),
);
/** Null (or an empty string) clears it, on create and on update alike. */
const Vendor = () =>
  applyDecorators(
    ApiPropertyOptional({ nullable: true, type: String, maxLength: COST_LIMITS.vendor }),
    Transform(trimToNull),
    IsNullable(),
    IsString(),
    MaxLength(COST_LIMITS.vendor),
  );
const AssetId = () =>
  applyDecorators(
    ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The device the money went into' }),
    IsNullable(),
    IsUUID(),
  );

export class CreateExpenseDto {
  @Type() type: ExpenseType;
  @AmountCents() amountCents: number;
  @Vendor() vendor?: string | null;
  @SpentOn() spentOn: string;
  @Description('omittable') description?: string;
  @AssetId() assetId?: string | null;
}

export class UpdateExpenseDto {
  @Type('omittable') type?: ExpenseType;
  @AmountCents('omittable') amountCents?: number;
  @Vendor() vendor?: string | null;
  @SpentOn('omittable') spentOn?: string;
  @Description('omittable') description?: string;
  @AssetId() assetId?: string | null;
}

export class ExpenseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: EXPENSE_TYPES }) type: ExpenseType;
  @ApiProperty({ type: 'integer', description: 'Integer cents' }) amountCents: number;
  @ApiProperty({ nullable: true, type: String }) vendor: string | null;
  @ApiProperty({ format: 'date' }) spentOn: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: AssetRefDto, nullable: true }) asset: AssetRefDto | null;
  @ApiProperty({ type: NamedRefDto }) createdBy: NamedRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: CostEntryPermissionsDto }) can: CostEntryPermissionsDto;
}

export class ExpenseListDto {
  @ApiProperty({ type: [ExpenseDto] }) items: ExpenseDto[];
}
