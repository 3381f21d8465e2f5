import { Module } from '@nestjs/common';
import { SlaPoliciesModule } from '../sla-policies/sla-policies.module.js';
import { TicketSlaModule } from '../ticket-sla/ticket-sla.module.js';
import { TicketHistoryWriter } from './ticket-history.writer.js';

/** Writing tickets that happened elsewhere or before (history imports, the demo city's years). */
@Module({
  imports: [SlaPoliciesModule, TicketSlaModule],
  providers: [TicketHistoryWriter],
  exports: [TicketHistoryWriter],
})
export class TicketHistoryModule {}
