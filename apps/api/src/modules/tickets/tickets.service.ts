import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, notFound, validationFailed, type FieldError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/security/actor.js';
import { Clock } from '../../common/time/clock.js';
import { PHISHING_CATEGORY_KEY } from '../categories/category.entity.js';
import {
  newTicketClockInputsSql,
  TicketSlaService,
  type NewTicketClockInputs,
  type RematchReason,
} from '../ticket-sla/ticket-sla.service.js';
import { isStaff } from '../users/domain/role.js';
import { computePriority } from './domain/priority.js';
import { routeToQueue } from './domain/routing.js';
import { checkTransition, nextStatuses, type TransitionActor } from './domain/status-machine.js';
import { canOnTicket, STAFF_ONLY_FIELDS } from './domain/ticket.policy.js';
import { SqlParams } from '../../common/db/sql-params.js';
import { prepared } from '../../database/prepared-statements.js';
import { formatTicketNumber, type TicketKind, type TicketSource, type TicketStatus } from './domain/ticket-vocabulary.js';
import type { CreateTicketDto, UpdateTicketDto } from './dto/ticket-input.dto.js';
import type { TicketDetailDto } from './dto/ticket-output.dto.js';
import { actorIsMemberSql, loadTicketFor, visibleTicket, type TicketRowForActor, type VisibleTicket } from './ticket-access.js';
import { appendTicketEvents, type NewTicketEvent } from './ticket-events.js';
import { insertTicket } from './ticket-insert.js';
import { TicketNotifier, type TicketHappening } from './ticket-notifier.js';
import { iso, TICKET_DETAIL_COLUMNS, toListItem } from './ticket-rows.js';

/** Column of each PATCH field, for the UPDATE and the event log. */
const COLUMN: Record<Exclude<keyof UpdateTicketDto, 'version' | 'priorityReason'>, string> = {
  title: 'title',
  description: 'description',
  status: 'status',
  impact: 'impact',
  urgency: 'urgency',
  priority: 'priority',
  workClass: 'work_class',
  queueId: 'queue_id',
  assigneeId: 'assignee_id',
  categoryId: 'category_id',
  assetId: 'asset_id',
  requesterId: 'requester_id',
  departmentId: 'department_id',
};

/** Field changes the requester may see in the trail; the rest are staff facts. */
const PUBLIC_FIELDS = new Set(['title', 'description', 'impact', 'urgency', 'categoryId', 'assetId']);

interface Filing {
  requesterId: string;
  createdById: string;
  title: string;
  description: string;
  kind: TicketKind;
  categoryId: string | null;
  assetId: string | null;
  impact: CreateTicketDto['impact'];
  urgency: CreateTicketDto['urgency'];
  source: TicketSource;
}

@Injectable()
export class TicketsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly sla: TicketSlaService,
    private readonly notifier: TicketNotifier,
  ) {}

  async get(actor: Actor, idOrNumber: string): Promise<TicketDetailDto> {
    return toDetail(await loadTicketFor(this.dataSource, actor, idOrNumber), this.clock.now());
  }

  /** A requester files for themself; staff may file on behalf of a requester. */
  async create(actor: Actor, input: CreateTicketDto): Promise<TicketDetailDto> {
    if (input.requesterId && input.requesterId !== actor.id && !isStaff(actor.role)) {
      throw forbiddenFields(['requesterId']);
    }
    return this.file(
      actor,
      {
        requesterId: input.requesterId ?? actor.id,
        createdById: actor.id,
        title: input.title,
        description: input.description ?? '',
        kind: input.kind ?? 'incident',
        categoryId: input.categoryId ?? null,
        assetId: input.assetId ?? null,
        impact: input.impact,
        urgency: input.urgency,
        source: 'web',
      },
      input.kind === undefined,
    );
  }

  /** "Report phishing": a security incident in the built-in phishing category, in one step. */
  async reportPhishing(actor: Actor, description: string | undefined): Promise<TicketDetailDto> {
    const [category] = await this.dataSource.query(`SELECT id FROM categories WHERE system_key = $1`, [PHISHING_CATEGORY_KEY]);
    if (!category) throw new AppError('service_unavailable', 'The built-in phishing category is missing');
    return this.file(
      actor,
      {
        requesterId: actor.id,
        createdById: actor.id,
        title: 'Suspected phishing e-mail',
        description: description ?? '',
        kind: 'incident',
        categoryId: category.id,
        assetId: null,
        impact: 'several_people',
        urgency: 'work_degraded',
        source: 'web',
      },
      false,
    );
  }

  /**
   * Two statements and no transaction: a lookup (which draws the number once the filing is
   * valid), then one statement that writes the row with its clock, its trail and its
   * notifications, atomic by itself. Each statement is a round trip that costs both the API
   * and PostgreSQL far more CPU than the work in it (issue 7).
   */
  private async file(actor: Actor, filing: Filing, kindFromCategory: boolean): Promise<TicketDetailDto> {
    const now = this.clock.now();
    const manager = this.dataSource.manager;
    const found: NewTicketClockInputs & {
      requester_id: string | null;
      department_id: string | null;
      life_safety: boolean | null;
      category_id: string | null;
      default_queue_id: string | null;
      asset_department_id: string | null;
      asset_found: boolean;
      service_desk_id: string | null;
      kind: TicketKind;
      number: number | null;
      queues: Record<string, { name: string; members: string[] }> | null;
    } = await one(
      manager,
      // The requester, the category, the asset, the Service Desk queue, the candidate queues' names
      // and members (for the notifications) and what the clock reads. The kind follows the
      // category's default kind (never maintenance) when the filer gave none. The number is drawn
      // only when every check below will pass, so a refused filing does not use one up.
      prepared(`SELECT u.id AS requester_id, u.department_id, d.life_safety, c.id AS category_id, c.default_queue_id,
              a.department_id AS asset_department_id, a.id IS NOT NULL AS asset_found, sd.id AS service_desk_id, k.kind,
              CASE WHEN u.department_id IS NOT NULL AND ($2::uuid IS NULL OR c.id IS NOT NULL) AND sd.id IS NOT NULL
                        AND ($5::uuid IS NULL OR (a.id IS NOT NULL AND ($6::boolean OR a.department_id IS NOT DISTINCT FROM $7::uuid)))
                   THEN nextval(('ticket_number_' || k.kind)::regclass)::int END AS number,
              (SELECT json_object_agg(q.id, json_build_object('name', q.name,
                        'members', ARRAY(SELECT m.user_id FROM queue_members m WHERE m.queue_id = q.id)))
                 FROM queues q WHERE q.id IN (c.default_queue_id, sd.id)) AS queues,
              ${newTicketClockInputsSql('d.calendar_id')}
         FROM (SELECT 1) one
         LEFT JOIN users u ON u.id = $1 AND u.active
         LEFT JOIN departments d ON d.id = u.department_id
         LEFT JOIN categories c ON c.id = $2::uuid AND c.active
         LEFT JOIN assets a ON a.id = $5::uuid
         LEFT JOIN queues sd ON sd.system_key = 'service_desk'
        CROSS JOIN LATERAL (SELECT CASE WHEN $3::boolean AND c.default_kind IS NOT NULL AND c.default_kind <> 'maintenance'
                                        THEN c.default_kind::text ELSE $4::text END AS kind) k`),
      [
        filing.requesterId,
        filing.categoryId,
        kindFromCategory,
        filing.kind,
        filing.assetId,
        isStaff(actor.role),
        actor.departmentId,
      ],
    );
    if (!found.requester_id) throw validationFailed([{ field: 'requesterId', messages: ['requesterId names no active user'] }]);
    if (!found.department_id)
      throw validationFailed([{ field: 'requesterId', messages: ['the requester belongs to no department'] }]);
    const requester = { department_id: found.department_id, life_safety: found.life_safety };

    let category: { id: string; default_queue_id: string } | undefined;
    if (filing.categoryId) {
      if (!found.category_id)
        throw validationFailed([{ field: 'categoryId', messages: ['categoryId names no active category'] }]);
      category = { id: found.category_id, default_queue_id: found.default_queue_id! };
    }
    if (filing.assetId) assertAssetUsable(actor, found.asset_found ? { department_id: found.asset_department_id } : undefined);
    if (!found.service_desk_id) throw new AppError('service_unavailable', 'The built-in Service Desk queue is missing');
    if (found.number === null) throw new Error('The filing lookup drew no ticket number for a valid filing');

    const kind = found.kind;
    const priority = computePriority(filing.impact, filing.urgency, requester.life_safety === true);
    const queueId = routeToQueue(category ? { defaultQueueId: category.default_queue_id } : null, found.service_desk_id);
    const queue = found.queues![queueId]!;
    const createdData = { onBehalf: filing.requesterId !== actor.id };
    const sla = await this.sla.clockForNew(
      manager,
      {
        kind,
        priority,
        departmentId: requester.department_id,
        categoryId: category?.id ?? null,
        maintenanceDueAt: null,
        createdData,
      },
      found,
      now,
    );
    const id = randomUUID();
    const number = formatTicketNumber(kind, found.number);
    const params = new SqlParams();
    const notifications = this.notifier.tellCtes(
      id,
      {
        number,
        title: filing.title,
        requester_id: filing.requesterId,
        assignee_id: null,
        queue_name: queue.name,
        members: queue.members,
      },
      actor.id,
      now,
      [{ kind: 'created' }],
      params,
    );
    const { row } = await insertTicket<TicketRowForActor>(
      manager,
      {
        kind,
        title: filing.title,
        description: filing.description,
        impact: filing.impact,
        urgency: filing.urgency,
        priority,
        requesterId: filing.requesterId,
        departmentId: requester.department_id,
        queueId,
        categoryId: category?.id ?? null,
        assetId: filing.assetId,
        source: filing.source,
        createdById: filing.createdById,
        at: now,
      },
      {
        actorId: actor.id,
        data: createdData,
        sla,
        drawn: { id, number },
        params,
      },
      // The detail as `get` reads it, from the statement's own new row.
      { ctes: notifications, select: `${TICKET_DETAIL_COLUMNS}, ${actorIsMemberSql(params.add(actor.id, 'uuid'))}` },
    );
    return toDetail(visibleTicket(row, actor), this.clock.now());
  }

  /**
   * Applies a change the client made to the version it read: UPDATE … WHERE version = :v, so
   * of concurrent writers exactly one wins and the others get 409 with the current version.
   */
  async update(actor: Actor, idOrNumber: string, input: UpdateTicketDto): Promise<TicketDetailDto> {
    const { version, priorityReason, ...changes } = input;
    const current = await loadTicketFor(this.dataSource, actor, idOrNumber);
    const staff = canOnTicket(current.actor, facts(current), 'work');
    if (!staff) {
      const given = Object.entries(input).filter(([, value]) => value !== undefined);
      const refused = given.map(([key]) => key).filter((key) => (STAFF_ONLY_FIELDS as readonly string[]).includes(key));
      if (refused.length) throw forbiddenFields(refused);
      if (current.row.status === 'closed' || current.row.status === 'canceled') {
        throw new AppError('invalid_transition', `A ${current.row.status} ticket cannot be edited`);
      }
    }
    const row = current.row;
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const set: Record<string, unknown> = {};
      const events: NewTicketEvent[] = [];
      const errors: FieldError[] = [];
      const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter(
        (k) => changes[k] !== undefined && changes[k] !== rowValue(row, k),
      );

      let status: TicketStatus = row.status;
      if (changes.status !== undefined && changes.status !== row.status) {
        const result = checkTransition(row.status, changes.status, 'staff');
        if (!result.ok) throw new AppError(result.code, result.message, { from: row.status, to: changes.status });
        status = changes.status;
      }
      const fieldChanges = changed.filter((field) => field !== 'status' && field !== 'priority');
      for (const field of fieldChanges) set[COLUMN[field]] = changes[field];

      // References must exist and fit: an assignee is active staff who may see the queue.
      const queueId = changes.queueId ?? row.queue_id;
      if (changes.queueId !== undefined) await assertExists(manager, 'queues', changes.queueId, 'queueId', errors);
      const assigneeId = changes.assigneeId !== undefined ? changes.assigneeId : row.assignee_id;
      if (changed.includes('assigneeId') || (changed.includes('queueId') && assigneeId)) {
        if (assigneeId) await assertAssignable(manager, assigneeId, queueId, errors);
      }
      if (changes.categoryId) await assertExists(manager, 'categories', changes.categoryId, 'categoryId', errors);
      if (changes.assetId)
        await assertAssetUsableById(manager, actor, changes.assetId).catch((e: AppError) =>
          errors.push(...(e.details as FieldError[])),
        );
      if (changes.requesterId !== undefined) await assertExists(manager, 'users', changes.requesterId, 'requesterId', errors);
      if (changes.departmentId !== undefined)
        await assertExists(manager, 'departments', changes.departmentId, 'departmentId', errors);
      if (errors.length) throw validationFailed(errors);

      // The trail names what references pointed to, so it reads well even after renames.
      const names = await referenceNames(manager, changes);
      for (const field of fieldChanges) {
        const from = rowValue(row, field);
        const to = changes[field];
        const named = field in names ? { fromName: oldName(row, field), toName: names[field as RefField] ?? null } : {};
        if (field === 'assigneeId') events.push({ type: 'assigned', public: false, data: { from, to, ...named } });
        else events.push({ type: 'field_changed', public: PUBLIC_FIELDS.has(field), data: { field, from, to, ...named } });
      }

      // Assigning a new ticket makes it assigned; unassigning an assigned one makes it new again.
      if (changed.includes('assigneeId') && changes.status === undefined) {
        if (assigneeId && status === 'new') status = 'assigned';
        if (!assigneeId && status === 'assigned') status = 'new';
      }

      // Priority: an explicit override needs a reason; otherwise the matrix follows impact, urgency and department.
      if (changes.priority !== undefined && (changes.priority !== row.priority || priorityReason)) {
        if (!priorityReason)
          errors.push({ field: 'priorityReason', messages: ['priorityReason is required to override the priority'] });
        if (errors.length) throw validationFailed(errors);
        set.priority = changes.priority;
        set.priority_override_reason = priorityReason;
        events.push({
          type: 'priority_overridden',
          public: false,
          data: { from: row.priority, to: changes.priority, reason: priorityReason },
        });
      } else if (
        !row.priority_override_reason &&
        (changed.includes('impact') || changed.includes('urgency') || changed.includes('departmentId'))
      ) {
        const lifeSafety = changes.departmentId
          ? (await one(manager, `SELECT life_safety FROM departments WHERE id = $1`, [changes.departmentId]))?.life_safety ===
            true
          : row.department_life_safety;
        const priority = computePriority(changes.impact ?? row.impact, changes.urgency ?? row.urgency, lifeSafety);
        if (priority !== row.priority) {
          set.priority = priority;
          events.push({ type: 'field_changed', public: false, data: { field: 'priority', from: row.priority, to: priority } });
        }
      }

      if (status !== row.status) Object.assign(set, statusEffects(row, status, now, events));
      if (Object.keys(set).length === 0) return;

      const update = buildSet({ ...set, updated_at: now }, 3);
      const result: [unknown[], number] = await manager.query(
        `UPDATE tickets SET ${update.clause}, version = version + 1 WHERE id = $1 AND version = $2`,
        [row.id, version, ...update.values],
      );
      if (result[1] === 0) await throwVersionConflict(manager, row.id);
      await appendTicketEvents(manager, row.id, actor.id, now, events);

      // A change of a fact the policies match on re-matches the policy; a status change moves the clock.
      const rematch: RematchReason | null =
        set.priority !== undefined
          ? 'priority'
          : changed.includes('departmentId')
            ? 'department'
            : changed.includes('categoryId')
              ? 'category'
              : null;
      if (rematch) await this.sla.refresh(manager, row.id, now, { reason: rematch, actorId: actor.id });
      else if (status !== row.status) await this.sla.refresh(manager, row.id, now);

      const happenings: TicketHappening[] = [];
      if (changed.includes('queueId')) happenings.push({ kind: 'queued' });
      if (changed.includes('assigneeId') && assigneeId) happenings.push({ kind: 'assigned' });
      if (status === 'resolved' && row.status !== 'resolved') happenings.push({ kind: 'resolved' });
      await this.notifier.tell(manager, row.id, actor.id, now, happenings);
    });
    return this.get(actor, row.id);
  }

  /** The requester (or staff) confirms a resolution: the ticket closes. */
  async confirm(actor: Actor, idOrNumber: string): Promise<TicketDetailDto> {
    return this.move(actor, idOrNumber, 'confirm', 'closed', { type: 'confirmed', public: true });
  }

  /** The requester (or staff) says the resolution did not hold: the resolution clock resumes. */
  async reopen(actor: Actor, idOrNumber: string, reason: string | undefined): Promise<TicketDetailDto> {
    return this.move(actor, idOrNumber, 'reopen', 'in_progress', null, reason);
  }

  private async move(
    actor: Actor,
    idOrNumber: string,
    action: 'confirm' | 'reopen',
    to: TicketStatus,
    extra: NewTicketEvent | null,
    reason?: string,
  ): Promise<TicketDetailDto> {
    const visible = await loadTicketFor(this.dataSource, actor, idOrNumber, action);
    const mover: TransitionActor = canOnTicket(visible.actor, facts(visible), 'work') ? 'staff' : 'requester';
    await this.dataSource.transaction(async (manager) => {
      const [locked] = await manager.query(`SELECT status, first_response_at FROM tickets WHERE id = $1 FOR UPDATE`, [
        visible.row.id,
      ]);
      const result = checkTransition(locked.status, to, mover);
      if (!result.ok) throw new AppError(result.code, result.message, { from: locked.status, to });
      const now = this.clock.now();
      const events: NewTicketEvent[] = [];
      const update = buildSet({ ...statusEffects(locked, to, now, events, reason), updated_at: now }, 2);
      await manager.query(`UPDATE tickets SET ${update.clause}, version = version + 1 WHERE id = $1`, [
        visible.row.id,
        ...update.values,
      ]);
      await appendTicketEvents(manager, visible.row.id, actor.id, now, extra ? [...events, extra] : events);
      await this.sla.refresh(manager, visible.row.id, now);
    });
    return this.get(actor, visible.row.id);
  }
}

/**
 * Columns that change with a status: resolved/closed stamps (the first resolution's kept through
 * reopens), reopen count, first response (a staff move to in_progress is the first response when
 * none came before). Records the status event.
 */
export function statusEffects(
  row: { status: TicketStatus; first_response_at: Date | null },
  to: TicketStatus,
  now: Date,
  events: NewTicketEvent[],
  reopenReason?: string,
): Record<string, unknown> {
  const set: Record<string, unknown> = { status: to };
  events.push({ type: 'status_changed', public: true, data: { from: row.status, to } });
  if (row.status === 'resolved' && to === 'in_progress') {
    set.reopen_count = new RawSql('reopen_count + 1');
    set.resolved_at = null;
    events.push({ type: 'reopened', public: true, data: reopenReason ? { reason: reopenReason } : {} });
  }
  if (to === 'resolved') {
    set.resolved_at = now;
    set.first_resolved_at = new SetOnce(now);
  }
  if (to === 'closed' || to === 'canceled') set.closed_at = now;
  if (to === 'in_progress' && !row.first_response_at) set.first_response_at = now;
  return set;
}

/** A SQL expression as a column's new value (not a parameter). */
export class RawSql {
  constructor(readonly sql: string) {}
}

/** A value the column takes only while it is still null (a first-time stamp kept through later changes). */
export class SetOnce {
  constructor(readonly value: unknown) {}
}

/** "col = $n, …" for an UPDATE, numbering parameters from `firstParam`. Column names come from code, never input. */
export function buildSet(set: Record<string, unknown>, firstParam: number): { clause: string; values: unknown[] } {
  const values: unknown[] = [];
  const clause = Object.entries(set)
    .map(([column, value]) => {
      if (value instanceof RawSql) return `${column} = ${value.sql}`;
      if (value instanceof SetOnce) {
        values.push(value.value);
        return `${column} = coalesce(${column}, $${firstParam + values.length - 1})`;
      }
      values.push(value);
      return `${column} = $${firstParam + values.length - 1}`;
    })
    .join(', ');
  return { clause, values };
}

function facts(t: VisibleTicket): { requesterId: string; queueId: string; queueRestricted: boolean } {
  return { requesterId: t.row.requester_id, queueId: t.row.queue_id, queueRestricted: t.row.queue_restricted };
}

function toDetail({ row, actor }: VisibleTicket, now: Date): TicketDetailDto {
  const f = facts({ row, actor });
  const staff = canOnTicket(actor, f, 'work');
  const mover: TransitionActor = staff ? 'staff' : 'requester';
  const detail: TicketDetailDto = {
    ...toListItem(row, now),
    description: row.description,
    firstResponseAt: iso(row.first_response_at),
    resolvedAt: iso(row.resolved_at),
    closedAt: iso(row.closed_at),
    reopenCount: row.reopen_count,
    version: row.version,
    allowedStatuses: nextStatuses(row.status, mover),
    can: {
      work: staff,
      commentInternal: canOnTicket(actor, f, 'comment_internal'),
      confirm: row.status === 'resolved' && canOnTicket(actor, f, 'confirm'),
      reopen: row.status === 'resolved' && canOnTicket(actor, f, 'reopen'),
    },
  };
  if (staff) {
    detail.workClass = row.work_class;
    detail.priorityOverrideReason = row.priority_override_reason;
    detail.source = row.source;
  }
  return detail;
}

type RefField = 'assigneeId' | 'queueId' | 'categoryId' | 'assetId' | 'requesterId' | 'departmentId';

/** Names of the records a change points to, in one statement; only for the fields that change. */
async function referenceNames(
  manager: EntityManager,
  changes: Partial<Record<RefField, string | null | undefined>>,
): Promise<Partial<Record<RefField, string | null>>> {
  const sources: Record<RefField, string> = {
    assigneeId: 'SELECT name FROM users WHERE id = $',
    queueId: 'SELECT name FROM queues WHERE id = $',
    categoryId: 'SELECT name FROM categories WHERE id = $',
    assetId: `SELECT tag || ' ' || name FROM assets WHERE id = $`,
    requesterId: 'SELECT name FROM users WHERE id = $',
    departmentId: 'SELECT name FROM departments WHERE id = $',
  };
  const fields = (Object.keys(sources) as RefField[]).filter((f) => changes[f] !== undefined);
  if (fields.length === 0) return {};
  const [row] = await manager.query(
    `SELECT ${fields.map((f, i) => `(${sources[f]}${i + 1}::uuid) AS "${f}"`).join(', ')}`,
    fields.map((f) => changes[f] ?? null),
  );
  return Object.fromEntries(fields.map((f) => [f, row[f] ?? null]));
}

function oldName(row: VisibleTicket['row'], field: string): string | null {
  switch (field) {
    case 'assigneeId':
      return row.assignee_name;
    case 'queueId':
      return row.queue_name;
    case 'categoryId':
      return row.category_name;
    case 'assetId':
      return row.asset_tag === null ? null : `${row.asset_tag} ${row.asset_name}`;
    case 'requesterId':
      return row.requester_name;
    case 'departmentId':
      return row.department_name;
    default:
      return null;
  }
}

function rowValue(row: VisibleTicket['row'], field: keyof typeof COLUMN): unknown {
  return (row as unknown as Record<string, unknown>)[COLUMN[field]];
}

function forbiddenFields(fields: string[]): AppError {
  return new AppError(
    'forbidden_fields',
    `Only IT staff may set ${fields.join(', ')}`,
    fields.map((field) => ({ field, messages: [`${field} may be set by IT staff only`] })),
  );
}

/** The first row of a query (raw rows are typed where they are read). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw SQL rows; each caller reads known columns
async function one(manager: EntityManager, sql: string, params: unknown[]): Promise<any> {
  const rows: unknown[] = await manager.query(sql, params);
  return rows[0];
}

async function assertExists(
  manager: EntityManager,
  table: 'queues' | 'categories' | 'users' | 'departments',
  id: string,
  field: string,
  errors: FieldError[],
): Promise<void> {
  if (!(await one(manager, `SELECT 1 FROM ${table} WHERE id = $1`, [id])))
    errors.push({ field, messages: [`${field} names no record`] });
}

async function assertAssignable(manager: EntityManager, userId: string, queueId: string, errors: FieldError[]): Promise<void> {
  const user = await one(
    manager,
    `SELECT u.role, u.active, q.restricted, EXISTS (SELECT 1 FROM queue_members m WHERE m.queue_id = q.id AND m.user_id = u.id) AS member
       FROM users u, queues q WHERE u.id = $1 AND q.id = $2`,
    [userId, queueId],
  );
  if (!user || !user.active || user.role === 'requester') {
    errors.push({ field: 'assigneeId', messages: ['assigneeId must name an active technician, manager or admin'] });
  } else if (user.restricted && !user.member) {
    errors.push({ field: 'assigneeId', messages: ['the assignee does not belong to this restricted queue'] });
  }
}

/** A requester may link only their own department's devices; staff any device. */
async function assertAssetUsableById(manager: EntityManager, actor: Actor, assetId: string): Promise<void> {
  assertAssetUsable(actor, await one(manager, `SELECT department_id FROM assets WHERE id = $1`, [assetId]));
}

function assertAssetUsable(actor: Actor, asset: { department_id: string | null } | undefined): void {
  if (!asset || (!isStaff(actor.role) && asset.department_id !== actor.departmentId)) {
    throw validationFailed([{ field: 'assetId', messages: ['assetId names no device you may choose'] }]);
  }
}

async function throwVersionConflict(manager: EntityManager, id: string): Promise<never> {
  const current = await one(manager, `SELECT version FROM tickets WHERE id = $1`, [id]);
  if (!current) throw notFound('Ticket');
  throw new AppError('version_conflict', 'Someone else changed this ticket; reload it and try again', {
    currentVersion: current.version,
  });
}
