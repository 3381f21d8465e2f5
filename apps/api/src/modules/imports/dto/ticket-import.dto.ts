import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { trim } from '../../../common/http/transforms.js';
import { IsNullable } from '../../../common/http/validators.js';
import {
  IMPACTS,
  PRIORITIES,
  TICKET_KINDS,
  TICKET_STATUSES,
  URGENCIES,
  type Impact,
  type Priority,
  type TicketKind,
  type TicketStatus,
  type Urgency,
} from '../../tickets/domain/ticket-vocabulary.js';
import {
  ORG_MATCHES,
  PEOPLE_MATCHES,
  type OrgMatch,
  type PeopleMatch,
  type TicketImportColumns,
  type TicketImportDefaults,
  type TicketImportMatching,
  type TicketImportUnmatched,
  type TicketImportValueMaps,
} from '../domain/ticket-import-options.js';

const MAX_MAP_ENTRIES = 1000;
const MAX_SOURCE_VALUE = 200;

/** class-validator: an object from source values (text) to values of `allowed`. */
function IsValueMap(allowed: readonly string[], options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isValueMap',
      validator: {
        validate: (value) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= MAX_MAP_ENTRIES &&
          Object.entries(value).every(([k, v]) => k.length <= MAX_SOURCE_VALUE && typeof v === 'string' && allowed.includes(v)),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must map source values (at most ${MAX_MAP_ENTRIES}) to one of ${allowed.join(', ')}`,
      },
    },
    options,
  );
}

const column = (description: string) =>
  function decorate(target: object, property: string): void {
    ApiPropertyOptional({ description, maxLength: 200 })(target, property);
    IsOptional()(target, property);
    IsString()(target, property);
    Length(1, 200)(target, property);
  };

/** The file's column for each CivicDesk field (its header text, exactly); leave out what the file lacks. */
export class TicketImportColumnsDto implements TicketImportColumns {
  @column('Required: the id in the old helpdesk; a later row with the same id updates the ticket')
  externalId?: string;
  @column('The number people knew the ticket by (kept in its description and trail)') number?: string;
  @column('Left out: "Imported ticket <number>"') title?: string;
  @column('incident, service_request or maintenance, through valueMaps.kind') kind?: string;
  @column('Where the ticket stands, through valueMaps.status: open statuses ignore resolved/closed times') status?: string;
  @column('P1–P4 through valueMaps.priority') priority?: string;
  @column('Through valueMaps.impact; with urgency, gives the priority when no priority column is mapped') impact?: string;
  @column('Through valueMaps.urgency') urgency?: string;
  @column('Matched by matching.department') department?: string;
  @column('Matched by matching.category') category?: string;
  @column('Matched by matching.queue; left out, the category’s queue or the default queue') queue?: string;
  @column('Matched by matching.people') requester?: string;
  @column('Matched by matching.people; must be IT staff') assignee?: string;
  @column('Required: when the ticket was opened, in dateFormat') openedAt?: string;
  @column('The first staff response') firstResponseAt?: string;
  @column('The (final) resolution') resolvedAt?: string;
  @column('When it was closed') closedAt?: string;
  @column('Whole minutes of labour, logged for the assignee (or worker) on the resolution day') labourMinutes?: string;
  @column('The recorded cost of that labour, in dollars like 1234.50; left out, the rate of the day prices it') cost?: string;
}

export class TicketImportValueMapsDto implements TicketImportValueMaps {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...PRIORITIES] },
    example: { '1 - Critical': 'P1' },
  })
  @IsOptional()
  @IsValueMap(PRIORITIES)
  priority?: Record<string, Priority>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string', enum: [...IMPACTS] } })
  @IsOptional()
  @IsValueMap(IMPACTS)
  impact?: Record<string, Impact>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string', enum: [...URGENCIES] } })
  @IsOptional()
  @IsValueMap(URGENCIES)
  urgency?: Record<string, Urgency>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...TICKET_STATUSES] },
    example: { Closed: 'closed' },
  })
  @IsOptional()
  @IsValueMap(TICKET_STATUSES)
  status?: Record<string, TicketStatus>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string', enum: [...TICKET_KINDS] } })
  @IsOptional()
  @IsValueMap(TICKET_KINDS)
  kind?: Record<string, TicketKind>;
}

export class TicketImportMatchingDto implements Partial<TicketImportMatching> {
  @ApiPropertyOptional({ enum: ORG_MATCHES, default: 'name' }) @IsOptional() @IsIn(ORG_MATCHES) department?: OrgMatch;
  @ApiPropertyOptional({ enum: ORG_MATCHES, default: 'name', description: 'code: the category’s system key' })
  @IsOptional()
  @IsIn(ORG_MATCHES)
  category?: OrgMatch;
  @ApiPropertyOptional({ enum: ORG_MATCHES, default: 'name', description: 'code: the queue’s system key' })
  @IsOptional()
  @IsIn(ORG_MATCHES)
  queue?: OrgMatch;
  @ApiPropertyOptional({ enum: PEOPLE_MATCHES, default: 'email' }) @IsOptional() @IsIn(PEOPLE_MATCHES) people?: PeopleMatch;
}

const DEFAULT_OR_REPORT = ['default', 'report'] as const;
const NONE_OR_REPORT = ['none', 'report'] as const;

export class TicketImportUnmatchedDto implements Partial<TicketImportUnmatched> {
  @ApiPropertyOptional({ enum: DEFAULT_OR_REPORT, default: 'default' })
  @IsOptional()
  @IsIn(DEFAULT_OR_REPORT)
  department?: 'default' | 'report';
  @ApiPropertyOptional({ enum: DEFAULT_OR_REPORT, default: 'default' })
  @IsOptional()
  @IsIn(DEFAULT_OR_REPORT)
  queue?: 'default' | 'report';
  @ApiPropertyOptional({ enum: DEFAULT_OR_REPORT, default: 'default' })
  @IsOptional()
  @IsIn(DEFAULT_OR_REPORT)
  requester?: 'default' | 'report';
  @ApiPropertyOptional({ enum: NONE_OR_REPORT, default: 'none' }) @IsOptional() @IsIn(NONE_OR_REPORT) category?:
    'none' | 'report';
  @ApiPropertyOptional({ enum: NONE_OR_REPORT, default: 'none' }) @IsOptional() @IsIn(NONE_OR_REPORT) assignee?:
    'none' | 'report';
}

export class TicketImportDefaultsDto implements Partial<TicketImportDefaults> {
  @ApiProperty({ format: 'uuid', description: 'For rows without a department (or an unmatched one)' })
  @IsUUID()
  departmentId: string;

  @ApiProperty({ format: 'uuid', description: 'For rows without a queue and a category that routes them' })
  @IsUUID()
  queueId: string;

  @ApiProperty({ format: 'uuid', description: 'For rows without a requester (or an unmatched one)' })
  @IsUUID()
  requesterId: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) @IsNullable() @IsUUID() categoryId?: string | null;

  @ApiPropertyOptional({ enum: TICKET_KINDS, default: 'incident' }) @IsOptional() @IsIn(TICKET_KINDS) kind?: TicketKind;

  @ApiPropertyOptional({ enum: PRIORITIES, nullable: true, description: 'For rows without a priority' })
  @IsNullable()
  @IsIn(PRIORITIES)
  priority?: Priority | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Staff credited with the work on tickets nobody was assigned; the importing admin when left out',
  })
  @IsNullable()
  @IsUUID()
  workerId?: string | null;
}

export class CreateTicketImportDto {
  @ApiProperty({ format: 'uuid', description: 'A file uploaded with POST /api/imports/files' })
  @IsUUID()
  fileId: string;

  @ApiProperty({ description: 'true reads and checks every row and writes no ticket' })
  @IsBoolean()
  dryRun: boolean;

  @ApiProperty({ type: TicketImportColumnsDto })
  @ValidateNested()
  @Type(() => TicketImportColumnsDto)
  columns: TicketImportColumnsDto;

  @ApiProperty({ example: 'd/M/yyyy H:mm', description: 'Unicode date pattern of the file’s times (luxon tokens), or ISO' })
  @Transform(trim)
  @IsString()
  @Length(1, 64)
  dateFormat: string;

  @ApiProperty({ example: 'America/Sao_Paulo', description: 'IANA time zone the file’s times are in' })
  @Transform(trim)
  @IsString()
  @Length(1, 64)
  timeZone: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['?'],
    description: 'Cell values meaning "no value"; an empty cell always does',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  missingValues?: string[];

  @ApiPropertyOptional({ type: TicketImportValueMapsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TicketImportValueMapsDto)
  valueMaps?: TicketImportValueMapsDto;

  @ApiPropertyOptional({ type: TicketImportMatchingDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TicketImportMatchingDto)
  matching?: TicketImportMatchingDto;

  @ApiPropertyOptional({ type: TicketImportUnmatchedDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TicketImportUnmatchedDto)
  unmatched?: TicketImportUnmatchedDto;

  @ApiProperty({ type: TicketImportDefaultsDto })
  @ValidateNested()
  @Type(() => TicketImportDefaultsDto)
  defaults: TicketImportDefaultsDto;
}
