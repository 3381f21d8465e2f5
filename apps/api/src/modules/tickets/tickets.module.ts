import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { TicketSlaModule } from '../ticket-sla/ticket-sla.module.js';
import { AutoCloseJob } from './auto-close.job.js';
import { TicketListService } from './ticket-list.service.js';
import { TicketNotifier } from './ticket-notifier.js';
import { TicketThreadService } from './ticket-thread.service.js';
import { TicketsController } from './tickets.controller.js';
import { TicketsService } from './tickets.service.js';

@Module({
  imports: [SettingsModule, TicketSlaModule, NotificationsModule],
  controllers: [TicketsController],
  exports: [TicketNotifier, TicketListService],
  providers: [TicketsService, TicketListService, TicketThreadService, TicketNotifier, AutoCloseJob],
})
export class TicketsModule {}
