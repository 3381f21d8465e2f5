import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/security/actor.js';
import { CurrentActor, Roles } from '../../common/security/access.decorators.js';
import {
  CreateCommentDto,
  CreateTicketDto,
  ReopenTicketDto,
  ReportPhishingDto,
  UpdateTicketDto,
} from './dto/ticket-input.dto.js';
import { ListTicketsQueryDto } from './dto/list-tickets-query.dto.js';
import {
  CommentDto,
  CommentListDto,
  TicketCountsDto,
  TicketDetailDto,
  TicketEventListDto,
  TicketListDto,
} from './dto/ticket-output.dto.js';
import { TicketListService } from './ticket-list.service.js';
import { TicketThreadService } from './ticket-thread.service.js';
import { TicketsService } from './tickets.service.js';

const ID = { name: 'id', description: 'Ticket id (uuid) or number (INC-000123)' };

@ApiTags('tickets')
@ApiCookieAuth()
@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly lists: TicketListService,
    private readonly thread: TicketThreadService,
  ) {}

  @Get()
  @ApiOkResponse({ type: TicketListDto })
  list(@CurrentActor() actor: Actor, @Query() query: ListTicketsQueryDto): Promise<TicketListDto> {
    return this.lists.list(actor, query);
  }

  @Get('counts')
  @Roles('technician', 'manager', 'admin')
  @ApiOkResponse({ type: TicketCountsDto })
  counts(@CurrentActor() actor: Actor): Promise<TicketCountsDto> {
    return this.lists.counts(actor);
  }

  @Post()
  @ApiCreatedResponse({ type: TicketDetailDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateTicketDto): Promise<TicketDetailDto> {
    return this.tickets.create(actor, body);
  }

  @Post('report-phishing')
  @ApiCreatedResponse({ type: TicketDetailDto })
  reportPhishing(@CurrentActor() actor: Actor, @Body() body: ReportPhishingDto): Promise<TicketDetailDto> {
    return this.tickets.reportPhishing(actor, body.description);
  }

  @Get(':id')
  @ApiParam(ID)
  @ApiOkResponse({ type: TicketDetailDto })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<TicketDetailDto> {
    return this.tickets.get(actor, id);
  }

  @Patch(':id')
  @ApiParam(ID)
  @ApiOkResponse({ type: TicketDetailDto })
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: UpdateTicketDto): Promise<TicketDetailDto> {
    return this.tickets.update(actor, id, body);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiParam(ID)
  @ApiOkResponse({ type: TicketDetailDto })
  confirm(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<TicketDetailDto> {
    return this.tickets.confirm(actor, id);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @ApiParam(ID)
  @ApiOkResponse({ type: TicketDetailDto })
  reopen(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ReopenTicketDto): Promise<TicketDetailDto> {
    return this.tickets.reopen(actor, id, body.reason);
  }

  @Get(':id/comments')
  @ApiParam(ID)
  @ApiOkResponse({ type: CommentListDto })
  comments(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CommentListDto> {
    return this.thread.listComments(actor, id);
  }

  @Post(':id/comments')
  @ApiParam(ID)
  @ApiCreatedResponse({ type: CommentDto })
  addComment(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: CreateCommentDto): Promise<CommentDto> {
    return this.thread.addComment(actor, id, body.body, body.internal ?? false);
  }

  @Get(':id/events')
  @ApiParam(ID)
  @ApiOkResponse({ type: TicketEventListDto })
  events(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<TicketEventListDto> {
    return this.thread.listEvents(actor, id);
  }
}
