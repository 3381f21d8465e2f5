import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto.js';
import { queryBoolean } from '../../../common/http/transforms.js';
import { NOTIFICATION_TYPES, type NotificationType } from '../domain/notification-vocabulary.js';

export class ListNotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'true: only notifications not read yet' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  unread?: boolean;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) ticketId: string | null;
  @ApiProperty({ enum: NOTIFICATION_TYPES }) type: NotificationType;
  @ApiProperty({ example: 'INC-000123 was assigned to you' }) title: string;
  @ApiProperty() body: string;
  @ApiProperty({ nullable: true, type: String, example: '/tickets/INC-000123', description: 'A path in the web app' })
  link: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt: string | null;
}

export class NotificationListDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}

export class NotificationCountDto {
  @ApiProperty({ minimum: 0 }) count: number;
}
