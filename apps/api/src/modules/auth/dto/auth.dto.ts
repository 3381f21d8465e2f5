import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, MaxLength } from 'class-validator';
import { ROLES, type Role } from '../../users/domain/role.js';

export class LoginDto {
  @ApiProperty({ example: 'admin@civicdesk.test' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @Length(3, 254)
  email: string;

  @ApiProperty({ example: 'civicdesk-demo' })
  @IsString()
  @Length(1, 1024)
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(1024)
  currentPassword: string;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters, not a commonly used password' })
  @IsString()
  @MaxLength(1024)
  newPassword: string;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) departmentId: string | null;
  @ApiProperty({ nullable: true, type: String }) departmentName: string | null;
  @ApiProperty({ description: 'A temporary password must be replaced before anything else' }) mustChangePassword: boolean;
}

export class LoginResultDto {
  @ApiProperty({ type: MeDto }) user: MeDto;
}
