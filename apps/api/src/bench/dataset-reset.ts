import type pg from 'pg';

/**
 * A benchmark run writes: tickets and comments the load creates, and what the scheduler does
 * meanwhile (escalations fired, resolved tickets auto-closed, maintenance tasks generated,
 * notifications). So every run starts from the same data, the tickets that can still change
 * (open and resolved ones) and the maintenance plans are kept as they were built, and a reset
 * deletes every row written after the data's `t0` and puts those rows back.
 */

/** Keeps the rows a run may change, once, before the first run against the dataset. */
export async function keepChangeableRows(db: pg.ClientBase): Promise<void> {
  const { rows } = await db.query(`SELECT to_regclass('bench.live_tickets') IS NOT NULL AS kept`);
  if (rows[0]?.kept) return;
  await db.query('BEGIN');
  try {
    await db.query(`CREATE TABLE bench.live_tickets AS SELECT * FROM tickets WHERE status NOT IN ('closed', 'canceled')`);
    await db.query(`ALTER TABLE bench.live_tickets ADD PRIMARY KEY (id)`);
    await db.query(`CREATE TABLE bench.live_plans AS SELECT * FROM maintenance_plans`);
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}

export interface ResetCounts {
  tickets: number;
  events: number;
  comments: number;
  restored: number;
}

/**
 * Deletes what was written after `t0` and restores the kept rows, in one transaction. The trail
 * is append-only by a trigger; the reset is the one writer allowed past it, inside the same
 * transaction, on a benchmark database only.
 */
export async function resetDataset(db: pg.ClientBase, t0: string): Promise<ResetCounts> {
  // The columns both the table and its kept copy have (a later migration may have added some).
  const columnsOf = (table: string, kept: string) =>
    db.query<{ name: string }>(
      `SELECT c.column_name AS name FROM information_schema.columns c
        WHERE c.table_schema = 'public' AND c.table_name = $1 AND c.column_name <> 'id'
          AND EXISTS (SELECT 1 FROM information_schema.columns k
                       WHERE k.table_schema = 'bench' AND k.table_name = $2 AND k.column_name = c.column_name)
        ORDER BY c.ordinal_position`,
      [table, kept],
    );
  const columns = await columnsOf('tickets', 'live_tickets');
  const planColumns = await columnsOf('maintenance_plans', 'live_plans');
  const set = (names: { name: string }[]) =>
    `(${names.map((c) => c.name).join(', ')}) = (${names.map((c) => `s.${c.name}`).join(', ')})`;

  await db.query('BEGIN');
  try {
    // Tickets the run touched: those kept, and those created after t0.
    await db.query(
      `CREATE TEMP TABLE touched ON COMMIT DROP AS
       SELECT id FROM bench.live_tickets UNION SELECT id FROM tickets WHERE created_at > $1`,
      [t0],
    );
    await db.query(`ALTER TABLE ticket_events DISABLE TRIGGER ticket_events_append_only`);
    const events = await db.query(`DELETE FROM ticket_events WHERE ticket_id IN (SELECT id FROM touched) AND created_at > $1`, [
      t0,
    ]);
    const comments = await db.query(
      `DELETE FROM ticket_comments WHERE ticket_id IN (SELECT id FROM touched) AND created_at > $1`,
      [t0],
    );
    await db.query(`DELETE FROM ticket_work_logs WHERE ticket_id IN (SELECT id FROM touched) AND created_at > $1`, [t0]);
    await db.query(`DELETE FROM ticket_expenses WHERE ticket_id IN (SELECT id FROM touched) AND created_at > $1`, [t0]);
    await db.query(`DELETE FROM sla_escalations WHERE ticket_id IN (SELECT id FROM touched) AND fired_at > $1`, [t0]);
    await db.query(`DELETE FROM email_outbox WHERE created_at > $1`, [t0]);
    await db.query(`DELETE FROM notifications WHERE created_at > $1`, [t0]);
    await db.query(`DELETE FROM maintenance_occurrences WHERE created_at > $1`, [t0]);
    const tickets = await db.query(`DELETE FROM tickets WHERE created_at > $1`, [t0]);
    const restored = await db.query(`UPDATE tickets t SET ${set(columns.rows)} FROM bench.live_tickets s WHERE t.id = s.id`);
    await db.query(`UPDATE maintenance_plans t SET ${set(planColumns.rows)} FROM bench.live_plans s WHERE t.id = s.id`);
    await db.query(`DELETE FROM sessions`);
    await db.query(`DELETE FROM login_attempts`);
    await db.query(`DELETE FROM job_runs WHERE started_at > $1`, [t0]);
    await db.query(`ALTER TABLE ticket_events ENABLE TRIGGER ticket_events_append_only`);
    // Numbers continue from the tickets that are left, as after the build.
    await db.query(
      `SELECT setval('ticket_number_' || kind, max(substring(number FROM '\\d+$')::bigint)) FROM tickets GROUP BY kind`,
    );
    await db.query('COMMIT');
    return {
      tickets: tickets.rowCount ?? 0,
      events: events.rowCount ?? 0,
      comments: comments.rowCount ?? 0,
      restored: restored.rowCount ?? 0,
    };
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}
