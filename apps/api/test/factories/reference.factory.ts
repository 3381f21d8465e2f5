import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DEFAULT_LIFECYCLE_YEARS, type AssetStatus, type AssetType } from '../../src/modules/assets/domain/asset-vocabulary.js';
import type { QueueSystemKey } from '../../src/modules/queues/queue.entity.js';
import type { TicketKind } from '../../src/modules/tickets/domain/ticket-vocabulary.js';

const unique = (): string => randomBytes(4).toString('hex');

export interface QueueRecord {
  id: string;
  name: string;
  restricted: boolean;
  systemKey: QueueSystemKey | null;
  leadId: string | null;
  memberIds: string[];
}

/** A queue, with its members when memberIds is given. A systemKey makes it a built-in queue (one per key). */
export async function createQueue(
  db: DataSource,
  overrides: {
    name?: string;
    restricted?: boolean;
    systemKey?: QueueSystemKey | null;
    memberIds?: string[];
    leadId?: string | null;
  } = {},
): Promise<QueueRecord> {
  const values = {
    name: overrides.name ?? `Queue ${unique()}`,
    restricted: overrides.restricted ?? false,
    systemKey: overrides.systemKey ?? null,
    leadId: overrides.leadId ?? null,
    memberIds: overrides.memberIds ?? [],
  };
  const [row] = await db.query(
    `INSERT INTO queues (name, restricted, system_key, lead_id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, now(), now()) RETURNING id`,
    [values.name, values.restricted, values.systemKey, values.leadId],
  );
  if (values.memberIds.length > 0) {
    await db.query(`INSERT INTO queue_members (queue_id, user_id) SELECT $1, unnest($2::uuid[])`, [row.id, values.memberIds]);
  }
  return { id: row.id, ...values };
}

export interface CategoryRecord {
  id: string;
  name: string;
  defaultQueueId: string;
  defaultKind: TicketKind | null;
  systemKey: string | null;
  active: boolean;
}

export async function createCategory(
  db: DataSource,
  overrides: {
    name?: string;
    defaultQueueId: string;
    defaultKind?: TicketKind | null;
    systemKey?: string | null;
    active?: boolean;
  },
): Promise<CategoryRecord> {
  const values = {
    name: overrides.name ?? `Category ${unique()}`,
    defaultQueueId: overrides.defaultQueueId,
    defaultKind: overrides.defaultKind ?? null,
    systemKey: overrides.systemKey ?? null,
    active: overrides.active ?? true,
  };
  const [row] = await db.query(
    `INSERT INTO categories (name, default_queue_id, default_kind, system_key, active, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, now(), now()) RETURNING id`,
    [values.name, values.defaultQueueId, values.defaultKind, values.systemKey, values.active],
  );
  return { id: row.id, ...values };
}

export interface AssetRecord {
  id: string;
  tag: string;
  name: string;
  type: AssetType;
  departmentId: string;
  status: AssetStatus;
  assignedUserId: string | null;
  lifecycleYears: number;
}

export async function createAsset(
  db: DataSource,
  overrides: {
    departmentId: string;
    tag?: string;
    name?: string;
    type?: AssetType;
    status?: AssetStatus;
    assignedUserId?: string | null;
  },
): Promise<AssetRecord> {
  const suffix = unique().toUpperCase();
  const type = overrides.type ?? 'laptop';
  const values = {
    tag: overrides.tag ?? `AT-${suffix}`,
    name: overrides.name ?? `Asset ${suffix}`,
    type,
    departmentId: overrides.departmentId,
    status: overrides.status ?? 'in_service',
    assignedUserId: overrides.assignedUserId ?? null,
    lifecycleYears: DEFAULT_LIFECYCLE_YEARS[type],
  };
  const [row] = await db.query(
    `INSERT INTO assets (tag, name, type, department_id, status, assigned_user_id, lifecycle_years, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now(), now()) RETURNING id`,
    [values.tag, values.name, values.type, values.departmentId, values.status, values.assignedUserId, values.lifecycleYears],
  );
  return { id: row.id, ...values };
}
