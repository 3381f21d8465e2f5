import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { uuidPipe } from '../../common/http/uuid.pipe.js';
import type { Actor } from '../../common/security/actor.js';
import { CurrentActor, Roles } from '../../common/security/access.decorators.js';
import { AssetsService } from './assets.service.js';
import { ASSET_CSV_COLUMNS, MAX_ASSET_CSV_ROWS } from './domain/asset-csv.js';
import { TicketListDto } from '../tickets/dto/ticket-output.dto.js';
import {
  AssetDetailDto,
  AssetDto,
  AssetImportResultDto,
  AssetListDto,
  CreateAssetDto,
  ImportAssetsQueryDto,
  ListAssetTicketsQueryDto,
  ListAssetsQueryDto,
  UpdateAssetDto,
} from './dto/asset.dto.js';

@ApiTags('assets')
@ApiCookieAuth()
@Controller('assets')
export class AssetsController {
  constructor(private readonly assets: AssetsService) {}

  /** Staff see every asset; requesters only their own department's (to pick the affected device). */
  @Get()
  @ApiOkResponse({ type: AssetListDto })
  list(@CurrentActor() actor: Actor, @Query() query: ListAssetsQueryDto): Promise<AssetListDto> {
    return this.assets.list(actor, query);
  }

  /** Lifecycle (age, replacement date) for everyone who may see the asset; cost to date for staff only. */
  @Get(':id')
  @ApiOkResponse({ type: AssetDetailDto })
  get(@CurrentActor() actor: Actor, @Param('id', uuidPipe) id: string): Promise<AssetDetailDto> {
    return this.assets.get(actor, id);
  }

  /** The tickets about the asset that the caller may see, newest first. */
  @Get(':id/tickets')
  @ApiOkResponse({ type: TicketListDto })
  tickets(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe) id: string,
    @Query() query: ListAssetTicketsQueryDto,
  ): Promise<TicketListDto> {
    return this.assets.tickets(actor, id, query);
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: AssetDto })
  create(@Body() body: CreateAssetDto): Promise<AssetDto> {
    return this.assets.create(body);
  }

  /** The body is the CSV file itself (Content-Type: text/csv, at most 5 MiB). */
  @Post('import')
  @Roles('admin')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', example: 'tag,name,type,department\nFIN-LT-0042,Dell Latitude 5450,laptop,FIN\n' },
    description:
      `CSV with a header row. Columns: ${ASSET_CSV_COLUMNS.join(', ')} (tag, name, type and department required; ` +
      `department is a department code, cost is dollars like 1234.50, dates YYYY-MM-DD, assigned_to an e-mail). ` +
      `At most ${MAX_ASSET_CSV_ROWS} rows.`,
  })
  @ApiOkResponse({ type: AssetImportResultDto, description: 'The check (dry run) or the import' })
  @ApiBadRequestResponse({
    description: 'code import_failed: nothing written; details is the list of {line, column, message}',
  })
  importCsv(@Query() query: ImportAssetsQueryDto, @Body() body: unknown): Promise<AssetImportResultDto> {
    return this.assets.importCsv(body, query.dryRun);
  }

  /** A status change (into repair, back in service, retired) is kept in the asset's status history. */
  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: AssetDto })
  update(@CurrentActor() actor: Actor, @Param('id', uuidPipe) id: string, @Body() body: UpdateAssetDto): Promise<AssetDto> {
    return this.assets.update(actor, id, body);
  }

  /** 409 asset_in_use while tickets refer to the asset: retire it instead. */
  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@Param('id', uuidPipe) id: string): Promise<void> {
    return this.assets.remove(id);
  }
}
