import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Calendars1764400000000 implements MigrationInterface {
  name = 'Calendars1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // Business-hours calendars: an IANA zone, weekly windows [{day, start, end}] and holidays.
    await q.query(`
      CREATE TABLE calendars (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name       text NOT NULL CONSTRAINT calendars_name_check CHECK (btrim(name) <> ''),
        time_zone  text NOT NULL,
        windows    jsonb NOT NULL DEFAULT '[]',
        system_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX calendars_name_key ON calendars (lower(name))`);
    await q.query(`CREATE UNIQUE INDEX calendars_system_key_key ON calendars (system_key)`);
    await q.query(`
      CREATE TABLE calendar_holidays (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        calendar_id uuid NOT NULL CONSTRAINT calendar_holidays_calendar_id_fkey REFERENCES calendars (id) ON DELETE CASCADE,
        date        date NOT NULL,
        name        text NOT NULL CONSTRAINT calendar_holidays_name_check CHECK (btrim(name) <> ''),
        yearly      boolean NOT NULL DEFAULT false,
        observed    boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE UNIQUE INDEX calendar_holidays_calendar_date_key ON calendar_holidays (calendar_id, date)`);
    // The city's office hours, Monday to Friday 08:00-17:00: the default for every department.
    // Its zone follows CITY_TIME_ZONE at start-up until an admin edits it (see ensureCityCalendar).
    await q.query(`
      INSERT INTO calendars (name, time_zone, windows, system_key)
      VALUES ('City office hours', 'America/New_York',
              (SELECT json_agg(json_build_object('day', d, 'start', '08:00', 'end', '17:00')) FROM generate_series(1, 5) AS d)::jsonb,
              'city_office_hours')`);
    // A department works to its calendar; none means the city's office hours.
    await q.query(
      `ALTER TABLE departments ADD COLUMN calendar_id uuid CONSTRAINT departments_calendar_id_fkey REFERENCES calendars (id) ON DELETE RESTRICT`,
    );
    await q.query(`CREATE INDEX departments_calendar_id_idx ON departments (calendar_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE departments DROP COLUMN calendar_id`);
    await q.query(`DROP TABLE calendar_holidays`);
    await q.query(`DROP TABLE calendars`);
  }
}
