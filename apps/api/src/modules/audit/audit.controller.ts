import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CSV_CONTENT_TYPE, csvAttachment } from '../../common/http/csv.js';
import { Roles } from '../../common/security/access.decorators.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditedExport } from './audited-export.decorator.js';
import { AuditListDto, ListAuditQueryDto } from './dto/audit-entry.dto.js';

@ApiTags('audit')
@ApiCookieAuth()
@Roles('admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get()
  @AuditedExport({ action: 'audit.exported', onlyFormat: 'csv' })
  @ApiOperation({
    summary: 'The audit log: sign-ins, role and permission changes, exports, imports, deletions and configuration changes',
    description: 'Newest first, keyset-paginated. Admins only; other roles get 403, as on every admin route.',
  })
  @ApiExtraModels(AuditListDto)
  @ApiOkResponse({
    description: 'A page of entries; with format=csv, every matching entry as a CSV download (text/csv)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(AuditListDto) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @ApiBadRequestResponse({ description: 'A filter is not valid (details name the field)' })
  @ApiForbiddenResponse({ description: 'Not an admin' })
  async list(@Query() query: ListAuditQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuditListDto | string> {
    if (query.format !== 'csv') return this.audit.list(query);
    const { filename, body } = await this.audit.csv(query);
    void reply.header('content-type', CSV_CONTENT_TYPE).header('content-disposition', csvAttachment(filename));
    return body;
  }
}
