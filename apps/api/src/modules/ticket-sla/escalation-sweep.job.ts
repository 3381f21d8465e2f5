import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { SlaTargetName } from '@civicdesk/sla';
import { JobRunner, type JobContext } from '../jobs/job-runner.service.js';
import { NotificationsService, type NewNotification } from '../notifications/notifications.service.js';
import type { EscalationAction } from '../sla-policies/domain/sla-policy-vocabulary.js';
import { raisePriority } from '../tickets/domain/priority.js';
import type { Priority } from '../tickets/domain/ticket-vocabulary.js';
import { appendEventsToTickets, type NewTicketEvent } from '../tickets/ticket-events.js';
import { levelsToFire, type LevelState } from './domain/clock-columns.js';
import { TicketSlaService, type SlaEvaluation } from './ticket-sla.service.js';

/** Tickets locked and escalated per transaction. */
const BATCH = 500;

const TARGET_WORDS: Record<SlaTargetName, string> = {
  first_response: 'first response',
  resolution: 'resolution',
  next_response: 'next response',
};

interface Fired extends LevelState {
  actions: EscalationAction[];
}

/**
 * Fires the escalation levels that fell due: reads only open tickets whose next escalation has
 * come (a partial index), and for each level inserts its sla_escalations row first. The UNIQUE
 * key lets exactly one writer fire a level; only that writer sends its notifications, raises the
 * priority and writes the trail, all in the same transaction. A level that fell due while the
 * service was down fires on the first run after it comes back.
 */
@Injectable()
export class EscalationSweepJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: JobRunner,
    private readonly sla: TicketSlaService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.runner.register({ name: 'sla-escalations', everyMs: 60 * 1000, run: (context) => this.run(context) });
  }

  async run({ now }: JobContext): Promise<Record<string, number>> {
    const stats = { tickets: 0, fired: 0 };
    const seen = new Set<string>();
    for (;;) {
      // Each ticket once per run: one still due afterwards was locked by a writer and waits for the next run.
      const due: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM tickets WHERE next_escalation_at <= $1 AND NOT (id = ANY($3::uuid[]))
          ORDER BY next_escalation_at, id LIMIT $2`,
        [now, BATCH, [...seen]],
      );
      const fresh = due.map((d) => d.id);
      if (fresh.length === 0) break;
      fresh.forEach((id) => seen.add(id));
      const fired = await this.dataSource.transaction((manager) => this.escalate(manager, fresh, now));
      stats.tickets += fresh.length;
      stats.fired += fired;
    }
    return stats;
  }

  private async escalate(manager: EntityManager, ids: string[], now: Date): Promise<number> {
    // Tickets another instance is escalating are left to it (its run fires their levels).
    const locked: { id: string }[] = await manager.query(
      `SELECT id FROM tickets WHERE id = ANY($1::uuid[]) AND next_escalation_at <= $2 FOR UPDATE SKIP LOCKED`,
      [ids, now],
    );
    if (locked.length === 0) return 0;
    const lockedIds = locked.map((l) => l.id);
    const evaluations = await this.sla.evaluate(manager, lockedIds, now);
    const firing = evaluations
      .filter((e) => e.version.active && !['resolved', 'closed', 'canceled'].includes(e.ticket.status))
      .map((e) => ({ evaluation: e, levels: levelsToFire(e.clock, e.fired).map((l) => withActions(e, l)) }))
      .filter((f) => f.levels.length > 0);

    const won = await this.claim(manager, firing, now);
    const recipients = await this.recipients(
      manager,
      won.map((w) => w.evaluation),
    );
    // Every statement below covers the whole batch: the sweep's cost is per batch, not per ticket.
    const trail: { ticketId: string; event: NewTicketEvent }[] = [];
    const raised: { id: string; priority: Priority; reason: string }[] = [];
    const notes: NewNotification[] = [];
    for (const { evaluation, levels } of won) {
      const t = evaluation.ticket;
      const actions = new Set(levels.flatMap((l) => l.actions));
      for (const l of levels) {
        trail.push({
          ticketId: t.id,
          event: {
            type: 'sla_escalated',
            public: false,
            data: {
              target: l.target,
              level: l.level,
              percent: l.percent,
              actions: l.actions,
              dueAt: l.dueAt?.toISOString() ?? null,
            },
          },
        });
      }
      if (actions.has('raise_priority') && t.priority !== 'P1') {
        const to = raisePriority(t.priority);
        const top = Math.max(...levels.map((l) => l.level));
        raised.push({ id: t.id, priority: to, reason: `Raised by SLA escalation level ${top}` });
        trail.push({
          ticketId: t.id,
          event: {
            type: 'field_changed',
            public: false,
            data: { field: 'priority', from: t.priority, to, reason: 'escalation' },
          },
        });
      }
      const who = new Set<string>();
      if (actions.has('notify_assignee') && t.assignee_id) who.add(t.assignee_id);
      if (actions.has('notify_queue_lead')) recipients.leads.get(t.queue_id)?.forEach((id) => who.add(id));
      if (actions.has('notify_managers')) recipients.managers.forEach((id) => who.add(id));
      const words = levels.map((l) => `level ${l.level} (${l.percent}% of ${TARGET_WORDS[l.target]})`).join(', ');
      for (const userId of who) {
        notes.push({
          userId,
          ticketId: t.id,
          type: 'sla_escalation',
          title: `${t.number} escalated: ${words}`,
          body: `"${t.title}" reached escalation ${words} of its SLA.`,
          link: `/tickets/${t.number}`,
        });
      }
    }
    if (raised.length) {
      await manager.query(
        `UPDATE tickets t SET priority = r.priority::ticket_priority, priority_override_reason = r.reason,
                updated_at = $2, version = t.version + 1
           FROM json_to_recordset($1::json) AS r(id uuid, priority text, reason text)
          WHERE t.id = r.id`,
        [JSON.stringify(raised), now],
      );
    }
    await appendEventsToTickets(manager, null, now, trail);
    await this.notifications.notify(manager, now, notes);
    // A raised priority re-matches the policy (brief rule 5); every locked ticket's clock is stored anew.
    if (raised.length) {
      await this.sla.rematch(
        manager,
        raised.map((r) => r.id),
        now,
        { reason: 'escalation', actorId: null },
      );
    }
    const refreshed = await this.sla.refreshMany(manager, lockedIds, now);
    // A ticket that lost its policy has nothing to escalate.
    const evaluated = new Set(refreshed.map((r) => r.ticket.id));
    const unevaluated = lockedIds.filter((id) => !evaluated.has(id));
    if (unevaluated.length) {
      await manager.query(`UPDATE tickets SET next_escalation_at = NULL WHERE id = ANY($1::uuid[])`, [unevaluated]);
    }
    return won.reduce((n, w) => n + w.levels.length, 0);
  }

  /** Inserts the fired rows; returns only the levels this transaction fired (ON CONFLICT: someone else did). */
  private async claim(
    manager: EntityManager,
    firing: { evaluation: SlaEvaluation; levels: Fired[] }[],
    now: Date,
  ): Promise<{ evaluation: SlaEvaluation; levels: Fired[] }[]> {
    const rows = firing.flatMap(({ evaluation, levels }) =>
      levels.map((l) => ({
        ticket_id: evaluation.ticket.id,
        target: l.target,
        cycle: l.cycle,
        level: l.level,
        percent: l.percent,
        policy_version_id: evaluation.version.versionId,
        actions: l.actions,
        due_at: l.dueAt,
      })),
    );
    if (rows.length === 0) return [];
    const inserted: { ticket_id: string; target: SlaTargetName; cycle: number; level: number }[] = await manager.query(
      `INSERT INTO sla_escalations (ticket_id, target, cycle, level, percent, policy_version_id, actions, due_at, fired_at)
       SELECT r.ticket_id, r.target, r.cycle, r.level, r.percent, r.policy_version_id, r.actions, r.due_at, $2
         FROM json_to_recordset($1::json) AS r(ticket_id uuid, target text, cycle int, level int, percent int,
                                               policy_version_id uuid, actions jsonb, due_at timestamptz)
       ON CONFLICT (ticket_id, target, cycle, level) DO NOTHING
       RETURNING ticket_id, target, cycle, level`,
      [JSON.stringify(rows), now],
    );
    const won = new Set(inserted.map((i) => `${i.ticket_id}:${i.target}:${i.cycle}:${i.level}`));
    return firing
      .map(({ evaluation, levels }) => ({
        evaluation,
        levels: levels.filter((l) => won.has(`${evaluation.ticket.id}:${l.target}:${l.cycle}:${l.level}`)),
      }))
      .filter((f) => f.levels.length > 0);
  }

  /** Queue leads of the tickets' queues and the city's active managers, in one statement. */
  private async recipients(
    manager: EntityManager,
    evaluations: readonly SlaEvaluation[],
  ): Promise<{ leads: Map<string, string[]>; managers: string[] }> {
    if (evaluations.length === 0) return { leads: new Map(), managers: [] };
    const [row]: { leads: { queue_id: string; lead_id: string }[] | null; managers: string[] }[] = await manager.query(
      `SELECT (SELECT json_agg(json_build_object('queue_id', q.id, 'lead_id', q.lead_id))
                 FROM queues q WHERE q.id = ANY($1::uuid[]) AND q.lead_id IS NOT NULL) AS leads,
              ARRAY(SELECT u.id FROM users u WHERE u.role = 'manager' AND u.active) AS managers`,
      [[...new Set(evaluations.map((e) => e.ticket.queue_id))]],
    );
    const leads = new Map<string, string[]>();
    for (const l of row!.leads ?? []) leads.set(l.queue_id, [l.lead_id]);
    return { leads, managers: row!.managers };
  }
}

function withActions(evaluation: SlaEvaluation, level: LevelState): Fired {
  const rule = evaluation.version.escalations.find((e) => e.target === level.target && e.level === level.level);
  return { ...level, actions: rule?.actions ?? [] };
}
