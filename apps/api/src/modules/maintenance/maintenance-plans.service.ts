import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { isValidTimeZone } from '@civicdesk/sla';
import { APP_CONFIG } from '../../common/config.tokens.js';
import { uniqueViolation } from '../../common/db/unique-violation.js';
import { AppError, notFound, validationFailed, type FieldError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/security/actor.js';
import { Clock } from '../../common/time/clock.js';
import type { AppConfig } from '../../config/app-config.js';
import { AuditLog } from '../audit/audit-log.service.js';
import { createAt, dueReplacement, dueText, type PlanSchedule } from './domain/plan-schedule.js';
import { compileRule, describeRule, firstDue, nextOccurrences } from './domain/recurrence.js';
import type {
  CreateMaintenancePlanDto,
  MaintenancePlanDto,
  MaintenancePreviewDto,
  OccurrencePreviewDto,
  UpdateMaintenancePlanDto,
} from './dto/maintenance-plan.dto.js';
import { planAssets, scheduleOf, SELECT_PLAN, selectPlans, type PlanRow } from './maintenance-generator.service.js';

type Fields = Required<Omit<CreateMaintenancePlanDto, 'active'>> & { active: boolean };

interface FullPlanRow extends PlanRow {
  active: boolean;
  version: number;
  estimated_minutes: number | null;
  generated: number;
  created_at: Date;
  updated_at: Date;
}

const SELECT_FULL = selectPlans(
  'p.active',
  'p.version',
  'p.estimated_minutes',
  'p.created_at',
  'p.updated_at',
  '(SELECT count(*)::int FROM maintenance_occurrences o WHERE o.plan_id = p.id) AS generated',
);

/** Fields whose change moves the schedule: occurrences due before the change are then never generated from it. */
const SCHEDULE_FIELDS = ['rule', 'startsOn', 'dueTime', 'endsOn', 'timeZone', 'mode', 'intervalDays'] as const;

/** Maintenance plans: staff read them; managers and admins write them. */
@Injectable()
export class MaintenancePlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<MaintenancePlanDto[]> {
    const rows: FullPlanRow[] = await this.dataSource.query(`${SELECT_FULL} ORDER BY lower(p.name)`);
    return rows.map(toDto);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<MaintenancePlanDto> {
    const [row]: FullPlanRow[] = await manager.query(`${SELECT_FULL} WHERE p.id = $1`, [id]);
    if (!row) throw notFound('Maintenance plan');
    return toDto(row);
  }

  async create(actor: Actor, input: CreateMaintenancePlanDto): Promise<MaintenancePlanDto> {
    const f = this.withDefaults(input);
    const now = this.clock.now();
    const id = await this.dataSource.transaction(async (manager) => {
      await assertPlan(manager, f);
      const [row] = await this.unique(() =>
        manager.query(
          `INSERT INTO maintenance_plans (name, title_template, description_template, category_id, queue_id, assignee_id, department_id,
                                          estimated_minutes, rule, starts_on, due_time, ends_on, time_zone, lead_days, mode, interval_days,
                                          fan_out, asset_ids, asset_type, asset_department_id, active, generate_from, created_by,
                                          created_at, updated_at, next_run_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $22, $22, $22)
           RETURNING id`,
          [...columnValues(f), now, actor.id],
        ),
      );
      return row.id as string;
    });
    return this.get(id);
  }

  /** A change applies to occurrences not generated yet; one that moves the schedule starts it afresh from now. */
  async update(id: string, input: UpdateMaintenancePlanDto): Promise<MaintenancePlanDto> {
    const { version, ...changes } = input;
    const current = await this.get(id);
    const f = this.withDefaults({ ...fieldsOf(current), ...changes });
    const now = this.clock.now();
    const rescheduled = SCHEDULE_FIELDS.some((k) => changes[k] !== undefined && changes[k] !== current[k]);
    await this.dataSource.transaction(async (manager) => {
      await assertPlan(manager, f);
      const [, updated]: [unknown, number] = await this.unique(() =>
        manager.query(
          `UPDATE maintenance_plans SET name = $3, title_template = $4, description_template = $5, category_id = $6, queue_id = $7,
                  assignee_id = $8, department_id = $9, estimated_minutes = $10, rule = $11, starts_on = $12, due_time = $13,
                  ends_on = $14, time_zone = $15, lead_days = $16, mode = $17, interval_days = $18, fan_out = $19, asset_ids = $20,
                  asset_type = $21, asset_department_id = $22, active = $23, updated_at = $24, next_run_at = $24,
                  generate_from = CASE WHEN $25 THEN $24 ELSE generate_from END, version = version + 1
            WHERE id = $1 AND version = $2`,
          [id, version, ...columnValues(f), now, rescheduled],
        ),
      );
      if (updated === 0) {
        throw new AppError('version_conflict', 'Someone else changed this plan; reload it and try again', {
          currentVersion: current.version,
        });
      }
    });
    return this.get(id);
  }

  /** Pausing stops generation; resuming generates from now on (paused occurrences are skipped). */
  async setActive(id: string, active: boolean): Promise<MaintenancePlanDto> {
    const now = this.clock.now();
    const [, changed]: [unknown, number] = await this.dataSource.query(
      `UPDATE maintenance_plans SET active = $2, updated_at = $3, version = version + 1, next_run_at = $3,
              generate_from = CASE WHEN $2 THEN GREATEST(generate_from, $3) ELSE generate_from END
        WHERE id = $1 AND active <> $2`,
      [id, active, now],
    );
    if (changed === 0) await this.get(id);
    return this.get(id);
  }

  /** A plan that generated tickets keeps its history: pause it instead. */
  async remove(id: string): Promise<void> {
    const plan = await this.get(id);
    if (plan.generated > 0) {
      throw new AppError('conflict', `The plan generated ${plan.generated} ticket(s); pause it instead`, {
        generated: plan.generated,
      });
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM maintenance_plans WHERE id = $1`, [id]);
      await this.audit.record(manager, { action: 'maintenance_plan.deleted', targetId: id, detail: { name: plan.name } });
    });
  }

  async preview(id: string, count: number): Promise<MaintenancePreviewDto> {
    const [row]: PlanRow[] = await this.dataSource.query(`${SELECT_PLAN} WHERE p.id = $1`, [id]);
    if (!row) throw notFound('Maintenance plan');
    return this.previewOf(row, count);
  }

  /** The preview of an unsaved plan (the editor's live preview); nothing is written. */
  async previewDraft(input: CreateMaintenancePlanDto, count: number): Promise<MaintenancePreviewDto> {
    const f = this.withDefaults(input);
    assertSchedule(f);
    return this.previewOf(
      {
        id: '',
        name: f.name,
        rule: f.rule,
        starts_on: f.startsOn,
        due_time: f.dueTime,
        ends_on: f.endsOn,
        time_zone: f.timeZone,
        lead_days: f.leadDays,
        mode: f.mode,
        interval_days: f.intervalDays,
        fan_out: f.fanOut,
        asset_ids: f.assetIds,
        asset_type: f.assetType,
        asset_department_id: f.assetDepartmentId,
      } as PlanRow,
      count,
    );
  }

  private async previewOf(plan: PlanRow, count: number): Promise<MaintenancePreviewDto> {
    const schedule = scheduleOf(plan);
    const zone = schedule.recurrence.timeZone;
    const item = (dueAt: Date, asset: string | null): OccurrencePreviewDto => ({
      dueAt: dueAt.toISOString(),
      createAt: createAt(schedule, dueAt).toISOString(),
      dueText: dueText(dueAt, zone),
      asset,
    });
    const lead = schedule.leadDays > 0 ? `, created ${schedule.leadDays} day${schedule.leadDays === 1 ? '' : 's'} ahead` : '';
    switch (plan.mode) {
      case 'fixed': {
        const from = new Date(Math.max(this.clock.now().getTime(), firstDue(schedule.recurrence).getTime()));
        return {
          text: `${describeRule(schedule.recurrence)} at ${plan.due_time}${lead}`,
          occurrences: nextOccurrences(schedule.recurrence, from, count).map((d) => item(d, null)),
        };
      }
      case 'after_completion':
        return {
          text: `${schedule.intervalDays} days after the last one is resolved, from ${dueText(firstDue(schedule.recurrence), zone)}${lead}`,
          occurrences: [item(firstDue(schedule.recurrence), null)],
        };
      case 'replacement': {
        const assets = plan.fan_out === 'none' ? [] : await planAssets(this.dataSource.manager, plan);
        const dues = assets
          .filter((a) => a.replacement_on !== null)
          .map((a) => ({ dueAt: dueReplacement(schedule, a.replacement_on!), asset: `${a.tag} ${a.name}` }))
          .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
          .slice(0, count);
        return { text: `when each asset is due for replacement${lead}`, occurrences: dues.map((d) => item(d.dueAt, d.asset)) };
      }
    }
  }

  private withDefaults(input: Partial<CreateMaintenancePlanDto>): Fields {
    return {
      name: input.name ?? '',
      titleTemplate: input.titleTemplate ?? '',
      descriptionTemplate: input.descriptionTemplate ?? '',
      categoryId: input.categoryId ?? null,
      queueId: input.queueId ?? '',
      assigneeId: input.assigneeId ?? null,
      departmentId: input.departmentId ?? '',
      estimatedMinutes: input.estimatedMinutes ?? null,
      rule: input.rule ?? '',
      startsOn: input.startsOn ?? '',
      dueTime: input.dueTime ?? '08:00',
      endsOn: input.endsOn ?? null,
      timeZone: input.timeZone ?? this.config.cityTimeZone,
      leadDays: input.leadDays ?? 0,
      mode: input.mode ?? 'fixed',
      intervalDays: input.intervalDays ?? null,
      fanOut: input.fanOut ?? 'none',
      assetIds: input.assetIds ?? [],
      assetType: input.assetType ?? null,
      assetDepartmentId: input.assetDepartmentId ?? null,
      active: input.active ?? true,
    };
  }

  private async unique<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (uniqueViolation(error) === 'maintenance_plans_name_key') throw new AppError('conflict', 'Another plan has this name');
      throw error;
    }
  }
}

function columnValues(f: Fields): unknown[] {
  return [
    f.name,
    f.titleTemplate,
    f.descriptionTemplate,
    f.categoryId,
    f.queueId,
    f.assigneeId,
    f.departmentId,
    f.estimatedMinutes,
    f.rule.replace(/^RRULE:/i, ''),
    f.startsOn,
    f.dueTime,
    f.endsOn,
    f.timeZone,
    f.leadDays,
    f.mode,
    f.intervalDays,
    f.fanOut,
    f.assetIds,
    f.assetType,
    f.assetDepartmentId,
    f.active,
  ];
}

/** Rules across fields the DTO cannot check alone. */
function assertSchedule(f: Fields): void {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, messages: [message] });
  if (!isValidTimeZone(f.timeZone)) add('timeZone', 'timeZone must be an IANA time zone');
  else {
    try {
      compileRule({ rule: f.rule, startsOn: f.startsOn, dueTime: f.dueTime, endsOn: f.endsOn, timeZone: f.timeZone });
    } catch (error) {
      add('rule', (error as Error).message);
    }
  }
  if (f.endsOn !== null && f.endsOn < f.startsOn) add('endsOn', 'endsOn must not be before startsOn');
  if (f.mode === 'after_completion' && f.intervalDays === null)
    add('intervalDays', 'intervalDays is required for after_completion plans');
  if (f.mode === 'replacement' && f.fanOut === 'none')
    add('fanOut', 'a replacement plan needs assets: fanOut assets or asset_type');
  if (f.fanOut === 'assets' && f.assetIds.length === 0) add('assetIds', 'list at least one asset for fanOut assets');
  if (f.fanOut === 'asset_type' && f.assetType === null) add('assetType', 'assetType is required for fanOut asset_type');
  if (errors.length) throw validationFailed(errors);
}

/** Schedule rules and references: every id names a record that fits. */
async function assertPlan(manager: EntityManager, f: Fields): Promise<void> {
  assertSchedule(f);
  const [row] = await manager.query(
    `SELECT EXISTS (SELECT 1 FROM queues WHERE id = $1) AS queue,
            EXISTS (SELECT 1 FROM departments WHERE id = $2) AS department,
            ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM categories WHERE id = $3 AND active)) AS category,
            ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM users WHERE id = $4 AND active AND role <> 'requester')) AS assignee,
            ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM departments WHERE id = $5)) AS asset_department,
            (SELECT count(*)::int FROM assets WHERE id = ANY($6::uuid[])) AS assets`,
    [f.queueId, f.departmentId, f.categoryId, f.assigneeId, f.assetDepartmentId, f.assetIds],
  );
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, messages: [message] });
  if (!row.queue) add('queueId', 'queueId names no queue');
  if (!row.department) add('departmentId', 'departmentId names no department');
  if (!row.category) add('categoryId', 'categoryId names no active category');
  if (!row.assignee) add('assigneeId', 'assigneeId must name an active technician, manager or admin');
  if (!row.asset_department) add('assetDepartmentId', 'assetDepartmentId names no department');
  if (row.assets !== new Set(f.assetIds).size) add('assetIds', 'assetIds names assets that do not exist');
  if (errors.length) throw validationFailed(errors);
}

function fieldsOf(p: MaintenancePlanDto): Partial<CreateMaintenancePlanDto> {
  const { id: _id, ruleText: _text, version: _version, generated: _generated, createdAt: _c, updatedAt: _u, ...fields } = p;
  return fields;
}

function toDto(r: FullPlanRow): MaintenancePlanDto {
  const schedule: PlanSchedule = scheduleOf(r);
  return {
    id: r.id,
    name: r.name,
    titleTemplate: r.title_template,
    descriptionTemplate: r.description_template,
    categoryId: r.category_id,
    queueId: r.queue_id,
    assigneeId: r.assignee_id,
    departmentId: r.department_id,
    estimatedMinutes: r.estimated_minutes,
    rule: r.rule,
    ruleText: describeRule(schedule.recurrence),
    startsOn: r.starts_on,
    dueTime: r.due_time,
    endsOn: r.ends_on,
    timeZone: r.time_zone,
    leadDays: r.lead_days,
    mode: r.mode,
    intervalDays: r.interval_days,
    fanOut: r.fan_out,
    assetIds: r.asset_ids,
    assetType: r.asset_type as MaintenancePlanDto['assetType'],
    assetDepartmentId: r.asset_department_id,
    active: r.active,
    version: r.version,
    generated: r.generated,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
