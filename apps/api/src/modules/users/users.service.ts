import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AppError, notFound, validationFailed } from '../../common/errors/app-error.js';
import { escapeLike } from '../../common/db/escape-like.js';
import { uniqueViolation } from '../../common/db/unique-violation.js';
import { decodeCursor, encodeCursor } from '../../common/http/cursor.js';
import type { Actor } from '../../common/security/actor.js';
import { PasswordHasher } from '../../common/security/password-hasher.js';
import { passwordProblem } from '../../common/security/password-policy.js';
import { Clock } from '../../common/time/clock.js';
import { AuditLog, type AuditRecord } from '../audit/audit-log.service.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { canViewUser, userVisibility } from './domain/user.policy.js';
import type { Role } from './domain/role.js';
import type { CreateUserDto, ListUsersQueryDto, UpdateUserDto, UserDto, UserListDto } from './dto/user.dto.js';
import { User } from './user.entity.js';

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  department_id: string | null;
  department_name: string | null;
  active: boolean;
  must_change_password: boolean;
  created_at: Date;
  updated_at: Date;
  sort_name: string;
}

const DEFAULT_PAGE = 50;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /** Keyset-paginated by (lower(name), id); filters and sort come only from the DTO's allowlist. */
  async list(actor: Actor, query: ListUsersQueryDto): Promise<UserListDto> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const qb = this.selectUsers(this.dataSource.manager);
    const scope = userVisibility(actor, 'u');
    qb.where(scope.where, scope.params);
    if (query.search) {
      qb.andWhere(`(u.name ILIKE :search OR u.email ILIKE :search)`, { search: `%${escapeLike(query.search)}%` });
    }
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.departmentId) qb.andWhere('u.department_id = :departmentId', { departmentId: query.departmentId });
    if (query.active !== undefined) qb.andWhere('u.active = :active', { active: query.active });
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, ['string', 'string']);
      qb.andWhere('(lower(u.name), u.id) > (:cursorName, :cursorId)', { cursorName: name, cursorId: id });
    }
    const rows = await qb
      .orderBy('lower(u.name)')
      .addOrderBy('u.id')
      .limit(limit + 1)
      .getRawMany<UserRow>();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toDto),
      nextCursor: rows.length > limit && last ? encodeCursor([last.sort_name, last.id]) : null,
    };
  }

  async get(actor: Actor, id: string): Promise<UserDto> {
    const row = await this.findRow(this.dataSource.manager, id);
    if (!row || !canViewUser(actor, row)) throw notFound('User');
    return toDto(row);
  }

  async create(input: CreateUserDto): Promise<UserDto> {
    const problem = passwordProblem(input.password, input);
    if (problem) throw weakPassword('password', problem);
    const passwordHash = await this.hasher.hash(input.password);
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      await assertDepartmentExists(manager, input.departmentId ?? null);
      const user = manager.getRepository(User).create({
        email: input.email,
        name: input.name,
        role: input.role,
        departmentId: input.departmentId ?? null,
        passwordHash,
        mustChangePassword: true,
        active: true,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await saveUser(manager, user);
      await this.audit.record(manager, {
        action: 'user.created',
        targetId: user.id,
        detail: { email: user.email, role: user.role, departmentId: user.departmentId },
      });
      return toDto(await this.requireRow(manager, user.id));
    });
  }

  /** Each security-relevant change (role, department, e-mail, enabling) is its own audit entry. */
  async update(id: string, input: UpdateUserDto): Promise<UserDto> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(User);
      const user = await repo.createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :id', { id }).getOne();
      if (!user) throw notFound('User');
      const losesAdmin =
        user.role === 'admin' && user.active && (input.active === false || (input.role !== undefined && input.role !== 'admin'));
      if (losesAdmin) await assertAnotherActiveAdmin(manager, user.id);
      if (input.departmentId !== undefined) await assertDepartmentExists(manager, input.departmentId);

      const before = { role: user.role, departmentId: user.departmentId, email: user.email, active: user.active };
      // Fields left out arrive as undefined: they keep their value.
      const after = {
        role: input.role ?? before.role,
        departmentId: input.departmentId !== undefined ? input.departmentId : before.departmentId,
        email: input.email ?? before.email,
        active: input.active ?? before.active,
      };
      Object.assign(user, input, { updatedAt: this.clock.now() });
      await saveUser(manager, user);
      const sessionsRevoked = input.active === false ? await this.sessions.revokeAllForUser(user.id, manager) : 0;

      const changes: AuditRecord[] = [];
      if (after.role !== before.role) {
        changes.push({ action: 'user.role_changed', detail: { from: before.role, to: after.role } });
      }
      if (after.departmentId !== before.departmentId) {
        changes.push({ action: 'user.department_changed', detail: { from: before.departmentId, to: after.departmentId } });
      }
      if (after.email !== before.email) {
        changes.push({ action: 'user.email_changed', detail: { from: before.email, to: after.email } });
      }
      if (after.active !== before.active) {
        changes.push(after.active ? { action: 'user.enabled' } : { action: 'user.disabled', detail: { sessionsRevoked } });
      }
      for (const change of changes) await this.audit.record(manager, { ...change, targetId: user.id });
      return toDto(await this.requireRow(manager, user.id));
    });
  }

  /** An admin sets a temporary password: the user must replace it, and every session ends. */
  async setTemporaryPassword(id: string, password: string): Promise<void> {
    const target = await this.findRow(this.dataSource.manager, id);
    if (!target) throw notFound('User');
    const problem = passwordProblem(password, target);
    if (problem) throw weakPassword('password', problem);
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE users SET password_hash = $2, must_change_password = true, password_changed_at = $3, updated_at = $3 WHERE id = $1`,
        [id, passwordHash, this.clock.now()],
      );
      const sessionsRevoked = await this.sessions.revokeAllForUser(id, manager);
      await this.audit.record(manager, { action: 'user.temporary_password_set', targetId: id, detail: { sessionsRevoked } });
    });
  }

  private selectUsers(manager: EntityManager): SelectQueryBuilder<User> {
    return manager
      .getRepository(User)
      .createQueryBuilder('u')
      .leftJoin('departments', 'd', 'd.id = u.department_id')
      .select([
        'u.id AS id',
        'u.email AS email',
        'u.name AS name',
        'u.role AS role',
        'u.department_id AS department_id',
        'd.name AS department_name',
        'u.active AS active',
        'u.must_change_password AS must_change_password',
        'u.created_at AS created_at',
        'u.updated_at AS updated_at',
        'lower(u.name) AS sort_name',
      ]);
  }

  private findRow(manager: EntityManager, id: string): Promise<UserRow | undefined> {
    return this.selectUsers(manager).where('u.id = :id', { id }).getRawOne<UserRow>();
  }

  private async requireRow(manager: EntityManager, id: string): Promise<UserRow> {
    const row = await this.findRow(manager, id);
    if (!row) throw notFound('User');
    return row;
  }
}

export function weakPassword(field: string, problem: string): AppError {
  return new AppError('weak_password', problem, [{ field, messages: [problem] }]);
}

async function saveUser(manager: EntityManager, user: User): Promise<void> {
  try {
    await manager.getRepository(User).save(user);
  } catch (error) {
    if (uniqueViolation(error) === 'users_email_key') {
      throw new AppError('email_taken', 'Another user has this e-mail address', [
        { field: 'email', messages: ['email is taken'] },
      ]);
    }
    throw error;
  }
}

async function assertDepartmentExists(manager: EntityManager, departmentId: string | null): Promise<void> {
  if (departmentId === null) return;
  const rows: unknown[] = await manager.query(`SELECT 1 FROM departments WHERE id = $1`, [departmentId]);
  if (rows.length === 0) throw validationFailed([{ field: 'departmentId', messages: ['departmentId names no department'] }]);
}

/** The city must never be left without an active admin. Admin rows are locked so two requests cannot both pass. */
async function assertAnotherActiveAdmin(manager: EntityManager, exceptId: string): Promise<void> {
  const others: unknown[] = await manager.query(`SELECT id FROM users WHERE role = 'admin' AND active AND id <> $1 FOR UPDATE`, [
    exceptId,
  ]);
  if (others.length === 0) throw new AppError('conflict', 'This is the last active admin; make another admin first');
}

function toDto(row: UserRow): UserDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    departmentId: row.department_id,
    departmentName: row.department_name,
    active: row.active,
    mustChangePassword: row.must_change_password,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
