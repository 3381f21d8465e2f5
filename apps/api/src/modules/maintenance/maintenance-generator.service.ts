import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { computePriority } from '../tickets/domain/priority.js';
import { appendEventsToTickets } from '../tickets/ticket-events.js';
import { insertTicket } from '../tickets/ticket-insert.js';
import { TicketNotifier, type TicketHappening } from '../tickets/ticket-notifier.js';
import { TicketSlaService } from '../ticket-sla/ticket-sla.service.js';
import type { FanOut, MaintenanceMode } from './domain/maintenance-vocabulary.js';
import {
  dueAfterCompletion,
  dueFixed,
  dueReplacement,
  createAt,
  localDate,
  nextRunAt,
  renderTemplate,
  type PlanSchedule,
} from './domain/plan-schedule.js';

/** A plan as generation reads it. */
export interface PlanRow {
  id: string;
  name: string;
  title_template: string;
  description_template: string;
  category_id: string | null;
  queue_id: string;
  assignee_id: string | null;
  department_id: string;
  life_safety: boolean;
  rule: string;
  starts_on: string;
  due_time: string;
  ends_on: string | null;
  time_zone: string;
  lead_days: number;
  mode: MaintenanceMode;
  interval_days: number | null;
  fan_out: FanOut;
  asset_ids: string[];
  asset_type: string | null;
  asset_department_id: string | null;
  generate_from: Date;
  created_by: string;
}

const PLAN_COLUMNS = `p.id, p.name, p.title_template, p.description_template, p.category_id, p.queue_id, p.assignee_id,
  p.department_id, d.life_safety, p.rule, to_char(p.starts_on, 'YYYY-MM-DD') AS starts_on, p.due_time,
  to_char(p.ends_on, 'YYYY-MM-DD') AS ends_on, p.time_zone, p.lead_days, p.mode, p.interval_days, p.fan_out,
  p.asset_ids, p.asset_type, p.asset_department_id, p.generate_from, p.created_by`;

/** The plan's row as generation reads it (`PlanRow`), with the extra columns a caller lists (plan as `p`). */
export const selectPlans = (...extra: readonly string[]): string =>
  `SELECT ${[PLAN_COLUMNS, ...extra].join(', ')} FROM maintenance_plans p JOIN departments d ON d.id = p.department_id`;

export const SELECT_PLAN = selectPlans();

/**
 * The assets a fan-out plan makes one ticket each for, as a condition on assets `a`, given SQL
 * for the plan's fan-out, asset list, asset type and department (columns or parameters).
 */
export const planAssetCondition = (plan: { fanOut: string; assetIds: string; assetType: string; departmentId: string }): string =>
  `CASE ${plan.fanOut}
     WHEN 'assets' THEN a.id = ANY(${plan.assetIds}) AND a.status <> 'retired'
     ELSE a.type::text = ${plan.assetType} AND a.status = 'in_service'
          AND (${plan.departmentId} IS NULL OR a.department_id = ${plan.departmentId}) END`;

export interface PlanAsset {
  id: string;
  tag: string;
  name: string;
  /** purchase date + lifecycle years, `YYYY-MM-DD`, or null when unknown. */
  replacement_on: string | null;
}

interface Due {
  dueAt: Date;
  asset: PlanAsset | null;
}

export const scheduleOf = (p: PlanRow): PlanSchedule => ({
  mode: p.mode,
  leadDays: p.lead_days,
  intervalDays: p.interval_days,
  recurrence: { rule: p.rule, startsOn: p.starts_on, dueTime: p.due_time, endsOn: p.ends_on, timeZone: p.time_zone },
});

/**
 * Turns every maintenance occurrence whose creation time (due minus lead days) has come into a
 * `maintenance` ticket from `schedule`, exactly once per plan × occurrence × asset: one plan at a
 * time under its transaction-scoped advisory lock, with the UNIQUE (plan, due, asset) key as the
 * backstop, so racing instances and repeated runs create nothing twice, and a run after downtime
 * creates what was missed.
 */
@Injectable()
export class MaintenanceGenerator {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sla: TicketSlaService,
    private readonly notifier: TicketNotifier,
  ) {}

  async run(now: Date): Promise<{ plans: number; tickets: number }> {
    const plans: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM maintenance_plans WHERE active AND next_run_at <= $1 ORDER BY next_run_at, id`,
      [now],
    );
    let tickets = 0;
    for (const { id } of plans) tickets += await this.generatePlan(id, now);
    return { plans: plans.length, tickets };
  }

  /** One plan's due occurrences, in one transaction, and when to look at it next. Returns the tickets created. */
  async generatePlan(planId: string, now: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('maintenance_plan:' || $1))`, [planId]);
      const [plan]: PlanRow[] = await manager.query(`${SELECT_PLAN} WHERE p.id = $1 AND p.active`, [planId]);
      if (!plan) return 0;
      const dues = await this.dueOccurrences(manager, plan, now);
      await this.createTickets(manager, plan, dues, now);
      const [{ last }] = await manager.query(`SELECT max(due_at) AS last FROM maintenance_occurrences WHERE plan_id = $1`, [
        plan.id,
      ]);
      const next = nextRunAt(scheduleOf(plan), new Date(plan.generate_from), last ? new Date(last) : null, now);
      await manager.query(`UPDATE maintenance_plans SET next_run_at = $2 WHERE id = $1`, [plan.id, next]);
      return dues.length;
    });
  }

  private async dueOccurrences(manager: EntityManager, plan: PlanRow, now: Date): Promise<Due[]> {
    const schedule = scheduleOf(plan);
    const assets = plan.fan_out === 'none' ? [null] : await planAssets(manager, plan);
    switch (plan.mode) {
      case 'fixed': {
        const [{ last }] = await manager.query(`SELECT max(due_at) AS last FROM maintenance_occurrences WHERE plan_id = $1`, [
          plan.id,
        ]);
        const dues = dueFixed(schedule, new Date(plan.generate_from), last ? new Date(last) : null, now);
        return dues.flatMap((dueAt) => assets.map((asset) => ({ dueAt, asset })));
      }
      case 'after_completion': {
        const lastRows: { asset_id: string | null; due_at: Date; done_at: Date | null }[] = await manager.query(
          `SELECT DISTINCT ON (o.asset_id) o.asset_id, o.due_at,
                  CASE WHEN t.status IN ('resolved', 'closed', 'canceled') THEN COALESCE(t.resolved_at, t.closed_at) END AS done_at
             FROM maintenance_occurrences o JOIN tickets t ON t.id = o.ticket_id
            WHERE o.plan_id = $1 ORDER BY o.asset_id, o.due_at DESC`,
          [plan.id],
        );
        const lastOf = new Map(lastRows.map((r) => [r.asset_id, r]));
        return assets.flatMap((asset) => {
          const last = lastOf.get(asset?.id ?? null);
          const dueAt = dueAfterCompletion(
            schedule,
            last ? { dueAt: new Date(last.due_at), doneAt: last.done_at ? new Date(last.done_at) : null } : null,
          );
          return dueAt && dueAt >= new Date(plan.generate_from) && createAt(schedule, dueAt) <= now ? [{ dueAt, asset }] : [];
        });
      }
      case 'replacement': {
        const done: { asset_id: string }[] = await manager.query(
          `SELECT DISTINCT asset_id FROM maintenance_occurrences WHERE plan_id = $1 AND asset_id IS NOT NULL`,
          [plan.id],
        );
        const replaced = new Set(done.map((d) => d.asset_id));
        return assets.flatMap((asset) => {
          if (!asset?.replacement_on || replaced.has(asset.id)) return [];
          const dueAt = dueReplacement(schedule, asset.replacement_on);
          return createAt(schedule, dueAt) <= now ? [{ dueAt, asset }] : [];
        });
      }
    }
  }

  /** The tickets of a plan's due occurrences, with their occurrence rows, trail and SLA clocks in a few batched statements. */
  private async createTickets(manager: EntityManager, plan: PlanRow, dues: readonly Due[], now: Date): Promise<void> {
    if (dues.length === 0) return;
    const created: { id: string; due: Due }[] = [];
    for (const due of dues) {
      const values = {
        asset: due.asset?.name ?? null,
        assetTag: due.asset?.tag ?? null,
        dueDate: localDate(due.dueAt, plan.time_zone),
        plan: plan.name,
      };
      const ticket = await insertTicket(manager, {
        kind: 'maintenance',
        title: renderTemplate(plan.title_template, values).slice(0, 200),
        description: renderTemplate(plan.description_template, values),
        impact: 'several_people',
        urgency: 'can_wait',
        priority: computePriority('several_people', 'can_wait', plan.life_safety),
        requesterId: plan.created_by,
        departmentId: plan.department_id,
        queueId: plan.queue_id,
        assigneeId: plan.assignee_id,
        categoryId: plan.category_id,
        assetId: due.asset?.id ?? null,
        source: 'schedule',
        createdById: plan.created_by,
        at: now,
        maintenancePlanId: plan.id,
        maintenanceDueAt: due.dueAt,
      });
      created.push({ id: ticket.id, due });
    }
    await manager.query(
      `INSERT INTO maintenance_occurrences (plan_id, due_at, asset_id, ticket_id, created_at)
       SELECT $1, o.due_at, o.asset_id, o.ticket_id, $3 FROM json_to_recordset($2::json) AS o(due_at timestamptz, asset_id uuid, ticket_id uuid)`,
      [
        plan.id,
        JSON.stringify(created.map((c) => ({ due_at: c.due.dueAt, asset_id: c.due.asset?.id ?? null, ticket_id: c.id }))),
        now,
      ],
    );
    await appendEventsToTickets(
      manager,
      null,
      now,
      created.flatMap(({ id, due }) => [
        {
          ticketId: id,
          event: {
            type: 'created' as const,
            public: true,
            data: { maintenancePlanId: plan.id, plan: plan.name, dueAt: due.dueAt.toISOString() },
          },
        },
        ...(plan.assignee_id
          ? [{ ticketId: id, event: { type: 'assigned' as const, public: false, data: { from: null, to: plan.assignee_id } } }]
          : []),
      ]),
    );
    const ids = created.map((c) => c.id);
    await this.sla.rematch(manager, ids, now, { reason: 'created', actorId: null });
    await this.sla.refreshMany(manager, ids, now);
    const happenings: TicketHappening[] = [{ kind: 'created' }, ...(plan.assignee_id ? [{ kind: 'assigned' as const }] : [])];
    for (const id of ids) await this.notifier.tell(manager, id, null, now, happenings);
  }
}

/** The assets a fan-out plan covers now: the listed ones, or every in-service asset of a type (in a department). */
export async function planAssets(manager: EntityManager, plan: PlanRow): Promise<PlanAsset[]> {
  return manager.query(
    `SELECT a.id, a.tag, a.name,
            CASE WHEN a.purchase_date IS NOT NULL AND a.lifecycle_years IS NOT NULL
              THEN to_char(a.purchase_date + make_interval(years => a.lifecycle_years), 'YYYY-MM-DD') END AS replacement_on
       FROM assets a
      WHERE ${planAssetCondition({ fanOut: '$1::text', assetIds: '$2::uuid[]', assetType: '$3::text', departmentId: '$4::uuid' })}
      ORDER BY a.tag`,
    [plan.fan_out, plan.asset_ids, plan.asset_type, plan.asset_department_id],
  );
}
