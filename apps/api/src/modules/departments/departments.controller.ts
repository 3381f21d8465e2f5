import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/security/access.decorators.js';
import { DepartmentsService } from './departments.service.js';
import { CreateDepartmentDto, DepartmentDto, DepartmentListDto, UpdateDepartmentDto } from './dto/department.dto.js';
import { uuidPipe } from '../../common/http/uuid.pipe.js';

@ApiTags('departments')
@ApiCookieAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  /** Every signed-in user may read departments: filing a ticket names one. */
  @Get()
  @ApiOkResponse({ type: DepartmentListDto })
  async list(): Promise<DepartmentListDto> {
    return { items: await this.departments.list() };
  }

  @Get(':id')
  @ApiOkResponse({ type: DepartmentDto })
  get(@Param('id', uuidPipe) id: string): Promise<DepartmentDto> {
    return this.departments.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiOkResponse({ type: DepartmentDto })
  @HttpCode(201)
  create(@Body() body: CreateDepartmentDto): Promise<DepartmentDto> {
    return this.departments.create(body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: DepartmentDto })
  update(@Param('id', uuidPipe) id: string, @Body() body: UpdateDepartmentDto): Promise<DepartmentDto> {
    return this.departments.update(id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@Param('id', uuidPipe) id: string): Promise<void> {
    return this.departments.remove(id);
  }
}
