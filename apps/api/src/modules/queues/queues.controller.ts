import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { uuidPipe } from '../../common/http/uuid.pipe.js';
import { Roles } from '../../common/security/access.decorators.js';
import { STAFF_ROLES } from '../users/domain/role.js';
import { CreateQueueDto, QueueDto, QueueListDto, ReplaceQueueMembersDto, UpdateQueueDto } from './dto/queue.dto.js';
import { QueuesService } from './queues.service.js';

@ApiTags('queues')
@ApiCookieAuth()
@Controller('queues')
export class QueuesController {
  constructor(private readonly queues: QueuesService) {}

  /** Staff only: requesters file into categories and never pick a queue. */
  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: QueueListDto })
  async list(): Promise<QueueListDto> {
    return { items: await this.queues.list() };
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: QueueDto })
  get(@Param('id', uuidPipe) id: string): Promise<QueueDto> {
    return this.queues.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: QueueDto })
  create(@Body() body: CreateQueueDto): Promise<QueueDto> {
    return this.queues.create(body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: QueueDto })
  update(@Param('id', uuidPipe) id: string, @Body() body: UpdateQueueDto): Promise<QueueDto> {
    return this.queues.update(id, body);
  }

  /** Replaces the whole member list (an empty list removes everyone). */
  @Put(':id/members')
  @Roles('admin')
  @ApiOkResponse({ type: QueueDto })
  replaceMembers(@Param('id', uuidPipe) id: string, @Body() body: ReplaceQueueMembersDto): Promise<QueueDto> {
    return this.queues.replaceMembers(id, body.userIds);
  }

  /** 409 queue_in_use while tickets or categories refer to the queue, and always for built-in queues. */
  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@Param('id', uuidPipe) id: string): Promise<void> {
    return this.queues.remove(id);
  }
}
