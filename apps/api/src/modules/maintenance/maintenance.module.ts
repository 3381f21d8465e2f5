import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module.js';
import { TicketSlaModule } from '../ticket-sla/ticket-sla.module.js';
import { MaintenanceCalendarController } from './maintenance-calendar.controller.js';
import { MaintenanceCalendarService } from './maintenance-calendar.service.js';
import { MaintenanceGenerationJob } from './maintenance-generation.job.js';
import { MaintenanceGenerator } from './maintenance-generator.service.js';
import { MaintenancePlansController } from './maintenance-plans.controller.js';
import { MaintenancePlansService } from './maintenance-plans.service.js';

@Module({
  imports: [TicketsModule, TicketSlaModule],
  controllers: [MaintenancePlansController, MaintenanceCalendarController],
  providers: [MaintenancePlansService, MaintenanceCalendarService, MaintenanceGenerator, MaintenanceGenerationJob],
  exports: [MaintenanceGenerator],
})
export class MaintenanceModule {}
