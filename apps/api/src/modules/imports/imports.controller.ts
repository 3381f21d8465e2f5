import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { STREAMED_CSV_BODY } from '../../common/http/body-stream.js';
import { CSV_CONTENT_TYPE, csvAttachment } from '../../common/http/csv.js';
import { uuidPipe } from '../../common/http/uuid.pipe.js';
import type { Actor } from '../../common/security/actor.js';
import { CurrentActor, Roles } from '../../common/security/access.decorators.js';
import { AuditedExport } from '../audit/audited-export.decorator.js';
import { ImportFileDto, UploadImportFileQueryDto } from './dto/import-file.dto.js';
import { ImportRunDetailDto, ImportRunDto, ImportRunListDto, ListImportRunsQueryDto } from './dto/import-run.dto.js';
import { CreateTicketImportDto } from './dto/ticket-import.dto.js';
import { IMPORT_FILE_LIMIT, ImportFilesService } from './import-files.service.js';
import { ImportsService } from './imports.service.js';

/** History imports, for admins: upload a file, check or import it in the background, follow the run. */
@ApiTags('imports')
@ApiCookieAuth()
@Roles('admin')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly files: ImportFilesService,
    private readonly imports: ImportsService,
  ) {}

  /** The body is the CSV file itself, streamed into the database as it arrives (any instance can then read it). */
  @Post('files')
  @RouteConfig(STREAMED_CSV_BODY)
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string' },
    description: `A CSV file with a header row, UTF-8, at most ${IMPORT_FILE_LIMIT / 1024 / 1024} MiB`,
  })
  @ApiCreatedResponse({ type: ImportFileDto, description: 'The header and each column’s values, for the mapping' })
  @ApiBadRequestResponse({ description: 'validation_failed on field file: empty, not CSV, or a header naming a column twice' })
  @ApiPayloadTooLargeResponse({ description: 'payload_too_large' })
  upload(@CurrentActor() actor: Actor, @Query() query: UploadImportFileQueryDto, @Body() body: unknown): Promise<ImportFileDto> {
    return this.files.upload(actor, query.name ?? 'upload.csv', body);
  }

  @Get('files/:id')
  @ApiOkResponse({ type: ImportFileDto })
  async file(@Param('id', uuidPipe) id: string): Promise<ImportFileDto> {
    return this.files.require(id);
  }

  /** Queues a ticket import (or with dryRun its check) of an uploaded file; poll GET /imports/:id. */
  @Post('tickets')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ImportRunDto })
  @ApiBadRequestResponse({
    description: 'validation_failed naming the field: a column not in the file, a bad date format or time zone…',
  })
  importTickets(@CurrentActor() actor: Actor, @Body() body: CreateTicketImportDto): Promise<ImportRunDto> {
    return this.imports.createTicketImport(actor, body);
  }

  @Get()
  @ApiOkResponse({ type: ImportRunListDto })
  list(@Query() query: ListImportRunsQueryDto): Promise<ImportRunListDto> {
    return this.imports.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ImportRunDetailDto })
  get(@Param('id', uuidPipe) id: string): Promise<ImportRunDetailDto> {
    return this.imports.get(id);
  }

  /** Every problem the run kept (line, column, value, reason), for a spreadsheet. */
  @Get(':id/errors.csv')
  @AuditedExport({ action: 'import.problems_exported', targetParam: 'id' })
  @Header('content-type', CSV_CONTENT_TYPE)
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  async errorReport(@Param('id', uuidPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const report = await this.imports.errorReport(id);
    void reply.header('content-disposition', csvAttachment(report.fileName));
    return report.csv;
  }
}
