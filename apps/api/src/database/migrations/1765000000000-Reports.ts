import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Reports1765000000000 implements MigrationInterface {
  name = 'Reports1765000000000';

  async up(q: QueryRunner): Promise<void> {
    // The first resolution's wall-clock time, kept through reopens (resolved_at follows the latest):
    // from the trail where it exists, else the one resolution the ticket had.
    await q.query(`ALTER TABLE tickets ADD COLUMN first_resolved_at timestamptz`);
    await q.query(`
      UPDATE tickets t SET first_resolved_at = e.first_resolved_at
        FROM (SELECT ticket_id, min(created_at) AS first_resolved_at FROM ticket_events
               WHERE type = 'status_changed' AND data->>'to' = 'resolved' GROUP BY ticket_id) e
       WHERE e.ticket_id = t.id`);
    await q.query(
      `UPDATE tickets SET first_resolved_at = resolved_at WHERE first_resolved_at IS NULL AND resolved_at IS NOT NULL`,
    );

    // Volume and backlog read the tickets open at some point of a range: those open now (the open
    // queue's partial index) and those done since the range began (this one), so a recent range
    // over years of history does not read the history. Reports by creation time use tickets_created_idx.
    await q.query(`
      CREATE INDEX tickets_done_idx ON tickets ((coalesce(resolved_at, closed_at)))
       WHERE status IN ('resolved', 'closed', 'canceled')`);
    // The ticket facts reports split and filter by, keyed by id: the spend reports join their cost
    // rows to this narrow index instead of reading whole ticket rows (descriptions and all).
    await q.query(`
      CREATE INDEX tickets_report_dims_idx ON tickets (id)
        INCLUDE (work_class, department_id, queue_id, category_id, kind, priority)`);
    // Spend by day: work logs by work date and expenses by the day spent, with what the reports sum.
    await q.query(
      `CREATE INDEX ticket_work_logs_work_date_idx ON ticket_work_logs (work_date) INCLUDE (ticket_id, minutes, cost_cents)`,
    );
    await q.query(`CREATE INDEX ticket_expenses_spent_on_idx ON ticket_expenses (spent_on) INCLUDE (ticket_id, amount_cents)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ticket_expenses_spent_on_idx`);
    await q.query(`DROP INDEX ticket_work_logs_work_date_idx`);
    await q.query(`DROP INDEX tickets_report_dims_idx`);
    await q.query(`DROP INDEX tickets_done_idx`);
    await q.query(`ALTER TABLE tickets DROP COLUMN first_resolved_at`);
  }
}
