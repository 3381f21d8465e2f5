import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { uuidPipe } from '../../common/http/uuid.pipe.js';
import type { Actor } from '../../common/security/actor.js';
import { CurrentActor, Roles } from '../../common/security/access.decorators.js';
import {
  CreateMaintenancePlanDto,
  MaintenancePlanDto,
  MaintenancePlanListDto,
  MaintenancePreviewDto,
  PreviewQueryDto,
  UpdateMaintenancePlanDto,
} from './dto/maintenance-plan.dto.js';
import { MaintenancePlansService } from './maintenance-plans.service.js';

@ApiTags('maintenance')
@ApiCookieAuth()
@Controller('maintenance-plans')
@Roles('technician', 'manager', 'admin')
export class MaintenancePlansController {
  constructor(private readonly plans: MaintenancePlansService) {}

  @Get()
  @ApiOkResponse({ type: MaintenancePlanListDto })
  async list(): Promise<MaintenancePlanListDto> {
    return { items: await this.plans.list() };
  }

  @Post()
  @Roles('manager', 'admin')
  @ApiCreatedResponse({ type: MaintenancePlanDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateMaintenancePlanDto): Promise<MaintenancePlanDto> {
    return this.plans.create(actor, body);
  }

  /** The next occurrences of a plan being edited, before it is saved. */
  @Post('preview')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @ApiOkResponse({ type: MaintenancePreviewDto })
  previewDraft(@Body() body: CreateMaintenancePlanDto, @Query() query: PreviewQueryDto): Promise<MaintenancePreviewDto> {
    return this.plans.previewDraft(body, query.count ?? 10);
  }

  @Get(':id')
  @ApiOkResponse({ type: MaintenancePlanDto })
  get(@Param('id', uuidPipe) id: string): Promise<MaintenancePlanDto> {
    return this.plans.get(id);
  }

  @Get(':id/preview')
  @ApiOkResponse({ type: MaintenancePreviewDto })
  preview(@Param('id', uuidPipe) id: string, @Query() query: PreviewQueryDto): Promise<MaintenancePreviewDto> {
    return this.plans.preview(id, query.count ?? 10);
  }

  @Patch(':id')
  @Roles('manager', 'admin')
  @ApiOkResponse({ type: MaintenancePlanDto })
  update(@Param('id', uuidPipe) id: string, @Body() body: UpdateMaintenancePlanDto): Promise<MaintenancePlanDto> {
    return this.plans.update(id, body);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @ApiOkResponse({ type: MaintenancePlanDto })
  pause(@Param('id', uuidPipe) id: string): Promise<MaintenancePlanDto> {
    return this.plans.setActive(id, false);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @ApiOkResponse({ type: MaintenancePlanDto })
  resume(@Param('id', uuidPipe) id: string): Promise<MaintenancePlanDto> {
    return this.plans.setActive(id, true);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('manager', 'admin')
  @ApiNoContentResponse()
  remove(@Param('id', uuidPipe) id: string): Promise<void> {
    return this.plans.remove(id);
  }
}
