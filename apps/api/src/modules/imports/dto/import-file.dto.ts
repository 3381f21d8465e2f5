import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length } from 'class-validator';
import { trim } from '../../../common/http/transforms.js';

export class UploadImportFileQueryDto {
  @ApiPropertyOptional({ maxLength: 200, example: 'incident_event_log.csv', description: 'The file name, shown with its runs' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name?: string;
}

export class ImportFileColumnDto {
  @ApiProperty() name: string;
  @ApiProperty({ type: [String], description: 'Distinct values in order of appearance (at most 50)' }) values: string[];
  @ApiProperty({ description: 'The column holds more distinct values than listed (free text, times, ids)' })
  moreValues: boolean;
}

export class ImportFileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: 'integer' }) sizeBytes: number;
  @ApiProperty({ type: 'integer', description: 'Data rows after the header' }) rowCount: number;
  @ApiProperty({ type: [ImportFileColumnDto], description: 'The header, in file order' }) columns: ImportFileColumnDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
