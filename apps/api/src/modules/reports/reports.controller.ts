import { applyDecorators, Controller, Get, Query, Res, type Type } from '@nestjs/common';
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
import type { Actor } from '../../common/security/actor.js';
import { CurrentActor, Roles } from '../../common/security/access.decorators.js';
import { AuditedExport } from '../audit/audited-export.decorator.js';
import { AssetRefreshReportService } from './asset-refresh-report.service.js';
import { AssetRefreshReportDto } from './dto/asset-refresh-report.dto.js';
import { PreventionReportDto } from './dto/prevention-report.dto.js';
import {
  AssetRefreshQueryDto,
  PreventionQueryDto,
  SpendQueryDto,
  TicketReportQueryDto,
  VolumeQueryDto,
  type ReportFormat,
} from './dto/report-query.dto.js';
import { ResponseTimesReportDto } from './dto/response-times-report.dto.js';
import { SlaComplianceReportDto } from './dto/sla-compliance-report.dto.js';
import { SpendReportDto } from './dto/spend-report.dto.js';
import { VolumeReportDto } from './dto/volume-report.dto.js';
import { PreventionReportService } from './prevention-report.service.js';
import {
  assetRefreshCsv,
  preventionCsv,
  responseTimesCsv,
  slaComplianceCsv,
  spendCsv,
  volumeCsv,
  type CsvExport,
} from './report-csv.js';
import { ResponseTimesReportService } from './response-times-report.service.js';
import { SlaComplianceReportService } from './sla-compliance-report.service.js';
import { SpendReportService } from './spend-report.service.js';
import { VolumeReportService } from './volume-report.service.js';

/** JSON by default; with format=csv one of the report's tables as a download. */
function ReportResponse(type: Type<unknown>): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(type),
    ApiOkResponse({
      description: 'The report as JSON; with format=csv, one of its tables as a CSV download (text/csv)',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(type) } },
        'text/csv': { schema: { type: 'string' } },
      },
    }),
    ApiBadRequestResponse({ description: 'A parameter is not valid (details name the field)' }),
  );
}

/** The report itself, or for format=csv the download of one of its tables. */
function answer<Report>(
  reply: FastifyReply,
  format: ReportFormat | undefined,
  report: Report,
  csv: (report: Report) => CsvExport,
): Report | string {
  if (format !== 'csv') return report;
  const { filename, body } = csv(report);
  void reply.header('content-type', CSV_CONTENT_TYPE).header('content-disposition', csvAttachment(filename));
  return body;
}

const MANAGERS = 'Managers and admins only; other roles get 403.';
const OPERATIONAL =
  'Managers and admins see every ticket; technicians see the tickets of the queues they belong to; requesters get 403.';

@ApiTags('reports')
@ApiCookieAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly spendReport: SpendReportService,
    private readonly responseTimesReport: ResponseTimesReportService,
    private readonly slaComplianceReport: SlaComplianceReportService,
    private readonly volumeReport: VolumeReportService,
    private readonly assetRefreshReport: AssetRefreshReportService,
    private readonly preventionReport: PreventionReportService,
  ) {}

  @Get('spend')
  @AuditedExport({ action: 'report.exported', targetId: 'spend', onlyFormat: 'csv' })
  @Roles('manager', 'admin')
  @ApiOperation({
    summary: 'Spend per period: labour and expenses, split by work class (or a group), with the proactive share',
    description: `Labour is the work logs' stored cost, by work date; expenses by the day spent. ${MANAGERS}`,
  })
  @ReportResponse(SpendReportDto)
  @ApiForbiddenResponse({ description: MANAGERS })
  async spend(
    @CurrentActor() actor: Actor,
    @Query() query: SpendQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SpendReportDto | string> {
    return answer(reply, query.format, await this.spendReport.report(actor, query), (r) => spendCsv(r, query.table));
  }

  @Get('response-times')
  @AuditedExport({ action: 'report.exported', targetId: 'response-times', onlyFormat: 'csv' })
  @Roles('technician', 'manager', 'admin')
  @ApiOperation({
    summary: 'Response and resolution times per period: count, median and p90, in business minutes and wall-clock hours',
    description:
      "Tickets are bucketed by their creation time in the city's time zone: a period's figures are those of the tickets " +
      `created in it, including their later responses and resolutions. First-resolution and final-resolution figures. ${OPERATIONAL}`,
  })
  @ReportResponse(ResponseTimesReportDto)
  @ApiForbiddenResponse({ description: 'Requesters' })
  async responseTimes(
    @CurrentActor() actor: Actor,
    @Query() query: TicketReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ResponseTimesReportDto | string> {
    return answer(reply, query.format, await this.responseTimesReport.report(actor, query), responseTimesCsv);
  }

  @Get('sla-compliance')
  @AuditedExport({ action: 'report.exported', targetId: 'sla-compliance', onlyFormat: 'csv' })
  @Roles('technician', 'manager', 'admin')
  @ApiOperation({
    summary: 'SLA compliance per period: response and resolution targets met and breached, and the rates',
    description: `Tickets are bucketed by their creation time in the city's time zone. ${OPERATIONAL}`,
  })
  @ReportResponse(SlaComplianceReportDto)
  @ApiForbiddenResponse({ description: 'Requesters' })
  async slaCompliance(
    @CurrentActor() actor: Actor,
    @Query() query: TicketReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SlaComplianceReportDto | string> {
    return answer(reply, query.format, await this.slaComplianceReport.report(actor, query), slaComplianceCsv);
  }

  @Get('volume')
  @AuditedExport({ action: 'report.exported', targetId: 'volume', onlyFormat: 'csv' })
  @Roles('technician', 'manager', 'admin')
  @ApiOperation({
    summary: 'Volume and backlog: created, resolved and open at each period end; ages of the backlog at the end of the range',
    description: `Created by creation time, resolved by final resolution time, both in the city's time zone. ${OPERATIONAL}`,
  })
  @ReportResponse(VolumeReportDto)
  @ApiForbiddenResponse({ description: 'Requesters' })
  async volume(
    @CurrentActor() actor: Actor,
    @Query() query: VolumeQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<VolumeReportDto | string> {
    return answer(reply, query.format, await this.volumeReport.report(actor, query), (r) => volumeCsv(r, query.table));
  }

  @Get('asset-refresh')
  @AuditedExport({ action: 'report.exported', targetId: 'asset-refresh', onlyFormat: 'csv' })
  @Roles('manager', 'admin')
  @ApiOperation({
    summary: 'Asset refresh forecast per fiscal year, and the assets whose repairs cost more than a share of their replacement',
    description:
      'Replacement due = purchase date + the asset’s lifecycle years; replacement cost = purchase cost. By default the ' +
      `current fiscal year and the four after it. ${MANAGERS}`,
  })
  @ReportResponse(AssetRefreshReportDto)
  @ApiForbiddenResponse({ description: MANAGERS })
  async assetRefresh(
    @CurrentActor() actor: Actor,
    @Query() query: AssetRefreshQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AssetRefreshReportDto | string> {
    return answer(reply, query.format, await this.assetRefreshReport.report(actor, query), (r) =>
      assetRefreshCsv(r, query.table),
    );
  }

  @Get('prevention')
  @AuditedExport({ action: 'report.exported', targetId: 'prevention', onlyFormat: 'csv' })
  @Roles('manager', 'admin')
  @ApiOperation({
    summary: 'Does prevention pay: proactive hours and spend against reactive incidents and cost, and spend predictability',
    description:
      'Per quarter and department by default. Spend by work date and day spent; incidents (reactive tickets) by creation ' +
      `time in the city's time zone. Predictability is over the calendar months of the range. ${MANAGERS}`,
  })
  @ReportResponse(PreventionReportDto)
  @ApiForbiddenResponse({ description: MANAGERS })
  async prevention(
    @CurrentActor() actor: Actor,
    @Query() query: PreventionQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PreventionReportDto | string> {
    return answer(reply, query.format, await this.preventionReport.report(actor, query), (r) => preventionCsv(r, query.table));
  }
}
