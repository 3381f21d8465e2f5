import { ApiProperty, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, MaxLength } from 'class-validator';
import { trimLower } from '../../../common/http/transforms.js';
import { UserDto } from '../../users/dto/user.dto.js';

export class LoginDto {
  @ApiProperty({ example: 'admin@civicdesk.test' })
  @Transform(trimLower)
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

/** The signed-in user, as the web app needs it. */
export class MeDto extends PickType(UserDto, [
  'id',
  'email',
  'name',
  'role',
  'departmentId',
  'departmentName',
  'mustChangePassword',
] as const) {}

export class LoginResultDto {
  @ApiProperty({ type: MeDto }) user: MeDto;
}
