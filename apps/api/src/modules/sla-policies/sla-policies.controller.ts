import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { uuidPipe } from '../../common/http/uuid.pipe.js';
import { CurrentActor, Roles } from '../../common/security/access.decorators.js';
import type { Actor } from '../../common/security/actor.js';
import {
  CreateSlaPolicyDto,
  SlaPolicyDetailDto,
  SlaPolicyListDto,
  SlaPolicyOrderDto,
  UpdateSlaPolicyDto,
} from './dto/sla-policy.dto.js';
import { SlaPoliciesService } from './sla-policies.service.js';

@ApiTags('sla-policies')
@ApiCookieAuth()
@Controller('sla-policies')
export class SlaPoliciesController {
  constructor(private readonly policies: SlaPoliciesService) {}

  @Get()
  @Roles('technician', 'manager', 'admin')
  @ApiOkResponse({ type: SlaPolicyListDto })
  async list(): Promise<SlaPolicyListDto> {
    return { items: await this.policies.list() };
  }

  @Put('order')
  @Roles('admin')
  @ApiOkResponse({ type: SlaPolicyListDto })
  async reorder(@Body() body: SlaPolicyOrderDto): Promise<SlaPolicyListDto> {
    return { items: await this.policies.reorder(body.ids) };
  }

  @Get(':id')
  @Roles('technician', 'manager', 'admin')
  @ApiOkResponse({ type: SlaPolicyDetailDto })
  get(@Param('id', uuidPipe) id: string): Promise<SlaPolicyDetailDto> {
    return this.policies.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: SlaPolicyDetailDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateSlaPolicyDto): Promise<SlaPolicyDetailDto> {
    return this.policies.create(actor, body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: SlaPolicyDetailDto, description: 'A new version is now current' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe) id: string,
    @Body() body: UpdateSlaPolicyDto,
  ): Promise<SlaPolicyDetailDto> {
    return this.policies.update(actor, id, body);
  }

  @Post(':id/activate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: SlaPolicyDetailDto })
  activate(@Param('id', uuidPipe) id: string): Promise<SlaPolicyDetailDto> {
    return this.policies.setActive(id, true);
  }

  @Post(':id/deactivate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: SlaPolicyDetailDto })
  deactivate(@Param('id', uuidPipe) id: string): Promise<SlaPolicyDetailDto> {
    return this.policies.setActive(id, false);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@Param('id', uuidPipe) id: string): Promise<void> {
    return this.policies.remove(id);
  }
}
