import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { uuidPipe } from '../../common/http/uuid.pipe.js';
import type { Actor } from '../../common/security/actor.js';
import { CurrentActor, Roles } from '../../common/security/access.decorators.js';
import { CategoriesService } from './categories.service.js';
import {
  CategoryDto,
  CategoryListDto,
  CreateCategoryDto,
  ListCategoriesQueryDto,
  UpdateCategoryDto,
} from './dto/category.dto.js';

@ApiTags('categories')
@ApiCookieAuth()
@Controller('categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  /** Every signed-in user: filing a ticket picks a category. Requesters see active ones only. */
  @Get()
  @ApiOkResponse({ type: CategoryListDto })
  async list(@CurrentActor() actor: Actor, @Query() query: ListCategoriesQueryDto): Promise<CategoryListDto> {
    return { items: await this.categories.list(actor, query) };
  }

  /** An inactive category answers 404 to a requester, like a missing one. */
  @Get(':id')
  @ApiOkResponse({ type: CategoryDto })
  get(@CurrentActor() actor: Actor, @Param('id', uuidPipe) id: string): Promise<CategoryDto> {
    return this.categories.get(actor, id);
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: CategoryDto })
  create(@Body() body: CreateCategoryDto): Promise<CategoryDto> {
    return this.categories.create(body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: CategoryDto })
  update(@Param('id', uuidPipe) id: string, @Body() body: UpdateCategoryDto): Promise<CategoryDto> {
    return this.categories.update(id, body);
  }

  /** 409 category_in_use while tickets use the category, and always for built-in categories. */
  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@Param('id', uuidPipe) id: string): Promise<void> {
    return this.categories.remove(id);
  }
}
