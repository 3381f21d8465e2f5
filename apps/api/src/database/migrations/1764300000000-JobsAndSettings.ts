import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JobsAndSettings1764300000000 implements MigrationInterface {
  name = 'JobsAndSettings1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // One row per run of a scheduled job, by whichever instance held the job's advisory lock.
    await q.query(`
      CREATE TABLE job_runs (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        job         text NOT NULL,
        instance    text NOT NULL,
        started_at  timestamptz NOT NULL,
        finished_at timestamptz,
        succeeded   boolean,
        stats       jsonb NOT NULL DEFAULT '{}',
        error       text
      )`);
    await q.query(`CREATE INDEX job_runs_job_started_idx ON job_runs (job, started_at)`);

    // City-wide settings an admin changes at run time (not deployment config).
    await q.query(`
      CREATE TABLE settings (
        key        text PRIMARY KEY,
        value      jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Auto-close finds resolved tickets by when they were resolved.
    await q.query(`CREATE INDEX tickets_resolved_idx ON tickets (resolved_at) WHERE status = 'resolved'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tickets_resolved_idx`);
    await q.query(`DROP TABLE settings`);
    await q.query(`DROP TABLE job_runs`);
  }
}
