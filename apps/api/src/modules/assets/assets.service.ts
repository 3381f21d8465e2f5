import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { escapeLike } from '../../common/db/escape-like.js';
import { uniqueViolation } from '../../common/db/unique-violation.js';
import { AppError, notFound, validationFailed } from '../../common/errors/app-error.js';
import { decodeCursor, encodeCursor } from '../../common/http/cursor.js';
import type { Actor } from '../../common/security/actor.js';
import { Clock } from '../../common/time/clock.js';
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
import { assetVisibility, canViewAsset } from './domain/asset.policy.js';
import { DEFAULT_LIFECYCLE_YEARS, type AssetStatus, type AssetType } from './domain/asset-vocabulary.js';
import type {
  AssetDto,
  AssetImportResultDto,
  AssetListDto,
  CreateAssetDto,
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
  sort_tag: string;
}

const DEFAULT_PAGE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AssetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
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

  /** An asset the actor may not see answers exactly like a missing one. */
  async get(actor: Actor, id: string): Promise<AssetDto> {
    const row = await findRow(this.dataSource.manager, id);
    if (!row || !canViewAsset(actor, { departmentId: row.department_id })) throw notFound('Asset');
    return toDto(row);
  }

  async create(input: CreateAssetDto): Promise<AssetDto> {
    return this.dataSource.transaction(async (manager) => {
      await assertDepartmentExists(manager, input.departmentId);
      if (input.assignedUserId) await assertActiveUser(manager, input.assignedUserId);
      const now = this.clock.now();
      const [{ id }] = await saveUnique(() =>
        manager.query(
          `INSERT INTO assets (tag, name, type, department_id, location, serial, purchase_date, cost_cents, warranty_end,
                               lifecycle_years, status, assigned_user_id, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id`,
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
            input.lifecycleYears ?? DEFAULT_LIFECYCLE_YEARS[input.type],
            input.status ?? 'in_service',
            input.assignedUserId ?? null,
            now,
          ],
        ),
      );
      return toDto(await requireRow(manager, id as string));
    });
  }

  async update(id: string, input: UpdateAssetDto): Promise<AssetDto> {
    return this.dataSource.transaction(async (manager) => {
      const locked: unknown[] = await manager.query(`SELECT id FROM assets WHERE id = $1 FOR UPDATE`, [id]);
      if (locked.length === 0) throw notFound('Asset');
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
        updatedAt: this.clock.now(),
      };
      const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<Asset>;
      await saveUnique(() => manager.getRepository(Asset).update({ id }, set));
      return toDto(await requireRow(manager, id));
    });
  }

  async remove(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const locked: unknown[] = await manager.query(`SELECT id FROM assets WHERE id = $1 FOR UPDATE`, [id]);
      if (locked.length === 0) throw notFound('Asset');
      const [{ tickets }] = await manager.query(`SELECT count(*)::int AS tickets FROM tickets WHERE asset_id = $1`, [id]);
      if (tickets > 0) {
        throw new AppError('asset_in_use', `${tickets} ticket(s) refer to this asset; set its status to retired instead`, {
          tickets,
        });
      }
      await manager.query(`DELETE FROM assets WHERE id = $1`, [id]);
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
    const check = async (manager: EntityManager) => {
      const { rows, errors } = validateAssetCsvRows(parsed.records, await loadLookups(manager, parsed.records));
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
      return summary(rows.length, 0, errors);
    }
    return this.dataSource.transaction(async (manager) => {
      const { rows, errors } = await check(manager);
      if (errors.length > 0) {
        throw new AppError('import_failed', `The file has ${errors.length} problem(s); nothing was imported`, errors);
      }
      const created = await insertAll(manager, rows, this.clock.now());
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
async function loadLookups(manager: EntityManager, records: readonly AssetCsvRecord[]): Promise<AssetCsvLookups> {
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
                           lifecycle_years, status, assigned_user_id, created_at, updated_at)
       SELECT r.*, $13::timestamptz, $13::timestamptz
       FROM unnest($1::text[], $2::text[], $3::asset_type[], $4::uuid[], $5::text[], $6::text[], $7::date[],
                   $8::bigint[], $9::date[], $10::int[], $11::asset_status[], $12::uuid[]) AS r
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
