import { ApiProperty } from '@nestjs/swagger';
import { NamedRefDto } from '../../../common/http/named-ref.dto.js';
import { PageQueryDto } from '../../../common/http/page-query.dto.js';
import { IMPORT_RUN_STATUSES, type ImportRunStatus } from '../domain/import-run-status.js';

export class ImportRunErrorDto {
  @ApiProperty({ type: 'integer', description: 'Line in the file; the header is line 1' }) line: number;
  @ApiProperty({ nullable: true, type: String, description: 'The file’s column; null when the problem is the whole row' })
  column: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The value as written (cut at 200 characters)' })
  value: string | null;
  @ApiProperty() reason: string;
}

export class ImportRunDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: IMPORT_RUN_STATUSES }) status: ImportRunStatus;
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null once the file is cleaned up' })
  fileId: string | null;
  @ApiProperty() fileName: string;
  @ApiProperty({ type: NamedRefDto }) createdBy: NamedRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) startedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt: string | null;
  @ApiProperty({ type: 'integer', description: 'Data rows in the file' }) rowsRead: number;
  @ApiProperty({ type: 'integer', description: 'Rows replaced by a later row of the same external id' })
  rowsSuperseded: number;
  @ApiProperty({ type: 'integer', description: 'Rows that could not be read (each is in the error report)' })
  rowsSkipped: number;
  @ApiProperty({ type: 'integer', description: 'Distinct external ids: the tickets the file describes' }) ticketsFound: number;
  @ApiProperty({ type: 'integer', description: 'Tickets worked through so far (progress)' }) ticketsDone: number;
  @ApiProperty({ type: 'integer', description: 'Tickets created (a dry run: would create)' }) ticketsCreated: number;
  @ApiProperty({ type: 'integer', description: 'Tickets updated (a dry run: would update)' }) ticketsUpdated: number;
  @ApiProperty({ type: 'integer', description: 'Tickets already imported with the same facts: left alone' })
  ticketsUnchanged: number;
  @ApiProperty({ type: 'integer', description: 'Problems found (a row may have several); the report keeps the first 10,000' })
  errorCount: number;
  @ApiProperty({ type: 'integer', description: 'Last line whose ticket is committed (a failed run stopped after it)' })
  lastLine: number;
  @ApiProperty({ nullable: true, type: String, description: 'Why a failed run stopped' }) failure: string | null;
}

export class ImportRunDetailDto extends ImportRunDto {
  @ApiProperty({ type: [ImportRunErrorDto], description: 'The first problems by line (see /errors for the CSV of all kept)' })
  errors: ImportRunErrorDto[];
}

export class ImportRunListDto {
  @ApiProperty({ type: [ImportRunDto] }) items: ImportRunDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}

export class ListImportRunsQueryDto extends PageQueryDto {}
