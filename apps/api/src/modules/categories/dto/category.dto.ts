import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { NamedRefDto } from '../../../common/http/named-ref.dto.js';
import { queryBoolean, trim } from '../../../common/http/transforms.js';
import { IsNullable, IsOmittable } from '../../../common/http/validators.js';
import { TICKET_KINDS, type TicketKind } from '../../tickets/domain/ticket-vocabulary.js';

export class CreateCategoryDto {
  @ApiProperty({ example: 'Printers', maxLength: 120, description: 'Unique, case-insensitive' })
  @Transform(trim)
  @IsString()
  @Length(1, 120)
  name: string;

  @ApiProperty({ format: 'uuid', description: 'Queue new tickets of this category go to' })
  @IsUUID()
  defaultQueueId: string;

  @ApiPropertyOptional({ enum: TICKET_KINDS, nullable: true, description: 'Kind suggested when filing; null suggests none' })
  @IsNullable()
  @IsIn(TICKET_KINDS)
  defaultKind?: TicketKind | null;

  @ApiPropertyOptional({ default: true, description: 'Inactive categories are hidden from requesters' })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

/** Every field optional. Built-in categories may be renamed but stay active and keep their queue. */
export class UpdateCategoryDto {
  @ApiPropertyOptional({ maxLength: 120 })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @Length(1, 120)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  defaultQueueId?: string;

  @ApiPropertyOptional({ enum: TICKET_KINDS, nullable: true })
  @IsNullable()
  @IsIn(TICKET_KINDS)
  defaultKind?: TicketKind | null;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

export class ListCategoriesQueryDto {
  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description: 'Staff only: include inactive categories (ignored for requesters, who see active ones)',
  })
  @IsOmittable()
  @Transform(queryBoolean)
  @IsBoolean()
  includeInactive?: boolean;
}

export class CategoryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: NamedRefDto }) defaultQueue: NamedRefDto;
  @ApiProperty({ enum: TICKET_KINDS, nullable: true }) defaultKind: TicketKind | null;
  @ApiProperty({ nullable: true, type: String, description: "Set on built-in categories ('security_phishing')" })
  systemKey: string | null;
  @ApiProperty() active: boolean;
}

export class CategoryListDto {
  @ApiProperty({ type: [CategoryDto] }) items: CategoryDto[];
}
