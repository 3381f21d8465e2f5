import type { EntityManager } from 'typeorm';
import type { Calendar } from '@civicdesk/sla';

interface CalendarRow {
  id: string;
  name: string;
  time_zone: string;
  windows: Calendar['windows'];
  holidays: Calendar['holidays'] | null;
}

export interface SlaCalendar extends Calendar {
  id: string;
  name: string;
}

/**
 * Calendars as the SLA clock takes them. One object per calendar row version is kept, so the
 * library's compiled form of it (cached per object) is reused across tickets. The row version is
 * PostgreSQL's `xmin`: every write to the calendar or its holidays also updates the calendar row,
 * which gives it a new `xmin` (a rolled-back write leaves the old one).
 */
const cache = new Map<string, { stamp: string; calendar: SlaCalendar }>();

export async function loadCalendars(manager: EntityManager, ids: readonly string[]): Promise<Map<string, SlaCalendar>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const stamps: { id: string; stamp: string }[] = await manager.query(
    `SELECT id, xmin::text AS stamp FROM calendars WHERE id = ANY($1::uuid[])`,
    [unique],
  );
  const found = new Map<string, SlaCalendar>();
  const missing = new Map<string, string>();
  for (const { id, stamp } of stamps) {
    const cached = cache.get(id);
    if (cached?.stamp === stamp) found.set(id, cached.calendar);
    else missing.set(id, stamp);
  }
  if (missing.size === 0) return found;
  const rows: CalendarRow[] = await manager.query(
    `SELECT c.id, c.name, c.time_zone, c.windows,
            (SELECT json_agg(json_build_object('date', to_char(h.date, 'YYYY-MM-DD'), 'name', h.name,
                                               'yearly', h.yearly, 'observed', h.observed))
               FROM calendar_holidays h WHERE h.calendar_id = c.id) AS holidays
       FROM calendars c WHERE c.id = ANY($1::uuid[])`,
    [[...missing.keys()]],
  );
  for (const row of rows) {
    const calendar: SlaCalendar = {
      id: row.id,
      name: row.name,
      timeZone: row.time_zone,
      windows: row.windows,
      holidays: row.holidays ?? [],
    };
    cache.set(row.id, { stamp: missing.get(row.id)!, calendar });
    found.set(row.id, calendar);
  }
  return found;
}
