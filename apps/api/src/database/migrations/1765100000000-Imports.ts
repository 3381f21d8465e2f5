import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * History imports: uploaded files (stored in chunks, so any instance can read one back a piece at
 * a time), import runs with their progress and claim, the rows they could not read, and which
 * imported ticket each external id became (with a fingerprint, so importing an unchanged row
 * again writes nothing).
 */
export class Imports1765100000000 implements MigrationInterface {
  name = 'Imports1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_files (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name           text NOT NULL,
        size_bytes     bigint NOT NULL CONSTRAINT import_files_size_bytes_check CHECK (size_bytes >= 0),
        row_count      integer NOT NULL CONSTRAINT import_files_row_count_check CHECK (row_count >= 0),
        columns        jsonb NOT NULL DEFAULT '[]',
        uploaded_by_id uuid NOT NULL CONSTRAINT import_files_uploaded_by_id_fkey REFERENCES users (id) ON DELETE RESTRICT,
        created_at     timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX import_files_created_idx ON import_files (created_at)`);
    await q.query(`
      CREATE TABLE import_file_chunks (
        file_id uuid NOT NULL CONSTRAINT import_file_chunks_file_id_fkey REFERENCES import_files (id) ON DELETE CASCADE,
        seq     integer NOT NULL,
        data    bytea NOT NULL,
        CONSTRAINT import_file_chunks_pkey PRIMARY KEY (file_id, seq)
      )`);

    await q.query(`CREATE TYPE import_run_status AS ENUM ('queued', 'running', 'succeeded', 'failed')`);
    await q.query(`
      CREATE TABLE import_runs (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        file_id           uuid CONSTRAINT import_runs_file_id_fkey REFERENCES import_files (id) ON DELETE SET NULL,
        file_name         text NOT NULL,
        dry_run           boolean NOT NULL,
        options           jsonb NOT NULL,
        status            import_run_status NOT NULL DEFAULT 'queued',
        created_by_id     uuid NOT NULL CONSTRAINT import_runs_created_by_id_fkey REFERENCES users (id) ON DELETE RESTRICT,
        created_at        timestamptz NOT NULL,
        started_at        timestamptz,
        finished_at       timestamptz,
        claimed_by        text,
        claim_token       uuid,
        heartbeat_at      timestamptz,
        attempts          integer NOT NULL DEFAULT 0,
        rows_read         integer NOT NULL DEFAULT 0,
        rows_superseded   integer NOT NULL DEFAULT 0,
        rows_skipped      integer NOT NULL DEFAULT 0,
        tickets_found     integer NOT NULL DEFAULT 0,
        tickets_done      integer NOT NULL DEFAULT 0,
        tickets_created   integer NOT NULL DEFAULT 0,
        tickets_updated   integer NOT NULL DEFAULT 0,
        tickets_unchanged integer NOT NULL DEFAULT 0,
        error_count       integer NOT NULL DEFAULT 0,
        last_line         integer NOT NULL DEFAULT 0,
        failure           text
      )`);
    await q.query(`CREATE INDEX import_runs_created_idx ON import_runs (created_at DESC, id DESC)`);
    // What the workers look for: runs waiting, and runs whose worker stopped beating.
    await q.query(`CREATE INDEX import_runs_pending_idx ON import_runs (created_at) WHERE status IN ('queued', 'running')`);

    await q.query(`
      CREATE TABLE import_run_errors (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        run_id      uuid NOT NULL CONSTRAINT import_run_errors_run_id_fkey REFERENCES import_runs (id) ON DELETE CASCADE,
        line        integer NOT NULL,
        column_name text,
        value       text,
        reason      text NOT NULL
      )`);
    await q.query(`CREATE INDEX import_run_errors_run_line_idx ON import_run_errors (run_id, line, id)`);

    await q.query(`
      CREATE TABLE imported_tickets (
        external_id       text PRIMARY KEY,
        ticket_id         uuid NOT NULL CONSTRAINT imported_tickets_ticket_id_fkey REFERENCES tickets (id) ON DELETE CASCADE,
        fingerprint       text NOT NULL,
        labour_minutes    integer NOT NULL DEFAULT 0,
        labour_cost_cents bigint,
        run_id            uuid CONSTRAINT imported_tickets_run_id_fkey REFERENCES import_runs (id) ON DELETE SET NULL,
        line              integer NOT NULL,
        imported_at       timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX imported_tickets_ticket_id_key ON imported_tickets (ticket_id)`);
    await q.query(`CREATE INDEX imported_tickets_run_idx ON imported_tickets (run_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE imported_tickets`);
    await q.query(`DROP TABLE import_run_errors`);
    await q.query(`DROP TABLE import_runs`);
    await q.query(`DROP TYPE import_run_status`);
    await q.query(`DROP TABLE import_file_chunks`);
    await q.query(`DROP TABLE import_files`);
  }
}
