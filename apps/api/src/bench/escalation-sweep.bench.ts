import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { FixedClock } from '../common/time/clock.js';
import { loadConfig } from '../config/app-config.js';
import { createDataSource } from '../config/data-source.js';
import { SlaPoliciesService } from '../modules/sla-policies/sla-policies.service.js';
import { EscalationSweepJob } from '../modules/ticket-sla/escalation-sweep.job.js';
import { TicketSlaService } from '../modules/ticket-sla/ticket-sla.service.js';

export interface SweepResult {
  /** Tickets that had a level due. */
  tickets: number;
  fired: number;
  seconds: number;
  /** Resolved, closed and canceled tickets in the database: the history the sweep must not read. */
  closed: number;
}

/**
 * The escalation sweep over `due` tickets with a level due, timed as the job runs it (the app's
 * own EscalationSweepJob from a Nest context, notifications and trail included). The dataset's
 * own open tickets are set aside so exactly the fixture is due; everything written here is dated
 * after t0, so the dataset reset takes it away again.
 */
export async function benchEscalationSweep(databaseUrl: string, t0: string, due: number): Promise<SweepResult> {
  const dataSource = createDataSource(databaseUrl, { poolSize: 4, applicationName: 'civicdesk-bench-sweep' });
  await dataSource.initialize();
  try {
    const filed = new Date(new Date(t0).getTime() + 60_000);
    const [{ closed }] = await dataSource.query(
      `SELECT count(*)::int AS closed FROM tickets WHERE status IN ('resolved', 'closed', 'canceled')`,
    );
    await dataSource.query(`UPDATE tickets SET next_escalation_at = NULL WHERE next_escalation_at IS NOT NULL`);
    // P3 incidents e-mailed in by employees of departments on office hours: one policy, one ladder.
    const ids: { id: string }[] = await dataSource.query(
      `WITH req AS (
         SELECT u.id, u.department_id, row_number() OVER (ORDER BY u.email) AS k, count(*) OVER () AS cnt
           FROM users u JOIN departments d ON d.id = u.department_id WHERE u.role = 'requester' AND NOT d.life_safety),
       cat AS (SELECT id, default_queue_id FROM categories WHERE name = 'Email'),
       pol AS (SELECT v.id, v.policy_id, v.name, v.version FROM sla_policies p JOIN sla_policy_versions v ON v.id = p.current_version_id
                WHERE v.name = 'P3 – normal'),
       ins AS (
         INSERT INTO tickets (number, kind, work_class, title, description, status, impact, urgency, priority, requester_id,
                              department_id, queue_id, category_id, source, created_by_id, created_at, updated_at, sla_policy_version_id)
         SELECT 'INC-' || lpad(s.n::text, greatest(6, length(s.n::text)), '0'), 'incident', 'reactive', 'Escalation benchmark ' || s.g,
                '', 'new', 'one_person', 'work_degraded', 'P3', r.id, r.department_id, cat.default_queue_id, cat.id, 'web', r.id, $1, $1,
                pol.id
           FROM (SELECT g, nextval('ticket_number_incident') AS n FROM generate_series(1, $2) AS g) s
           JOIN req r ON r.k = (s.g - 1) % r.cnt + 1 CROSS JOIN cat CROSS JOIN pol
         RETURNING id, requester_id),
       events AS (
         INSERT INTO ticket_events (ticket_id, actor_id, type, public, data, created_at)
         SELECT id, requester_id, 'created', true, '{"onBehalf": false}'::jsonb, $1 FROM ins
         UNION ALL
         SELECT ins.id, ins.requester_id, 'sla_policy_matched', false,
                jsonb_build_object('versionId', pol.id, 'policyId', pol.policy_id, 'name', pol.name, 'version', pol.version,
                                   'reason', 'created'), $1
           FROM ins CROSS JOIN pol)
       SELECT id FROM ins`,
      [filed, due],
    );
    const sla = new TicketSlaService(new SlaPoliciesService(dataSource, new FixedClock(filed)));
    for (let i = 0; i < ids.length; i += 500) {
      const batch = ids.slice(i, i + 500).map((r) => r.id);
      await dataSource.transaction((manager) => sla.refreshMany(manager, batch, filed));
    }
    const [{ at }] = await dataSource.query(`SELECT max(next_escalation_at) AS at FROM tickets WHERE id = ANY($1::uuid[])`, [
      ids.map((r) => r.id),
    ]);
    const now = new Date(at);

    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: randomBytes(48).toString('base64url'),
      SCHEDULER_ENABLED: 'false',
      LOG_LEVEL: 'silent',
    });
    const app = await NestFactory.createApplicationContext(
      AppModule.forRoot({ config, dataSource, clock: new FixedClock(now) }),
      { logger: false },
    );
    try {
      const started = performance.now();
      const stats = await app.get(EscalationSweepJob).run({ now, lastSucceededAt: null });
      const seconds = Math.round((performance.now() - started) / 10) / 100;
      return { tickets: stats.tickets ?? 0, fired: stats.fired ?? 0, seconds, closed };
    } finally {
      await app.close();
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}
