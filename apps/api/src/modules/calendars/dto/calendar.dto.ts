import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { trim } from '../../../common/http/transforms.js';
import { IsCalendarDate } from '../../../common/http/validators.js';

export class WeeklyWindowDto {
  @ApiProperty({ minimum: 0, maximum: 6, description: '0 = Sunday … 6 = Saturday' })
  @IsInt()
  @Min(0)
  @Max(6)
  day: number;

  @ApiProperty({ example: '08:00' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'start must be HH:MM' })
  start: string;

  @ApiProperty({ example: '17:00', description: 'HH:MM, or 24:00 for midnight at the end of the day' })
  @Matches(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'end must be HH:MM or 24:00' })
  end: string;
}

export class CreateCalendarDto {
  @ApiProperty({ example: 'Library hours', maxLength: 120 })
  @Transform(trim)
  @IsString()
  @Length(1, 120)
  name: string;

  @ApiProperty({ example: 'America/New_York', description: 'IANA time zone' })
  @IsString()
  @Length(1, 64)
  timeZone: string;

  @ApiProperty({ type: [WeeklyWindowDto], description: 'Several windows per day allowed; none overlapping' })
  @IsArray()
  @ArrayMaxSize(70)
  @ValidateNested({ each: true })
  @Type(() => WeeklyWindowDto)
  windows: WeeklyWindowDto[];
}

export class UpdateCalendarDto extends PartialType(CreateCalendarDto) {}

export class HolidayInputDto {
  @ApiProperty({ format: 'date', example: '2026-07-04' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: 'Independence Day', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ default: false, description: 'Same month and day every year' })
  @IsOptional()
  @IsBoolean()
  yearly?: boolean;

  @ApiPropertyOptional({ default: false, description: 'US-style: on a Saturday observed Friday, on a Sunday observed Monday' })
  @IsOptional()
  @IsBoolean()
  observed?: boolean;
}

export class PublicHolidaysDto {
  @ApiProperty({ example: 'US', description: 'ISO 3166-1 country code' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter country code' })
  country: string;

  @ApiPropertyOptional({ example: 'NY', description: 'State or region code' })
  @IsOptional()
  @Matches(/^[A-Z0-9]{1,3}$/, { message: 'state must be a state or region code' })
  state?: string;

  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  fromYear: number;

  @ApiProperty({ example: 2028 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  toYear: number;
}

export class HolidayDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty() name: string;
  @ApiProperty() yearly: boolean;
  @ApiProperty() observed: boolean;
}

export class CalendarDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ type: [WeeklyWindowDto] }) windows: WeeklyWindowDto[];
  @ApiProperty({ type: [HolidayDto] }) holidays: HolidayDto[];
  @ApiProperty({ nullable: true, type: String, description: "'city_office_hours' for the city's default" }) systemKey:
    string | null;
  @ApiProperty({ description: 'Departments working to this calendar' }) departments: number;
}

export class CalendarListDto {
  @ApiProperty({ type: [CalendarDto] }) items: CalendarDto[];
}

export class HolidayImportResultDto {
  @ApiProperty({ description: 'Holidays added' }) added: number;
  @ApiProperty({ description: 'Dates the calendar already had, left as they were' }) skipped: number;
}
