import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log of security-relevant actions (sign-ins, role and permission changes, exports,
 * imports, deletions, configuration changes). Like ticket_events, it is append-only in the
 * database itself: a trigger refuses UPDATE, DELETE and TRUNCATE, whoever sends them.
 */
export class AuditLog1765200000000 implements MigrationInterface {
  name = 'AuditLog1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        actor_id    uuid CONSTRAINT audit_log_actor_id_fkey REFERENCES users (id) ON DELETE RESTRICT,
        action      text NOT NULL CONSTRAINT audit_log_action_check CHECK (action ~ '^[a-z_]+[.][a-z_]+$'),
        target_type text,
        target_id   text,
        ip          text,
        user_agent  text,
        request_id  text,
        detail      jsonb NOT NULL DEFAULT '{}' CONSTRAINT audit_log_detail_check CHECK (jsonb_typeof(detail) = 'object')
      )`);
    // The list reads newest first, optionally by actor, action or target: each filter has its index
    // ending in the sort key, so a page is an index range scan however long the history grows.
    await q.query(`CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at, id)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, occurred_at, id)`);
    await q.query(`CREATE INDEX audit_log_action_idx ON audit_log (action, occurred_at, id)`);
    await q.query(`CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id, occurred_at, id)`);

    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only()`);
  }
}
