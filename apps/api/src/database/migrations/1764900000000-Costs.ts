import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Costs1764900000000 implements MigrationInterface {
  name = 'Costs1764900000000';

  async up(q: QueryRunner): Promise<void> {
    // Hourly rates with the day they take effect: a technician's own, or a role's default.
    await q.query(`
      CREATE TABLE labor_rates (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id           uuid CONSTRAINT labor_rates_user_id_fkey REFERENCES users (id) ON DELETE RESTRICT,
        role              user_role CONSTRAINT labor_rates_role_check CHECK (role <> 'requester'),
        hourly_rate_cents integer NOT NULL CONSTRAINT labor_rates_hourly_rate_cents_check CHECK (hourly_rate_cents > 0),
        effective_from    date NOT NULL,
        created_by_id     uuid NOT NULL CONSTRAINT labor_rates_created_by_id_fkey REFERENCES users (id) ON DELETE RESTRICT,
        created_at        timestamptz NOT NULL,
        CONSTRAINT labor_rates_target_check CHECK ((user_id IS NULL) <> (role IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX labor_rates_user_from_key ON labor_rates (user_id, effective_from)`);
    await q.query(`CREATE UNIQUE INDEX labor_rates_role_from_key ON labor_rates (role, effective_from)`);

    // Work logs keep the rate in force on their day and their cost: later rate changes never rewrite them.
    await q.query(`
      CREATE TABLE ticket_work_logs (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id     uuid NOT NULL CONSTRAINT ticket_work_logs_ticket_id_fkey REFERENCES tickets (id) ON DELETE RESTRICT,
        user_id       uuid NOT NULL CONSTRAINT ticket_work_logs_user_id_fkey REFERENCES users (id) ON DELETE RESTRICT,
        work_date     date NOT NULL,
        minutes       integer NOT NULL CONSTRAINT ticket_work_logs_minutes_check CHECK (minutes BETWEEN 1 AND 1440),
        note          text NOT NULL DEFAULT '',
        rate_cents    integer NOT NULL CONSTRAINT ticket_work_logs_rate_cents_check CHECK (rate_cents > 0),
        cost_cents    integer NOT NULL CONSTRAINT ticket_work_logs_cost_cents_check CHECK (cost_cents >= 0),
        created_by_id uuid NOT NULL CONSTRAINT ticket_work_logs_created_by_id_fkey REFERENCES users (id) ON DELETE RESTRICT,
        created_at    timestamptz NOT NULL,
        updated_at    timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ticket_work_logs_ticket_idx ON ticket_work_logs (ticket_id)`);
    await q.query(`CREATE INDEX ticket_work_logs_user_date_idx ON ticket_work_logs (user_id, work_date)`);

    await q.query(`CREATE TYPE expense_type AS ENUM ('parts', 'vendor', 'contract', 'software', 'other')`);
    await q.query(`
      CREATE TABLE ticket_expenses (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id     uuid NOT NULL CONSTRAINT ticket_expenses_ticket_id_fkey REFERENCES tickets (id) ON DELETE RESTRICT,
        type          expense_type NOT NULL,
        amount_cents  bigint NOT NULL CONSTRAINT ticket_expenses_amount_cents_check CHECK (amount_cents > 0),
        vendor        text,
        spent_on      date NOT NULL,
        description   text NOT NULL DEFAULT '',
        asset_id      uuid CONSTRAINT ticket_expenses_asset_id_fkey REFERENCES assets (id) ON DELETE RESTRICT,
        created_by_id uuid NOT NULL CONSTRAINT ticket_expenses_created_by_id_fkey REFERENCES users (id) ON DELETE RESTRICT,
        created_at    timestamptz NOT NULL,
        updated_at    timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ticket_expenses_ticket_idx ON ticket_expenses (ticket_id)`);
    await q.query(`CREATE INDEX ticket_expenses_asset_idx ON ticket_expenses (asset_id)`);

    // Each ticket's totals, written in the transaction of every work log and expense change, so
    // reports sum plain columns.
    await q.query(`
      ALTER TABLE tickets
        ADD COLUMN labour_minutes integer NOT NULL DEFAULT 0,
        ADD COLUMN labour_cost_cents bigint NOT NULL DEFAULT 0,
        ADD COLUMN expense_cents bigint NOT NULL DEFAULT 0`);

    // Asset lifecycle: when an asset was retired, and the history of its status changes.
    await q.query(`ALTER TABLE assets ADD COLUMN retired_at timestamptz`);
    await q.query(`UPDATE assets SET retired_at = updated_at WHERE status = 'retired'`);
    await q.query(`
      CREATE TABLE asset_events (
        id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        asset_id   uuid NOT NULL CONSTRAINT asset_events_asset_id_fkey REFERENCES assets (id) ON DELETE CASCADE,
        actor_id   uuid CONSTRAINT asset_events_actor_id_fkey REFERENCES users (id) ON DELETE RESTRICT,
        type       text NOT NULL,
        data       jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX asset_events_asset_idx ON asset_events (asset_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE asset_events`);
    await q.query(`ALTER TABLE assets DROP COLUMN retired_at`);
    await q.query(`ALTER TABLE tickets DROP COLUMN labour_minutes, DROP COLUMN labour_cost_cents, DROP COLUMN expense_cents`);
    await q.query(`DROP TABLE ticket_expenses`);
    await q.query(`DROP TYPE expense_type`);
    await q.query(`DROP TABLE ticket_work_logs`);
    await q.query(`DROP TABLE labor_rates`);
  }
}
