import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { IsNullable } from '../../../common/http/validators.js';
import { trim } from '../../../common/http/transforms.js';

export class CreateDepartmentDto {
  @ApiProperty({ example: 'Finance', maxLength: 120 })
  @Transform(trim)
  @IsString()
  @Length(1, 120)
  name: string;

  @ApiProperty({
    example: 'FIN',
    description: 'Upper-case letters, digits, "-" or "_"; at most 16',
    pattern: '^[A-Z0-9][A-Z0-9_-]{0,15}$',
  })
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9_-]{0,15}$/, { message: 'code must be 1-16 upper-case letters, digits, "-" or "_"' })
  code: string;

  @ApiProperty({ required: false, default: false, description: 'Police, fire: raises ticket priority one step' })
  @IsOptional()
  @IsBoolean()
  lifeSafety?: boolean;

  @ApiProperty({
    required: false,
    type: String,
    format: 'uuid',
    nullable: true,
    description: "The business-hours calendar its tickets' SLA clocks run on; null: the city's office hours",
  })
  @IsNullable()
  @IsUUID()
  calendarId?: string | null;
}

export class UpdateDepartmentDto extends PartialType(CreateDepartmentDto) {}

export class DepartmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() code: string;
  @ApiProperty() lifeSafety: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "Null: the city's office hours" })
  calendarId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class DepartmentListDto {
  @ApiProperty({ type: [DepartmentDto] }) items: DepartmentDto[];
}
