import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { uuidPipe } from '../../common/http/uuid.pipe.js';
import type { Actor } from '../../common/security/actor.js';
import { CurrentActor, Roles } from '../../common/security/access.decorators.js';
import { CreateRateDto, ListRatesQueryDto, RateDto, RateListDto } from './dto/rate.dto.js';
import { RatesService } from './rates.service.js';

@ApiTags('rates')
@ApiCookieAuth()
@Controller('rates')
export class RatesController {
  constructor(private readonly rates: RatesService) {}

  @Get()
  @Roles('manager', 'admin')
  @ApiOkResponse({ type: RateListDto })
  list(@Query() query: ListRatesQueryDto): Promise<RateListDto> {
    return this.rates.list(query);
  }

  /** A personal rate (userId) or a role default (role), from a day on. 409 when one already starts that day. */
  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: RateDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateRateDto): Promise<RateDto> {
    return this.rates.create(actor, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'The rate is or was in force: only a future rate may be deleted' })
  remove(@Param('id', uuidPipe) id: string): Promise<void> {
    return this.rates.remove(id);
  }
}
