/**
 * Benchmark: generating 90 days of maintenance occurrences for 10,000 plans (issue 5).
 *
 *   npm run bench -w @civicdesk/api -- [--plans 10000] [--days 90]
 *
 * Starts a throwaway embedded PostgreSQL (or uses BENCH_DATABASE_URL, which it fills and does
 * not clean), creates the plans with generate_series, then runs one generation pass as the job
 * does after 90 days of downtime: every occurrence becomes a ticket with its SLA clock, trail
 * and notifications. Prints the time taken and writes bench-results/maintenance-generation.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import 'reflect-metadata';
import { FixedClock } from '../common/time/clock.js';
import { loadConfig, PROJECT_ROOT } from '../config/app-config.js';
import { openDatabase } from '../database/database.js';
import { MaintenanceGenerator } from '../modules/maintenance/maintenance-generator.service.js';
import { NotificationsService } from '../modules/notifications/notifications.service.js';
import { SlaPoliciesService } from '../modules/sla-policies/sla-policies.service.js';
import { TicketNotifier } from '../modules/tickets/ticket-notifier.js';
import { TicketSlaService } from '../modules/ticket-sla/ticket-sla.service.js';

const { values } = parseArgs({
  options: { plans: { type: 'string', default: '10000' }, days: { type: 'string', default: '90' } },
});
const PLANS = Number(values.plans);
const DAYS = Number(values.days);
const START = new Date('2026-01-01T05:00:00Z');

/** A realistic mix: weekly checks, monthly patching, quarterly tests, twice-yearly and yearly reviews. */
const RULES = [
  'FREQ=WEEKLY;BYDAY=MO',
  'FREQ=WEEKLY;BYDAY=WE;INTERVAL=2',
  'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2',
  'FREQ=MONTHLY;BYMONTHDAY=-1',
  'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1',
  'FREQ=MONTHLY;INTERVAL=3;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1',
  'FREQ=MONTHLY;INTERVAL=6',
  'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1',
];

async function main(): Promise<void> {
  const dataDir = process.env.BENCH_DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'civicdesk-bench-'));
  if (dataDir) chmodSync(dataDir, 0o755);
  const config = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    SCHEDULER_ENABLED: 'false',
    DEMO_DATA: 'false',
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    ...(dataDir ? { DATA_DIR: dataDir } : { DATABASE_URL: process.env.BENCH_DATABASE_URL }),
  });
  const database = await openDatabase(config, () => undefined);
  const ds = database.dataSource;
  try {
    const setupStart = performance.now();
    const [dept] = await ds.query(
      `INSERT INTO departments (name, code, created_at, updated_at) VALUES ('Bench', 'BENCH', now(), now()) RETURNING id`,
    );
    const [user] = await ds.query(
      `INSERT INTO users (email, name, role, department_id, password_hash, password_changed_at, created_at, updated_at)
       VALUES ('bench@civicdesk.test', 'Bench Admin', 'admin', $1, 'x', now(), now(), now()) RETURNING id`,
      [dept.id],
    );
    const [queue] = await ds.query(`SELECT id FROM queues WHERE system_key = 'service_desk'`);
    const [policy] = await ds.query(
      `INSERT INTO sla_policies (position, created_at, updated_at) VALUES (1, now(), now()) RETURNING id`,
    );
    const [version] = await ds.query(
      `INSERT INTO sla_policy_versions (policy_id, version, name, resolution_minutes, created_by) VALUES ($1, 1, 'Default', 4800, $2) RETURNING id`,
      [policy.id, user.id],
    );
    await ds.query(`UPDATE sla_policies SET current_version_id = $2 WHERE id = $1`, [policy.id, version.id]);
    await ds.query(
      `INSERT INTO maintenance_plans (name, title_template, description_template, queue_id, assignee_id, department_id, rule, starts_on,
                                      time_zone, lead_days, generate_from, created_by, created_at, updated_at, next_run_at)
       SELECT 'Plan ' || g, 'Task {{due_date}} of plan ' || g, '- [ ] Check\n- [ ] Record', $1, $2, $3, ($4::text[])[1 + g % $5],
              '2026-01-01', 'America/New_York', g % 8, $6, $2, $6, $6, $6
         FROM generate_series(1, $7) AS g`,
      [queue.id, user.id, dept.id, RULES, RULES.length, START, PLANS],
    );
    const setupMs = performance.now() - setupStart;

    const clock = new FixedClock(START);
    const sla = new TicketSlaService(new SlaPoliciesService(ds, clock));
    const generator = new MaintenanceGenerator(ds, sla, new TicketNotifier(new NotificationsService(ds, clock, config)));
    const now = new Date(START.getTime() + DAYS * 24 * 60 * 60 * 1000);
    clock.set(now);
    const started = performance.now();
    const result = await generator.run(now);
    const elapsedMs = performance.now() - started;
    const again = performance.now();
    const repeat = await generator.run(now);
    const repeatMs = performance.now() - again;

    const figures = {
      plans: PLANS,
      days: DAYS,
      ticketsCreated: result.tickets,
      generationSeconds: +(elapsedMs / 1000).toFixed(2),
      ticketsPerSecond: Math.round(result.tickets / (elapsedMs / 1000)),
      repeatRunSeconds: +(repeatMs / 1000).toFixed(2),
      repeatRunTickets: repeat.tickets,
      setupSeconds: +(setupMs / 1000).toFixed(2),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
    };
    console.log(`\nMaintenance generation: ${PLANS} plans, ${DAYS} days of occurrences (one catch-up run)`);
    console.table({
      'tickets created': figures.ticketsCreated,
      'generation (s)': figures.generationSeconds,
      'tickets / s': figures.ticketsPerSecond,
      'repeat run, nothing due (s)': figures.repeatRunSeconds,
      'setup of the plans (s)': figures.setupSeconds,
    });
    console.log(
      `machine: ${figures.machine.cpus} × ${figures.machine.cpuModel}, ${figures.machine.memoryGiB} GiB, Node ${figures.machine.node}`,
    );
    const out = join(PROJECT_ROOT, 'bench-results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'maintenance-generation.json'), `${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    await database.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
