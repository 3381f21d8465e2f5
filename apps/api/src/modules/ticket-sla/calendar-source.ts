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

/**
 * Every calendar's row version as a JSON object (id: xmin), as a scalar subquery a statement adds
 * to its select list, so the calendars it needs can be taken from the cache without asking again.
 */
export const CALENDAR_STAMPS_SQL = `(SELECT coalesce(json_object_agg(sc.id, sc.xmin::text), '{}') FROM calendars sc)`;

/**
 * The calendars by id, from the cache when their row versions are those cached. `known` are row
 * versions the caller read in its own statement (CALENDAR_STAMPS_SQL); without them they are asked for.
 */
export async function loadCalendars(
  manager: EntityManager,
  ids: readonly string[],
  known?: Readonly<Record<string, string>>,
): Promise<Map<string, SlaCalendar>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const stamps: { id: string; stamp: string }[] =
    known && unique.every((id) => known[id] !== undefined)
      ? unique.map((id) => ({ id, stamp: known[id]! }))
      : await manager.query(`SELECT id, xmin::text AS stamp FROM calendars WHERE id = ANY($1::uuid[])`, [unique]);
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
