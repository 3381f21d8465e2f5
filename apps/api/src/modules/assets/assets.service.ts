import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { escapeLike } from '../../common/db/escape-like.js';
import { uniqueViolation } from '../../common/db/unique-violation.js';
import { AppError, notFound, validationFailed } from '../../common/errors/app-error.js';
import { decodeCursor, encodeCursor } from '../../common/http/cursor.js';
import type { Actor } from '../../common/security/actor.js';
import { cityToday } from '../../common/time/city-today.js';
import { Clock } from '../../common/time/clock.js';
import { AuditLog } from '../audit/audit-log.service.js';
import { SettingsService } from '../settings/settings.service.js';
import type { TicketListDto } from '../tickets/dto/ticket-output.dto.js';
import { TicketListService } from '../tickets/ticket-list.service.js';
import { isStaff } from '../users/domain/role.js';
import type { WorkClass } from '../tickets/domain/ticket-vocabulary.js';
import { Asset } from './asset.entity.js';
import {
  assetCsvLookupKeys,
  parseAssetCsv,
  validateAssetCsvRows,
  type AssetCsvError,
  type AssetCsvLookups,
  type AssetCsvRecord,
  type NewAssetRow,
} from './domain/asset-csv.js';
import { assetLifecycle } from './domain/asset-lifecycle.js';
import { assetVisibility, canViewAsset } from './domain/asset.policy.js';
import type { AssetStatus, AssetType } from './domain/asset-vocabulary.js';
import type {
  AssetCostToDateDto,
  AssetDetailDto,
  AssetDto,
  AssetImportResultDto,
  AssetListDto,
  AssetStatusChangeDto,
  CreateAssetDto,
  ListAssetTicketsQueryDto,
  ListAssetsQueryDto,
  UpdateAssetDto,
} from './dto/asset.dto.js';

interface AssetRow {
  id: string;
  tag: string;
  name: string;
  type: AssetType;
  department_id: string;
  department_name: string;
  location: string | null;
  serial: string | null;
  purchase_date: string | null;
  cost_cents: string | null;
  warranty_end: string | null;
  lifecycle_years: number;
  status: AssetStatus;
  assigned_user_id: string | null;
  assigned_user_name: string | null;
  created_at: Date;
  updated_at: Date;
  retired_at: Date | null;
  sort_tag: string;
}

const DEFAULT_PAGE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AssetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly ticketList: TicketListService,
    private readonly audit: AuditLog,
  ) {}

  /** Keyset-paginated by (lower(tag), id); one statement per page, filters only from the DTO's allowlist. */
  async list(actor: Actor, query: ListAssetsQueryDto): Promise<AssetListDto> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const qb = selectAssets(this.dataSource.manager);
    const scope = assetVisibility(actor, 'a');
    qb.where(scope.where, scope.params);
    if (query.departmentId) qb.andWhere('a.department_id = :departmentId', { departmentId: query.departmentId });
    if (query.type) qb.andWhere('a.type = :type', { type: query.type });
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.assignedUserId) qb.andWhere('a.assigned_user_id = :assignedUserId', { assignedUserId: query.assignedUserId });
    if (query.q) {
      qb.andWhere('(a.tag ILIKE :q OR a.name ILIKE :q OR a.serial ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    }
    if (query.cursor) {
      const [tag, id] = decodeCursor(query.cursor, ['string', 'string']) as [string, string];
      // A forged id would reach PostgreSQL's uuid parser as a 500; it is a bad cursor like any other.
      if (!UUID.test(id)) throw validationFailed([{ field: 'cursor', messages: ['cursor is not a cursor this list gave out'] }]);
      qb.andWhere('(lower(a.tag), a.id) > (:cursorTag, :cursorId)', { cursorTag: tag, cursorId: id });
    }
    const rows = await qb
      .orderBy('lower(a.tag)')
      .addOrderBy('a.id')
      .limit(limit + 1)
      .getRawMany<AssetRow>();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toDto),
      nextCursor: rows.length > limit && last ? encodeCursor([last.sort_tag, last.id]) : null,
    };
  }

  /**
   * An asset with its lifecycle on the city's today and its status history; for staff also its
   * cost to date. An asset the actor may not see answers exactly like a missing one.
   */
  async get(actor: Actor, id: string): Promise<AssetDetailDto> {
    const row = await this.visibleRow(actor, id);
    const today = await cityToday(this.dataSource, this.clock.now());
    const history: { from: AssetStatus; to: AssetStatus; actor_id: string | null; actor_name: string | null; at: Date }[] =
      await this.dataSource.query(
        `SELECT e.data->>'from' AS "from", e.data->>'to' AS "to", u.id AS actor_id, u.name AS actor_name, e.created_at AS at
           FROM asset_events e LEFT JOIN users u ON u.id = e.actor_id
          WHERE e.asset_id = $1 AND e.type = 'status_changed'
          ORDER BY e.id DESC`,
        [id],
      );
    const detail: AssetDetailDto = {
      ...toDto(row),
      retiredAt: row.retired_at ? new Date(row.retired_at).toISOString() : null,
      lifecycle: assetLifecycle(row.purchase_date, row.lifecycle_years, today),
      statusHistory: history.map((h): AssetStatusChangeDto => ({
        from: h.from,
        to: h.to,
        actor: h.actor_id && h.actor_name !== null ? { id: h.actor_id, name: h.actor_name } : null,
        at: new Date(h.at).toISOString(),
      })),
    };
    if (isStaff(actor.role)) detail.costToDate = await costToDate(this.dataSource.manager, id);
    return detail;
  }

  /** The tickets about the asset the actor may see, newest first (the ticket list, filtered). */
  async tickets(actor: Actor, id: string, query: ListAssetTicketsQueryDto): Promise<TicketListDto> {
    await this.visibleRow(actor, id);
    return this.ticketList.list(actor, { ...query, assetId: id, sort: 'created' });
  }

  private async visibleRow(actor: Actor, id: string): Promise<AssetRow> {
    const row = await findRow(this.dataSource.manager, id);
    if (!row || !canViewAsset(actor, { departmentId: row.department_id })) throw notFound('Asset');
    return row;
  }

  async create(input: CreateAssetDto): Promise<AssetDto> {
    const lifecycleYears = input.lifecycleYears ?? (await this.settings.get()).assetLifecycleYears[input.type];
    return this.dataSource.transaction(async (manager) => {
      await assertDepartmentExists(manager, input.departmentId);
      if (input.assignedUserId) await assertActiveUser(manager, input.assignedUserId);
      const now = this.clock.now();
      const [{ id }] = await saveUnique(() =>
        manager.query(
          `INSERT INTO assets (tag, name, type, department_id, location, serial, purchase_date, cost_cents, warranty_end,
                               lifecycle_years, status, assigned_user_id, created_at, updated_at, retired_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14) RETURNING id`,
          [
            input.tag,
            input.name,
            input.type,
            input.departmentId,
            input.location ?? null,
            input.serial ?? null,
            input.purchaseDate ?? null,
            input.costCents ?? null,
            input.warrantyEnd ?? null,
            lifecycleYears,
            input.status ?? 'in_service',
            input.assignedUserId ?? null,
            now,
            input.status === 'retired' ? now : null,
          ],
        ),
      );
      return toDto(await requireRow(manager, id as string));
    });
  }

  /** A status change is recorded in the asset's history; retiring stamps retired_at, leaving retirement clears it. */
  async update(actor: Actor, id: string, input: UpdateAssetDto): Promise<AssetDto> {
    return this.dataSource.transaction(async (manager) => {
      const [locked]: { status: AssetStatus }[] = await manager.query(`SELECT status FROM assets WHERE id = $1 FOR UPDATE`, [id]);
      if (!locked) throw notFound('Asset');
      const now = this.clock.now();
      const statusChanged = input.status !== undefined && input.status !== locked.status;
      if (input.departmentId !== undefined) await assertDepartmentExists(manager, input.departmentId);
      if (input.assignedUserId) await assertActiveUser(manager, input.assignedUserId);
      // Only the fields sent change; undefined leaves a column alone, null clears a nullable one.
      const changes: Partial<Record<keyof Asset, unknown>> = {
        tag: input.tag,
        name: input.name,
        type: input.type,
        departmentId: input.departmentId,
        location: input.location,
        serial: input.serial,
        purchaseDate: input.purchaseDate,
        costCents: input.costCents === undefined || input.costCents === null ? input.costCents : String(input.costCents),
        warrantyEnd: input.warrantyEnd,
        lifecycleYears: input.lifecycleYears,
        status: input.status,
        assignedUserId: input.assignedUserId,
        updatedAt: now,
        retiredAt: statusChanged ? (input.status === 'retired' ? now : null) : undefined,
      };
      const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<Asset>;
      await saveUnique(() => manager.getRepository(Asset).update({ id }, set));
      if (statusChanged) {
        await manager.query(
          `INSERT INTO asset_events (asset_id, actor_id, type, data, created_at) VALUES ($1, $2, 'status_changed', $3, $4)`,
          [id, actor.id, JSON.stringify({ from: locked.status, to: input.status }), now],
        );
      }
      return toDto(await requireRow(manager, id));
    });
  }

  async remove(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [locked]: { tag: string; name: string }[] = await manager.query(
        `SELECT tag, name FROM assets WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!locked) throw notFound('Asset');
      const [{ tickets, expenses }] = await manager.query(
        `SELECT (SELECT count(*)::int FROM tickets WHERE asset_id = $1) AS tickets,
                (SELECT count(*)::int FROM ticket_expenses WHERE asset_id = $1) AS expenses`,
        [id],
      );
      if (tickets > 0 || expenses > 0) {
        throw new AppError(
          'asset_in_use',
          `${tickets} ticket(s) and ${expenses} expense(s) refer to this asset; set its status to retired instead`,
          { tickets, expenses },
        );
      }
      await manager.query(`DELETE FROM assets WHERE id = $1`, [id]);
      await this.audit.record(manager, { action: 'asset.deleted', targetId: id, detail: { tag: locked.tag, name: locked.name } });
    });
  }

  /**
   * Checks a CSV file of assets and, unless it is a dry run, writes all of its rows or none: any
   * problem answers 400 import_failed with every problem found. A constant number of statements
   * whatever the file's size: three lookups and one INSERT.
   */
  async importCsv(text: unknown, dryRun: boolean): Promise<AssetImportResultDto> {
    if (typeof text !== 'string') {
      throw validationFailed([{ field: 'body', messages: ['send the CSV file as the body, with Content-Type: text/csv'] }]);
    }
    const parsed = parseAssetCsv(text);
    // Too long is refused even on a dry run: no part of the file would be imported as it is.
    if (parsed.tooManyRows) throw new AppError('import_failed', parsed.tooManyRows.message, [parsed.tooManyRows]);
    const { assetLifecycleYears } = await this.settings.get();
    const check = async (manager: EntityManager) => {
      const lookups = { ...(await loadLookups(manager, parsed.records)), lifecycleYearsByType: assetLifecycleYears };
      const { rows, errors } = validateAssetCsvRows(parsed.records, lookups);
      return { rows, errors: [...parsed.errors, ...errors].sort((a, b) => a.line - b.line) };
    };
    const summary = (valid: number, created: number, errors: AssetCsvError[]): AssetImportResultDto => ({
      dryRun,
      rows: parsed.rowCount,
      valid,
      created,
      errors,
    });

    if (dryRun) {
      const { rows, errors } = await check(this.dataSource.manager);
      await this.audit.recordAlone({
        action: 'asset.import_checked',
        detail: { rows: parsed.rowCount, valid: rows.length, problems: errors.length },
      });
      return summary(rows.length, 0, errors);
    }
    return this.dataSource.transaction(async (manager) => {
      const { rows, errors } = await check(manager);
      if (errors.length > 0) {
        throw new AppError('import_failed', `The file has ${errors.length} problem(s); nothing was imported`, errors);
      }
      const created = await insertAll(manager, rows, this.clock.now());
      await this.audit.record(manager, { action: 'asset.imported', detail: { rows: parsed.rowCount, created } });
      return summary(rows.length, created, []);
    });
  }
}

function selectAssets(manager: EntityManager): SelectQueryBuilder<Asset> {
  return (
    manager
      .getRepository(Asset)
      .createQueryBuilder('a')
      .innerJoin('departments', 'd', 'd.id = a.department_id')
      .leftJoin('users', 'u', 'u.id = a.assigned_user_id')
      // Dates as text: a DATE parsed into a JS Date would shift by the server's time zone.
      .select([
        'a.id AS id',
        'a.tag AS tag',
        'a.name AS name',
        'a.type AS type',
        'a.department_id AS department_id',
        'd.name AS department_name',
        'a.location AS location',
        'a.serial AS serial',
        `to_char(a.purchase_date, 'YYYY-MM-DD') AS purchase_date`,
        'a.cost_cents AS cost_cents',
        `to_char(a.warranty_end, 'YYYY-MM-DD') AS warranty_end`,
        'a.lifecycle_years AS lifecycle_years',
        'a.status AS status',
        'a.assigned_user_id AS assigned_user_id',
        'u.name AS assigned_user_name',
        'a.created_at AS created_at',
        'a.updated_at AS updated_at',
        'a.retired_at AS retired_at',
        'lower(a.tag) AS sort_tag',
      ])
  );
}

function findRow(manager: EntityManager, id: string): Promise<AssetRow | undefined> {
  return selectAssets(manager).where('a.id = :id', { id }).getRawOne<AssetRow>();
}

async function requireRow(manager: EntityManager, id: string): Promise<AssetRow> {
  const row = await findRow(manager, id);
  if (!row) throw notFound('Asset');
  return row;
}

async function assertDepartmentExists(manager: EntityManager, departmentId: string): Promise<void> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM departments WHERE id = $1`, [departmentId]);
  if (rows.length === 0) throw validationFailed([{ field: 'departmentId', messages: ['departmentId names no department'] }]);
}

async function assertActiveUser(manager: EntityManager, userId: string): Promise<void> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM users WHERE id = $1 AND active`, [userId]);
  if (rows.length === 0) {
    throw validationFailed([{ field: 'assignedUserId', messages: ['assignedUserId names no active user'] }]);
  }
}

/** Everything the row checks need, in three queries for the whole file. */
async function loadLookups(
  manager: EntityManager,
  records: readonly AssetCsvRecord[],
): Promise<Omit<AssetCsvLookups, 'lifecycleYearsByType'>> {
  const keys = assetCsvLookupKeys(records);
  // In sequence: inside the import's transaction they share one connection anyway.
  const departments = await manager.query(`SELECT id, code FROM departments WHERE code = ANY($1::text[])`, [
    keys.departmentCodes,
  ]);
  const users = await manager.query(`SELECT id, email FROM users WHERE active AND email = ANY($1::text[])`, [keys.emails]);
  const tags = await manager.query(`SELECT lower(tag) AS tag FROM assets WHERE lower(tag) = ANY($1::text[])`, [keys.tags]);
  return {
    departmentIdByCode: new Map((departments as { id: string; code: string }[]).map((d) => [d.code, d.id])),
    userIdByEmail: new Map((users as { id: string; email: string }[]).map((u) => [u.email, u.id])),
    existingTags: new Set((tags as { tag: string }[]).map((t) => t.tag)),
  };
}

/** One INSERT for the whole file: a column array per field, unnested into rows. */
async function insertAll(manager: EntityManager, rows: NewAssetRow[], now: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const column = <K extends keyof NewAssetRow>(key: K): NewAssetRow[K][] => rows.map((r) => r[key]);
  const inserted: unknown[] = await saveUnique(() =>
    manager.query(
      `INSERT INTO assets (tag, name, type, department_id, location, serial, purchase_date, cost_cents, warranty_end,
                           lifecycle_years, status, assigned_user_id, created_at, updated_at, retired_at)
       SELECT r.*, $13::timestamptz, $13::timestamptz, CASE WHEN r.status = 'retired' THEN $13::timestamptz END
       FROM unnest($1::text[], $2::text[], $3::asset_type[], $4::uuid[], $5::text[], $6::text[], $7::date[],
                   $8::bigint[], $9::date[], $10::int[], $11::asset_status[], $12::uuid[])
            AS r (tag, name, type, department_id, location, serial, purchase_date, cost_cents, warranty_end,
                  lifecycle_years, status, assigned_user_id)
       RETURNING id`,
      [
        column('tag'),
        column('name'),
        column('type'),
        column('departmentId'),
        column('location'),
        column('serial'),
        column('purchaseDate'),
        column('costCents'),
        column('warrantyEnd'),
        column('lifecycleYears'),
        column('status'),
        column('assignedUserId'),
        now,
      ],
    ),
  );
  return inserted.length;
}

async function saveUnique<T>(save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (uniqueViolation(error) === 'assets_tag_key') {
      throw new AppError('asset_tag_taken', 'Another asset has this tag', [{ field: 'tag', messages: ['tag is taken'] }]);
    }
    throw error;
  }
}

/**
 * What an asset has cost, by the work class of the ticket: the labour of the tickets about it,
 * plus expenses linked to it, plus expenses on its tickets linked to no other asset. One
 * statement; each branch is served by an index on asset_id.
 */
async function costToDate(manager: EntityManager, assetId: string): Promise<AssetCostToDateDto> {
  const rows: { work_class: WorkClass; labour: string; expenses: string; minutes: number }[] = await manager.query(
    `SELECT x.work_class, sum(x.labour)::bigint AS labour, sum(x.expenses)::bigint AS expenses, sum(x.minutes)::int AS minutes
       FROM (SELECT t.work_class, t.labour_cost_cents AS labour, 0::bigint AS expenses, t.labour_minutes AS minutes
               FROM tickets t WHERE t.asset_id = $1
             UNION ALL
             SELECT t.work_class, 0, e.amount_cents, 0
               FROM ticket_expenses e JOIN tickets t ON t.id = e.ticket_id WHERE e.asset_id = $1
             UNION ALL
             SELECT t.work_class, 0, e.amount_cents, 0
               FROM tickets t JOIN ticket_expenses e ON e.ticket_id = t.id WHERE t.asset_id = $1 AND e.asset_id IS NULL) x
      GROUP BY x.work_class`,
    [assetId],
  );
  const cost: AssetCostToDateDto = {
    reactiveCents: 0,
    serviceCents: 0,
    proactiveCents: 0,
    labourCents: 0,
    expensesCents: 0,
    totalCents: 0,
    labourMinutes: 0,
  };
  for (const r of rows) {
    const [labour, expenses] = [Number(r.labour), Number(r.expenses)];
    cost[`${r.work_class}Cents`] += labour + expenses;
    cost.labourCents += labour;
    cost.expensesCents += expenses;
    cost.totalCents += labour + expenses;
    cost.labourMinutes += r.minutes;
  }
  return cost;
}

function toDto(row: AssetRow): AssetDto {
  return {
    id: row.id,
    tag: row.tag,
    name: row.name,
    type: row.type,
    department: { id: row.department_id, name: row.department_name },
    location: row.location,
    serial: row.serial,
    purchaseDate: row.purchase_date,
    // bigint arrives as text; writes keep it within Number.MAX_SAFE_INTEGER.
    costCents: row.cost_cents === null ? null : Number(row.cost_cents),
    warrantyEnd: row.warranty_end,
    lifecycleYears: row.lifecycle_years,
    status: row.status,
    assignedUser:
      row.assigned_user_id && row.assigned_user_name !== null ? { id: row.assigned_user_id, name: row.assigned_user_name } : null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
