import { Module } from '@nestjs/common';
import { TicketSlaModule } from '../ticket-sla/ticket-sla.module.js';
import { CalendarsController } from './calendars.controller.js';
import { CalendarsService } from './calendars.service.js';

@Module({
  imports: [TicketSlaModule],
  controllers: [CalendarsController],
  providers: [CalendarsService],
  exports: [CalendarsService],
})
export class CalendarsModule {}
