import { ApiProperty } from '@nestjs/swagger';
import { BACKLOG_AGE_BUCKETS, type BacklogAgeBucket } from '../domain/backlog-age.js';
import { ReportMetaDto, ReportRowKeyDto } from './report-meta.dto.js';

/**
 * A ticket is open from its creation until it is finally resolved, closed or canceled (its stored
 * resolved_at, else closed_at); a reopened ticket that is open again counts as open since creation.
 */
export class VolumeRowDto extends ReportRowKeyDto {
  @ApiProperty({ type: 'integer', description: 'Tickets created in the period (city days)' }) created: number;
  @ApiProperty({ type: 'integer', description: 'Tickets whose final resolution falls in the period' }) resolved: number;
  @ApiProperty({
    type: 'integer',
    description: 'Tickets open at the end of the period (for the last period: at the end of `to`, or now if sooner)',
  })
  openAtEnd: number;
}

export class BacklogAgeDto {
  @ApiProperty({ enum: BACKLOG_AGE_BUCKETS.map((b) => b.bucket) }) bucket: BacklogAgeBucket;
  @ApiProperty({ description: 'e.g. "3–7 days"' }) label: string;
  @ApiProperty({ type: 'integer' }) minDays: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null: no upper bound' }) maxDays: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'As in the rows' }) groupKey: string | null;
  @ApiProperty({ type: String, nullable: true }) groupName: string | null;
  @ApiProperty({ type: 'integer', description: 'Tickets open at the end of the range this many days after creation' })
  count: number;
}

export class VolumeReportDto extends ReportMetaDto {
  @ApiProperty({ format: 'date', description: 'The day backlog ages are counted on: `to`, or today if sooner' })
  asOf: string;
  @ApiProperty({ type: [VolumeRowDto], description: 'One per period and group, empty periods included' })
  rows: VolumeRowDto[];
  @ApiProperty({
    type: [BacklogAgeDto],
    description: 'Tickets open at the end of the range by age in whole city days (0 = created that day); every bucket per group',
  })
  backlogAge: BacklogAgeDto[];
}
