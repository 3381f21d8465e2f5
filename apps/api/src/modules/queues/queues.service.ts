import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, notFound, validationFailed } from '../../common/errors/app-error.js';
import { uniqueViolation } from '../../common/db/unique-violation.js';
import { Clock } from '../../common/time/clock.js';
import { AuditLog } from '../audit/audit-log.service.js';
import { STAFF_ROLES, type Role } from '../users/domain/role.js';
import type { CreateQueueDto, QueueDto, QueueMemberDto, UpdateQueueDto } from './dto/queue.dto.js';
import type { QueueSystemKey } from './queue.entity.js';

interface QueueRow {
  id: string;
  name: string;
  restricted: boolean;
  system_key: QueueSystemKey | null;
  lead_id: string | null;
  lead_name: string | null;
  created_at: Date;
  updated_at: Date;
}

interface MemberRow {
  queue_id: string;
  id: string;
  name: string;
  role: Role;
}

const SELECT_QUEUES = `
  SELECT q.id, q.name, q.restricted, q.system_key, q.lead_id, l.name AS lead_name, q.created_at, q.updated_at
  FROM queues q
  LEFT JOIN users l ON l.id = q.lead_id`;

@Injectable()
export class QueuesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /** Two statements whatever the number of queues: the queues, then every member of all of them. */
  async list(): Promise<QueueDto[]> {
    const rows: QueueRow[] = await this.dataSource.query(`${SELECT_QUEUES} ORDER BY lower(q.name), q.id`);
    return withMembers(this.dataSource.manager, rows);
  }

  async get(id: string): Promise<QueueDto> {
    return this.require(this.dataSource.manager, id);
  }

  async create(input: CreateQueueDto): Promise<QueueDto> {
    return this.dataSource.transaction(async (manager) => {
      if (input.leadId) await assertActiveStaff(manager, 'leadId', [input.leadId]);
      const now = this.clock.now();
      const [{ id }] = await saveUnique(() =>
        manager.query(
          `INSERT INTO queues (name, restricted, lead_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id`,
          [input.name, input.restricted ?? false, input.leadId ?? null, now],
        ),
      );
      await this.audit.record(manager, {
        action: 'queue.created',
        targetId: id as string,
        detail: { name: input.name, restricted: input.restricted ?? false, leadId: input.leadId ?? null },
      });
      return this.require(manager, id as string);
    });
  }

  async update(id: string, input: UpdateQueueDto): Promise<QueueDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await lockQueue(manager, id);
      if (input.leadId) await assertActiveStaff(manager, 'leadId', [input.leadId]);
      // Each column is set only when its field was sent; COALESCE cannot express "set to null", so the lead has a flag.
      await saveUnique(() =>
        manager.query(
          `UPDATE queues SET
             name = COALESCE($2, name),
             restricted = COALESCE($3, restricted),
             lead_id = CASE WHEN $4 THEN $5::uuid ELSE lead_id END,
             updated_at = $6
           WHERE id = $1`,
          [id, input.name ?? null, input.restricted ?? null, input.leadId !== undefined, input.leadId ?? null, this.clock.now()],
        ),
      );
      const after = await this.require(manager, id);
      // Who may see a restricted queue's tickets, and who leads it, are permissions: each change is kept.
      const changes = {
        ...(after.name !== before.name ? { name: { from: before.name, to: after.name } } : {}),
        ...(after.restricted !== before.restricted ? { restricted: { from: before.restricted, to: after.restricted } } : {}),
        ...((after.lead?.id ?? null) !== before.lead_id ? { leadId: { from: before.lead_id, to: after.lead?.id ?? null } } : {}),
      };
      if (Object.keys(changes).length > 0) {
        await this.audit.record(manager, { action: 'queue.updated', targetId: id, detail: changes });
      }
      return after;
    });
  }

  /** Replaces the whole member list at once, so a reader never sees half of an edit. */
  async replaceMembers(id: string, userIds: string[]): Promise<QueueDto> {
    const unique = [...new Set(userIds)];
    return this.dataSource.transaction(async (manager) => {
      const queue = await lockQueue(manager, id);
      await assertActiveStaff(manager, 'userIds', unique);
      // Stable while the queue row is locked: every membership change locks it first.
      const members: { user_id: string }[] = await manager.query(`SELECT user_id FROM queue_members WHERE queue_id = $1`, [id]);
      await manager.query(`DELETE FROM queue_members WHERE queue_id = $1`, [id]);
      if (unique.length > 0) {
        await manager.query(`INSERT INTO queue_members (queue_id, user_id) SELECT $1, unnest($2::uuid[])`, [id, unique]);
      }
      await manager.query(`UPDATE queues SET updated_at = $2 WHERE id = $1`, [id, this.clock.now()]);
      const previous = new Set(members.map((m) => m.user_id));
      const added = unique.filter((userId) => !previous.has(userId));
      const dropped = [...previous].filter((userId) => !unique.includes(userId));
      if (added.length > 0 || dropped.length > 0) {
        await this.audit.record(manager, {
          action: 'queue.members_changed',
          targetId: id,
          detail: { name: queue.name, added, removed: dropped },
        });
      }
      return this.require(manager, id);
    });
  }

  async remove(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const queue = await lockQueue(manager, id);
      if (queue.system_key !== null) {
        throw new AppError('queue_in_use', 'Built-in queues cannot be deleted; rename the queue instead', {
          systemKey: queue.system_key,
        });
      }
      const [{ tickets, categories }] = await manager.query(
        `SELECT (SELECT count(*)::int FROM tickets WHERE queue_id = $1) AS tickets,
                (SELECT count(*)::int FROM categories WHERE default_queue_id = $1) AS categories`,
        [id],
      );
      if (tickets > 0 || categories > 0) {
        throw new AppError(
          'queue_in_use',
          `The queue still has ${tickets} ticket(s) and ${categories} categor${categories === 1 ? 'y' : 'ies'} routing to it`,
          { tickets, categories },
        );
      }
      await manager.query(`DELETE FROM queues WHERE id = $1`, [id]);
      await this.audit.record(manager, { action: 'queue.deleted', targetId: id, detail: { name: queue.name } });
    });
  }

  private async require(manager: EntityManager, id: string): Promise<QueueDto> {
    const rows: QueueRow[] = await manager.query(`${SELECT_QUEUES} WHERE q.id = $1`, [id]);
    const [queue] = await withMembers(manager, rows);
    if (!queue) throw notFound('Queue');
    return queue;
  }
}

async function withMembers(manager: EntityManager, rows: QueueRow[]): Promise<QueueDto[]> {
  if (rows.length === 0) return [];
  const members: MemberRow[] = await manager.query(
    `SELECT m.queue_id, u.id, u.name, u.role
     FROM queue_members m
     JOIN users u ON u.id = m.user_id
     WHERE m.queue_id = ANY($1::uuid[])
     ORDER BY lower(u.name), u.id`,
    [rows.map((r) => r.id)],
  );
  const byQueue = new Map<string, QueueMemberDto[]>();
  for (const m of members) {
    const list = byQueue.get(m.queue_id) ?? [];
    list.push({ id: m.id, name: m.name, role: m.role });
    byQueue.set(m.queue_id, list);
  }
  return rows.map((row) => toDto(row, byQueue.get(row.id) ?? []));
}

interface LockedQueue {
  name: string;
  restricted: boolean;
  lead_id: string | null;
  system_key: QueueSystemKey | null;
}

async function lockQueue(manager: EntityManager, id: string): Promise<LockedQueue> {
  const [queue] = await manager.query(`SELECT name, restricted, lead_id, system_key FROM queues WHERE id = $1 FOR UPDATE`, [id]);
  if (!queue) throw notFound('Queue');
  return queue;
}

/**
 * Leads and members work tickets, so they must be active staff. The rows are share-locked so a
 * concurrent deactivation waits for this write instead of slipping past the check.
 */
async function assertActiveStaff(manager: EntityManager, field: string, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  const found: { id: string }[] = await manager.query(
    `SELECT id FROM users WHERE id = ANY($1::uuid[]) AND active AND role = ANY($2::user_role[]) FOR SHARE`,
    [userIds, STAFF_ROLES],
  );
  const ok = new Set(found.map((u) => u.id));
  const bad = userIds.filter((id) => !ok.has(id));
  if (bad.length > 0) {
    throw validationFailed([
      {
        field,
        messages: [
          field === 'leadId'
            ? 'leadId must name an active technician, manager or admin'
            : `${field} must name active technicians, managers or admins; not: ${bad.join(', ')}`,
        ],
      },
    ]);
  }
}

async function saveUnique<T>(save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (uniqueViolation(error) === 'queues_name_key') {
      throw new AppError('queue_name_taken', 'Another queue has this name', [{ field: 'name', messages: ['name is taken'] }]);
    }
    throw error;
  }
}

function toDto(row: QueueRow, members: QueueMemberDto[]): QueueDto {
  return {
    id: row.id,
    name: row.name,
    restricted: row.restricted,
    systemKey: row.system_key,
    lead: row.lead_id && row.lead_name !== null ? { id: row.lead_id, name: row.lead_name } : null,
    members,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
