import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { Public } from '../../common/security/access.decorators.js';

export class HealthDto {
  @ApiProperty({ example: 'ok' }) status: string;
}

export class ReadyDto {
  @ApiProperty() ready: boolean;
  @ApiProperty() database: boolean;
  @ApiProperty() migrations: boolean;
}

@ApiTags('health')
@Controller()
@Public()
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The process is up (liveness). Touches nothing else. */
  @Get('health')
  @ApiOkResponse({ type: HealthDto })
  health(): HealthDto {
    return { status: 'ok' };
  }

  /** The database answers and every migration is applied (readiness); 503 otherwise. */
  @Get('ready')
  @HttpCode(200)
  @ApiOkResponse({ type: ReadyDto })
  @ApiServiceUnavailableResponse({ type: ReadyDto })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadyDto> {
    let database = false;
    let migrations = false;
    try {
      await this.dataSource.query('SELECT 1');
      database = true;
      migrations = !(await this.dataSource.showMigrations());
    } catch {
      // reported as not ready below
    }
    const ready = database && migrations;
    if (!ready) void reply.status(503);
    return { ready, database, migrations };
  }
}
