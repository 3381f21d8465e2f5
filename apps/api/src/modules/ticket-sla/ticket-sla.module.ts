import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SlaPoliciesModule } from '../sla-policies/sla-policies.module.js';
import { EscalationSweepJob } from './escalation-sweep.job.js';
import { TicketSlaTimelineService } from './ticket-sla-timeline.service.js';
import { TicketSlaController } from './ticket-sla.controller.js';
import { TicketSlaService } from './ticket-sla.service.js';

@Module({
  imports: [SlaPoliciesModule, NotificationsModule],
  controllers: [TicketSlaController],
  providers: [TicketSlaService, TicketSlaTimelineService, EscalationSweepJob],
  exports: [TicketSlaService],
})
export class TicketSlaModule {}
