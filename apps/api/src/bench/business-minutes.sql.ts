/**
 * The SLA clock's business minutes as tables, so a set-based INSERT can time a million tickets
 * exactly as `@civicdesk/sla` does (whole minutes, half-open windows, a target due at the end of
 * its last minute, holidays observed US-style).
 *
 * Two calendars are in play: the city's office hours (rows here) and 24×7, where every minute is a
 * business minute (plain arithmetic on epoch minutes, `bench.params.base_min`).
 *
 * - `bench.days`: one row per local day of the office calendar with the business minutes before
 *   it (`cum_before`), when its window opens and how long it is (0 on weekends and holidays);
 * - `bench.open_day`: the days that open, numbered from 0. Every one opens for the same number
 *   of minutes (checked), so business minute r (0-based) falls on open day r / length.
 *
 * With them, for an instant t: idx(t) = business minutes before t (a join on t's local day), and
 * W(r) = the start of the business minute of rank r (a join on its open day). A clock started at
 * c runs n minutes until T(idx(c) + n) where T(r) = W(r − 1) + 1 minute, the end of the r-th minute.
 */

/** Days before the history and after `t0` the tables cover: open tickets' due times and escalations lie ahead. */
export const DAYS_AHEAD = 800;

export const CREATE_BUSINESS_TABLES = `
  CREATE UNLOGGED TABLE bench.days AS
  WITH cal AS (
    SELECT c.id, c.time_zone, c.windows FROM calendars c WHERE c.system_key = 'city_office_hours'
  ),
  span AS (
    SELECT ((p.t0 AT TIME ZONE cal.time_zone)::date - p.history_days - 10) AS first_day,
           ((p.t0 AT TIME ZONE cal.time_zone)::date + ${DAYS_AHEAD}) AS last_day
      FROM bench.params p, cal
  ),
  -- Holidays as the SLA library closes them: one-off dates (moved when observed) and yearly ones
  -- on every year of the range (a Saturday observed on the Friday, a Sunday on the Monday).
  closed AS (
    SELECT CASE WHEN h.observed AND extract(dow FROM h.date) = 6 THEN h.date - 1
                WHEN h.observed AND extract(dow FROM h.date) = 0 THEN h.date + 1
                ELSE h.date END AS day
      FROM calendar_holidays h, cal WHERE h.calendar_id = cal.id AND NOT h.yearly
    UNION
    SELECT CASE WHEN h.observed AND extract(dow FROM d) = 6 THEN d - 1
                WHEN h.observed AND extract(dow FROM d) = 0 THEN d + 1
                ELSE d END
      FROM calendar_holidays h, cal, span,
           LATERAL generate_series(extract(year FROM span.first_day)::int - 1, extract(year FROM span.last_day)::int + 1) AS y,
           LATERAL (SELECT make_date(y, extract(month FROM h.date)::int, extract(day FROM h.date)::int) AS d
                     WHERE extract(month FROM h.date) <> 2 OR extract(day FROM h.date) <> 29
                        OR (y % 4 = 0 AND (y % 100 <> 0 OR y % 400 = 0))) yd
     WHERE h.calendar_id = cal.id AND h.yearly
  ),
  windows AS (
    SELECT (w->>'day')::int AS dow, (w->>'start')::time AS start_time,
           CASE WHEN w->>'end' = '24:00' THEN interval '24 hours' ELSE (w->>'end')::time - time '00:00' END AS end_offset
      FROM cal, jsonb_array_elements(cal.windows) AS w
  ),
  day_rows AS (
    SELECT d::date AS day,
           CASE WHEN w.dow IS NULL OR d::date IN (SELECT day FROM closed) THEN NULL
                ELSE ((d::date + w.start_time) AT TIME ZONE cal.time_zone) END AS open_at,
           CASE WHEN w.dow IS NULL OR d::date IN (SELECT day FROM closed) THEN 0
                ELSE (extract(epoch FROM ((d::date + w.end_offset) AT TIME ZONE cal.time_zone)
                                      - ((d::date + w.start_time) AT TIME ZONE cal.time_zone)) / 60)::int END AS len
      FROM span, cal, generate_series(span.first_day, span.last_day, interval '1 day') AS d
      LEFT JOIN windows w ON w.dow = extract(dow FROM d)::int
  )
  SELECT day, open_at, len, (sum(len) OVER (ORDER BY day) - len)::int AS cum_before FROM day_rows`;

export const INDEX_BUSINESS_TABLES = [
  `ALTER TABLE bench.days ADD PRIMARY KEY (day)`,
  `CREATE UNLOGGED TABLE bench.open_day AS
     SELECT (row_number() OVER (ORDER BY day) - 1)::int AS k, open_at FROM bench.days WHERE len > 0`,
  `ALTER TABLE bench.open_day ADD PRIMARY KEY (k)`,
  `UPDATE bench.params SET day_len = (SELECT max(len) FROM bench.days)`,
  `ANALYZE bench.days`,
  `ANALYZE bench.open_day`,
];

/**
 * The generator needs the office calendar to have one window per working day, all of one length
 * (08:00–17:00 by default; the window never spans a DST change at 02:00).
 */
export const CHECK_OFFICE_WINDOWS = `
  SELECT count(*) AS windows, count(DISTINCT w->>'day') AS days,
         count(DISTINCT ((w->>'end')::time - (w->>'start')::time)) AS lengths
    FROM calendars c, jsonb_array_elements(c.windows) AS w WHERE c.system_key = 'city_office_hours'`;
