import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';

/**
 * Keeps the built-in city office-hours calendar in the city's time zone: the migration creates
 * it in America/New_York; at start-up it follows CITY_TIME_ZONE for as long as no admin has
 * edited it (an edited calendar is the admin's to keep).
 */
export async function alignBuiltIns(dataSource: DataSource, config: AppConfig): Promise<void> {
  await dataSource.query(
    `UPDATE calendars SET time_zone = $1, created_at = now(), updated_at = now()
      WHERE system_key = 'city_office_hours' AND time_zone <> $1 AND updated_at = created_at`,
    [config.cityTimeZone],
  );
}
