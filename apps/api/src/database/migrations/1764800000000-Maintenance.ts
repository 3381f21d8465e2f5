import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Maintenance1764800000000 implements MigrationInterface {
  name = 'Maintenance1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE maintenance_mode AS ENUM ('fixed', 'after_completion', 'replacement')`);
    await q.query(`CREATE TYPE maintenance_fan_out AS ENUM ('none', 'assets', 'asset_type')`);
    // Preventive work on a schedule: each due occurrence becomes a maintenance ticket.
    await q.query(`
      CREATE TABLE maintenance_plans (
        id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name                 text NOT NULL CONSTRAINT maintenance_plans_name_check CHECK (btrim(name) <> '' AND length(name) <= 120),
        title_template       text NOT NULL CONSTRAINT maintenance_plans_title_check CHECK (btrim(title_template) <> ''),
        description_template text NOT NULL DEFAULT '',
        category_id          uuid CONSTRAINT maintenance_plans_category_id_fkey REFERENCES categories (id) ON DELETE RESTRICT,
        queue_id             uuid NOT NULL CONSTRAINT maintenance_plans_queue_id_fkey REFERENCES queues (id) ON DELETE RESTRICT,
        assignee_id          uuid CONSTRAINT maintenance_plans_assignee_id_fkey REFERENCES users (id) ON DELETE RESTRICT,
        department_id        uuid NOT NULL CONSTRAINT maintenance_plans_department_id_fkey REFERENCES departments (id) ON DELETE RESTRICT,
        estimated_minutes    integer CONSTRAINT maintenance_plans_estimate_check CHECK (estimated_minutes BETWEEN 1 AND 100000),
        rule                 text NOT NULL,
        starts_on            date NOT NULL,
        due_time             text NOT NULL DEFAULT '08:00',
        ends_on              date,
        time_zone            text NOT NULL,
        lead_days            integer NOT NULL DEFAULT 0 CONSTRAINT maintenance_plans_lead_check CHECK (lead_days BETWEEN 0 AND 366),
        mode                 maintenance_mode NOT NULL DEFAULT 'fixed',
        interval_days        integer CONSTRAINT maintenance_plans_interval_check CHECK (interval_days BETWEEN 1 AND 3660),
        fan_out              maintenance_fan_out NOT NULL DEFAULT 'none',
        asset_ids            uuid[] NOT NULL DEFAULT '{}',
        asset_type           text,
        asset_department_id  uuid CONSTRAINT maintenance_plans_asset_department_id_fkey REFERENCES departments (id) ON DELETE RESTRICT,
        active               boolean NOT NULL DEFAULT true,
        generate_from        timestamptz NOT NULL,
        next_run_at          timestamptz NOT NULL,
        version              integer NOT NULL DEFAULT 1,
        created_by           uuid NOT NULL CONSTRAINT maintenance_plans_created_by_fkey REFERENCES users (id) ON DELETE RESTRICT,
        created_at           timestamptz NOT NULL,
        updated_at           timestamptz NOT NULL,
        CONSTRAINT maintenance_plans_ends_check CHECK (ends_on IS NULL OR ends_on >= starts_on)
      )`);
    await q.query(`CREATE UNIQUE INDEX maintenance_plans_name_key ON maintenance_plans (lower(name))`);
    // The generation job reads only active plans with something (possibly) due: its cost does not grow with idle plans.
    await q.query(`CREATE INDEX maintenance_plans_next_run_idx ON maintenance_plans (next_run_at) WHERE active`);

    // One row per plan × occurrence × asset generated: the UNIQUE key makes generation exactly-once.
    await q.query(`
      CREATE TABLE maintenance_occurrences (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id    uuid NOT NULL CONSTRAINT maintenance_occurrences_plan_id_fkey REFERENCES maintenance_plans (id) ON DELETE RESTRICT,
        due_at     timestamptz NOT NULL,
        asset_id   uuid CONSTRAINT maintenance_occurrences_asset_id_fkey REFERENCES assets (id) ON DELETE RESTRICT,
        ticket_id  uuid NOT NULL CONSTRAINT maintenance_occurrences_ticket_id_fkey REFERENCES tickets (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE UNIQUE INDEX maintenance_occurrences_key ON maintenance_occurrences (plan_id, due_at, asset_id) NULLS NOT DISTINCT`,
    );
    await q.query(`CREATE UNIQUE INDEX maintenance_occurrences_ticket_key ON maintenance_occurrences (ticket_id)`);
    await q.query(`CREATE INDEX maintenance_occurrences_plan_asset_idx ON maintenance_occurrences (plan_id, asset_id, due_at)`);

    await q.query(`
      ALTER TABLE tickets
        ADD COLUMN maintenance_plan_id uuid CONSTRAINT tickets_maintenance_plan_id_fkey REFERENCES maintenance_plans (id) ON DELETE RESTRICT,
        ADD COLUMN maintenance_due_at timestamptz`);
    await q.query(
      `CREATE INDEX tickets_maintenance_due_idx ON tickets (maintenance_due_at) WHERE maintenance_due_at IS NOT NULL`,
    );

    // Subscribable iCalendar feeds: only a hash of the token is kept; revoking ends the feed.
    await q.query(`
      CREATE TABLE calendar_feeds (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash  text NOT NULL,
        owner_id    uuid NOT NULL CONSTRAINT calendar_feeds_owner_id_fkey REFERENCES users (id) ON DELETE CASCADE,
        queue_id    uuid CONSTRAINT calendar_feeds_queue_id_fkey REFERENCES queues (id) ON DELETE CASCADE,
        created_at  timestamptz NOT NULL,
        revoked_at  timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX calendar_feeds_token_hash_key ON calendar_feeds (token_hash)`);
    await q.query(`CREATE INDEX calendar_feeds_owner_idx ON calendar_feeds (owner_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_feeds`);
    await q.query(`DROP INDEX tickets_maintenance_due_idx`);
    await q.query(`ALTER TABLE tickets DROP COLUMN maintenance_plan_id, DROP COLUMN maintenance_due_at`);
    await q.query(`DROP TABLE maintenance_occurrences`);
    await q.query(`DROP TABLE maintenance_plans`);
    await q.query(`DROP TYPE maintenance_fan_out`);
    await q.query(`DROP TYPE maintenance_mode`);
  }
}
