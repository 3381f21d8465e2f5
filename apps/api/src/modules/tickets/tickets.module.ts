import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module.js';
import { AutoCloseJob } from './auto-close.job.js';
import { TicketListService } from './ticket-list.service.js';
import { TicketThreadService } from './ticket-thread.service.js';
import { TicketsController } from './tickets.controller.js';
import { TicketsService } from './tickets.service.js';

@Module({
  imports: [SettingsModule],
  controllers: [TicketsController],
  providers: [TicketsService, TicketListService, TicketThreadService, AutoCloseJob],
})
export class TicketsModule {}
