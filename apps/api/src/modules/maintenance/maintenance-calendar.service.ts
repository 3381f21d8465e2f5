import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../common/config.tokens.js';
import { notFound, validationFailed } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/security/actor.js';
import { Clock } from '../../common/time/clock.js';
import type { AppConfig } from '../../config/app-config.js';
import { AuditLog } from '../audit/audit-log.service.js';
import { isStaff, type Role } from '../users/domain/role.js';
import { maintenanceToIcs } from './domain/maintenance-ics.js';
import { createAt } from './domain/plan-schedule.js';
import { occurrencesBetween } from './domain/recurrence.js';
import type {
  CalendarFeedDto,
  CreatedCalendarFeedDto,
  MaintenanceCalendarItemDto,
  MaintenanceCalendarQueryDto,
} from './dto/maintenance-calendar.dto.js';
import { planAssetCondition, scheduleOf, selectPlans, type PlanRow } from './maintenance-generator.service.js';

const DAY = 24 * 60 * 60 * 1000;
const MAX_RANGE_DAYS = 400;

interface Scope {
  /** The staff member whose view it is (restricted queues need membership). */
  viewerId: string;
  queueId?: string | undefined;
  assigneeId?: string | undefined;
}

/** Visible queues: unrestricted ones and the viewer's own (positional parameter $1 = viewer). */
const VISIBLE_QUEUE = `(NOT q.restricted OR EXISTS (SELECT 1 FROM queue_members vm WHERE vm.queue_id = q.id AND vm.user_id = $1))`;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * The maintenance calendar: generated tickets by due date plus the occurrences still to come
 * (marked projected), and subscribable iCalendar feeds of it behind unguessable, revocable tokens.
 */
@Injectable()
export class MaintenanceCalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {}

  async calendar(actor: Actor, query: MaintenanceCalendarQueryDto): Promise<MaintenanceCalendarItemDto[]> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to < from || to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY) {
      throw validationFailed([{ field: 'to', messages: [`to must be after from and at most ${MAX_RANGE_DAYS} days later`] }]);
    }
    return this.items({ viewerId: actor.id, queueId: query.queueId, assigneeId: query.assigneeId }, from, to);
  }

  private async items(scope: Scope, from: Date, to: Date): Promise<MaintenanceCalendarItemDto[]> {
    const generated: {
      id: string;
      number: string;
      title: string;
      status: MaintenanceCalendarItemDto['status'];
      due_at: Date;
      plan_id: string;
      plan_name: string;
      estimated_minutes: number | null;
      queue_id: string;
      queue_name: string;
      assignee_id: string | null;
      assignee_name: string | null;
      asset: string | null;
    }[] = await this.dataSource.query(
      `SELECT t.id, t.number, t.title, t.status, t.maintenance_due_at AS due_at, p.id AS plan_id, p.name AS plan_name,
              p.estimated_minutes, q.id AS queue_id, q.name AS queue_name, a.id AS assignee_id, a.name AS assignee_name,
              s.tag || ' ' || s.name AS asset
         FROM tickets t
         JOIN maintenance_plans p ON p.id = t.maintenance_plan_id
         JOIN queues q ON q.id = t.queue_id
         LEFT JOIN users a ON a.id = t.assignee_id
         LEFT JOIN assets s ON s.id = t.asset_id
        WHERE t.maintenance_due_at BETWEEN $2 AND $3 AND ${VISIBLE_QUEUE}
          AND ($4::uuid IS NULL OR t.queue_id = $4) AND ($5::uuid IS NULL OR t.assignee_id = $5)
        ORDER BY t.maintenance_due_at, t.number`,
      [scope.viewerId, from, to, scope.queueId ?? null, scope.assigneeId ?? null],
    );
    const items: MaintenanceCalendarItemDto[] = generated.map((g) => ({
      id: g.id,
      projected: false,
      dueAt: new Date(g.due_at).toISOString(),
      createAt: null,
      title: g.title,
      plan: { id: g.plan_id, name: g.plan_name },
      queue: { id: g.queue_id, name: g.queue_name },
      assignee: g.assignee_id && g.assignee_name !== null ? { id: g.assignee_id, name: g.assignee_name } : null,
      number: g.number,
      status: g.status,
      asset: g.asset,
      tickets: 1,
      estimatedMinutes: g.estimated_minutes,
    }));
    return [...items, ...(await this.projected(scope, from, to))].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  /** Fixed-date plans' occurrences in the range not generated yet. */
  private async projected(scope: Scope, from: Date, to: Date): Promise<MaintenanceCalendarItemDto[]> {
    const plans: (PlanRow & {
      queue_name: string;
      assignee_name: string | null;
      estimated_minutes: number | null;
      last: Date | null;
      /** How many tickets each occurrence makes: its assets for a fan-out plan. */
      tickets: number;
    })[] = await this.dataSource.query(
      `SELECT x.*, q.name AS queue_name, u.name AS assignee_name,
                (SELECT max(o.due_at) FROM maintenance_occurrences o WHERE o.plan_id = x.id) AS last,
                CASE WHEN x.fan_out = 'none' THEN 1 ELSE (
                  SELECT count(*)::int FROM assets a
                   WHERE ${planAssetCondition({ fanOut: 'x.fan_out', assetIds: 'x.asset_ids', assetType: 'x.asset_type', departmentId: 'x.asset_department_id' })}
                ) END AS tickets
           FROM (${selectPlans('p.estimated_minutes')} WHERE p.active AND p.mode = 'fixed') x
           JOIN queues q ON q.id = x.queue_id
           LEFT JOIN users u ON u.id = x.assignee_id
          WHERE ${VISIBLE_QUEUE} AND ($2::uuid IS NULL OR x.queue_id = $2) AND ($3::uuid IS NULL OR x.assignee_id = $3)`,
      [scope.viewerId, scope.queueId ?? null, scope.assigneeId ?? null],
    );
    const out: MaintenanceCalendarItemDto[] = [];
    for (const plan of plans) {
      const schedule = scheduleOf(plan);
      const lower = Math.max(
        from.getTime(),
        new Date(plan.generate_from).getTime(),
        plan.last ? new Date(plan.last).getTime() + 1 : 0,
      );
      const dues = occurrencesBetween(schedule.recurrence, new Date(lower), to, 500);
      if (dues.length === 0) continue;
      for (const due of dues) {
        out.push({
          id: `${plan.id}:${due.toISOString()}`,
          projected: true,
          dueAt: due.toISOString(),
          createAt: createAt(schedule, due).toISOString(),
          title: plan.name,
          plan: { id: plan.id, name: plan.name },
          queue: { id: plan.queue_id, name: plan.queue_name },
          assignee: plan.assignee_id && plan.assignee_name !== null ? { id: plan.assignee_id, name: plan.assignee_name } : null,
          number: null,
          status: null,
          asset: null,
          tickets: plan.tickets,
          estimatedMinutes: plan.estimated_minutes,
        });
      }
    }
    return out;
  }

  /** A new feed of a queue's work (the owner must see the queue) or of the owner's own assigned work. */
  async createFeed(actor: Actor, queueId: string | undefined): Promise<CreatedCalendarFeedDto> {
    if (queueId) {
      const [queue] = await this.dataSource.query(`SELECT q.id FROM queues q WHERE q.id = $2 AND ${VISIBLE_QUEUE}`, [
        actor.id,
        queueId,
      ]);
      if (!queue) throw validationFailed([{ field: 'queueId', messages: ['queueId names no queue you can see'] }]);
    }
    const token = randomBytes(32).toString('base64url');
    // The token is a standing grant to read the owner's schedule without signing in: its issue is audited, never the token.
    const id = await this.dataSource.transaction(async (manager) => {
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO calendar_feeds (token_hash, owner_id, queue_id, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
        [hashToken(token), actor.id, queueId ?? null, this.clock.now()],
      );
      await this.audit.record(manager, {
        action: 'calendar_feed.created',
        targetId: row!.id,
        detail: { queueId: queueId ?? null },
      });
      return row!.id;
    });
    const [feed] = (await this.feeds(actor)).filter((f) => f.id === id);
    return { ...feed!, url: `${this.config.appUrl}/api/maintenance/feeds/${token}/calendar.ics` };
  }

  async feeds(actor: Actor): Promise<CalendarFeedDto[]> {
    const rows: { id: string; queue_id: string | null; queue_name: string | null; created_at: Date; revoked_at: Date | null }[] =
      await this.dataSource.query(
        `SELECT f.id, f.queue_id, q.name AS queue_name, f.created_at, f.revoked_at
           FROM calendar_feeds f LEFT JOIN queues q ON q.id = f.queue_id
          WHERE f.owner_id = $1 ORDER BY f.created_at DESC, f.id`,
        [actor.id],
      );
    return rows.map((r) => ({
      id: r.id,
      queue: r.queue_id && r.queue_name !== null ? { id: r.queue_id, name: r.queue_name } : null,
      createdAt: new Date(r.created_at).toISOString(),
      revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
    }));
  }

  /** Revoking a revoked feed again is accepted and changes (and records) nothing. */
  async revokeFeed(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [feed]: { revoked_at: Date | null }[] = await manager.query(
        `SELECT revoked_at FROM calendar_feeds WHERE id = $1 AND owner_id = $2 FOR UPDATE`,
        [id, actor.id],
      );
      if (!feed) throw notFound('Calendar feed');
      if (feed.revoked_at !== null) return;
      await manager.query(`UPDATE calendar_feeds SET revoked_at = $2 WHERE id = $1`, [id, this.clock.now()]);
      await this.audit.record(manager, { action: 'calendar_feed.revoked', targetId: id });
    });
  }

  /**
   * The iCalendar text of a feed: 60 days back to a year ahead. An unknown or revoked token, or
   * one whose owner is no longer active staff, answers 404.
   */
  async feedIcs(token: string): Promise<string> {
    const [feed]: {
      id: string;
      owner_id: string;
      role: Role;
      queue_id: string | null;
      queue_name: string | null;
      owner_name: string;
    }[] = await this.dataSource.query(
      `SELECT f.id, f.owner_id, u.role, u.name AS owner_name, f.queue_id, q.name AS queue_name
           FROM calendar_feeds f JOIN users u ON u.id = f.owner_id AND u.active LEFT JOIN queues q ON q.id = f.queue_id
          WHERE f.token_hash = $1 AND f.revoked_at IS NULL`,
      [hashToken(token)],
    );
    if (!feed || !isStaff(feed.role)) throw notFound('Calendar feed');
    const now = this.clock.now();
    const items = await this.items(
      { viewerId: feed.owner_id, ...(feed.queue_id ? { queueId: feed.queue_id } : { assigneeId: feed.owner_id }) },
      new Date(now.getTime() - 60 * DAY),
      new Date(now.getTime() + 365 * DAY),
    );
    const name = feed.queue_name ? `${feed.queue_name} maintenance` : `${feed.owner_name}'s maintenance`;
    const ics = maintenanceToIcs(name, items, now, this.config.appUrl);
    // Every read is an export to whoever holds the token: the address shows where a leaked one is used.
    await this.audit.recordAlone({
      action: 'calendar_feed.read',
      targetId: feed.id,
      detail: { ownerId: feed.owner_id, queueId: feed.queue_id, items: items.length },
    });
    return ics;
  }
}
