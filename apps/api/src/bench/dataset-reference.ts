import type { PoolClient } from 'pg';
import { DEFAULT_LIFECYCLE_YEARS } from '../modules/assets/domain/asset-vocabulary.js';
import type { PolicyEscalation } from '../modules/sla-policies/domain/sla-policy-vocabulary.js';
import { BENCH_EMAIL_DOMAIN, type DatasetShape } from './dataset-shape.js';

/**
 * The benchmark city's people and reference data: departments with their calendars, users with
 * one known password, queues and their members, categories, SLA policies, labour rates and
 * devices. Small tables, written with a handful of set-based statements.
 */

/** Real city departments first; the rest are district and programme offices. Codes are unique. */
const DEPARTMENTS: readonly (readonly [name: string, code: string])[] = [
  ['Information Technology', 'IT'],
  ['City Hall', 'CH'],
  ['Finance', 'FIN'],
  ['Police', 'PD'],
  ['Fire', 'FD'],
  ['Emergency Communications', 'ECC'],
  ['Public Works', 'PW'],
  ['Parks and Recreation', 'PR'],
  ['Library', 'LIB'],
  ['Utilities', 'UTL'],
  ['Water', 'WTR'],
  ['Planning', 'PLN'],
  ['Building Inspections', 'BLD'],
  ['Human Resources', 'HR'],
  ['City Attorney', 'ATT'],
  ['City Clerk', 'CLK'],
  ['Municipal Court', 'CRT'],
  ['Transportation', 'TRN'],
  ['Housing', 'HSG'],
  ['Economic Development', 'ECD'],
  ['Health', 'HLT'],
  ['Sanitation', 'SAN'],
  ['Fleet Services', 'FLT'],
  ['Procurement', 'PRC'],
  ['Communications', 'COM'],
  ['Airport', 'AIR'],
  ['Port Authority', 'PRT'],
  ['Animal Services', 'ANS'],
  ['Code Enforcement', 'CDE'],
  ['Elections', 'ELC'],
  ['Assessor', 'ASR'],
  ['Treasury', 'TRS'],
  ['Risk Management', 'RSK'],
  ['Senior Services', 'SNR'],
  ['Youth Services', 'YTH'],
  ['Cultural Affairs', 'CUL'],
  ['Sustainability', 'SUS'],
  ['Stormwater', 'STM'],
  ['Streets', 'STR'],
  ['Traffic Engineering', 'TRF'],
  ['Facilities', 'FAC'],
  ['Convention Center', 'CNV'],
  ['Golf Courses', 'GLF'],
  ['Cemeteries', 'CEM'],
  ['Zoo', 'ZOO'],
  ['Museum', 'MUS'],
  ['Workforce Development', 'WFD'],
  ['Neighborhood Services', 'NBH'],
  ['Internal Audit', 'AUD'],
  ['Mayor’s Office', 'MYR'],
];

/** Departments whose tickets are life-safety: priority one step higher, stricter policies, a 24×7 calendar. */
const LIFE_SAFETY = new Set(['PD', 'FD', 'ECC']);

/** Queues: the two built-ins (matched by system_key) and 18 more. Restricted ones show only to members. */
const QUEUES: readonly (readonly [name: string, restricted: boolean, systemKey: string | null])[] = [
  ['Service Desk', false, 'service_desk'],
  ['Security', false, 'security'],
  ['Network', false, null],
  ['Public Safety Systems', true, null],
  ['Field Services', false, null],
  ['Applications', false, null],
  ['Telecom', false, null],
  ['Web and Digital Services', false, null],
  ['Data and GIS', false, null],
  ['Infrastructure', false, null],
  ['Identity and Access', false, null],
  ['Desktop Support', false, null],
  ['Printing', false, null],
  ['Police Records Systems', true, null],
  ['Utility SCADA', true, null],
  ['Library Systems', false, null],
  ['Finance Systems', false, null],
  ['Permitting Systems', false, null],
  ['Audio Visual', false, null],
  ['Licensing and Procurement', false, null],
];

/** Categories: name, the queue they route to, their default kind (null: the filer says). */
const CATEGORIES: readonly (readonly [name: string, queue: string, kind: 'incident' | 'service_request' | null])[] = [
  ['Hardware', 'Desktop Support', 'incident'],
  ['Laptop or desktop', 'Desktop Support', 'incident'],
  ['Printer', 'Printing', 'incident'],
  ['Software', 'Applications', null],
  ['Email', 'Service Desk', 'incident'],
  ['Account or password', 'Identity and Access', 'service_request'],
  ['Access request', 'Identity and Access', 'service_request'],
  ['Network or Wi-Fi', 'Network', 'incident'],
  ['VPN', 'Network', 'incident'],
  ['Telephone', 'Telecom', 'incident'],
  ['Mobile phone', 'Telecom', null],
  ['Website', 'Web and Digital Services', null],
  ['GIS and maps', 'Data and GIS', null],
  ['Server or storage', 'Infrastructure', 'incident'],
  ['Backup and restore', 'Infrastructure', 'service_request'],
  ['In-car computer', 'Public Safety Systems', 'incident'],
  ['Radio', 'Public Safety Systems', 'incident'],
  ['Dispatch (CAD)', 'Public Safety Systems', 'incident'],
  ['Records management', 'Police Records Systems', null],
  ['SCADA and telemetry', 'Utility SCADA', 'incident'],
  ['Library systems', 'Library Systems', null],
  ['ERP and payroll', 'Finance Systems', null],
  ['Permitting', 'Permitting Systems', null],
  ['Meeting rooms and AV', 'Audio Visual', 'service_request'],
  ['New equipment', 'Licensing and Procurement', 'service_request'],
  ['Software licence', 'Licensing and Procurement', 'service_request'],
  ['On-site visit', 'Field Services', null],
  ['New hire or departure', 'Service Desk', 'service_request'],
  ['Other', 'Service Desk', null],
];

const HOUR = 60;
const DAY = 9 * HOUR; // a business day of the city's 08:00–17:00

const LADDER: PolicyEscalation[] = [
  { target: 'first_response', percent: 100, level: 1, actions: ['notify_assignee', 'notify_queue_lead'] },
  { target: 'resolution', percent: 50, level: 1, actions: ['notify_assignee'] },
  { target: 'resolution', percent: 75, level: 2, actions: ['notify_assignee', 'notify_queue_lead'] },
  { target: 'resolution', percent: 100, level: 3, actions: ['notify_managers'] },
];

interface BenchPolicy {
  name: string;
  kinds: string[];
  priorities: string[];
  lifeSafety: boolean;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  escalations: PolicyEscalation[];
}

/** First match wins: life safety first, incidents by priority, service requests, a fallback. */
export const BENCH_POLICIES: readonly BenchPolicy[] = [
  {
    name: 'Life safety – P1',
    kinds: [],
    priorities: ['P1'],
    lifeSafety: true,
    firstResponseMinutes: 15,
    resolutionMinutes: 2 * HOUR,
    escalations: LADDER,
  },
  {
    name: 'Life safety',
    kinds: [],
    priorities: [],
    lifeSafety: true,
    firstResponseMinutes: 30,
    resolutionMinutes: 8 * HOUR,
    escalations: LADDER,
  },
  {
    name: 'P1 – critical incident',
    kinds: ['incident'],
    priorities: ['P1'],
    lifeSafety: false,
    firstResponseMinutes: 30,
    resolutionMinutes: 4 * HOUR,
    escalations: LADDER,
  },
  {
    name: 'P2 – high',
    kinds: ['incident'],
    priorities: ['P2'],
    lifeSafety: false,
    firstResponseMinutes: HOUR,
    resolutionMinutes: DAY,
    escalations: LADDER,
  },
  {
    name: 'P3 – normal',
    kinds: ['incident'],
    priorities: ['P3'],
    lifeSafety: false,
    firstResponseMinutes: 4 * HOUR,
    resolutionMinutes: 3 * DAY,
    escalations: LADDER,
  },
  {
    name: 'P4 – low',
    kinds: ['incident'],
    priorities: ['P4'],
    lifeSafety: false,
    firstResponseMinutes: DAY,
    resolutionMinutes: 5 * DAY,
    escalations: LADDER,
  },
  {
    name: 'Service requests',
    kinds: ['service_request'],
    priorities: [],
    lifeSafety: false,
    firstResponseMinutes: DAY,
    resolutionMinutes: 10 * DAY,
    escalations: [{ target: 'resolution', percent: 100, level: 1, actions: ['notify_assignee', 'notify_queue_lead'] }],
  },
  {
    name: 'Default',
    kinds: [],
    priorities: [],
    lifeSafety: false,
    firstResponseMinutes: DAY,
    resolutionMinutes: 10 * DAY,
    escalations: [],
  },
];

/** Device mix of a department (types weighted by how common they are). */
const ASSET_MIX: readonly (readonly [
  type: keyof typeof DEFAULT_LIFECYCLE_YEARS,
  weight: number,
  name: string,
  dollars: number,
])[] = [
  ['desktop', 30, 'Dell OptiPlex 7010', 1100],
  ['laptop', 25, 'Lenovo ThinkPad T14', 1600],
  ['desk_phone', 15, 'Cisco IP Phone 8841', 350],
  ['mobile_phone', 10, 'iPhone 15', 900],
  ['printer', 5, 'HP LaserJet M611', 1400],
  ['tablet', 4, 'iPad Air', 700],
  ['network_switch', 3, 'Cisco Catalyst 9300', 6500],
  ['wireless_access_point', 3, 'Aruba AP-535', 1200],
  ['ups', 2, 'APC Smart-UPS 3000', 2400],
  ['server', 2, 'Dell PowerEdge R750', 14000],
  ['camera', 1, 'Axis P3265', 900],
];

/** The people the build refers to by position: index → id. */
export interface BenchPeople {
  adminId: string;
  managerIds: string[];
  technicianIds: string[];
}

/**
 * Writes the reference data. Arrays are passed as JSON and expanded in SQL, so each table is
 * one statement. Everything is dated `years` + 1 before `t0`, so rates and devices predate the
 * history.
 */
export async function writeReferenceData(
  db: PoolClient,
  shape: DatasetShape,
  t0: Date,
  passwordHash: string,
): Promise<BenchPeople> {
  const since = new Date(t0.getTime() - (shape.years + 1) * 365 * 24 * 60 * 60 * 1000);
  const departments = DEPARTMENTS.slice(0, shape.departments);
  if (departments.length < shape.departments) throw new Error(`only ${DEPARTMENTS.length} departments are defined`);

  // A 24×7 calendar for life-safety departments; the city's office hours (built in) gets US holidays.
  await db.query(
    `INSERT INTO calendars (name, time_zone, windows, created_at, updated_at)
     VALUES ('Public safety 24×7', 'America/New_York',
             (SELECT json_agg(json_build_object('day', d, 'start', '00:00', 'end', '24:00') ORDER BY d) FROM generate_series(0, 6) AS d)::jsonb,
             $1, $1)`,
    [since],
  );
  await db.query(
    `INSERT INTO calendar_holidays (calendar_id, date, name, yearly, observed)
     SELECT c.id, h.date::date, h.name, true, true
       FROM calendars c,
            (VALUES ('2000-01-01', 'New Year''s Day'), ('2000-07-04', 'Independence Day'),
                    ('2000-11-11', 'Veterans Day'), ('2000-12-25', 'Christmas Day')) AS h(date, name)
      WHERE c.system_key = 'city_office_hours'`,
  );
  // Thanksgiving: the fourth Thursday of November, a one-off holiday per year.
  await db.query(
    `INSERT INTO calendar_holidays (calendar_id, date, name, yearly, observed)
     SELECT c.id, d.day, 'Thanksgiving Day', false, false
       FROM calendars c,
            LATERAL (SELECT make_date(y, 11, 1) + ((4 - extract(dow FROM make_date(y, 11, 1))::int + 7) % 7) + 21 AS day
                       FROM generate_series(extract(year FROM $1::timestamptz)::int - 1, extract(year FROM $2::timestamptz)::int + 3) AS y) d
      WHERE c.system_key = 'city_office_hours'`,
    [since, t0],
  );

  await db.query(
    `INSERT INTO departments (name, code, life_safety, calendar_id, created_at, updated_at)
     SELECT d->>0, d->>1, (d->>1) = ANY($2::text[]),
            CASE WHEN (d->>1) = ANY($2::text[]) THEN (SELECT id FROM calendars WHERE name = 'Public safety 24×7') END, $3, $3
       FROM json_array_elements($1::json) AS d`,
    [JSON.stringify(departments), [...LIFE_SAFETY], since],
  );

  // Users: one admin, managers and technicians in IT, requesters spread over the departments
  // (the bigger ones first: department k gets a share falling with k). All share one password hash.
  await db.query(
    `INSERT INTO users (email, name, role, department_id, password_hash, password_changed_at, created_at, updated_at)
     SELECT 'admin@' || $2::text, 'Bench Admin', 'admin'::user_role, (SELECT id FROM departments WHERE code = 'IT'), $1::text,
            $3::timestamptz, $3::timestamptz, $3::timestamptz
     UNION ALL
     SELECT 'manager' || g || '@' || $2::text, 'Manager ' || g, 'manager', (SELECT id FROM departments WHERE code = 'IT'), $1::text,
            $3::timestamptz, $3::timestamptz, $3::timestamptz
       FROM generate_series(1, $4::int) AS g
     UNION ALL
     SELECT 'technician' || g || '@' || $2::text, 'Technician ' || g, 'technician', (SELECT id FROM departments WHERE code = 'IT'),
            $1::text, $3::timestamptz, $3::timestamptz, $3::timestamptz
       FROM generate_series(1, $5::int) AS g`,
    [passwordHash, BENCH_EMAIL_DOMAIN, since, shape.managers, shape.technicians],
  );
  await db.query(
    `INSERT INTO users (email, name, role, department_id, password_hash, password_changed_at, created_at, updated_at)
     SELECT 'requester' || g || '@' || $2, 'Employee ' || g, 'requester', d.id, $1, $3, $3, $3
       FROM generate_series(1, $4) AS g
       JOIN (SELECT id, row_number() OVER (ORDER BY created_at, code) - 1 AS k FROM departments) d
         ON d.k = floor(power(((g - 1) % 997)::float8 / 997, 1.6) * $5)::int`,
    [passwordHash, BENCH_EMAIL_DOMAIN, since, shape.requesters, shape.departments],
  );

  // Queues: the built-ins keep their rows; the others are added. Each technician works one queue
  // (technician k in queue k mod 20), every fifth a second one; the lead is the queue's first member.
  await db.query(
    `INSERT INTO queues (name, restricted, created_at, updated_at)
     SELECT q->>0, (q->>1)::boolean, $2, $2 FROM json_array_elements($1::json) AS q WHERE q->>2 IS NULL`,
    [JSON.stringify(QUEUES.slice(0, shape.queues)), since],
  );
  await db.query(
    `CREATE TABLE bench.queue_order AS
     SELECT q.id, o.k FROM json_array_elements_text($1::json) WITH ORDINALITY AS o(name, k) JOIN queues q ON q.name = o.name`,
    [JSON.stringify(QUEUES.slice(0, shape.queues).map((q) => q[0]))],
  );
  await db.query(
    `CREATE TABLE bench.technician AS
     SELECT id, (regexp_match(email, '^technician(\\d+)@'))[1]::int AS k FROM users WHERE role = 'technician'`,
  );
  await db.query(
    `INSERT INTO queue_members (queue_id, user_id)
     SELECT q.id, t.id FROM bench.technician t JOIN bench.queue_order q ON q.k = (t.k - 1) % $1 + 1
     UNION
     SELECT q.id, t.id FROM bench.technician t JOIN bench.queue_order q ON q.k = (t.k + 6) % $1 + 1 WHERE t.k % 5 = 0`,
    [shape.queues],
  );
  await db.query(
    `UPDATE queues q SET lead_id = (SELECT t.id FROM queue_members m JOIN bench.technician t ON t.id = m.user_id
                                     WHERE m.queue_id = q.id ORDER BY t.k LIMIT 1)`,
  );

  await db.query(
    `INSERT INTO categories (name, default_queue_id, default_kind, created_at, updated_at)
     SELECT c->>0, q.id, (c->>2)::ticket_kind, $2, $2 FROM json_array_elements($1::json) AS c JOIN queues q ON q.name = c->>1`,
    [JSON.stringify(CATEGORIES), since],
  );

  const [admin] = (await db.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [`admin@${BENCH_EMAIL_DOMAIN}`])).rows;
  for (const [index, p] of BENCH_POLICIES.entries()) {
    // The policy's current version is set in a second statement: an UPDATE does not see rows its own WITH inserted.
    const { rows } = await db.query<{ id: string; policy_id: string }>(
      `WITH policy AS (INSERT INTO sla_policies (position, active, created_at, updated_at) VALUES ($1, true, $2, $2) RETURNING id)
       INSERT INTO sla_policy_versions (policy_id, version, name, kinds, priorities, department_ids, first_response_minutes,
                                        resolution_minutes, escalations, created_at, created_by)
       SELECT policy.id, 1, $3, $4::ticket_kind[], $5::ticket_priority[],
              CASE WHEN $6 THEN ARRAY(SELECT id FROM departments WHERE life_safety ORDER BY code) ELSE '{}'::uuid[] END,
              $7, $8, $9::jsonb, $2, $10 FROM policy RETURNING id, policy_id`,
      [
        index + 1,
        since,
        p.name,
        p.kinds,
        p.priorities,
        p.lifeSafety,
        p.firstResponseMinutes,
        p.resolutionMinutes,
        JSON.stringify(p.escalations),
        admin!.id,
      ],
    );
    await db.query(`UPDATE sla_policies SET current_version_id = $2 WHERE id = $1`, [rows[0]!.policy_id, rows[0]!.id]);
  }

  // Hourly rates from each July 1: role defaults rising 3 % a year; every fourth technician has
  // their own (senior) rate on the same dates.
  await db.query(
    `INSERT INTO labor_rates (role, hourly_rate_cents, effective_from, created_by_id, created_at)
     SELECT r.role::user_role, round(r.base * power(1.03, y - extract(year FROM $1::timestamptz)::int))::int,
            make_date(y, 7, 1), $2, $1
       FROM (VALUES ('technician', 5200), ('manager', 8200), ('admin', 7400)) AS r(role, base),
            generate_series(extract(year FROM $1::timestamptz)::int - 1, extract(year FROM $3::timestamptz)::int) AS y`,
    [since, admin!.id, t0],
  );
  await db.query(
    `INSERT INTO labor_rates (user_id, hourly_rate_cents, effective_from, created_by_id, created_at)
     SELECT t.id, round((6400 + (t.k % 7) * 150) * power(1.03, y - extract(year FROM $1::timestamptz)::int))::int,
            make_date(y, 7, 1), $2, $1
       FROM bench.technician t,
            generate_series(extract(year FROM $1::timestamptz)::int - 1, extract(year FROM $3::timestamptz)::int) AS y
      WHERE t.k % 4 = 0`,
    [since, admin!.id, t0],
  );

  // Devices: a fixed mix per department, bought over the last eight years; those past their
  // lifecycle by more than a year were retired (with the status change on their trail).
  await db.query(
    `INSERT INTO assets (tag, name, type, department_id, location, serial, purchase_date, cost_cents, warranty_end,
                         lifecycle_years, status, retired_at, created_at, updated_at)
     SELECT d.code || '-' || lpad(g::text, 5, '0'), m.name, m.type::asset_type, d.id, d.name || ' building',
            'SN' || lpad((abs(hashint8extended(g, 7 + d.k)) % 100000000)::text, 8, '0'), p.bought,
            (m.dollars * 100)::bigint, p.bought + interval '3 years', m.years,
            CASE WHEN p.bought + make_interval(years => m.years + 1) < $2::timestamptz THEN 'retired' ELSE 'in_service' END::asset_status,
            CASE WHEN p.bought + make_interval(years => m.years + 1) < $2::timestamptz
                 THEN (p.bought + make_interval(years => m.years + 1))::timestamptz END,
            $1, $1
       FROM (SELECT id, code, name, row_number() OVER (ORDER BY code) AS k FROM departments) d
      CROSS JOIN generate_series(1, $3) AS g
      CROSS JOIN LATERAL (SELECT (m->>0) AS type, m->>2 AS name, (m->>3)::int AS dollars, (m->>4)::int AS years
                            FROM json_array_elements($4::json) WITH ORDINALITY AS e(m, i)
                           WHERE (m->>5)::int > (g * 7919 + d.k) % 100 ORDER BY i LIMIT 1) m
      CROSS JOIN LATERAL (SELECT ($2::timestamptz - make_interval(days => (abs(hashint8extended(g, d.k)) % 2920)::int))::date AS bought) p`,
    [since, t0, shape.assetsPerDepartment, JSON.stringify(cumulativeMix())],
  );
  await db.query(
    `INSERT INTO asset_events (asset_id, actor_id, type, data, created_at)
     SELECT id, $1, 'status_changed', jsonb_build_object('from', 'in_service', 'to', 'retired'), retired_at
       FROM assets WHERE status = 'retired'`,
    [admin!.id],
  );

  const people = await db.query<{ id: string; role: string }>(
    `SELECT id, role FROM users WHERE role <> 'requester' ORDER BY role, email`,
  );
  return {
    adminId: admin!.id,
    managerIds: people.rows.filter((r) => r.role === 'manager').map((r) => r.id),
    technicianIds: people.rows.filter((r) => r.role === 'technician').map((r) => r.id),
  };
}

/** The device mix with cumulative percentages, for a pick by one random number. */
function cumulativeMix(): [string, number, string, number, number, number][] {
  const total = ASSET_MIX.reduce((sum, [, weight]) => sum + weight, 0);
  let running = 0;
  return ASSET_MIX.map(([type, weight, name, dollars]) => {
    running += weight;
    return [type, weight, name, dollars, DEFAULT_LIFECYCLE_YEARS[type], Math.round((running * 100) / total)];
  });
}
