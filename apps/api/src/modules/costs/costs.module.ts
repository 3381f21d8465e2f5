import { Module } from '@nestjs/common';
import { RatesController } from './rates.controller.js';
import { RatesService } from './rates.service.js';
import { TicketCostsController } from './ticket-costs.controller.js';
import { TicketCostsService } from './ticket-costs.service.js';

/** Hourly rates, and the work logs and expenses that cost each ticket. */
@Module({
  controllers: [RatesController, TicketCostsController],
  providers: [RatesService, TicketCostsService],
})
export class CostsModule {}
