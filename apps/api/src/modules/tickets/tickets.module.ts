import { Module } from '@nestjs/common';
import { TicketListService } from './ticket-list.service.js';
import { TicketThreadService } from './ticket-thread.service.js';
import { TicketsController } from './tickets.controller.js';
import { TicketsService } from './tickets.service.js';

@Module({
  controllers: [TicketsController],
  providers: [TicketsService, TicketListService, TicketThreadService],
})
export class TicketsModule {}
