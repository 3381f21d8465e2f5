import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { uuidPipe } from '../../common/http/uuid.pipe.js';
import { Roles } from '../../common/security/access.decorators.js';
import { AuditedExport } from '../audit/audited-export.decorator.js';
import { CalendarsService } from './calendars.service.js';
import {
  CalendarDto,
  CalendarListDto,
  CreateCalendarDto,
  HolidayImportResultDto,
  HolidayInputDto,
  PublicHolidaysDto,
  UpdateCalendarDto,
} from './dto/calendar.dto.js';

@ApiTags('calendars')
@ApiCookieAuth()
@Controller('calendars')
export class CalendarsController {
  constructor(private readonly calendars: CalendarsService) {}

  @Get()
  @Roles('technician', 'manager', 'admin')
  @ApiOkResponse({ type: CalendarListDto })
  async list(): Promise<CalendarListDto> {
    return { items: await this.calendars.list() };
  }

  @Get(':id')
  @Roles('technician', 'manager', 'admin')
  @ApiOkResponse({ type: CalendarDto })
  get(@Param('id', uuidPipe) id: string): Promise<CalendarDto> {
    return this.calendars.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: CalendarDto })
  create(@Body() body: CreateCalendarDto): Promise<CalendarDto> {
    return this.calendars.create(body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: CalendarDto })
  update(@Param('id', uuidPipe) id: string, @Body() body: UpdateCalendarDto): Promise<CalendarDto> {
    return this.calendars.update(id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@Param('id', uuidPipe) id: string): Promise<void> {
    return this.calendars.remove(id);
  }

  @Post(':id/holidays')
  @Roles('admin')
  @ApiCreatedResponse({ type: CalendarDto })
  addHoliday(@Param('id', uuidPipe) id: string, @Body() body: HolidayInputDto): Promise<CalendarDto> {
    return this.calendars.addHoliday(id, body);
  }

  @Delete(':id/holidays/:holidayId')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  removeHoliday(@Param('id', uuidPipe) id: string, @Param('holidayId', uuidPipe) holidayId: string): Promise<void> {
    return this.calendars.removeHoliday(id, holidayId);
  }

  @Post(':id/holidays/import')
  @Roles('admin')
  @HttpCode(200)
  @ApiConsumes('text/calendar')
  @ApiBody({ schema: { type: 'string' }, description: 'An iCalendar (.ics) file' })
  @ApiOkResponse({ type: HolidayImportResultDto })
  importIcs(@Param('id', uuidPipe) id: string, @Body() body: unknown): Promise<HolidayImportResultDto> {
    return this.calendars.importIcs(id, typeof body === 'string' ? body : '');
  }

  @Get(':id/holidays.ics')
  @Roles('technician', 'manager', 'admin')
  @AuditedExport({ action: 'calendar.holidays_exported', targetParam: 'id' })
  @Header('content-type', 'text/calendar; charset=utf-8')
  // A download, never shown in the browser; no file name here, so the web app's (the calendar's name) is kept.
  @Header('content-disposition', 'attachment')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ schema: { type: 'string' } })
  exportIcs(@Param('id', uuidPipe) id: string): Promise<string> {
    return this.calendars.exportIcs(id);
  }

  @Post(':id/holidays/public')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: HolidayImportResultDto })
  loadPublicHolidays(@Param('id', uuidPipe) id: string, @Body() body: PublicHolidaysDto): Promise<HolidayImportResultDto> {
    return this.calendars.loadPublicHolidays(id, body);
  }
}
