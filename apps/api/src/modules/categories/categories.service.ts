import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, notFound, validationFailed } from '../../common/errors/app-error.js';
import { uniqueViolation } from '../../common/db/unique-violation.js';
import type { Actor } from '../../common/security/actor.js';
import { Clock } from '../../common/time/clock.js';
import { AuditLog } from '../audit/audit-log.service.js';
import type { QueueSystemKey } from '../queues/queue.entity.js';
import type { TicketKind } from '../tickets/domain/ticket-vocabulary.js';
import { builtInCategoryProblem } from './domain/built-in-category.js';
import { canViewCategory, categoryVisibility } from './domain/category.policy.js';
import type { CategoryDto, CreateCategoryDto, ListCategoriesQueryDto, UpdateCategoryDto } from './dto/category.dto.js';

interface CategoryRow {
  id: string;
  name: string;
  default_queue_id: string;
  default_queue_name: string;
  default_kind: TicketKind | null;
  system_key: string | null;
  active: boolean;
}

const SELECT_CATEGORIES = `
  SELECT c.id, c.name, c.default_queue_id, q.name AS default_queue_name, c.default_kind, c.system_key, c.active
  FROM categories c
  JOIN queues q ON q.id = c.default_queue_id`;

@Injectable()
export class CategoriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async list(actor: Actor, query: ListCategoriesQueryDto): Promise<CategoryDto[]> {
    // The visibility condition is fixed SQL text from the policy, never user input.
    const scope = categoryVisibility(actor, 'c', query.includeInactive === true);
    const rows: CategoryRow[] = await this.dataSource.query(
      `${SELECT_CATEGORIES} WHERE ${scope.where} ORDER BY lower(c.name), c.id`,
    );
    return rows.map(toDto);
  }

  async get(actor: Actor, id: string): Promise<CategoryDto> {
    const row = await findRow(this.dataSource.manager, id);
    if (!row || !canViewCategory(actor, row)) throw notFound('Category');
    return toDto(row);
  }

  async create(input: CreateCategoryDto): Promise<CategoryDto> {
    return this.dataSource.transaction(async (manager) => {
      await queueSystemKey(manager, input.defaultQueueId);
      const now = this.clock.now();
      const [{ id }] = await saveUnique(() =>
        manager.query(
          `INSERT INTO categories (name, default_queue_id, default_kind, active, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
          [input.name, input.defaultQueueId, input.defaultKind ?? null, input.active ?? true, now],
        ),
      );
      return requireRow(manager, id as string);
    });
  }

  async update(id: string, input: UpdateCategoryDto): Promise<CategoryDto> {
    return this.dataSource.transaction(async (manager) => {
      const [category] = await manager.query(`SELECT system_key FROM categories WHERE id = $1 FOR UPDATE`, [id]);
      if (!category) throw notFound('Category');
      const defaultQueueSystemKey =
        input.defaultQueueId === undefined ? undefined : await queueSystemKey(manager, input.defaultQueueId);
      const problem = builtInCategoryProblem(
        { systemKey: category.system_key as string | null },
        { active: input.active, defaultQueueSystemKey },
      );
      if (problem) throw new AppError('conflict', problem.message, [{ field: problem.field, messages: [problem.message] }]);
      // A column changes only when its field was sent; default_kind may be set to null, hence its flag.
      await saveUnique(() =>
        manager.query(
          `UPDATE categories SET
             name = COALESCE($2, name),
             default_queue_id = COALESCE($3::uuid, default_queue_id),
             default_kind = CASE WHEN $4 THEN $5::ticket_kind ELSE default_kind END,
             active = COALESCE($6, active),
             updated_at = $7
           WHERE id = $1`,
          [
            id,
            input.name ?? null,
            input.defaultQueueId ?? null,
            input.defaultKind !== undefined,
            input.defaultKind ?? null,
            input.active ?? null,
            this.clock.now(),
          ],
        ),
      );
      return requireRow(manager, id);
    });
  }

  async remove(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [category] = await manager.query(`SELECT name, system_key FROM categories WHERE id = $1 FOR UPDATE`, [id]);
      if (!category) throw notFound('Category');
      if (category.system_key !== null) {
        throw new AppError('category_in_use', 'Built-in categories cannot be deleted; rename the category instead', {
          systemKey: category.system_key,
        });
      }
      const [{ tickets }] = await manager.query(`SELECT count(*)::int AS tickets FROM tickets WHERE category_id = $1`, [id]);
      if (tickets > 0) {
        throw new AppError('category_in_use', `${tickets} ticket(s) use this category; deactivate it instead`, { tickets });
      }
      await manager.query(`DELETE FROM categories WHERE id = $1`, [id]);
      await this.audit.record(manager, { action: 'category.deleted', targetId: id, detail: { name: category.name as string } });
    });
  }
}

/** The queue's system key (null for an ordinary queue); 400 naming defaultQueueId when there is no such queue. */
async function queueSystemKey(manager: EntityManager, queueId: string): Promise<QueueSystemKey | null> {
  const [queue] = await manager.query(`SELECT system_key FROM queues WHERE id = $1 FOR SHARE`, [queueId]);
  if (!queue) throw validationFailed([{ field: 'defaultQueueId', messages: ['defaultQueueId names no queue'] }]);
  return queue.system_key;
}

async function findRow(manager: EntityManager, id: string): Promise<CategoryRow | undefined> {
  const rows: CategoryRow[] = await manager.query(`${SELECT_CATEGORIES} WHERE c.id = $1`, [id]);
  return rows[0];
}

async function requireRow(manager: EntityManager, id: string): Promise<CategoryDto> {
  const row = await findRow(manager, id);
  if (!row) throw notFound('Category');
  return toDto(row);
}

async function saveUnique<T>(save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (uniqueViolation(error) === 'categories_name_key') {
      throw new AppError('category_name_taken', 'Another category has this name', [
        { field: 'name', messages: ['name is taken'] },
      ]);
    }
    throw error;
  }
}

function toDto(row: CategoryRow): CategoryDto {
  return {
    id: row.id,
    name: row.name,
    defaultQueue: { id: row.default_queue_id, name: row.default_queue_name },
    defaultKind: row.default_kind,
    systemKey: row.system_key,
    active: row.active,
  };
}
