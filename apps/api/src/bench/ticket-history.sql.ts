/**
 * The benchmark city's ticket history as set-based SQL over `generate_series`: a million tickets
 * in a few statements, each row what the live API would have stored for that ticket's life.
 *
 * Staging tables in schema `bench` (unlogged, dropped at the end) carry each ticket through
 * four stages:
 *   t1  facts: requester, department, category, kind, priority (the app's matrix), queue, assignee,
 *       device, when it was filed;
 *   t2  the SLA policy the app's first-match rule gives it, its calendar, and business-minute rank
 *       of its creation;
 *   t3  the planned life in business-minute ranks: first response, a pause waiting on a vendor, a
 *       reopen, the resolution, the close; open tickets stop at a chosen status before `t0`;
 *   t4  wall-clock times (W(rank)), what happened by `t0`, the status, and for tickets whose clock
 *       has stopped (resolved, closed, canceled) the stored SLA columns, worked out as
 *       `computeTicketClock` does.
 * Then `ev` holds every event of every ticket in trail order, with the comments, work logs and
 * expenses behind them; the real tables are filled from these. Open tickets' clocks are stored by
 * the app's own TicketSlaService afterwards (see open-ticket-clocks.ts).
 *
 * Randomness is `bench.rnd(n, salt)`: a hash of the ticket's ordinal, so a scale always makes the
 * same city.
 */

/**
 * W(r): the start of the business minute of rank r. Office days all open for the same length
 * (`prm.day_len`, checked when the tables are made), so rank r lies on open day r / day_len:
 * a join on that small table (or arithmetic on 24×7).
 */
const W = (alias: string, rank: string): { expr: string; join: string } => ({
  expr: `CASE WHEN t.cal = 1 THEN to_timestamp((prm.base_min + (${rank})) * 60)
              ELSE ${alias}.open_at + make_interval(mins => ((${rank}) % prm.day_len)::int) END`,
  join: `LEFT JOIN bench.open_day ${alias} ON t.cal = 0 AND ${alias}.k = (${rank}) / prm.day_len`,
});

/** T(r): the end of the r-th business minute, when a clock started at rank c is due after r − c minutes. */
const T = (alias: string, rank: string): { expr: string; join: string } => {
  const w = W(alias, `(${rank}) - 1`);
  return { expr: `(${w.expr}) + interval '1 minute'`, join: w.join };
};

/** idx(t): business minutes before instant `t` on the ticket's calendar (joins the day of `t`). */
const IDX = (alias: string, instant: string): { expr: string; join: string } => ({
  expr: `CASE WHEN t.cal = 1 THEN (floor(extract(epoch FROM ${instant}) / 60)::bigint - prm.base_min)::int
              ELSE ${alias}.cum_before + CASE WHEN ${alias}.len = 0 THEN 0
                   ELSE least(greatest(floor(extract(epoch FROM (${instant} - ${alias}.open_at)) / 60)::int, 0), ${alias}.len) END END`,
  join: `LEFT JOIN bench.days ${alias} ON t.cal = 0 AND ${alias}.day = (${instant} AT TIME ZONE prm.tz)::date`,
});

export interface HistoryParameters {
  requestTickets: number;
  openShare: number;
  assetsPerDepartment: number;
}

export const TITLES = {
  incident: [
    'Cannot sign in to the workstation',
    'Printer shows a paper jam but has no paper in it',
    'Outlook keeps asking for my password',
    'No network connection at my desk',
    'Wi-Fi drops every few minutes',
    'Laptop will not power on',
    'Shared drive is not reachable',
    'Phone has no dial tone',
    'Monitor flickers and goes black',
    'VPN disconnects when I join a call',
    'Application crashes when saving a record',
    'Website form returns an error',
    'Dispatch console is slow to load calls',
    'Radio cannot reach the repeater',
    'In-car computer will not connect',
    'Permit system shows a blank page',
    'Payroll export failed overnight',
    'Scanner sends empty documents',
    'Meeting room display has no signal',
    'Account locked after password change',
  ],
  service_request: [
    'New laptop for a new hire',
    'Access to the finance shared folder',
    'Install GIS software',
    'Set up a desk phone for a new employee',
    'Reset my multi-factor authentication',
    'Create a distribution list',
    'Remove access for a departing employee',
    'Move equipment to another office',
    'Request a second monitor',
    'Licence for PDF editing software',
    'Book equipment for a public meeting',
    'New mobile phone for field work',
  ],
} as const;

export const DESCRIPTIONS = [
  'It started this morning and others in the office see the same thing. I restarted twice already.',
  'This is blocking our work at the counter; residents are waiting.',
  'Happens every day around the same time, usually after lunch.',
  'Please see the screenshot I described: the error mentions a timeout.',
  'Needed before the council meeting next week.',
  'The device is in room 204, the key is at the front desk.',
  'Only happens on this one computer; the one next to it works fine.',
  'We need this for the new employee starting on Monday.',
] as const;

const COMMENT = {
  requester: 'Any news on this? It is still happening and we need it for today.',
  note: 'Checked the logs and the device; this needs a part from the vendor or a maintenance window.',
  question: 'Could you tell me when this started and whether colleagues see the same problem?',
  resolution: 'Fixed and tested with the user. Please reopen if it comes back.',
} as const;

const VENDORS = ['CDW Government', 'Dell Technologies', 'Motorola Solutions', 'Insight Public Sector', 'SHI International'];

/**
 * A step of the build. With `table`, `sql` is a query whose rows make that (unlogged) table;
 * otherwise a statement. With `split`, the step runs as two statements at once, one per core,
 * each on the tickets whose ordinal (the `split` expression) has one parity: `{{part}}` in the
 * SQL is where that condition goes (`{{part:expr}}` puts the same condition on another column).
 * With `chunked`, it runs on ranges of 100,000 tickets instead, two at a time, so each range's
 * sort fits in memory; `before` runs first (the index the ranges read through).
 */
export interface BuildStatement {
  name: string;
  sql: string;
  table?: string;
  split?: string;
  chunked?: boolean;
  before?: string[];
}

/** The statements that build the staging tables, in order, each with a short name for the timings. */
export function historyStatements(p: HistoryParameters): BuildStatement[] {
  const rnd = (salt: number, n = 'n') => `bench.rnd(${n}, ${salt})`;
  const cDay = IDX('cd', 't.c_at');
  const dueDay = IDX('dd', 't.m_due');

  return [
    {
      name: 'staging: facts of incidents and requests (t1)',
      table: 'bench.t1',
      split: 'n',
      sql: `
      WITH picks AS (
        SELECT n,
               ${rnd(1)} < ${p.openShare} AS open_set,
               1 + floor(${rnd(2)} * (SELECT count(*) FROM bench.requester))::int AS rk,
               CASE WHEN ${rnd(3)} < 0.05 THEN NULL ELSE 1 + floor(${rnd(4)} * (SELECT count(*) FROM bench.category))::int END AS ck,
               ${rnd(5)} AS u_kind,
               CASE WHEN ${rnd(6)} < 0.02 THEN 'city_wide' WHEN ${rnd(6)} < 0.15 THEN 'department'
                    WHEN ${rnd(6)} < 0.45 THEN 'several_people' ELSE 'one_person' END AS impact,
               CASE WHEN ${rnd(7)} < 0.12 THEN 'work_stopped' WHEN ${rnd(7)} < 0.50 THEN 'work_degraded'
                    WHEN ${rnd(7)} < 0.85 THEN 'inconvenience' ELSE 'can_wait' END AS urgency,
               ${rnd(8)} AS u_assignee, ${rnd(9)} AS u_asset, ${rnd(10)} AS u_asset_pick,
               ${rnd(11)} AS u_behalf, ${rnd(12)} AS u_agent, ${rnd(13)} AS u_title, ${rnd(14)} AS u_text,
               -- Filed over the years before the last two days (80 % moved into office hours on a
               -- weekday), or, for the open backlog, within the last 30 days, most of them recent.
               CASE WHEN ${rnd(1)} < ${p.openShare}
                    THEN date_trunc('minute', prm.t0 - make_interval(secs => power(${rnd(20)}, 2) * 30 * 86400))
                    WHEN ${rnd(21)} < 0.8
                    THEN ((raw_day + CASE extract(isodow FROM raw_day) WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END)
                          + time '08:00' + make_interval(mins => floor(${rnd(22)} * 540)::int)) AT TIME ZONE prm.tz
                    ELSE date_trunc('minute', raw) END AS c_at
          FROM generate_series(1, ${p.requestTickets}) AS n
         CROSS JOIN bench.params prm
         CROSS JOIN LATERAL (SELECT prm.t0 - make_interval(days => prm.history_days)
                                    + make_interval(secs => ${rnd(20)} * (prm.history_days - 2) * 86400) AS raw) r
         CROSS JOIN LATERAL (SELECT (r.raw AT TIME ZONE prm.tz)::date AS raw_day) rd
         WHERE {{part}}
      )
      SELECT x.n, gen_random_uuid() AS id, x.open_set,
             coalesce(c.default_kind, CASE WHEN x.u_kind < 0.75 THEN 'incident' ELSE 'service_request' END) AS kind,
             c.id AS category_id, coalesce(c.queue_id, sd.id) AS queue_id,
             r.id AS requester_id, r.name AS requester_name, r.department_id, r.life_safety, r.cal,
             CASE WHEN x.u_behalf < 0.08 THEN agent.user_id ELSE r.id END AS created_by_id,
             x.impact, x.urgency, pr.priority,
             CASE WHEN coalesce(c.default_kind, CASE WHEN x.u_kind < 0.75 THEN 'incident' ELSE 'service_request' END) = 'incident'
                       AND x.u_asset < 0.35 THEN a.id END AS asset_id,
             m.user_id AS assignee_id, m.name AS assignee_name, agent.user_id AS agent_id,
             CASE WHEN coalesce(c.default_kind, CASE WHEN x.u_kind < 0.75 THEN 'incident' ELSE 'service_request' END) = 'incident'
                  THEN ($1::text[])[1 + floor(x.u_title * cardinality($1::text[]))::int]
                  ELSE ($2::text[])[1 + floor(x.u_title * cardinality($2::text[]))::int] END AS title,
             ($3::text[])[1 + floor(x.u_text * cardinality($3::text[]))::int] AS description,
             'web' AS source, NULL::uuid AS plan_id, NULL::text AS plan_name, NULL::timestamptz AS m_due, x.c_at
        FROM picks x
        JOIN bench.requester r ON r.k = x.rk
        LEFT JOIN bench.category c ON c.k = x.ck
        CROSS JOIN (SELECT id FROM queues WHERE system_key = 'service_desk') sd
        JOIN bench.priority pr ON pr.impact = x.impact AND pr.urgency = x.urgency AND pr.life_safety = r.life_safety
        JOIN bench.queue_size qs ON qs.queue_id = coalesce(c.queue_id, sd.id)
        JOIN bench.member m ON m.queue_id = qs.queue_id AND m.j = 1 + floor(x.u_assignee * qs.cnt)::int
        JOIN bench.queue_size sds ON sds.queue_id = sd.id
        JOIN bench.member agent ON agent.queue_id = sd.id AND agent.j = 1 + floor(x.u_agent * sds.cnt)::int
        JOIN bench.asset a ON a.department_id = r.department_id AND a.j = 1 + floor(x.u_asset_pick * ${p.assetsPerDepartment})::int`,
    },
    {
      name: 'staging: facts of maintenance tasks (t1)',
      sql: `
      INSERT INTO bench.t1
      -- Maintenance: each weekly plan's occurrences, created lead days before they are due (the
      -- generation job's tick a few minutes later), assigned to the plan's technician.
      SELECT ${p.requestTickets} + row_number() OVER (ORDER BY pl.p, o.k) AS n, gen_random_uuid(), false,
             'maintenance', pl.category_id, pl.queue_id, pl.created_by, pl.creator_name, pl.department_id, pl.life_safety, pl.cal,
             pl.created_by, 'several_people', 'can_wait', pr.priority, NULL::uuid, pl.assignee_id, pl.assignee_name, NULL::uuid,
             left(pl.name || ' – due ' || to_char(o.due_day, 'YYYY-MM-DD'), 200),
             '- [ ] Check the device and its logs' || chr(10) || '- [ ] Apply pending updates' || chr(10) || '- [ ] Record the result',
             'schedule', pl.id, pl.name, (o.due_day + time '08:00') AT TIME ZONE prm.tz,
             ((o.due_day - 7) + time '08:00') AT TIME ZONE prm.tz + make_interval(mins => (abs(hashint8extended(pl.p * 100000 + o.k, 40)) % 5)::int)
        FROM bench.plan pl
        CROSS JOIN bench.params prm
        CROSS JOIN LATERAL (SELECT k, pl.start_day + 7 * k AS due_day FROM generate_series(0, pl.occurrences - 1) AS k) o
        JOIN bench.priority pr ON pr.impact = 'several_people' AND pr.urgency = 'can_wait' AND pr.life_safety = pl.life_safety`,
    },
    {
      name: 'staging: policy of every kind, priority, department and category',
      // The app's rule (the first active policy, by position, whose every condition holds; an empty
      // condition holds for anything) once per combination instead of once per ticket.
      table: 'bench.policy_match',
      sql: `
      SELECT k.kind, pr.priority, d.id AS department_id, c.id AS category_id, pol.*
        FROM unnest(ARRAY['incident', 'service_request', 'maintenance']) AS k(kind)
       CROSS JOIN unnest(ARRAY['P1', 'P2', 'P3', 'P4']) AS pr(priority)
       CROSS JOIN departments d
       CROSS JOIN (SELECT id FROM categories UNION ALL SELECT NULL) c
       CROSS JOIN LATERAL (
         SELECT p.version_id, p.fr, p.res, p.matched FROM bench.policy p
          WHERE (cardinality(p.kinds) = 0 OR k.kind = ANY (p.kinds))
            AND (cardinality(p.priorities) = 0 OR pr.priority = ANY (p.priorities))
            AND (cardinality(p.department_ids) = 0 OR d.id = ANY (p.department_ids))
            AND (cardinality(p.category_ids) = 0 OR c.id = ANY (p.category_ids))
          ORDER BY p.pos LIMIT 1) pol`,
    },
    {
      name: 'staging: policy match and creation rank (t2)',
      table: 'bench.t2',
      split: 't.n',
      sql: `
      SELECT t.*, pol.version_id, pol.fr, pol.res, pol.matched AS matched_data,
             ${cDay.expr} AS c_rank,
             CASE WHEN t.m_due IS NULL THEN NULL ELSE ${dueDay.expr} END AS due_rank,
             CASE WHEN t.cal = 1 THEN prm.t0_rank_247 ELSE prm.t0_rank_office END AS t0_rank
        FROM bench.t1 t
        CROSS JOIN bench.params prm
        ${cDay.join}
        ${dueDay.join}
        JOIN bench.policy_match pol
          ON pol.kind = t.kind AND pol.priority = t.priority AND pol.department_id = t.department_id
         AND pol.category_id IS NOT DISTINCT FROM t.category_id
       WHERE {{part}}`,
    },
    {
      name: 'staging: planned life in business minutes (t3)',
      table: 'bench.t3',
      split: 't.n',
      sql: `
      WITH d AS (
        SELECT t.*,
               CASE WHEN t.kind = 'maintenance' THEN 'maintenance'
                    WHEN t.open_set THEN 'open'
                    WHEN ${rnd(30, 't.n')} < 0.02 THEN 'cancel'
                    WHEN ${rnd(30, 't.n')} < 0.05 THEN 'reopen'
                    WHEN ${rnd(30, 't.n')} < 0.20 THEN 'pause'
                    ELSE 'plain' END AS path,
               -- Response and resolution as shares of the targets: most well inside, a tail past them.
               greatest(1, least(t.fr * 4, floor(t.fr * -ln(1 - ${rnd(31, 't.n')}) * 0.4)))::int AS fr_bm,
               ${rnd(32, 't.n')} AS u_res,
               (30 + least(9000, floor(-ln(1 - ${rnd(34, 't.n')}) * 900)))::int AS pause_len,
               (30 + floor(${rnd(35, 't.n')} * 570))::int AS gap_len,
               (10 + least(3000, floor(-ln(1 - ${rnd(36, 't.n')}) * 300)))::int AS second_len,
               ${rnd(33, 't.n')} AS u_pause_at,
               CASE WHEN ${rnd(37, 't.n')} < 0.22 THEN 'new' WHEN ${rnd(37, 't.n')} < 0.35 THEN 'assigned'
                    WHEN ${rnd(37, 't.n')} < 0.75 THEN 'in_progress' WHEN ${rnd(37, 't.n')} < 0.90 THEN 'waiting_on_vendor'
                    ELSE 'waiting_on_requester' END AS open_status,
               ${rnd(38, 't.n')} AS u_open_a, ${rnd(39, 't.n')} AS u_open_b
          FROM bench.t2 t
         WHERE {{part}}
      ),
      e AS (
        SELECT d.*, greatest(d.fr_bm + 5, least(d.res * 4, floor(d.res * -ln(1 - d.u_res) * 0.35)))::int AS res_bm FROM d
      )
      SELECT e.*,
             CASE WHEN path IN ('plain', 'pause', 'reopen') THEN c_rank + fr_bm
                  WHEN path = 'open' AND open_status <> 'new' AND t0_rank - c_rank >= 2
                  THEN c_rank + floor((t0_rank - c_rank - 1) * u_open_a * 0.6)::int
                  WHEN path = 'maintenance'
                  THEN greatest(c_rank + 1, due_rank + floor((u_res - 0.85) * 1500)::int - (30 + floor(u_pause_at * 240))::int)
             END AS f_rank,
             CASE WHEN path = 'pause' THEN c_rank + fr_bm + 1 + floor((res_bm - fr_bm - 1) * u_pause_at)::int
                  WHEN path = 'open' AND open_status LIKE 'waiting%' AND t0_rank - c_rank >= 2
                   AND t0_rank - (c_rank + floor((t0_rank - c_rank - 1) * u_open_a * 0.6)::int) >= 3
                  THEN c_rank + floor((t0_rank - c_rank - 1) * u_open_a * 0.6)::int + 1
                       + floor((t0_rank - (c_rank + floor((t0_rank - c_rank - 1) * u_open_a * 0.6)::int) - 2) * u_open_b)::int
             END AS x1_rank,
             CASE WHEN path = 'reopen' THEN c_rank + res_bm END AS r1_rank,
             CASE WHEN path = 'reopen' THEN c_rank + res_bm + gap_len END AS o_rank,
             CASE WHEN path = 'plain' THEN c_rank + res_bm
                  WHEN path = 'pause' THEN c_rank + res_bm + pause_len
                  WHEN path = 'reopen' THEN c_rank + res_bm + gap_len + second_len
                  WHEN path = 'maintenance'
                  THEN greatest(c_rank + 2, due_rank + floor((u_res - 0.85) * 1500)::int)
             END AS r_rank
        FROM e`,
    },
    {
      name: 'staging: times and status at t0 (t4)',
      table: 'bench.t4a',
      split: 't.n',
      sql: (() => {
        const f = W('mf', 't.f_rank');
        const x1 = W('mx1', 't.x1_rank');
        const x2 = W('mx2', 't.x1_rank + t.pause_len');
        const r1 = W('mr1', 't.r1_rank');
        const o = W('mo', 't.o_rank');
        const r = W('mr', 't.r_rank');
        return `
      WITH w AS (
        SELECT t.*, prm.t0,
               ${f.expr} AS f_w, ${x1.expr} AS x1_w,
               CASE WHEN t.path = 'pause' THEN ${x2.expr} END AS x2_w,
               ${r1.expr} AS r1_w, ${o.expr} AS o_w, ${r.expr} AS r_w
          FROM bench.t3 t CROSS JOIN bench.params prm
          ${f.join} ${x1.join} ${x2.join} ${r1.join} ${o.join} ${r.join}
         WHERE {{part}}
      ),
      cut AS (
        SELECT w.*,
               CASE WHEN f_w <= t0 THEN f_w END AS f_at,
               CASE WHEN x1_w <= t0 THEN x1_w END AS x1_at,
               CASE WHEN x2_w <= t0 THEN x2_w END AS x2_at,
               CASE WHEN r1_w <= t0 THEN r1_w END AS r1_at,
               CASE WHEN o_w <= t0 THEN o_w END AS o_at,
               CASE WHEN r_w <= t0 AND (path <> 'reopen' OR o_w <= t0) THEN r_w END AS r_at
          FROM w
      ),
      closing AS (
        SELECT cut.*,
               CASE WHEN path = 'cancel' THEN c_at + make_interval(mins => 1 + floor(${rnd(50, 'n')} * 10)::int)
                    WHEN coalesce(r_at, CASE WHEN o_at IS NULL THEN r1_at END) IS NULL THEN NULL
                    WHEN path <> 'maintenance' AND ${rnd(51, 'n')} < 0.25
                    THEN coalesce(r_at, r1_at) + make_interval(mins => 60 + floor(${rnd(52, 'n')} * 2820)::int)
                    -- The auto-close job's first quarter-hour tick once the resolution is 5 days old.
                    ELSE to_timestamp(ceil(extract(epoch FROM coalesce(r_at, r1_at) + interval '5 days') / 900) * 900)
               END AS cl_w,
               CASE WHEN path = 'cancel' THEN 'cancel' WHEN path <> 'maintenance' AND ${rnd(51, 'n')} < 0.25 THEN 'confirm' ELSE 'auto' END
                 AS close_kind
          FROM cut
      )
      SELECT closing.*,
             CASE WHEN cl_w <= t0 THEN cl_w END AS cl_at,
             CASE WHEN path = 'cancel' THEN 'canceled'
                  WHEN coalesce(r_at, CASE WHEN o_at IS NULL THEN r1_at END) IS NOT NULL
                  THEN CASE WHEN cl_w <= t0 THEN 'closed' ELSE 'resolved' END
                  WHEN o_at IS NOT NULL OR x2_at IS NOT NULL THEN 'in_progress'
                  WHEN x1_at IS NOT NULL THEN CASE WHEN path = 'open' AND open_status = 'waiting_on_requester'
                                                   THEN 'waiting_on_requester' ELSE 'waiting_on_vendor' END
                  WHEN f_at IS NOT NULL THEN CASE WHEN path = 'open' AND open_status = 'assigned' THEN 'assigned' ELSE 'in_progress' END
                  WHEN path = 'maintenance' THEN 'assigned'
                  ELSE 'new' END AS status
        FROM closing`;
      })(),
    },
    {
      name: 'staging: stored clocks of resolved and closed tickets (t4)',
      table: 'bench.t4',
      split: 't.n',
      sql: (() => {
        // The resolution clock skips one stretch at most: a pause, or the time between a first
        // resolution and its reopen. A target not reached before the stretch moves by its length.
        const firstRun = `CASE WHEN t.path = 'pause' THEN t.x1_rank - t.c_rank
                               WHEN t.path = 'reopen' AND t.o_at IS NOT NULL THEN t.r1_rank - t.c_rank END`;
        const skipped = `CASE WHEN t.path = 'pause' THEN t.pause_len WHEN t.path = 'reopen' AND t.o_at IS NOT NULL THEN t.gap_len ELSE 0 END`;
        const resDue = T(
          'mrd',
          `t.c_rank + t.res + CASE WHEN t.res > coalesce(${firstRun}, 2147483647) THEN ${skipped} ELSE 0 END`,
        );
        const frDue = T('mfd', 't.c_rank + t.fr');
        return `
      WITH s AS (
        SELECT t.*,
               t.status IN ('resolved', 'closed') AS stopped,
               coalesce(t.r_at, t.r1_at) AS final_at,
               CASE WHEN t.path = 'reopen' AND t.o_at IS NOT NULL THEN t.r_rank - t.c_rank - t.gap_len
                    WHEN t.path = 'reopen' THEN t.r1_rank - t.c_rank
                    WHEN t.path = 'pause' THEN t.r_rank - t.c_rank - t.pause_len
                    ELSE t.r_rank - t.c_rank END AS res_elapsed,
               CASE WHEN t.path = 'reopen' THEN t.r1_rank - t.c_rank END AS first_run_res,
               CASE WHEN t.kind <> 'maintenance' AND t.f_at IS NOT NULL THEN ${frDue.expr} END AS fr_due,
               CASE WHEN t.kind = 'maintenance' THEN t.m_due ELSE ${resDue.expr} END AS res_due
          FROM bench.t4a t CROSS JOIN bench.params prm
          ${frDue.join} ${resDue.join}
         WHERE {{part}}
      )
      SELECT s.*,
             CASE WHEN stopped AND kind <> 'maintenance' THEN fr_due END AS first_response_due_at,
             CASE WHEN stopped AND kind <> 'maintenance' THEN f_rank - c_rank END AS first_response_minutes,
             CASE WHEN stopped AND kind <> 'maintenance' THEN f_at > fr_due END AS first_response_breached,
             CASE WHEN stopped THEN res_due END AS resolution_due_at,
             CASE WHEN stopped THEN res_elapsed END AS resolution_minutes,
             CASE WHEN stopped THEN coalesce(first_run_res, res_elapsed) END AS first_resolution_minutes,
             CASE WHEN stopped THEN final_at > res_due END AS resolution_breached,
             CASE WHEN stopped AND path = 'pause' THEN pause_len ELSE 0 END AS sla_paused_minutes,
             CASE WHEN stopped THEN least(CASE WHEN kind <> 'maintenance' AND f_at > fr_due THEN fr_due END,
                                          CASE WHEN final_at > res_due THEN greatest(res_due, c_at) END) END AS sla_breached_at
        FROM s`;
      })(),
    },
    {
      name: 'staging: numbers',
      table: 'bench.numbered',
      sql: `
      SELECT t.n,
             CASE t.kind WHEN 'incident' THEN 'INC' WHEN 'service_request' THEN 'REQ' ELSE 'MNT' END || '-' ||
             CASE WHEN length(k::text) >= 6 THEN k::text ELSE lpad(k::text, 6, '0') END AS number
        FROM (SELECT n, kind, row_number() OVER (PARTITION BY kind ORDER BY c_at, n) AS k FROM bench.t4) t`,
    },
    {
      name: 'staging: events, comments, work logs and expenses (ev)',
      // Only the rows that happened get a JSON document or an id: CASE keeps the others from
      // building them (JSON building is most of this statement's cost); fixed documents are literals.
      table: 'bench.ev',
      split: 't.n',
      sql: `
      SELECT t.n, t.id AS ticket_id, v.seq, v.at, v.actor_id, v.type, v.public, v.data, v.row_id, v.body, v.internal,
             v.minutes, v.user_id
        FROM bench.t4 t
        CROSS JOIN bench.params prm
        CROSS JOIN LATERAL (
          SELECT CASE WHEN t.f_at IS NOT NULL AND t.kind <> 'maintenance' AND t.f_at - t.c_at >= interval '2 minutes'
                       AND ${rnd(60, 't.n')} < 0.10 THEN date_trunc('minute', t.c_at + (t.f_at - t.c_at) / 2) END AS requester_at,
                 CASE WHEN t.f_at IS NOT NULL AND t.status <> 'assigned' AND ${rnd(61, 't.n')} < 0.20
                      THEN date_trunc('minute', t.f_at + (coalesce(t.final_at, t.x1_at, prm.t0) - t.f_at) * 0.3) END AS note_at,
                 CASE WHEN t.r_at IS NOT NULL AND t.kind <> 'maintenance' AND ${rnd(62, 't.n')} < 0.70 THEN t.r_at END AS reply_at,
                 CASE WHEN t.f_at IS NOT NULL AND t.status <> 'assigned'
                      THEN CASE WHEN t.final_at IS NULL THEN floor(${rnd(63, 't.n')} * 3)::int
                                ELSE (ARRAY[0, 1, 1, 2, 2, 2, 2, 3, 3, 4])[1 + floor(${rnd(63, 't.n')} * 10)::int] END
                      ELSE 0 END AS logs,
                 CASE WHEN t.r_at IS NOT NULL AND ${rnd(64, 't.n')} < 0.04 THEN t.r_at END AS expense_at,
                 CASE WHEN t.kind <> 'maintenance' THEN t.f_at END AS take_at,
                 CASE WHEN t.status = 'waiting_on_requester' THEN t.x1_at END AS question_at,
                 coalesce(t.final_at, prm.t0) - t.f_at AS worked
          OFFSET 0 -- evaluated once per ticket, not inlined into every row below
        ) x
        CROSS JOIN LATERAL (
          SELECT CASE WHEN x.logs >= 1 THEN date_trunc('minute', t.f_at + x.worked * (1.0 / (x.logs + 1))) END AS log1,
                 CASE WHEN x.logs >= 2 THEN date_trunc('minute', t.f_at + x.worked * (2.0 / (x.logs + 1))) END AS log2,
                 CASE WHEN x.logs >= 3 THEN date_trunc('minute', t.f_at + x.worked * (3.0 / (x.logs + 1))) END AS log3,
                 CASE WHEN x.logs >= 4 THEN date_trunc('minute', t.f_at + x.worked * (4.0 / (x.logs + 1))) END AS log4
          OFFSET 0
        ) l
        CROSS JOIN LATERAL (
          VALUES
            (1, t.c_at, CASE WHEN t.kind = 'maintenance' THEN NULL ELSE t.created_by_id END, 'created', true,
             CASE WHEN t.kind = 'maintenance'
                  THEN jsonb_build_object('maintenancePlanId', t.plan_id, 'plan', t.plan_name,
                                          'dueAt', to_char(t.m_due AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                  WHEN t.created_by_id <> t.requester_id THEN '{"onBehalf": true}'::jsonb
                  ELSE '{"onBehalf": false}'::jsonb END,
             NULL::uuid, NULL::text, NULL::boolean, NULL::int, NULL::uuid),
            (2, CASE WHEN t.kind = 'maintenance' THEN t.c_at END, NULL, 'assigned', false,
             CASE WHEN t.kind = 'maintenance' THEN jsonb_build_object('from', NULL, 'to', t.assignee_id) END, NULL, NULL, NULL, NULL, NULL),
            (3, t.c_at, CASE WHEN t.kind = 'maintenance' THEN NULL ELSE t.created_by_id END, 'sla_policy_matched', false,
             t.matched_data, NULL, NULL, NULL, NULL, NULL),
            (4, x.requester_at, t.requester_id, 'commented', true, NULL,
             CASE WHEN x.requester_at IS NOT NULL THEN gen_random_uuid() END, '${COMMENT.requester}', false, NULL, NULL),
            (5, x.take_at, t.assignee_id, 'assigned', false,
             CASE WHEN x.take_at IS NOT NULL
                  THEN jsonb_build_object('from', NULL, 'to', t.assignee_id, 'fromName', NULL, 'toName', t.assignee_name) END,
             NULL, NULL, NULL, NULL, NULL),
            (6, t.f_at, t.assignee_id, 'status_changed', true,
             CASE WHEN t.kind = 'maintenance' THEN '{"from": "assigned", "to": "in_progress"}'::jsonb
                  WHEN t.status = 'assigned' THEN '{"from": "new", "to": "assigned"}'::jsonb
                  ELSE '{"from": "new", "to": "in_progress"}'::jsonb END,
             NULL, NULL, NULL, NULL, NULL),
            (7, x.note_at, t.assignee_id, 'commented', false, NULL,
             CASE WHEN x.note_at IS NOT NULL THEN gen_random_uuid() END, '${COMMENT.note}', true, NULL, NULL),
            (8, x.question_at, t.assignee_id, 'commented', true, NULL,
             CASE WHEN x.question_at IS NOT NULL THEN gen_random_uuid() END, '${COMMENT.question}', false, NULL, NULL),
            (9, t.x1_at, t.assignee_id, 'status_changed', true,
             CASE WHEN t.status = 'waiting_on_requester' THEN '{"from": "in_progress", "to": "waiting_on_requester"}'::jsonb
                  ELSE '{"from": "in_progress", "to": "waiting_on_vendor"}'::jsonb END,
             NULL, NULL, NULL, NULL, NULL),
            (10, t.x2_at, t.assignee_id, 'status_changed', true, '{"from": "waiting_on_vendor", "to": "in_progress"}'::jsonb,
             NULL, NULL, NULL, NULL, NULL),
            (11, l.log1, t.assignee_id, 'work_logged', false, NULL, CASE WHEN l.log1 IS NOT NULL THEN gen_random_uuid() END,
             NULL, NULL, 10 + floor(${rnd(65, 't.n')} * 170)::int, t.assignee_id),
            (12, l.log2, t.assignee_id, 'work_logged', false, NULL, CASE WHEN l.log2 IS NOT NULL THEN gen_random_uuid() END,
             NULL, NULL, 10 + floor(${rnd(66, 't.n')} * 170)::int, t.assignee_id),
            (13, l.log3, t.assignee_id, 'work_logged', false, NULL, CASE WHEN l.log3 IS NOT NULL THEN gen_random_uuid() END,
             NULL, NULL, 10 + floor(${rnd(67, 't.n')} * 170)::int, t.assignee_id),
            (14, l.log4, t.assignee_id, 'work_logged', false, NULL, CASE WHEN l.log4 IS NOT NULL THEN gen_random_uuid() END,
             NULL, NULL, 10 + floor(${rnd(68, 't.n')} * 170)::int, t.assignee_id),
            (15, t.r1_at, t.assignee_id, 'status_changed', true, '{"from": "in_progress", "to": "resolved"}'::jsonb,
             NULL, NULL, NULL, NULL, NULL),
            (16, t.o_at, t.requester_id, 'status_changed', true, '{"from": "resolved", "to": "in_progress"}'::jsonb,
             NULL, NULL, NULL, NULL, NULL),
            (17, t.o_at, t.requester_id, 'reopened', true, '{}'::jsonb, NULL, NULL, NULL, NULL, NULL),
            (18, x.reply_at, t.assignee_id, 'commented', true, NULL,
             CASE WHEN x.reply_at IS NOT NULL THEN gen_random_uuid() END, '${COMMENT.resolution}', false, NULL, NULL),
            (19, t.r_at, t.assignee_id, 'status_changed', true, '{"from": "in_progress", "to": "resolved"}'::jsonb,
             NULL, NULL, NULL, NULL, NULL),
            (20, x.expense_at, t.assignee_id, 'expense_added', false, NULL,
             CASE WHEN x.expense_at IS NOT NULL THEN gen_random_uuid() END, NULL, NULL,
             (2500 + floor(${rnd(69, 't.n')} * 87500))::int, t.assignee_id),
            (21, t.cl_at, CASE t.close_kind WHEN 'confirm' THEN t.requester_id WHEN 'cancel' THEN t.agent_id END, 'status_changed', true,
             CASE t.close_kind WHEN 'auto' THEN '{"from": "resolved", "to": "closed", "reason": "auto_close"}'::jsonb
                               WHEN 'confirm' THEN '{"from": "resolved", "to": "closed"}'::jsonb
                               ELSE '{"from": "new", "to": "canceled"}'::jsonb END,
             NULL, NULL, NULL, NULL, NULL),
            (22, CASE WHEN t.close_kind = 'confirm' THEN t.cl_at END, t.requester_id, 'confirmed', true, '{}'::jsonb,
             NULL, NULL, NULL, NULL, NULL)
        ) AS v(seq, at, actor_id, type, public, data, row_id, body, internal, minutes, user_id)
       WHERE v.at IS NOT NULL AND {{part}}`,
    },
    {
      name: 'staging: work log rates and costs',
      // The rate in force on a work date (rateInForce): the technician's own latest rate that began
      // by then, else their role's. Rates as periods [from, to), so each log joins its period.
      table: 'bench.cost',
      split: 'e.n',
      sql: `
      WITH own AS (
        SELECT user_id, effective_from AS from_day, lead(effective_from, 1, 'infinity') OVER w AS to_day, hourly_rate_cents AS cents
          FROM labor_rates WHERE user_id IS NOT NULL WINDOW w AS (PARTITION BY user_id ORDER BY effective_from)
      ),
      role_rate AS (
        SELECT role, effective_from AS from_day, lead(effective_from, 1, 'infinity') OVER w AS to_day, hourly_rate_cents AS cents
          FROM labor_rates WHERE role IS NOT NULL WINDOW w AS (PARTITION BY role ORDER BY effective_from)
      ),
      periods AS (
        SELECT user_id, from_day, to_day, cents FROM own
        UNION ALL
        -- Before a technician's first own rate, the role's rates apply.
        SELECT u.id, r.from_day, least(r.to_day, coalesce(first.day, 'infinity')), r.cents
          FROM users u JOIN role_rate r ON r.role = u.role
          LEFT JOIN (SELECT user_id, min(effective_from) AS day FROM labor_rates WHERE user_id IS NOT NULL GROUP BY user_id) first
            ON first.user_id = u.id
         WHERE u.role <> 'requester' AND r.from_day < coalesce(first.day, 'infinity')
      ),
      logs AS (
        SELECT e.n, e.seq, e.row_id, e.ticket_id, e.at, e.user_id, e.minutes AS amount, (e.at AT TIME ZONE prm.tz)::date AS work_date
          FROM bench.ev e CROSS JOIN bench.params prm WHERE e.type = 'work_logged' AND {{part}}
      )
      SELECT l.n, l.seq, l.row_id, l.ticket_id, l.at, l.user_id, l.amount, l.work_date, u.name AS user_name,
             p.cents AS rate_cents, round((l.amount * p.cents)::numeric / 60)::int AS cost_cents
        FROM logs l
        JOIN users u ON u.id = l.user_id
        JOIN periods p ON p.user_id = l.user_id AND p.from_day <= l.work_date AND l.work_date < p.to_day`,
    },
    {
      name: 'staging: ticket totals',
      table: 'bench.totals',
      split: 'e.n',
      sql: `
      SELECT n, sum(CASE WHEN e.type = 'work_logged' THEN e.minutes ELSE 0 END)::int AS labour_minutes,
             coalesce(sum(c.cost_cents), 0)::bigint AS labour_cost_cents,
             sum(CASE WHEN e.type = 'expense_added' THEN e.minutes ELSE 0 END)::bigint AS expense_cents,
             max(CASE WHEN e.type = 'commented' THEN e.at END) AS commented_at,
             count(*) FILTER (WHERE e.type = 'status_changed')::int AS status_changes
        FROM bench.ev e LEFT JOIN bench.cost c USING (n, seq)
       WHERE {{part}}
       GROUP BY n`,
    },
  ];
}

/** Statements that fill the real tables from the staging ones, in an order the foreign keys accept. */
export function loadStatements(): BuildStatement[] {
  return [
    {
      name: 'tickets',
      split: 't.n',
      sql: `
      INSERT INTO tickets (id, number, kind, work_class, title, description, status, impact, urgency, priority, requester_id,
                           department_id, queue_id, assignee_id, category_id, asset_id, source, created_by_id, created_at, updated_at,
                           first_response_at, resolved_at, closed_at, reopen_count, due_at, version, sla_policy_version_id,
                           sla_calendar_id, first_response_due_at, resolution_due_at, next_response_due_at, first_response_minutes,
                           resolution_minutes, first_resolution_minutes, sla_paused_minutes, sla_paused, first_response_breached,
                           resolution_breached, next_response_breached, sla_breached_at, sla_at_risk_at, next_escalation_at,
                           maintenance_plan_id, maintenance_due_at, labour_minutes, labour_cost_cents, expense_cents,
                           external_id, first_resolved_at)
      SELECT t.id, num.number, t.kind::ticket_kind,
             (CASE t.kind WHEN 'incident' THEN 'reactive' WHEN 'service_request' THEN 'service' ELSE 'proactive' END)::work_class,
             t.title, t.description, t.status::ticket_status, t.impact::ticket_impact, t.urgency::ticket_urgency,
             t.priority::ticket_priority, t.requester_id, t.department_id, t.queue_id,
             CASE WHEN t.f_at IS NOT NULL OR t.kind = 'maintenance' THEN t.assignee_id END,
             t.category_id, t.asset_id, t.source::ticket_source, t.created_by_id, t.c_at,
             greatest(t.c_at, t.f_at, t.x1_at, t.x2_at, t.r1_at, t.o_at, t.r_at, t.cl_at, tot.commented_at),
             t.f_at, coalesce(t.r_at, CASE WHEN t.o_at IS NULL THEN t.r1_at END), t.cl_at,
             CASE WHEN t.o_at IS NOT NULL THEN 1 ELSE 0 END, NULL, 1 + coalesce(tot.status_changes, 0), t.version_id,
             CASE WHEN t.cal = 1 THEN prm.safety_calendar_id ELSE prm.office_calendar_id END,
             t.first_response_due_at, t.resolution_due_at, NULL, t.first_response_minutes, t.resolution_minutes,
             t.first_resolution_minutes, t.sla_paused_minutes, false, t.first_response_breached, t.resolution_breached, false,
             t.sla_breached_at, NULL, NULL, t.plan_id, t.m_due, coalesce(tot.labour_minutes, 0), coalesce(tot.labour_cost_cents, 0),
             coalesce(tot.expense_cents, 0), NULL, coalesce(t.r1_at, t.r_at)
        FROM bench.t4 t
        CROSS JOIN bench.params prm
        JOIN bench.numbered num USING (n)
        LEFT JOIN bench.totals tot USING (n)
       WHERE {{part}}`,
    },
    {
      name: 'ticket comments',
      split: 'n',
      sql: `
      INSERT INTO ticket_comments (id, ticket_id, author_id, body, internal, created_at)
      SELECT row_id, ticket_id, actor_id, body, internal, at FROM bench.ev WHERE type = 'commented' AND {{part}}`,
    },
    {
      name: 'work logs',
      split: 'n',
      sql: `
      INSERT INTO ticket_work_logs (id, ticket_id, user_id, work_date, minutes, note, rate_cents, cost_cents, created_by_id,
                                    created_at, updated_at)
      SELECT row_id, ticket_id, user_id, work_date, amount, '', rate_cents, cost_cents, user_id, at, at FROM bench.cost WHERE {{part}}`,
    },
    {
      name: 'expenses',
      split: 'e.n',
      sql: `
      INSERT INTO ticket_expenses (id, ticket_id, type, amount_cents, vendor, spent_on, description, asset_id, created_by_id,
                                   created_at, updated_at)
      SELECT e.row_id, e.ticket_id, x.type::expense_type, e.minutes, x.vendor, (e.at AT TIME ZONE prm.tz)::date,
             'Replacement part and vendor service', t.asset_id, e.user_id, e.at, e.at
        FROM bench.ev e
        CROSS JOIN bench.params prm
        JOIN bench.t4 t USING (n)
        CROSS JOIN LATERAL (SELECT (ARRAY['parts', 'parts', 'vendor', 'contract', 'software'])[1 + floor(bench.rnd(e.n, 70) * 5)::int] AS type,
                                   ($1::text[])[1 + floor(bench.rnd(e.n, 71) * cardinality($1::text[]))::int] AS vendor) x
       WHERE e.type = 'expense_added' AND {{part}}`,
    },
    {
      name: 'maintenance occurrences',
      sql: `
      INSERT INTO maintenance_occurrences (plan_id, due_at, asset_id, ticket_id, created_at)
      SELECT plan_id, m_due, NULL, id, c_at FROM bench.t4 WHERE kind = 'maintenance'`,
    },
    {
      name: 'ticket events',
      split: 'e.n',
      chunked: true,
      before: ['CREATE INDEX ON bench.ev (n)', 'CREATE INDEX ON bench.cost (n, seq)'],
      // Data of cost events comes from the rows written above, so the trail matches them exactly.
      sql: `
      INSERT INTO ticket_events (ticket_id, actor_id, type, public, data, created_at)
      SELECT e.ticket_id, e.actor_id, e.type, e.public,
             CASE e.type
               WHEN 'commented' THEN jsonb_build_object('commentId', e.row_id, 'internal', e.internal)
               WHEN 'work_logged' THEN jsonb_build_object('workLogId', c.row_id, 'userId', c.user_id, 'userName', c.user_name,
                                                          'workDate', to_char(c.work_date, 'YYYY-MM-DD'), 'minutes', c.amount,
                                                          'rateCents', c.rate_cents, 'costCents', c.cost_cents)
               WHEN 'expense_added' THEN jsonb_build_object('expenseId', x.id, 'type', x.type, 'amountCents', x.amount_cents,
                                                            'vendor', x.vendor, 'spentOn', to_char(x.spent_on, 'YYYY-MM-DD'),
                                                            'assetId', x.asset_id)
               ELSE e.data END,
             e.at
        FROM bench.ev e
        LEFT JOIN bench.cost c ON e.type = 'work_logged' AND c.n = e.n AND c.seq = e.seq AND {{part:c.n}}
        LEFT JOIN ticket_expenses x ON e.type = 'expense_added' AND x.id = e.row_id
       WHERE {{part}}
       ORDER BY e.n, e.at, e.seq`,
    },
    {
      name: 'ticket number sequences',
      sql: `
      SELECT setval('ticket_number_' || kind, max(substring(number FROM '\\d+$')::bigint))
        FROM tickets GROUP BY kind`,
    },
  ];
}

export { VENDORS };
