import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `status IN ('new', 'assigned', 'in_progress', 'waiting_on_requester', 'waiting_on_vendor')`;

/**
 * The open-queue index also carries the assignee and requester of each open ticket, so the queue
 * badges count the open tickets from the index alone (an index-only scan, no ticket rows read) and
 * the queue page walks each queue's open tickets by due time without visiting their rows.
 *
 * A plain (not CONCURRENTLY) build: instances that start together wait for the migration lock
 * inside a statement, and a concurrent build would wait for those statements to end, which they
 * do only after the migration; so ticket writes pause for the seconds the build takes instead.
 */
export class OpenTicketCounts1765400000000 implements MigrationInterface {
  name = 'OpenTicketCounts1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX tickets_open_queue_idx
         ON tickets (queue_id, (coalesce(due_at, 'infinity'::timestamptz)), id) INCLUDE (assignee_id, requester_id) WHERE ${OPEN}`,
    );
    await q.query(`DROP INDEX tickets_open_queue_due_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX tickets_open_queue_due_idx ON tickets (queue_id, (coalesce(due_at, 'infinity'::timestamptz)), id) WHERE ${OPEN}`,
    );
    await q.query(`DROP INDEX tickets_open_queue_idx`);
  }
}
