import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsString, IsUUID, Length } from 'class-validator';
import { NamedRefDto } from '../../../common/http/named-ref.dto.js';
import { trim } from '../../../common/http/transforms.js';
import { IsNullable, IsOmittable } from '../../../common/http/validators.js';
import { ROLES, type Role } from '../../users/domain/role.js';
import { QUEUE_SYSTEM_KEYS, type QueueSystemKey } from '../queue.entity.js';

export class CreateQueueDto {
  @ApiProperty({ example: 'Network', maxLength: 120, description: 'Unique, case-insensitive' })
  @Transform(trim)
  @IsString()
  @Length(1, 120)
  name: string;

  @ApiPropertyOptional({ default: false, description: "Only the queue's members see its tickets" })
  @IsOmittable()
  @IsBoolean()
  restricted?: boolean;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'An active technician, manager or admin' })
  @IsNullable()
  @IsUUID()
  leadId?: string | null;
}

/** Every field optional; `leadId: null` removes the lead. */
export class UpdateQueueDto {
  @ApiPropertyOptional({ maxLength: 120 })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @Length(1, 120)
  name?: string;

  @ApiPropertyOptional({ description: "Only the queue's members see its tickets" })
  @IsOmittable()
  @IsBoolean()
  restricted?: boolean;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'An active technician, manager or admin' })
  @IsNullable()
  @IsUUID()
  leadId?: string | null;
}

export class ReplaceQueueMembersDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: 500,
    description: 'The complete new member list: active technicians, managers or admins',
  })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  userIds: string[];
}

export class QueueMemberDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
}

export class QueueDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: "Only the queue's members see its tickets" }) restricted: boolean;
  @ApiProperty({
    enum: QUEUE_SYSTEM_KEYS,
    nullable: true,
    type: String,
    description: 'Set on built-in queues, which cannot be deleted',
  })
  systemKey: QueueSystemKey | null;
  @ApiProperty({ type: NamedRefDto, nullable: true }) lead: NamedRefDto | null;
  @ApiProperty({ type: [QueueMemberDto], description: 'Ordered by name' }) members: QueueMemberDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class QueueListDto {
  @ApiProperty({ type: [QueueDto] }) items: QueueDto[];
}
