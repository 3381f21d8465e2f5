import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TicketSla1764700000000 implements MigrationInterface {
  name = 'TicketSla1764700000000';

  async up(q: QueryRunner): Promise<void> {
    // The ticket clock's stored results: written from computeTicketClock in the transaction of every
    // ticket change, so queues and reports read plain columns.
    await q.query(`
      ALTER TABLE tickets
        ADD COLUMN sla_policy_version_id uuid
          CONSTRAINT tickets_sla_policy_version_id_fkey REFERENCES sla_policy_versions (id) ON DELETE RESTRICT,
        ADD COLUMN sla_calendar_id uuid
          CONSTRAINT tickets_sla_calendar_id_fkey REFERENCES calendars (id) ON DELETE RESTRICT,
        ADD COLUMN first_response_due_at timestamptz,
        ADD COLUMN resolution_due_at timestamptz,
        ADD COLUMN next_response_due_at timestamptz,
        ADD COLUMN first_response_minutes integer,
        ADD COLUMN resolution_minutes integer,
        ADD COLUMN first_resolution_minutes integer,
        ADD COLUMN sla_paused_minutes integer NOT NULL DEFAULT 0,
        ADD COLUMN sla_paused boolean NOT NULL DEFAULT false,
        ADD COLUMN first_response_breached boolean,
        ADD COLUMN resolution_breached boolean,
        ADD COLUMN next_response_breached boolean NOT NULL DEFAULT false,
        ADD COLUMN sla_breached_at timestamptz,
        ADD COLUMN sla_at_risk_at timestamptz,
        ADD COLUMN next_escalation_at timestamptz`);
    await q.query(`CREATE INDEX tickets_sla_policy_version_idx ON tickets (sla_policy_version_id)`);
    // The escalation sweep reads only open tickets with a level to fire: its cost does not grow with history.
    await q.query(
      `CREATE INDEX tickets_next_escalation_idx ON tickets (next_escalation_at) WHERE next_escalation_at IS NOT NULL`,
    );
    // A calendar change re-times the open tickets on it.
    await q.query(`
      CREATE INDEX tickets_open_sla_calendar_idx ON tickets (sla_calendar_id)
       WHERE status NOT IN ('resolved', 'closed', 'canceled')`);

    // One row per escalation level fired: the UNIQUE key makes each level fire once per ticket,
    // target and next-response cycle, however many instances race or runs repeat.
    await q.query(`
      CREATE TABLE sla_escalations (
        id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ticket_id         uuid NOT NULL CONSTRAINT sla_escalations_ticket_id_fkey REFERENCES tickets (id) ON DELETE RESTRICT,
        target            text NOT NULL CONSTRAINT sla_escalations_target_check
                            CHECK (target IN ('first_response', 'resolution', 'next_response')),
        cycle             integer NOT NULL DEFAULT 0,
        level             integer NOT NULL,
        percent           integer NOT NULL,
        policy_version_id uuid NOT NULL
          CONSTRAINT sla_escalations_policy_version_id_fkey REFERENCES sla_policy_versions (id) ON DELETE RESTRICT,
        actions           jsonb NOT NULL DEFAULT '[]',
        due_at            timestamptz NOT NULL,
        fired_at          timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX sla_escalations_ticket_level_key ON sla_escalations (ticket_id, target, cycle, level)`);
    await q.query(`CREATE INDEX sla_escalations_policy_version_idx ON sla_escalations (policy_version_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sla_escalations`);
    await q.query(`DROP INDEX tickets_open_sla_calendar_idx`);
    await q.query(`DROP INDEX tickets_next_escalation_idx`);
    await q.query(`DROP INDEX tickets_sla_policy_version_idx`);
    await q.query(`
      ALTER TABLE tickets
        DROP COLUMN sla_policy_version_id, DROP COLUMN sla_calendar_id, DROP COLUMN first_response_due_at,
        DROP COLUMN resolution_due_at, DROP COLUMN next_response_due_at, DROP COLUMN first_response_minutes,
        DROP COLUMN resolution_minutes, DROP COLUMN first_resolution_minutes, DROP COLUMN sla_paused_minutes,
        DROP COLUMN sla_paused, DROP COLUMN first_response_breached, DROP COLUMN resolution_breached,
        DROP COLUMN next_response_breached, DROP COLUMN sla_breached_at, DROP COLUMN sla_at_risk_at,
        DROP COLUMN next_escalation_at`);
  }
}
