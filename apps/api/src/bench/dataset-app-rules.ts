import type { DataSource } from 'typeorm';
import { FixedClock } from '../common/time/clock.js';
import { dueFixed, nextRunAt } from '../modules/maintenance/domain/plan-schedule.js';
import { SELECT_PLAN, scheduleOf, type PlanRow } from '../modules/maintenance/maintenance-generator.service.js';
import { SlaPoliciesService } from '../modules/sla-policies/sla-policies.service.js';
import { levelsToFire, SLA_COLUMN_TYPES, slaColumns } from '../modules/ticket-sla/domain/clock-columns.js';
import { TicketSlaService } from '../modules/ticket-sla/ticket-sla.service.js';

/**
 * The parts of the dataset the app's own code writes or checks: the clocks of open tickets
 * (stored by TicketSlaService, as a live change would), the maintenance plans' next runs
 * (the recurrence rules'), and a sample of the SQL-written clocks replayed against the library.
 */

const OPEN_BATCH = 500;

/**
 * Stores the clocks of every open ticket as of `t0`. Escalation levels that fell due before t0
 * are recorded as passed without actions (as the history writer does for imported history), then
 * the clocks are stored again so the sweep only sees levels still to come. Returns how many.
 */
export async function storeOpenClocks(dataSource: DataSource, t0: Date): Promise<{ tickets: number; passedLevels: number }> {
  const sla = new TicketSlaService(new SlaPoliciesService(dataSource, new FixedClock(t0)));
  const open: { id: string }[] = await dataSource.query(
    `SELECT id FROM tickets WHERE status IN ('new', 'assigned', 'in_progress', 'waiting_on_requester', 'waiting_on_vendor')
      ORDER BY id`,
  );
  let passedLevels = 0;
  for (let i = 0; i < open.length; i += OPEN_BATCH) {
    const ids = open.slice(i, i + OPEN_BATCH).map((r) => r.id);
    passedLevels += await dataSource.transaction(async (manager) => {
      const evaluations = await sla.refreshMany(manager, ids, t0);
      const passed = evaluations.flatMap((e) =>
        levelsToFire(e.clock, e.fired).map((l) => ({
          ticket_id: e.ticket.id,
          target: l.target,
          cycle: l.cycle,
          level: l.level,
          percent: l.percent,
          policy_version_id: e.version.versionId,
          due_at: l.dueAt,
        })),
      );
      if (passed.length === 0) return 0;
      await manager.query(
        `INSERT INTO sla_escalations (ticket_id, target, cycle, level, percent, policy_version_id, actions, due_at, fired_at)
         SELECT r.ticket_id, r.target, r.cycle, r.level, r.percent, r.policy_version_id, '[]'::jsonb, r.due_at, $2
           FROM json_to_recordset($1::json) AS r(ticket_id uuid, target text, cycle int, level int, percent int,
                                                 policy_version_id uuid, due_at timestamptz)
         ON CONFLICT (ticket_id, target, cycle, level) DO NOTHING`,
        [JSON.stringify(passed), t0],
      );
      await sla.refreshMany(manager, [...new Set(passed.map((p) => p.ticket_id))], t0);
      return passed.length;
    });
  }
  return { tickets: open.length, passedLevels };
}

/**
 * Sets each plan's next run as the generation job would after its last run, and checks that the
 * occurrences written are exactly those the plan's rule had due by t0.
 */
export async function scheduleMaintenancePlans(dataSource: DataSource, t0: Date): Promise<number> {
  const plans: (PlanRow & { occurrences: string[] })[] = await dataSource.query(
    `${SELECT_PLAN.replace(
      'FROM maintenance_plans p',
      `, ARRAY(SELECT to_char(o.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') FROM maintenance_occurrences o
                WHERE o.plan_id = p.id ORDER BY o.due_at) AS occurrences FROM maintenance_plans p`,
    )}`,
  );
  const updates: { id: string; next: Date }[] = [];
  for (const plan of plans) {
    const schedule = scheduleOf(plan);
    const from = new Date(plan.generate_from);
    const expected: string[] = [];
    for (let after: Date | null = null; ;) {
      const dues = dueFixed(schedule, from, after, t0);
      if (dues.length === 0) break;
      expected.push(...dues.map((d) => d.toISOString().replace('.000Z', 'Z')));
      after = dues[dues.length - 1]!;
    }
    if (expected.join() !== plan.occurrences.join()) {
      throw new Error(
        `maintenance plan "${plan.name}": the rule has ${expected.length} occurrences due by t0 ` +
          `(first ${expected[0]}), the dataset wrote ${plan.occurrences.length} (first ${plan.occurrences[0]})`,
      );
    }
    const last = plan.occurrences.length ? new Date(plan.occurrences[plan.occurrences.length - 1]!) : null;
    updates.push({ id: plan.id, next: nextRunAt(schedule, from, last, t0) });
  }
  await dataSource.query(
    `UPDATE maintenance_plans p SET next_run_at = u.next FROM json_to_recordset($1::json) AS u(id uuid, next timestamptz)
      WHERE p.id = u.id`,
    [JSON.stringify(updates)],
  );
  return plans.length;
}

const CLOCK_COLUMNS = Object.keys(SLA_COLUMN_TYPES) as (keyof typeof SLA_COLUMN_TYPES)[];

/**
 * Replays the clocks of `sample` resolved, closed and canceled tickets (every path the generator
 * takes: plain, paused, reopened, canceled, maintenance) with the app's TicketSlaService and
 * compares them with what the SQL stored, with the policy the app's matcher picks. Throws on
 * the first difference, naming the ticket and column.
 */
export async function verifyStoredClocks(dataSource: DataSource, t0: Date, sample: number): Promise<number> {
  const policies = new SlaPoliciesService(dataSource, new FixedClock(t0));
  const sla = new TicketSlaService(policies);
  const [counted]: { count: number }[] = await dataSource.query(`SELECT count(*)::int AS count FROM tickets`);
  const count = counted?.count ?? 0;
  const percent = Math.min(100, (200 * sample) / Math.max(1, count));
  const rows: Record<string, unknown>[] = await dataSource.query(
    `(SELECT t.id, t.number, t.kind, t.priority, t.department_id, t.category_id, t.status, t.reopen_count, t.sla_paused_minutes,
             ${CLOCK_COLUMNS.map((c) => `t.${c}`).join(', ')}
        FROM tickets t TABLESAMPLE BERNOULLI ($2)
       WHERE t.status IN ('resolved', 'closed', 'canceled') LIMIT $1)
     UNION
     (SELECT t.id, t.number, t.kind, t.priority, t.department_id, t.category_id, t.status, t.reopen_count, t.sla_paused_minutes,
             ${CLOCK_COLUMNS.map((c) => `t.${c}`).join(', ')}
        FROM tickets t WHERE t.status IN ('resolved', 'closed') AND (t.reopen_count > 0 OR t.sla_paused_minutes > 0
             OR t.kind = 'maintenance' OR t.resolution_breached OR t.first_response_breached) LIMIT $1)`,
    [sample, percent],
  );
  const match = await policies.matcher(dataSource.manager);
  const evaluations = new Map(
    (
      await dataSource.transaction((manager) =>
        sla.evaluate(
          manager,
          rows.map((r) => r.id as string),
          t0,
        ),
      )
    ).map((e) => [e.ticket.id, e]),
  );
  for (const row of rows) {
    const evaluation = evaluations.get(row.id as string);
    if (!evaluation) throw new Error(`ticket ${String(row.number)} has no SLA policy`);
    const matched = match({
      kind: row.kind as never,
      priority: row.priority as never,
      departmentId: row.department_id as string,
      categoryId: row.category_id as string | null,
    });
    if (matched?.versionId !== evaluation.version.versionId) {
      throw new Error(
        `ticket ${String(row.number)}: stored policy ${evaluation.version.name}, the matcher picks ${matched?.name}`,
      );
    }
    const expected: Record<string, unknown> = {
      sla_calendar_id: evaluation.calendar.id,
      ...slaColumns(evaluation.clock, false, evaluation.fired, evaluation.version.active),
    };
    for (const column of CLOCK_COLUMNS) {
      if (normalise(row[column]) !== normalise(expected[column])) {
        throw new Error(
          `ticket ${String(row.number)} (${String(row.status)}): ${column} is ${normalise(row[column])}, ` +
            `the app's clock says ${normalise(expected[column])}`,
        );
      }
    }
  }
  return rows.length;
}

/** Stored and computed values in one spelling: dates as ISO strings, numbers and flags as text. */
function normalise(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
