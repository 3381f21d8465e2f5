import type { EntityManager } from 'typeorm';
import { ALWAYS_OPEN } from '@civicdesk/sla';
import { publicHolidays } from '../../modules/calendars/domain/public-holidays.js';

/**
 * The demo city's calendars: office hours with New York State public holidays loaded (from the
 * year before the history starts to next year), the library's longer hours, and 24×7 for police
 * and fire.
 */
export async function seedDemoCalendars(
  manager: EntityManager,
  now: Date,
  departments: Map<string, string>,
  historyYears: number,
): Promise<void> {
  const [city] = await manager.query(`SELECT id, time_zone FROM calendars WHERE system_key = 'city_office_hours'`);
  const year = now.getUTCFullYear();
  const holidays = publicHolidays('US', 'NY', year - Math.ceil(historyYears) - 1, year + 1);
  const [library] = await manager.query(
    `INSERT INTO calendars (name, time_zone, windows, created_at, updated_at) VALUES ('Library hours', $1, $2, $3, $3) RETURNING id`,
    [
      city.time_zone,
      JSON.stringify([
        ...[1, 2, 3, 4].map((day) => ({ day, start: '09:00', end: '20:00' })),
        { day: 5, start: '09:00', end: '18:00' },
        { day: 6, start: '10:00', end: '17:00' },
        { day: 0, start: '12:00', end: '17:00' },
      ]),
      now,
    ],
  );
  const [allDay] = await manager.query(
    `INSERT INTO calendars (name, time_zone, windows, created_at, updated_at) VALUES ('Around the clock (24×7)', $1, $2, $3, $3) RETURNING id`,
    [city.time_zone, JSON.stringify(ALWAYS_OPEN.windows), now],
  );
  for (const calendarId of [city.id, library.id]) {
    await manager.query(
      `INSERT INTO calendar_holidays (calendar_id, date, name, yearly, observed)
       SELECT $1, h.date, h.name, h.yearly, h.observed FROM json_to_recordset($2::json) AS h(date date, name text, yearly boolean, observed boolean)
       ON CONFLICT DO NOTHING`,
      [calendarId, JSON.stringify(holidays)],
    );
  }
  await manager.query(`UPDATE departments SET calendar_id = $1 WHERE id = ANY($2)`, [
    allDay.id,
    [departments.get('PD'), departments.get('FD')],
  ]);
  await manager.query(`UPDATE departments SET calendar_id = $1 WHERE id = $2`, [library.id, departments.get('LIB')]);
}
