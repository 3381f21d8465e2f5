import type { MigrationInterface, QueryRunner } from 'typeorm';

const REACTIVE_ASSET_INDEX = (include: string) => `
  CREATE INDEX tickets_reactive_asset_idx ON tickets (asset_id) INCLUDE (${include})
   WHERE asset_id IS NOT NULL AND work_class = 'reactive'`;

/**
 * Two report statements that read every ticket at 1M tickets, found with EXPLAIN ANALYZE on the
 * benchmark data (issue 7):
 * - The asset refresh report's repair spend also counts the expenses of reactive tickets linked
 *   to no asset of their own, joined to the ticket's asset by ticket id. With the id in the index
 *   the join reads the index alone; without it, it visited every reactive ticket with an asset
 *   (the statement took 1,233 ms; with the id, 300 ms).
 * - The volume report's backlog counts the tickets done after the range, by the done time
 *   `coalesce(resolved_at, closed_at)`. PostgreSQL keeps no statistics for that expression (its
 *   index is partial), so it guessed a third of the table and scanned it all (561 ms); with
 *   statistics on the expression it reads tickets_done_idx (3 ms).
 * ANALYZE builds the new statistics now rather than at autovacuum's next pass.
 */
export class ReportScans1765600000000 implements MigrationInterface {
  name = 'ReportScans1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tickets_reactive_asset_idx`);
    await q.query(REACTIVE_ASSET_INDEX('labour_cost_cents, id'));
    await q.query(`CREATE STATISTICS tickets_done_at_stats ON (coalesce(resolved_at, closed_at)) FROM tickets`);
    await q.query(`ANALYZE tickets`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP STATISTICS tickets_done_at_stats`);
    await q.query(`DROP INDEX tickets_reactive_asset_idx`);
    await q.query(REACTIVE_ASSET_INDEX('labour_cost_cents'));
  }
}
