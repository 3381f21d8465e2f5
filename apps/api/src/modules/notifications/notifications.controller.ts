import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { uuidPipe } from '../../common/http/uuid.pipe.js';
import type { Actor } from '../../common/security/actor.js';
import { CurrentActor } from '../../common/security/access.decorators.js';
import { ListNotificationsQueryDto, NotificationCountDto, NotificationDto, NotificationListDto } from './dto/notification.dto.js';
import { NotificationsService } from './notifications.service.js';

/** The signed-in user's own notifications; anyone else's answer 404 like a missing one. */
@ApiTags('notifications')
@ApiCookieAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({ type: NotificationListDto })
  list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQueryDto): Promise<NotificationListDto> {
    return this.notifications.list(actor.id, query);
  }

  @Get('unread-count')
  @ApiOkResponse({ type: NotificationCountDto })
  async unreadCount(@CurrentActor() actor: Actor): Promise<NotificationCountDto> {
    return { count: await this.notifications.unreadCount(actor.id) };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationCountDto, description: 'How many notifications were marked read' })
  async readAll(@CurrentActor() actor: Actor): Promise<NotificationCountDto> {
    return { count: await this.notifications.markAllRead(actor.id) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationDto })
  read(@CurrentActor() actor: Actor, @Param('id', uuidPipe) id: string): Promise<NotificationDto> {
    return this.notifications.markRead(actor.id, id);
  }
}
