import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { notFound } from '../../common/errors/app-error.js';
import { uuidPipe } from '../../common/http/uuid.pipe.js';
import type { Actor } from '../../common/security/actor.js';
import { CurrentActor, Public, Roles } from '../../common/security/access.decorators.js';
import {
  CalendarFeedListDto,
  CreateCalendarFeedDto,
  CreatedCalendarFeedDto,
  MaintenanceCalendarDto,
  MaintenanceCalendarQueryDto,
} from './dto/maintenance-calendar.dto.js';
import { MaintenanceCalendarService } from './maintenance-calendar.service.js';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

@ApiTags('maintenance')
@Controller('maintenance')
export class MaintenanceCalendarController {
  constructor(private readonly calendar: MaintenanceCalendarService) {}

  @Get('calendar')
  @ApiCookieAuth()
  @Roles('technician', 'manager', 'admin')
  @ApiOkResponse({ type: MaintenanceCalendarDto })
  async list(@CurrentActor() actor: Actor, @Query() query: MaintenanceCalendarQueryDto): Promise<MaintenanceCalendarDto> {
    return { items: await this.calendar.calendar(actor, query) };
  }

  @Get('feeds')
  @ApiCookieAuth()
  @Roles('technician', 'manager', 'admin')
  @ApiOkResponse({ type: CalendarFeedListDto })
  async feeds(@CurrentActor() actor: Actor): Promise<CalendarFeedListDto> {
    return { items: await this.calendar.feeds(actor) };
  }

  @Post('feeds')
  @ApiCookieAuth()
  @Roles('technician', 'manager', 'admin')
  @ApiCreatedResponse({ type: CreatedCalendarFeedDto })
  createFeed(@CurrentActor() actor: Actor, @Body() body: CreateCalendarFeedDto): Promise<CreatedCalendarFeedDto> {
    return this.calendar.createFeed(actor, body.queueId);
  }

  @Delete('feeds/:id')
  @HttpCode(204)
  @ApiCookieAuth()
  @Roles('technician', 'manager', 'admin')
  @ApiNoContentResponse()
  revokeFeed(@CurrentActor() actor: Actor, @Param('id', uuidPipe) id: string): Promise<void> {
    return this.calendar.revokeFeed(actor, id);
  }

  /** The subscription itself: the token in the address is the only key (calendar apps send no cookies). */
  @Get('feeds/:token/calendar.ics')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ schema: { type: 'string' } })
  feed(@Param('token') token: string): Promise<string> {
    if (!TOKEN.test(token)) throw notFound('Calendar feed');
    return this.calendar.feedIcs(token);
  }
}
