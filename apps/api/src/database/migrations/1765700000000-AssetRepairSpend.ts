import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each asset's repair spend, for the asset refresh report: what its reactive tickets cost, counted
 * as the asset page counts it (the labour of its reactive tickets, expenses linked to it on
 * reactive tickets, and expenses of its reactive tickets linked to no other asset).
 *
 * The report added this up from every reactive ticket with an asset and their expenses: 1.2 s at
 * 1M tickets (220,866 such tickets), and more as history grows. Kept the way the report rollups
 * are (migration ReportRollups): triggers append signed changes to asset_repair_spend_changes in
 * the transaction of every ticket and expense write, the report-rollups job folds them into
 * asset_repair_spend, and a reader adds both up in one snapshot, so the figure is always exact.
 * The index that served the sum (tickets_reactive_asset_idx) has no reader left and goes.
 */

/**
 * What tickets `t` (a relation with a `sign` column and the tickets' columns) add to their assets'
 * repair spend: their labour when reactive, and their expenses (to the asset the expense names,
 * else the ticket's). A ticket being inserted or deleted has no expenses (they reference it, and
 * restrict its deletion), so those triggers leave the expenses out.
 */
function ticketSpend(tickets: string, expenses: boolean): string {
  const labour = `
    SELECT t.asset_id, t.sign * t.labour_cost_cents AS cents
      FROM ${tickets} t WHERE t.work_class = 'reactive' AND t.asset_id IS NOT NULL AND t.labour_cost_cents <> 0`;
  return !expenses
    ? labour
    : `${labour}
       UNION ALL
       SELECT coalesce(e.asset_id, t.asset_id), t.sign * e.amount_cents
         FROM ${tickets} t JOIN ticket_expenses e ON e.ticket_id = t.id
        WHERE t.work_class = 'reactive' AND coalesce(e.asset_id, t.asset_id) IS NOT NULL`;
}

/** What expenses `rows` (counted with `sign`) add to the repair spend of their tickets' assets. */
function expenseSpend(rows: string, sign: number): string {
  return `
    SELECT coalesce(e.asset_id, t.asset_id) AS asset_id, ${sign} * e.amount_cents AS cents
      FROM ${rows} e JOIN tickets t ON t.id = e.ticket_id
     WHERE t.work_class = 'reactive' AND coalesce(e.asset_id, t.asset_id) IS NOT NULL`;
}

/** Appends the spend `facts` (asset_id, cents) as one change per asset. */
function appendChanges(facts: string): string {
  return `
    INSERT INTO asset_repair_spend_changes (asset_id, cents)
    SELECT x.asset_id, sum(x.cents) FROM (${facts}) x GROUP BY x.asset_id HAVING sum(x.cents) <> 0`;
}

/**
 * An expense's spend is read through its ticket's work class and asset: the ticket is locked first
 * (as the report rollups' cost triggers do), so an expense and a change of its ticket never count
 * in two transactions at once.
 */
function expensesChanged(rows: string, sign: number): string {
  return `
    PERFORM 1 FROM tickets WHERE id IN (SELECT ticket_id FROM ${rows}) ORDER BY id FOR NO KEY UPDATE;
    ${appendChanges(expenseSpend(rows, sign))};`;
}

export class AssetRepairSpend1765700000000 implements MigrationInterface {
  name = 'AssetRepairSpend1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE asset_repair_spend (asset_id uuid PRIMARY KEY, cents bigint NOT NULL)`);
    await q.query(`CREATE TABLE asset_repair_spend_changes (asset_id uuid NOT NULL, cents bigint NOT NULL)`);

    // Tickets inserted or deleted, by statement; an updated ticket (row) counts its old self out and its new self in.
    for (const [event, verb, rows, sign] of [
      ['inserted', 'INSERT', 'new_rows', 1],
      ['deleted', 'DELETE', 'old_rows', -1],
    ] as const) {
      await q.query(`
        CREATE FUNCTION asset_repair_spend_tickets_${event}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN ${appendChanges(ticketSpend(`(SELECT ${sign} AS sign, n.* FROM ${rows} n)`, false))};
          RETURN NULL;
        END $$`);
      await q.query(`
        CREATE TRIGGER asset_repair_spend_tickets_${event} AFTER ${verb} ON tickets
        REFERENCING ${verb === 'INSERT' ? 'NEW' : 'OLD'} TABLE AS ${rows}
        FOR EACH STATEMENT EXECUTE FUNCTION asset_repair_spend_tickets_${event}()`);
    }
    await q.query(`
      CREATE FUNCTION asset_repair_spend_ticket_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${appendChanges(ticketSpend('(SELECT 1 AS sign, (NEW).* UNION ALL SELECT -1, (OLD).*)', true))};
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER asset_repair_spend_ticket_updated AFTER UPDATE ON tickets FOR EACH ROW
      WHEN ((OLD.asset_id, OLD.work_class, OLD.labour_cost_cents) IS DISTINCT FROM (NEW.asset_id, NEW.work_class, NEW.labour_cost_cents))
      EXECUTE FUNCTION asset_repair_spend_ticket_updated()`);

    // Expenses, by statement.
    for (const [event, verb, transition, body] of [
      ['inserted', 'INSERT', 'NEW TABLE AS new_rows', expensesChanged('new_rows', 1)],
      ['deleted', 'DELETE', 'OLD TABLE AS old_rows', expensesChanged('old_rows', -1)],
      [
        'updated',
        'UPDATE',
        'OLD TABLE AS old_rows NEW TABLE AS new_rows',
        `${expensesChanged('old_rows', -1)} ${expensesChanged('new_rows', 1)}`,
      ],
    ] as const) {
      await q.query(`
        CREATE FUNCTION asset_repair_spend_expenses_${event}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN ${body}
          RETURN NULL;
        END $$`);
      await q.query(`
        CREATE TRIGGER asset_repair_spend_expenses_${event} AFTER ${verb} ON ticket_expenses REFERENCING ${transition}
        FOR EACH STATEMENT EXECUTE FUNCTION asset_repair_spend_expenses_${event}()`);
    }

    // What is there already.
    await q.query(`
      INSERT INTO asset_repair_spend (asset_id, cents)
      SELECT x.asset_id, sum(x.cents) FROM (${ticketSpend('(SELECT 1 AS sign, tk.* FROM tickets tk)', true)}) x
       GROUP BY x.asset_id HAVING sum(x.cents) <> 0`);
    await q.query(`DROP INDEX tickets_reactive_asset_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX tickets_reactive_asset_idx ON tickets (asset_id) INCLUDE (labour_cost_cents, id)
       WHERE asset_id IS NOT NULL AND work_class = 'reactive'`);
    for (const event of ['inserted', 'deleted', 'updated']) {
      await q.query(`DROP TRIGGER asset_repair_spend_expenses_${event} ON ticket_expenses`);
      await q.query(`DROP FUNCTION asset_repair_spend_expenses_${event}()`);
    }
    for (const name of [
      'asset_repair_spend_tickets_inserted',
      'asset_repair_spend_tickets_deleted',
      'asset_repair_spend_ticket_updated',
    ]) {
      await q.query(`DROP TRIGGER ${name} ON tickets`);
      await q.query(`DROP FUNCTION ${name}()`);
    }
    await q.query(`DROP TABLE asset_repair_spend_changes, asset_repair_spend`);
  }
}
