import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { validateCalendar, type WeeklyWindow } from '@civicdesk/sla';
import { AppError, notFound, validationFailed, type FieldError } from '../../common/errors/app-error.js';
import { uniqueViolation } from '../../common/db/unique-violation.js';
import { Clock } from '../../common/time/clock.js';
import { AuditLog } from '../audit/audit-log.service.js';
import type { AuditDetail } from '../audit/domain/audit-detail.js';
import { TicketSlaService } from '../ticket-sla/ticket-sla.service.js';
import { holidaysToIcs, parseHolidayIcs, type HolidayInput } from './domain/holiday-ics.js';
import { knownRegion, publicHolidays } from './domain/public-holidays.js';
import type {
  CalendarDto,
  CreateCalendarDto,
  HolidayDto,
  HolidayImportResultDto,
  HolidayInputDto,
  PublicHolidaysDto,
  UpdateCalendarDto,
} from './dto/calendar.dto.js';

interface CalendarRow {
  id: string;
  name: string;
  time_zone: string;
  windows: CalendarDto['windows'];
  system_key: string | null;
  departments: number;
  holidays: HolidayDto[] | null;
}

const SELECT_CALENDARS = `
  SELECT c.id, c.name, c.time_zone, c.windows, c.system_key,
         (SELECT count(*)::int FROM departments d WHERE d.calendar_id = c.id) AS departments,
         (SELECT json_agg(json_build_object('id', h.id, 'date', to_char(h.date, 'YYYY-MM-DD'), 'name', h.name,
                                            'yearly', h.yearly, 'observed', h.observed) ORDER BY h.date)
            FROM calendar_holidays h WHERE h.calendar_id = c.id) AS holidays
    FROM calendars c`;

@Injectable()
export class CalendarsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly sla: TicketSlaService,
    private readonly audit: AuditLog,
  ) {}

  /** Every calendar with its holidays, in one statement. */
  async list(): Promise<CalendarDto[]> {
    const rows: CalendarRow[] = await this.dataSource.query(`${SELECT_CALENDARS} ORDER BY lower(c.name)`);
    return rows.map(toDto);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<CalendarDto> {
    const [row]: CalendarRow[] = await manager.query(`${SELECT_CALENDARS} WHERE c.id = $1`, [id]);
    if (!row) throw notFound('Calendar');
    return toDto(row);
  }

  async create(input: CreateCalendarDto): Promise<CalendarDto> {
    assertCalendarShape(input);
    const now = this.clock.now();
    const id = await this.unique(() =>
      this.dataSource.transaction(async (manager) => {
        const [row]: { id: string }[] = await manager.query(
          `INSERT INTO calendars (name, time_zone, windows, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id`,
          [input.name, input.timeZone, JSON.stringify(input.windows), now],
        );
        await this.audit.record(manager, {
          action: 'calendar.created',
          targetId: row!.id,
          detail: { name: input.name, timeZone: input.timeZone },
        });
        return row!.id;
      }),
    );
    return this.get(id);
  }

  async update(id: string, input: UpdateCalendarDto): Promise<CalendarDto> {
    const current = await this.get(id);
    assertCalendarShape(input, current);
    const next = {
      name: input.name ?? current.name,
      timeZone: input.timeZone ?? current.timeZone,
      windows: input.windows ?? current.windows,
    };
    await this.unique(() =>
      this.change(id, async (manager) => {
        await manager.query(`UPDATE calendars SET name = $2, time_zone = $3, windows = $4 WHERE id = $1`, [
          id,
          next.name,
          next.timeZone,
          JSON.stringify(next.windows),
        ]);
        const changes: Record<string, AuditDetail> = {};
        if (next.name !== current.name) changes.name = { from: current.name, to: next.name };
        if (next.timeZone !== current.timeZone) changes.timeZone = { from: current.timeZone, to: next.timeZone };
        if (JSON.stringify(next.windows) !== JSON.stringify(current.windows)) {
          changes.windows = { from: toAuditValue(current.windows), to: toAuditValue(next.windows) };
        }
        if (Object.keys(changes).length > 0) {
          await this.audit.record(manager, { action: 'calendar.updated', targetId: id, detail: changes });
        }
      }),
    );
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    const calendar = await this.get(id);
    if (calendar.systemKey) throw new AppError('conflict', "The city's default calendar cannot be deleted");
    if (calendar.departments > 0) {
      throw new AppError('conflict', `${calendar.departments} department(s) work to this calendar; move them first`, {
        departments: calendar.departments,
      });
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM calendars WHERE id = $1`, [id]);
      await this.audit.record(manager, { action: 'calendar.deleted', targetId: id, detail: { name: calendar.name } });
    });
  }

  async addHoliday(calendarId: string, input: HolidayInputDto): Promise<CalendarDto> {
    await this.get(calendarId);
    const result = await this.insertHolidays(
      calendarId,
      [{ date: input.date, name: input.name, yearly: input.yearly ?? false, observed: input.observed ?? false }],
      'calendar.holiday_added',
      { date: input.date, name: input.name },
    );
    if (result.added === 0) throw new AppError('conflict', `The calendar already has a holiday on ${input.date}`);
    return this.get(calendarId);
  }

  async removeHoliday(calendarId: string, holidayId: string): Promise<void> {
    await this.change(calendarId, async (manager) => {
      const [deleted]: [{ date: string; name: string }[], number] = await manager.query(
        `DELETE FROM calendar_holidays WHERE id = $1 AND calendar_id = $2 RETURNING to_char(date, 'YYYY-MM-DD') AS date, name`,
        [holidayId, calendarId],
      );
      const holiday = deleted[0];
      if (!holiday) throw notFound('Holiday');
      await this.audit.record(manager, {
        action: 'calendar.holiday_deleted',
        targetId: calendarId,
        detail: { holidayId, date: holiday.date, name: holiday.name },
      });
    });
  }

  /** Holidays from an .ics file; dates the calendar already has are kept as they are. */
  async importIcs(calendarId: string, ics: string): Promise<HolidayImportResultDto> {
    await this.get(calendarId);
    let holidays: HolidayInput[];
    try {
      holidays = parseHolidayIcs(ics);
    } catch (error) {
      throw validationFailed([{ field: 'body', messages: [(error as Error).message] }]);
    }
    if (holidays.length > 5000) throw validationFailed([{ field: 'body', messages: ['at most 5000 holidays per file'] }]);
    return this.insertHolidays(calendarId, holidays, 'calendar.holidays_imported', { inFile: holidays.length });
  }

  async exportIcs(calendarId: string): Promise<string> {
    const calendar = await this.get(calendarId);
    return holidaysToIcs(calendar.name, calendar.holidays, this.clock.now());
  }

  /** A country's (and state's) public holidays over a range of years, from the date-holidays package. */
  async loadPublicHolidays(calendarId: string, input: PublicHolidaysDto): Promise<HolidayImportResultDto> {
    await this.get(calendarId);
    if (input.toYear < input.fromYear || input.toYear - input.fromYear > 10) {
      throw validationFailed([{ field: 'toYear', messages: ['toYear must be from fromYear to fromYear + 10'] }]);
    }
    const known = knownRegion(input.country, input.state);
    if (!known.country) throw validationFailed([{ field: 'country', messages: ['unknown country'] }]);
    if (!known.state) throw validationFailed([{ field: 'state', messages: [`unknown state of ${input.country}`] }]);
    const holidays = publicHolidays(input.country, input.state, input.fromYear, input.toYear);
    return this.insertHolidays(calendarId, holidays, 'calendar.public_holidays_loaded', {
      country: input.country,
      state: input.state ?? null,
      fromYear: input.fromYear,
      toYear: input.toYear,
    });
  }

  /** Adds holidays the calendar does not have yet; audited when any was added (otherwise nothing changed). */
  private async insertHolidays(
    calendarId: string,
    holidays: readonly HolidayInput[],
    action: 'calendar.holiday_added' | 'calendar.holidays_imported' | 'calendar.public_holidays_loaded',
    detail: AuditDetail,
  ): Promise<HolidayImportResultDto> {
    if (holidays.length === 0) return { added: 0, skipped: 0 };
    const added = await this.change(calendarId, async (manager) => {
      const rows: unknown[] = await manager.query(
        `INSERT INTO calendar_holidays (calendar_id, date, name, yearly, observed)
         SELECT $1, h.date, h.name, h.yearly, h.observed
           FROM json_to_recordset($2::json) AS h(date date, name text, yearly boolean, observed boolean)
         ON CONFLICT (calendar_id, date) DO NOTHING
         RETURNING id`,
        [calendarId, JSON.stringify(holidays)],
      );
      if (rows.length > 0) {
        await this.audit.record(manager, {
          action,
          targetId: calendarId,
          detail: { ...detail, added: rows.length, skipped: holidays.length - rows.length },
        });
      }
      return rows.length;
    });
    return { added, skipped: holidays.length - added };
  }

  /**
   * A change to a calendar or its holidays, in one transaction with its consequence: the open
   * tickets timed on the calendar get their due times recomputed (brief rule 7, e.g. a snow-day
   * closure). Touching the calendar row also gives it a new row version for the clock's cache.
   */
  private async change<T>(calendarId: string, write: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const result = await write(manager);
      const now = this.clock.now();
      await manager.query(`UPDATE calendars SET updated_at = $2 WHERE id = $1`, [calendarId, now]);
      await this.sla.refreshOpenOnCalendar(manager, calendarId, now);
      return result;
    });
  }

  private async unique<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (uniqueViolation(error) === 'calendars_name_key') throw new AppError('conflict', 'Another calendar has this name');
      throw error;
    }
  }
}

/** The SLA library's own calendar check, so the API stores only calendars the clock can run on. */
function assertCalendarShape(input: UpdateCalendarDto, current?: CalendarDto): void {
  const timeZone = input.timeZone ?? current?.timeZone ?? 'UTC';
  const windows = (input.windows ?? current?.windows ?? []) as WeeklyWindow[];
  const problems = validateCalendar({ timeZone, windows, holidays: [] });
  if (problems.length === 0) return;
  const errors: FieldError[] = [];
  const zone = problems.filter((p) => /zone/i.test(p));
  const rest = problems.filter((p) => !/zone/i.test(p));
  if (zone.length) errors.push({ field: 'timeZone', messages: zone });
  if (rest.length) errors.push({ field: 'windows', messages: rest });
  throw validationFailed(errors);
}

/** Plain JSON of a DTO value, for an audit detail. */
function toAuditValue(value: unknown): AuditDetail[string] {
  return JSON.parse(JSON.stringify(value)) as AuditDetail[string];
}

function toDto(row: CalendarRow): CalendarDto {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    windows: row.windows,
    holidays: row.holidays ?? [],
    systemKey: row.system_key,
    departments: row.departments,
  };
}
