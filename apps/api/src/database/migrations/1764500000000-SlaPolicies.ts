import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SlaPolicies1764500000000 implements MigrationInterface {
  name = 'SlaPolicies1764500000000';

  async up(q: QueryRunner): Promise<void> {
    // An SLA policy: its place in the matching order (first match wins) and the version in force.
    await q.query(`
      CREATE TABLE sla_policies (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        position           integer NOT NULL,
        active             boolean NOT NULL DEFAULT true,
        current_version_id uuid,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        -- Deferred, so a reorder can move every position in one transaction.
        CONSTRAINT sla_policies_position_key UNIQUE (position) DEFERRABLE INITIALLY DEFERRED
      )`);
    // Versions are never updated: editing a policy adds one, and a ticket keeps the version it matched.
    await q.query(`
      CREATE TABLE sla_policy_versions (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        policy_id             uuid NOT NULL CONSTRAINT sla_policy_versions_policy_id_fkey REFERENCES sla_policies (id) ON DELETE CASCADE,
        version               integer NOT NULL CONSTRAINT sla_policy_versions_version_check CHECK (version >= 1),
        name                  text NOT NULL CONSTRAINT sla_policy_versions_name_check CHECK (btrim(name) <> ''),
        kinds                 ticket_kind[] NOT NULL DEFAULT '{}',
        priorities            ticket_priority[] NOT NULL DEFAULT '{}',
        department_ids        uuid[] NOT NULL DEFAULT '{}',
        category_ids          uuid[] NOT NULL DEFAULT '{}',
        first_response_minutes integer,
        resolution_minutes    integer,
        next_response_minutes integer,
        pause_statuses        ticket_status[] NOT NULL DEFAULT '{waiting_on_requester,waiting_on_vendor}',
        calendar_id           uuid CONSTRAINT sla_policy_versions_calendar_id_fkey REFERENCES calendars (id) ON DELETE RESTRICT,
        escalations           jsonb NOT NULL DEFAULT '[]',
        created_at            timestamptz NOT NULL DEFAULT now(),
        created_by            uuid NOT NULL CONSTRAINT sla_policy_versions_created_by_fkey REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT sla_policy_versions_minutes_check CHECK (
          (first_response_minutes IS NULL OR first_response_minutes BETWEEN 1 AND 10000000) AND
          (resolution_minutes IS NULL OR resolution_minutes BETWEEN 1 AND 10000000) AND
          (next_response_minutes IS NULL OR next_response_minutes BETWEEN 1 AND 10000000)),
        CONSTRAINT sla_policy_versions_target_check CHECK (first_response_minutes IS NOT NULL OR resolution_minutes IS NOT NULL),
        CONSTRAINT sla_policy_versions_escalations_check CHECK (jsonb_typeof(escalations) = 'array')
      )`);
    await q.query(`CREATE UNIQUE INDEX sla_policy_versions_policy_version_key ON sla_policy_versions (policy_id, version)`);
    await q.query(`CREATE INDEX sla_policy_versions_calendar_id_idx ON sla_policy_versions (calendar_id)`);
    await q.query(`
      ALTER TABLE sla_policies ADD CONSTRAINT sla_policies_current_version_id_fkey
        FOREIGN KEY (current_version_id) REFERENCES sla_policy_versions (id) ON DELETE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sla_policies DROP CONSTRAINT sla_policies_current_version_id_fkey`);
    await q.query(`DROP TABLE sla_policy_versions`);
    await q.query(`DROP TABLE sla_policies`);
  }
}
