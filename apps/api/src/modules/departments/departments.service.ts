import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, notFound, validationFailed } from '../../common/errors/app-error.js';
import { uniqueViolation } from '../../common/db/unique-violation.js';
import { Clock } from '../../common/time/clock.js';
import { AuditLog } from '../audit/audit-log.service.js';
import { TicketSlaService } from '../ticket-sla/ticket-sla.service.js';
import { Department } from './department.entity.js';
import type { CreateDepartmentDto, DepartmentDto, UpdateDepartmentDto } from './dto/department.dto.js';

@Injectable()
export class DepartmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly sla: TicketSlaService,
    private readonly audit: AuditLog,
  ) {}

  private get repo() {
    return this.dataSource.getRepository(Department);
  }

  async list(): Promise<DepartmentDto[]> {
    const rows = await this.repo.createQueryBuilder('d').orderBy('lower(d.name)').addOrderBy('d.id').getMany();
    return rows.map(toDto);
  }

  async get(id: string): Promise<DepartmentDto> {
    return toDto(await this.find(id));
  }

  async create(input: CreateDepartmentDto): Promise<DepartmentDto> {
    const now = this.clock.now();
    if (input.calendarId) await assertCalendar(this.dataSource.manager, input.calendarId);
    return toDto(
      await this.saveUnique(() =>
        this.dataSource.transaction(async (manager) => {
          const repo = manager.getRepository(Department);
          const department = await repo.save(
            repo.create({
              ...input,
              lifeSafety: input.lifeSafety ?? false,
              calendarId: input.calendarId ?? null,
              createdAt: now,
              updatedAt: now,
            }),
          );
          await this.audit.record(manager, {
            action: 'department.created',
            targetId: department.id,
            detail: auditFacts(department),
          });
          return department;
        }),
      ),
    );
  }

  /** A new calendar re-times the department's open tickets in the same transaction. */
  async update(id: string, input: UpdateDepartmentDto): Promise<DepartmentDto> {
    const department = await this.find(id);
    const before = auditFacts(department);
    const calendarChanged = input.calendarId !== undefined && input.calendarId !== department.calendarId;
    const now = this.clock.now();
    Object.assign(department, input, { updatedAt: now });
    const saved = await this.saveUnique(() =>
      this.dataSource.transaction(async (manager) => {
        if (input.calendarId) await assertCalendar(manager, input.calendarId);
        const result = await manager.getRepository(Department).save(department);
        if (calendarChanged) await this.sla.refreshOpenOfDepartment(manager, id, now);
        // The calendar times its tickets' SLA clocks and life safety raises their priority.
        const after = auditFacts(result);
        const changes = Object.fromEntries(
          (Object.keys(after) as (keyof typeof after)[])
            .filter((key) => after[key] !== before[key])
            .map((key) => [key, { from: before[key], to: after[key] }]),
        );
        if (Object.keys(changes).length > 0) {
          await this.audit.record(manager, { action: 'department.updated', targetId: id, detail: changes });
        }
        return result;
      }),
    );
    return toDto(saved);
  }

  async remove(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [locked]: { name: string; code: string }[] = await manager.query(
        `SELECT name, code FROM departments WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!locked) throw notFound('Department');
      const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM users WHERE department_id = $1`, [id]);
      if (count > 0) {
        throw new AppError('department_in_use', `The department still has ${count} user(s); move them first`, { users: count });
      }
      await manager.query(`DELETE FROM departments WHERE id = $1`, [id]);
      await this.audit.record(manager, {
        action: 'department.deleted',
        targetId: id,
        detail: { name: locked.name, code: locked.code },
      });
    });
  }

  private async find(id: string): Promise<Department> {
    const department = await this.repo.findOneBy({ id });
    if (!department) throw notFound('Department');
    return department;
  }

  private async saveUnique(save: () => Promise<Department>): Promise<Department> {
    try {
      return await save();
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === 'departments_code_key') throw new AppError('department_code_taken', 'Another department has this code');
      if (constraint === 'departments_name_key') throw new AppError('department_name_taken', 'Another department has this name');
      throw error;
    }
  }
}

/** The facts of a department its audit entries keep. */
function auditFacts(d: Department): { name: string; code: string; lifeSafety: boolean; calendarId: string | null } {
  return { name: d.name, code: d.code, lifeSafety: d.lifeSafety, calendarId: d.calendarId };
}

function toDto(d: Department): DepartmentDto {
  return {
    id: d.id,
    name: d.name,
    code: d.code,
    lifeSafety: d.lifeSafety,
    calendarId: d.calendarId,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

async function assertCalendar(manager: EntityManager, calendarId: string): Promise<void> {
  const found: unknown[] = await manager.query(`SELECT 1 FROM calendars WHERE id = $1`, [calendarId]);
  if (found.length === 0) throw validationFailed([{ field: 'calendarId', messages: ['calendarId names no calendar'] }]);
}
