import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A cache of the response-times report's figures per period, kept exact by invalidation.
 *
 * Medians and p90s cannot be added up from rollups: the report sorts the tickets of every period
 * (six percentile_cont aggregates over 600,000 tickets for three years at 1M tickets: 2.8 s). But
 * a period's figures change only when a ticket created in it changes what the report measures,
 * and most periods of a three-year report are long past. So the figures of each period are kept
 * with the snapshot they were read in, and a period is stale once a change to a ticket created in
 * it has committed that this snapshot did not see:
 *
 * - report_times_changes: a row per city day of creation of the tickets inserted, deleted, or
 *   updated in a column the report measures or groups by, with the writing transaction's id. The
 *   triggers write it in the transaction of the change, however it is made.
 * - report_times_cache: per time zone, dimension and period (its first and last day), the facts
 *   of every group and the snapshot they were read in. A row answers while no change row in its
 *   days has an id its snapshot does not show as committed: a change still in progress is not
 *   seen by the reader either, and it makes the row stale the moment it commits.
 * - report_times_horizon: change rows with ids below it are pruned (every cache row's snapshot
 *   sees them). A reader may only store figures read in a snapshot whose oldest running id is at
 *   or past it, so a change pruned while a slow reader ran can never be missing from its figures.
 *
 * The report-rollups job drops stale rows, moves the snapshots of rows still valid forward, and
 * prunes the change rows. A change of the city's zone cuts days differently: it empties the cache
 * and moves the horizon to its own transaction.
 */

/** The columns the report reads: what it measures and what it groups or filters by. */
const WATCHED = [
  'created_at',
  'first_response_at',
  'first_response_minutes',
  'first_resolved_at',
  'first_resolution_minutes',
  'resolved_at',
  'resolution_minutes',
  'work_class',
  'priority',
  'department_id',
  'category_id',
  'queue_id',
  'kind',
];

const ZONE = `(SELECT time_zone FROM report_rollup_zone)`;

export class ResponseTimesCache1765800000000 implements MigrationInterface {
  name = 'ResponseTimesCache1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE report_times_changes (day date NOT NULL, xid xid8 NOT NULL DEFAULT pg_current_xact_id())`);
    await q.query(`CREATE INDEX report_times_changes_day_idx ON report_times_changes (day)`);
    await q.query(`
      CREATE TABLE report_times_cache (
        zone        text NOT NULL,
        dim         report_dim NOT NULL,
        period_from date NOT NULL,
        period_to   date NOT NULL,
        snapshot    pg_snapshot NOT NULL,
        facts       jsonb NOT NULL,
        computed_at timestamptz NOT NULL,
        PRIMARY KEY (zone, dim, period_from, period_to)
      )`);
    await q.query(
      `CREATE TABLE report_times_horizon (one boolean PRIMARY KEY DEFAULT true CONSTRAINT report_times_horizon_one_check CHECK (one),
                                          horizon xid8 NOT NULL)`,
    );
    await q.query(`INSERT INTO report_times_horizon (horizon) VALUES (pg_current_xact_id())`);

    for (const [event, verb, rows] of [
      ['inserted', 'INSERT', 'new_rows'],
      ['deleted', 'DELETE', 'old_rows'],
    ] as const) {
      await q.query(`
        CREATE FUNCTION report_times_tickets_${event}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO report_times_changes (day) SELECT DISTINCT (t.created_at AT TIME ZONE ${ZONE})::date FROM ${rows} t;
          RETURN NULL;
        END $$`);
      await q.query(`
        CREATE TRIGGER report_times_tickets_${event} AFTER ${verb} ON tickets
        REFERENCING ${verb === 'INSERT' ? 'NEW' : 'OLD'} TABLE AS ${rows}
        FOR EACH STATEMENT EXECUTE FUNCTION report_times_tickets_${event}()`);
    }
    await q.query(`
      CREATE FUNCTION report_times_ticket_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE zone text := ${ZONE};
      BEGIN
        INSERT INTO report_times_changes (day)
        SELECT DISTINCT d FROM (VALUES ((OLD.created_at AT TIME ZONE zone)::date), ((NEW.created_at AT TIME ZONE zone)::date)) v(d);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER report_times_ticket_updated AFTER UPDATE ON tickets FOR EACH ROW
      WHEN ((${WATCHED.map((c) => `OLD.${c}`).join(', ')}) IS DISTINCT FROM (${WATCHED.map((c) => `NEW.${c}`).join(', ')}))
      EXECUTE FUNCTION report_times_ticket_updated()`);

    // A new city zone: days are cut differently, so nothing cached (or being cached) stands.
    await q.query(`
      CREATE FUNCTION report_times_rezone() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM report_times_cache;
        UPDATE report_times_horizon SET horizon = pg_current_xact_id();
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER report_times_rezone AFTER UPDATE OF time_zone ON calendars FOR EACH ROW
      WHEN (NEW.system_key = 'city_office_hours' AND OLD.time_zone IS DISTINCT FROM NEW.time_zone)
      EXECUTE FUNCTION report_times_rezone()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER report_times_rezone ON calendars`);
    await q.query(`DROP FUNCTION report_times_rezone()`);
    for (const name of ['report_times_tickets_inserted', 'report_times_tickets_deleted', 'report_times_ticket_updated']) {
      await q.query(`DROP TRIGGER ${name} ON tickets`);
      await q.query(`DROP FUNCTION ${name}()`);
    }
    await q.query(`DROP TABLE report_times_horizon, report_times_cache, report_times_changes`);
  }
}
