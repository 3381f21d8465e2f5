import { Controller, Get, Param } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/security/actor.js';
import { CurrentActor } from '../../common/security/access.decorators.js';
import { TicketSlaDto } from './dto/ticket-sla.dto.js';
import { TicketSlaTimelineService } from './ticket-sla-timeline.service.js';

@ApiTags('tickets')
@ApiCookieAuth()
@Controller('tickets')
export class TicketSlaController {
  constructor(private readonly timelines: TicketSlaTimelineService) {}

  /** Whoever may see the ticket sees its clock; escalations are for staff. */
  @Get(':id/sla')
  @ApiParam({ name: 'id', description: 'Ticket id (uuid) or number (INC-000123)' })
  @ApiOkResponse({ type: TicketSlaDto })
  timeline(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<TicketSlaDto> {
    return this.timelines.timeline(actor, id);
  }
}
