import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rollups the reports and the queue badges read instead of every ticket and cost row.
 *
 * - report_ticket_days: per city day, tickets created (with their SLA outcomes and whether they
 *   are open now), resolved and finally done;
 * - report_cost_days: per day, labour by work date and expenses by the day spent;
 * - report_ticket_months, report_cost_months: the same by month, for reports of whole months;
 * - queue_open_counts: open tickets per queue, assigned or not.
 *
 * The report rows are kept per dimension a report splits or filters by (all tickets, work class,
 * priority, department, category, queue, kind): a row per day and value, so a city-wide report over
 * three years reads a few thousand rows.
 *
 * Triggers keep them in the transaction of every write, however it is made (the app, an import,
 * plain SQL), by appending signed changes to a *_changes table: writers never wait for each other
 * on a busy total, and a reader adds the few pending changes to the folded rows in the same
 * snapshot, so it is always exact. The report-rollups job folds the changes in now and then.
 *
 * Cost rows follow their ticket: when a ticket's department, queue, category, priority, kind or
 * work class changes, its costs move with it. The cost triggers lock the tickets of the rows they
 * count (the app's cost writes do so first anyway), so a cost row and its ticket's dimensions never
 * change in two transactions at once.
 *
 * Days of instants are the city's: report_rollup_zone holds the zone the ticket days were cut in,
 * and a change of the city calendar's zone cuts them again in its transaction.
 */

const OPEN = `('new', 'assigned', 'in_progress', 'waiting_on_requester', 'waiting_on_vendor')`;
const DONE = `('resolved', 'closed', 'canceled')`;

const TICKET_MEASURES = [
  'created',
  'reactive_created',
  'response_met',
  'response_breached',
  'resolution_met',
  'resolution_breached',
  'resolved',
  'done',
  'open_now',
  'anomalies',
] as const;
const COST_MEASURES = [
  'cost_rows',
  'class_rows',
  'minutes',
  'labour_cents',
  'expense_cents',
  'proactive_minutes',
  'proactive_cents',
  'reactive_cents',
] as const;

/** The ticket dimensions, each a grouping set with the day. */
const DIMS = [
  ['work_class', 'work_class'],
  ['priority', 'priority'],
  ['department', 'department_id'],
  ['category', 'category_id'],
  ['queue', 'queue_id'],
  ['kind', 'kind'],
] as const;

/**
 * Adds up rows `x` (a day, the ticket dimensions and measures) into rollup rows: one pass, a
 * grouping set per dimension plus the day alone ('all').
 */
function spread(into: string, rows: string, measures: readonly string[], onlyChanges: boolean): string {
  const dim = `CASE ${DIMS.map(([name, column]) => `WHEN GROUPING(x.${column}) = 0 THEN '${name}'`).join(' ')} ELSE 'all' END::report_dim`;
  const key = `CASE ${DIMS.map(([, column]) => `WHEN GROUPING(x.${column}) = 0 THEN x.${column}::text`).join(' ')} END`;
  return `
    INSERT INTO ${into} (day, dim, key, ${measures.join(', ')})
    SELECT x.day, ${dim}, ${key}, ${measures.map((m) => `sum(x.${m})`).join(', ')}
      FROM (${rows}) x
     GROUP BY GROUPING SETS ((x.day), ${DIMS.map(([, column]) => `(x.day, x.${column})`).join(', ')})
    ${onlyChanges ? `HAVING ${measures.map((m) => `sum(x.${m}) <> 0`).join(' OR ')}` : ''}`;
}

/** Fills a rollup's month rows from its day rows. */
function byMonth(rollup: 'report_ticket' | 'report_cost', measures: readonly string[]): string {
  return `
    INSERT INTO ${rollup}_months (day, dim, key, ${measures.join(', ')})
    SELECT date_trunc('month', d.day)::date, d.dim, d.key, ${measures.map((m) => `sum(d.${m})`).join(', ')}
      FROM ${rollup}_days d GROUP BY 1, 2, 3`;
}

const TICKET_DIMENSIONS = `t.work_class, t.priority, t.department_id, t.category_id, t.queue_id, t.kind`;

/**
 * The day facts of tickets `t` (a relation with a `sign` column and the tickets' columns): its
 * creation day (with its SLA outcomes, whether it is open now, and whether its dates are out of
 * order: done before it was created, or done without a date, which the volume report places
 * differently), its final resolution's day and the day it was finally done (resolved, else closed
 * or canceled), as the reports define them.
 */
function ticketFacts(tickets: string, zone: string): string {
  const day = (instant: string) => `(${instant} AT TIME ZONE ${zone})::date`;
  return `
    SELECT f.day, ${TICKET_DIMENSIONS}, ${TICKET_MEASURES.map((m) => `t.sign * f.${m} AS ${m}`).join(', ')}
      FROM ${tickets} t
     CROSS JOIN LATERAL (VALUES
        (${day('t.created_at')}, 1, (t.work_class = 'reactive')::int,
         (t.first_response_breached IS FALSE)::int, (t.first_response_breached IS TRUE)::int,
         (t.resolution_breached IS FALSE)::int, (t.resolution_breached IS TRUE)::int, 0, 0, (t.status IN ${OPEN})::int,
         coalesce((t.status IN ${DONE} AND (coalesce(t.resolved_at, t.closed_at) IS NULL OR coalesce(t.resolved_at, t.closed_at) < t.created_at))
                  OR t.resolved_at < t.created_at, false)::int),
        (${day('t.resolved_at')}, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0),
        (CASE WHEN t.status IN ${DONE} THEN ${day('coalesce(t.resolved_at, t.closed_at)')} END, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0)
     ) f(day, ${TICKET_MEASURES.join(', ')})
     WHERE f.day IS NOT NULL`;
}

/**
 * The cost facts of cost rows `c` (ticket_id, day, rows, minutes, labour, expense) on tickets `t`
 * (a relation with a `sign` column): the reports' measures by the ticket's work class.
 */
function costFacts(costRows: string, tickets: string): string {
  const measures = [
    `c.rows`,
    `CASE WHEN t.work_class IN ('reactive', 'proactive') THEN c.rows ELSE 0 END`,
    `c.minutes`,
    `c.labour`,
    `c.expense`,
    `CASE WHEN t.work_class = 'proactive' THEN c.minutes ELSE 0 END`,
    `CASE WHEN t.work_class = 'proactive' THEN c.labour + c.expense ELSE 0 END`,
    `CASE WHEN t.work_class = 'reactive' THEN c.labour + c.expense ELSE 0 END`,
  ];
  return `
    SELECT c.day, ${TICKET_DIMENSIONS}, ${measures.map((m, i) => `t.sign * c.sign * (${m}) AS ${COST_MEASURES[i]}`).join(', ')}
      FROM (${costRows}) c JOIN ${tickets} t ON t.id = c.ticket_id`;
}

/** Work logs or expenses (a relation `rows`) as cost rows with a sign. */
function costRows(table: 'ticket_work_logs' | 'ticket_expenses', rows: string, sign: number): string {
  return table === 'ticket_work_logs'
    ? `SELECT w.ticket_id, w.work_date AS day, ${sign} AS sign, count(*) AS rows, sum(w.minutes) AS minutes,
              sum(w.cost_cents) AS labour, 0 AS expense
         FROM ${rows} w GROUP BY 1, 2`
    : `SELECT e.ticket_id, e.spent_on AS day, ${sign} AS sign, count(*) AS rows, 0 AS minutes, 0 AS labour,
              sum(e.amount_cents) AS expense
         FROM ${rows} e GROUP BY 1, 2`;
}

/** Signed changes of the cost rollup for work logs or expenses written (`rows`, counted with `sign`). */
function costRowsChanged(table: 'ticket_work_logs' | 'ticket_expenses', rows: string, sign: number): string {
  return `
    PERFORM 1 FROM tickets WHERE id IN (SELECT ticket_id FROM ${rows}) ORDER BY id FOR NO KEY UPDATE;
    ${spread('report_cost_changes', costFacts(costRows(table, rows, sign), '(SELECT 1 AS sign, tk.* FROM tickets tk)'), COST_MEASURES, true)};`;
}

/** Signed changes of the ticket rollups for tickets written (`rows`, counted with `sign`). */
function ticketRowsChanged(rows: string, sign: number): string {
  return `
    ${spread('report_ticket_changes', ticketFacts(`(SELECT ${sign} AS sign, n.* FROM ${rows} n)`, 'zone'), TICKET_MEASURES, true)};
    INSERT INTO queue_open_count_changes (queue_id, unassigned, tickets)
    SELECT t.queue_id, t.assignee_id IS NULL, ${sign} * count(*) FROM ${rows} t WHERE t.status IN ${OPEN} GROUP BY 1, 2;`;
}

export class ReportRollups1765500000000 implements MigrationInterface {
  name = 'ReportRollups1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE report_dim AS ENUM ('all', 'work_class', 'priority', 'department', 'category', 'queue', 'kind')`);

    const ticketColumns = TICKET_MEASURES.map((m) => `${m} integer NOT NULL`).join(', ');
    const costColumns = COST_MEASURES.map((m) => `${m} bigint NOT NULL`).join(', ');
    for (const [table, columns] of [
      ['report_ticket', ticketColumns],
      ['report_cost', costColumns],
    ] as const) {
      // key: the dimension's value as text (an id or a vocabulary word); null for 'all' and for no category.
      await q.query(`CREATE TABLE ${table}_days (day date NOT NULL, dim report_dim NOT NULL, key text, ${columns})`);
      await q.query(`CREATE UNIQUE INDEX ${table}_days_key ON ${table}_days (dim, day, key) NULLS NOT DISTINCT`);
      // The same by month (day: the month's first), for reports whose periods are whole months.
      await q.query(`CREATE TABLE ${table}_months (day date NOT NULL, dim report_dim NOT NULL, key text, ${columns})`);
      await q.query(`CREATE UNIQUE INDEX ${table}_months_key ON ${table}_months (dim, day, key) NULLS NOT DISTINCT`);
      await q.query(`CREATE TABLE ${table}_changes (day date NOT NULL, dim report_dim NOT NULL, key text, ${columns})`);
      await q.query(`CREATE INDEX ${table}_changes_dim_idx ON ${table}_changes (dim, day)`);
    }
    // The days with tickets still open, for the backlog's ages (a few recent days among years).
    await q.query(`CREATE INDEX report_ticket_days_open_idx ON report_ticket_days (dim, day) WHERE open_now <> 0`);
    await q.query(
      `CREATE TABLE queue_open_counts (queue_id uuid NOT NULL, unassigned boolean NOT NULL, tickets integer NOT NULL,
                                       PRIMARY KEY (queue_id, unassigned))`,
    );
    await q.query(
      `CREATE TABLE queue_open_count_changes (queue_id uuid NOT NULL, unassigned boolean NOT NULL, tickets integer NOT NULL)`,
    );

    await q.query(
      `CREATE TABLE report_rollup_zone (one boolean PRIMARY KEY DEFAULT true CONSTRAINT report_rollup_zone_one_check CHECK (one),
                                        time_zone text NOT NULL)`,
    );
    await q.query(
      `INSERT INTO report_rollup_zone (time_zone)
       SELECT coalesce((SELECT time_zone FROM calendars WHERE system_key = 'city_office_hours'), 'America/New_York')`,
    );

    // Tickets: inserted and deleted ones by statement (an import or a bulk load adds up once).
    const zone = `DECLARE zone text := (SELECT time_zone FROM report_rollup_zone);`;
    await q.query(`
      CREATE FUNCTION report_rollups_tickets_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      ${zone}
      BEGIN ${ticketRowsChanged('new_rows', 1)}
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_rollups_tickets_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      ${zone}
      BEGIN ${ticketRowsChanged('old_rows', -1)}
        RETURN NULL;
      END $$`);
    // An updated ticket: the new row counted in, the old one out; its costs move with its dimensions.
    const both = `(SELECT 1 AS sign, (NEW).* UNION ALL SELECT -1, (OLD).*)`;
    await q.query(`
      CREATE FUNCTION report_rollups_ticket_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      ${zone}
      BEGIN
        ${spread('report_ticket_changes', ticketFacts(both, 'zone'), TICKET_MEASURES, true)};
        IF (OLD.work_class, OLD.priority, OLD.department_id, OLD.category_id, OLD.queue_id, OLD.kind)
           IS DISTINCT FROM (NEW.work_class, NEW.priority, NEW.department_id, NEW.category_id, NEW.queue_id, NEW.kind) THEN
          ${spread(
            'report_cost_changes',
            costFacts(
              `${costRows('ticket_work_logs', '(SELECT * FROM ticket_work_logs WHERE ticket_id = NEW.id)', 1)}
               UNION ALL ${costRows('ticket_expenses', '(SELECT * FROM ticket_expenses WHERE ticket_id = NEW.id)', 1)}`,
              both,
            ),
            COST_MEASURES,
            true,
          )};
        END IF;
        INSERT INTO queue_open_count_changes (queue_id, unassigned, tickets)
        SELECT v.queue_id, v.unassigned, sum(v.tickets)
          FROM (VALUES (NEW.queue_id, NEW.assignee_id IS NULL, CASE WHEN NEW.status IN ${OPEN} THEN 1 ELSE 0 END),
                       (OLD.queue_id, OLD.assignee_id IS NULL, CASE WHEN OLD.status IN ${OPEN} THEN -1 ELSE 0 END)) v(queue_id, unassigned, tickets)
         GROUP BY 1, 2
        HAVING sum(v.tickets) <> 0;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER report_rollups_tickets_inserted AFTER INSERT ON tickets REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_tickets_inserted()`);
    await q.query(`
      CREATE TRIGGER report_rollups_tickets_deleted AFTER DELETE ON tickets REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_tickets_deleted()`);
    // Only changes of what the rollups count wake it (most ticket updates are clock and text changes).
    const watched = [
      'created_at',
      'status',
      'resolved_at',
      'closed_at',
      'first_response_breached',
      'resolution_breached',
      'work_class',
      'priority',
      'department_id',
      'category_id',
      'queue_id',
      'kind',
      'assignee_id',
    ];
    await q.query(`
      CREATE TRIGGER report_rollups_ticket_updated AFTER UPDATE ON tickets FOR EACH ROW
      WHEN ((${watched.map((c) => `OLD.${c}`).join(', ')}) IS DISTINCT FROM (${watched.map((c) => `NEW.${c}`).join(', ')}))
      EXECUTE FUNCTION report_rollups_ticket_updated()`);

    // Work logs and expenses, by statement.
    for (const table of ['ticket_work_logs', 'ticket_expenses'] as const) {
      for (const [event, body] of [
        ['inserted', costRowsChanged(table, 'new_rows', 1)],
        ['deleted', costRowsChanged(table, 'old_rows', -1)],
        ['updated', `${costRowsChanged(table, 'old_rows', -1)} ${costRowsChanged(table, 'new_rows', 1)}`],
      ] as const) {
        await q.query(`
          CREATE FUNCTION report_rollups_${table}_${event}() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN ${body}
            RETURN NULL;
          END $$`);
      }
      await q.query(`
        CREATE TRIGGER report_rollups_${table}_inserted AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_${table}_inserted()`);
      await q.query(`
        CREATE TRIGGER report_rollups_${table}_deleted AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_${table}_deleted()`);
      await q.query(`
        CREATE TRIGGER report_rollups_${table}_updated AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_${table}_updated()`);
    }

    // The city calendar's zone decides the day of every instant: a new zone cuts the ticket days again.
    await q.query(`
      CREATE FUNCTION report_rollups_rezone() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Ticket writers finish first, and new ones wait until this transaction ends.
        LOCK TABLE tickets IN SHARE MODE;
        UPDATE report_rollup_zone SET time_zone = NEW.time_zone;
        DELETE FROM report_ticket_changes;
        DELETE FROM report_ticket_days;
        DELETE FROM report_ticket_months;
        ${spread('report_ticket_days', ticketFacts('(SELECT 1 AS sign, tk.* FROM tickets tk)', 'NEW.time_zone'), TICKET_MEASURES, false)};
        ${byMonth('report_ticket', TICKET_MEASURES)};
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER report_rollups_rezone AFTER UPDATE OF time_zone ON calendars FOR EACH ROW
      WHEN (NEW.system_key = 'city_office_hours' AND OLD.time_zone IS DISTINCT FROM NEW.time_zone)
      EXECUTE FUNCTION report_rollups_rezone()`);

    // What is there already.
    await q.query(
      spread(
        'report_ticket_days',
        ticketFacts('(SELECT 1 AS sign, tk.* FROM tickets tk)', '(SELECT time_zone FROM report_rollup_zone)'),
        TICKET_MEASURES,
        false,
      ),
    );
    await q.query(
      spread(
        'report_cost_days',
        costFacts(
          `${costRows('ticket_work_logs', 'ticket_work_logs', 1)} UNION ALL ${costRows('ticket_expenses', 'ticket_expenses', 1)}`,
          '(SELECT 1 AS sign, tk.* FROM tickets tk)',
        ),
        COST_MEASURES,
        false,
      ),
    );
    await q.query(byMonth('report_ticket', TICKET_MEASURES));
    await q.query(byMonth('report_cost', COST_MEASURES));
    await q.query(`
      INSERT INTO queue_open_counts (queue_id, unassigned, tickets)
      SELECT queue_id, assignee_id IS NULL, count(*) FROM tickets WHERE status IN ${OPEN} GROUP BY 1, 2`);

    // The asset refresh report's repair spend: reactive tickets' labour per asset, from the index alone.
    await q.query(`
      CREATE INDEX tickets_reactive_asset_idx ON tickets (asset_id) INCLUDE (labour_cost_cents)
       WHERE asset_id IS NOT NULL AND work_class = 'reactive'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tickets_reactive_asset_idx`);
    await q.query(`DROP TRIGGER report_rollups_rezone ON calendars`);
    await q.query(`DROP FUNCTION report_rollups_rezone()`);
    for (const table of ['ticket_work_logs', 'ticket_expenses']) {
      for (const event of ['inserted', 'deleted', 'updated']) {
        await q.query(`DROP TRIGGER report_rollups_${table}_${event} ON ${table}`);
        await q.query(`DROP FUNCTION report_rollups_${table}_${event}()`);
      }
    }
    for (const name of ['report_rollups_tickets_inserted', 'report_rollups_tickets_deleted', 'report_rollups_ticket_updated']) {
      await q.query(`DROP TRIGGER ${name} ON tickets`);
      await q.query(`DROP FUNCTION ${name}()`);
    }
    await q.query(
      `DROP TABLE report_rollup_zone, queue_open_count_changes, queue_open_counts, report_cost_changes, report_cost_months,
                  report_cost_days, report_ticket_changes, report_ticket_months, report_ticket_days`,
    );
    await q.query(`DROP TYPE report_dim`);
  }
}
