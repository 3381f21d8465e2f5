import { Module } from '@nestjs/common';
import { Mailer } from './mailer.service.js';
import { NotificationSenderJob } from './notification-sender.job.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';

/** In-app notifications and their e-mails; other features call NotificationsService.notify. */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, Mailer, NotificationSenderJob],
  exports: [NotificationsService],
})
export class NotificationsModule {}
