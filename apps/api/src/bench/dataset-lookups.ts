import type { PoolClient } from 'pg';
import { computePriority } from '../modules/tickets/domain/priority.js';
import { IMPACTS, URGENCIES } from '../modules/tickets/domain/ticket-vocabulary.js';
import { occurrencesOfPlan, type DatasetShape } from './dataset-shape.js';

/**
 * Numbered lookups the history statements join on (`bench.requester`, `bench.member`, …), the
 * parameters every statement reads (`bench.params`), and the weekly maintenance plans.
 */
export async function writeLookups(db: PoolClient, shape: DatasetShape, t0: Date, timeZone: string): Promise<void> {
  const historyDays = Math.round(shape.years * 365.25);
  await db.query(
    `CREATE TABLE bench.params AS
     SELECT $1::timestamptz AS t0, $2::int AS history_days, $3::text AS tz,
            (floor(extract(epoch FROM $1::timestamptz - make_interval(days => $2 + 10)) / 60))::bigint AS base_min,
            (SELECT id FROM calendars WHERE system_key = 'city_office_hours') AS office_calendar_id,
            (SELECT id FROM calendars WHERE name = 'Public safety 24×7') AS safety_calendar_id,
            NULL::int AS t0_rank_office, NULL::int AS t0_rank_247, NULL::int AS day_len`,
    [t0, historyDays, timeZone],
  );
  await db.query(
    `CREATE FUNCTION bench.rnd(n bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT (hashint8extended(n, salt) & 9007199254740991)::float8 / 9007199254740992 $$`,
  );

  // The priority matrix as the app computes it, for every impact, urgency and life-safety flag.
  const matrix = IMPACTS.flatMap((impact) =>
    URGENCIES.flatMap((urgency) =>
      [false, true].map((lifeSafety) => ({
        impact,
        urgency,
        life_safety: lifeSafety,
        priority: computePriority(impact, urgency, lifeSafety),
      })),
    ),
  );
  await db.query(
    `CREATE TABLE bench.priority AS
     SELECT * FROM json_to_recordset($1::json) AS m(impact text, urgency text, life_safety boolean, priority text)`,
    [JSON.stringify(matrix)],
  );

  await db.query(
    `CREATE TABLE bench.requester AS
     SELECT row_number() OVER (ORDER BY u.email)::int AS k, u.id, u.name, u.department_id, d.life_safety,
            CASE WHEN d.calendar_id IS NULL THEN 0 ELSE 1 END AS cal
       FROM users u JOIN departments d ON d.id = u.department_id WHERE u.role = 'requester'`,
  );
  await db.query(`ALTER TABLE bench.requester ADD PRIMARY KEY (k)`);
  await db.query(
    `CREATE TABLE bench.category AS
     SELECT row_number() OVER (ORDER BY name)::int AS k, id, default_queue_id AS queue_id, default_kind::text AS default_kind
       FROM categories WHERE active`,
  );
  await db.query(
    `CREATE TABLE bench.member AS
     SELECT m.queue_id, row_number() OVER (PARTITION BY m.queue_id ORDER BY u.email)::int AS j, m.user_id, u.name
       FROM queue_members m JOIN users u ON u.id = m.user_id`,
  );
  await db.query(`CREATE TABLE bench.queue_size AS SELECT queue_id, count(*)::int AS cnt FROM bench.member GROUP BY queue_id`);
  await db.query(
    `CREATE TABLE bench.asset AS
     SELECT department_id, row_number() OVER (PARTITION BY department_id ORDER BY tag)::int AS j, id FROM assets`,
  );
  await db.query(
    `CREATE TABLE bench.policy AS
     SELECT p.position AS pos, v.id AS version_id, p.id AS policy_id, v.name, v.kinds::text[] AS kinds,
            v.priorities::text[] AS priorities, v.department_ids, v.category_ids,
            v.first_response_minutes AS fr, v.resolution_minutes AS res,
            jsonb_build_object('versionId', v.id, 'policyId', p.id, 'name', v.name, 'version', v.version, 'reason', 'created') AS matched
       FROM sla_policies p JOIN sla_policy_versions v ON v.id = p.current_version_id WHERE p.active`,
  );

  // Weekly maintenance plans: plan k in department k mod 50, worked by a queue that fits (public
  // safety's for life-safety departments), due at 08:00 on a weekday, created a week ahead. The
  // last occurrence is the latest whose ticket the generation job had made by t0.
  const occurrences = Array.from({ length: shape.maintenancePlans }, (_, k) => occurrencesOfPlan(shape, k));
  await db.query(
    `INSERT INTO maintenance_plans (name, title_template, description_template, category_id, queue_id, assignee_id, department_id,
                                    estimated_minutes, rule, starts_on, due_time, time_zone, lead_days, mode, fan_out, active,
                                    generate_from, next_run_at, created_by, created_at, updated_at)
     SELECT 'Weekly check ' || lpad(k::text, 4, '0') || ' – ' || d.name, '{{plan}} – due {{due_date}}',
            '- [ ] Check the device and its logs' || chr(10) || '- [ ] Apply pending updates' || chr(10) || '- [ ] Record the result',
            (SELECT id FROM categories WHERE name = 'On-site visit'), q.id, m.user_id, d.id, 60, 'FREQ=WEEKLY',
            last_due.day - 7 * (occ.n - 1), '08:00', prm.tz, 7, 'fixed', 'none', true,
            (last_due.day - 7 * (occ.n - 1))::timestamp AT TIME ZONE prm.tz, prm.t0,
            (SELECT id FROM users WHERE email = 'manager' || (k % 5 + 1) || '@bench.civicdesk.test'),
            ((last_due.day - 7 * (occ.n - 1))::timestamp AT TIME ZONE prm.tz) - interval '1 day',
            ((last_due.day - 7 * (occ.n - 1))::timestamp AT TIME ZONE prm.tz) - interval '1 day'
       FROM unnest($1::int[]) WITH ORDINALITY AS occ(n, k)
       CROSS JOIN bench.params prm
       JOIN (SELECT id, name, life_safety, row_number() OVER (ORDER BY code) AS i FROM departments) d
         ON d.i = (occ.k - 1) % (SELECT count(*) FROM departments) + 1
       JOIN queues q ON q.name = CASE WHEN d.life_safety THEN 'Public Safety Systems'
                                      ELSE (ARRAY['Field Services', 'Desktop Support', 'Infrastructure', 'Network'])[occ.k % 4 + 1] END
       JOIN bench.queue_size qs ON qs.queue_id = q.id
       JOIN bench.member m ON m.queue_id = q.id AND m.j = occ.k % qs.cnt + 1
       CROSS JOIN LATERAL (
         SELECT max(c.day) AS day
           FROM generate_series((prm.t0 AT TIME ZONE prm.tz)::date - 7, (prm.t0 AT TIME ZONE prm.tz)::date + 7, interval '1 day') AS g,
                LATERAL (SELECT g::date AS day) c
          WHERE extract(isodow FROM c.day) = occ.k % 5 + 1
            AND ((c.day - 7) + time '08:10') AT TIME ZONE prm.tz <= prm.t0) last_due`,
    [occurrences],
  );
  await db.query(
    `CREATE TABLE bench.plan AS
     SELECT row_number() OVER (ORDER BY p.name)::int AS p, p.id, p.name, p.department_id, p.queue_id, p.assignee_id,
            a.name AS assignee_name, p.category_id, p.created_by, c.name AS creator_name, d.life_safety,
            CASE WHEN d.calendar_id IS NULL THEN 0 ELSE 1 END AS cal, p.starts_on AS start_day,
            (SELECT count(*) FROM generate_series(p.starts_on, (SELECT (t0 AT TIME ZONE tz)::date + 7 FROM bench.params), interval '7 days') AS g
              WHERE ((g::date - 7) + time '08:10') AT TIME ZONE p.time_zone <= (SELECT t0 FROM bench.params))::int AS occurrences
       FROM maintenance_plans p JOIN departments d ON d.id = p.department_id JOIN users a ON a.id = p.assignee_id
       JOIN users c ON c.id = p.created_by`,
  );
  await db.query(`ANALYZE bench.params, bench.priority, bench.requester, bench.category, bench.member, bench.queue_size,
                          bench.asset, bench.policy, bench.plan`);
}
