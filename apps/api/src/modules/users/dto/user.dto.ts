import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto.js';
import { queryBoolean, trim, trimLower } from '../../../common/http/transforms.js';
import { ROLES, type Role } from '../domain/role.js';

export class CreateUserDto {
  @ApiProperty({ example: 'jane.doe@city.gov', maxLength: 254 })
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Jane Doe', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  departmentId?: string | null;

  @ApiProperty({ description: 'Initial password; the user must change it at first sign-in', minLength: 12 })
  @IsString()
  @MaxLength(1024)
  password: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ maxLength: 254 })
  @IsOptional()
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  departmentId?: string | null;

  @ApiPropertyOptional({ description: 'false deactivates the user and revokes their sessions' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class SetTemporaryPasswordDto {
  @ApiProperty({ description: 'The user must replace it at next sign-in', minLength: 12 })
  @IsString()
  @MaxLength(1024)
  password: string;
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Matches name or e-mail, case-insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  active?: boolean;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) departmentId: string | null;
  @ApiProperty({ nullable: true, type: String }) departmentName: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() mustChangePassword: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class UserListDto {
  @ApiProperty({ type: [UserDto] }) items: UserDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}
