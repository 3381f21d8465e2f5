import type { DataSource, EntityManager } from 'typeorm';

/**
 * Today's calendar date 'YYYY-MM-DD' in the city's time zone (the built-in city office-hours
 * calendar's), for day-based rules: a rate "in the future", an asset's age. One statement.
 */
export async function cityToday(db: DataSource | EntityManager, now: Date): Promise<string> {
  const [row]: { today: string }[] = await db.query(
    `SELECT to_char(($1::timestamptz AT TIME ZONE coalesce(
              (SELECT time_zone FROM calendars WHERE system_key = 'city_office_hours'), 'UTC'))::date, 'YYYY-MM-DD') AS today`,
    [now],
  );
  return row!.today;
}
