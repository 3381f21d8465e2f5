import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { uuidPipe } from '../../common/http/uuid.pipe.js';
import type { Actor } from '../../common/security/actor.js';
import { CurrentActor, Roles } from '../../common/security/access.decorators.js';
import {
  CreateUserDto,
  ListUsersQueryDto,
  SetTemporaryPasswordDto,
  UpdateUserDto,
  UserDto,
  UserListDto,
} from './dto/user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiCookieAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: UserListDto })
  list(@CurrentActor() actor: Actor, @Query() query: ListUsersQueryDto): Promise<UserListDto> {
    return this.users.list(actor, query);
  }

  /** Admins read anyone; others only themselves. Anything else answers 404, like a missing user. */
  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  get(@CurrentActor() actor: Actor, @Param('id', uuidPipe) id: string): Promise<UserDto> {
    return this.users.get(actor, id);
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: UserDto })
  create(@Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: UserDto })
  update(@Param('id', uuidPipe) id: string, @Body() body: UpdateUserDto): Promise<UserDto> {
    return this.users.update(id, body);
  }

  @Post(':id/temporary-password')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  setTemporaryPassword(@Param('id', uuidPipe) id: string, @Body() body: SetTemporaryPasswordDto): Promise<void> {
    return this.users.setTemporaryPassword(id, body.password);
  }
}
