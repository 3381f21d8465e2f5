import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { uniqueViolation } from '../../common/db/unique-violation.js';
import { AppError, notFound, validationFailed } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/security/actor.js';
import { cityToday } from '../../common/time/city-today.js';
import { Clock } from '../../common/time/clock.js';
import { AuditLog } from '../audit/audit-log.service.js';
import type { Role } from '../users/domain/role.js';
import { assertWorker } from './cost-writes.js';
import { ratePeriod } from './domain/labour-cost.js';
import type { CreateRateDto, ListRatesQueryDto, RateDto, RateListDto } from './dto/rate.dto.js';

interface RateRow {
  id: string;
  user_id: string | null;
  user_name: string | null;
  role: Role | null;
  hourly_rate_cents: number;
  effective_from: string;
  created_at: Date;
}

/**
 * Technicians' hourly rates and role defaults, each with the day it takes effect. A rate is never
 * edited: costs were stored at it. A new rate is a new row; only one not yet in force may be deleted.
 */
@Injectable()
export class RatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async list(query: ListRatesQueryDto): Promise<RateListDto> {
    const rows: RateRow[] = await this.dataSource.query(
      `SELECT r.id, r.user_id, u.name AS user_name, r.role, r.hourly_rate_cents,
              to_char(r.effective_from, 'YYYY-MM-DD') AS effective_from, r.created_at
         FROM labor_rates r LEFT JOIN users u ON u.id = r.user_id
        WHERE ($1::uuid IS NULL OR r.user_id = $1) AND ($2::user_role IS NULL OR r.role = $2)
        ORDER BY r.user_id IS NOT NULL, r.role, lower(u.name), r.user_id, r.effective_from DESC`,
      [query.userId ?? null, query.role ?? null],
    );
    const today = await cityToday(this.dataSource, this.clock.now());
    const datesByTarget = new Map<string, string[]>();
    for (const r of rows) {
      const key = target(r);
      datesByTarget.set(key, [...(datesByTarget.get(key) ?? []), r.effective_from]);
    }
    return {
      items: rows.map((r) => ({
        id: r.id,
        user: r.user_id && r.user_name !== null ? { id: r.user_id, name: r.user_name } : null,
        role: r.role,
        hourlyRateCents: r.hourly_rate_cents,
        effectiveFrom: r.effective_from,
        period: ratePeriod(r.effective_from, datesByTarget.get(target(r)) ?? [], today),
        createdAt: new Date(r.created_at).toISOString(),
      })),
    };
  }

  async create(actor: Actor, input: CreateRateDto): Promise<RateDto> {
    if ((input.userId === undefined) === (input.role === undefined)) {
      const message = 'give either userId (a personal rate) or role (a role default), not both';
      throw validationFailed([
        { field: 'userId', messages: [message] },
        { field: 'role', messages: [message] },
      ]);
    }
    const id = await this.dataSource.transaction(async (manager) => {
      if (input.userId) await assertWorker(manager, input.userId);
      try {
        const [row]: { id: string }[] = await manager.query(
          `INSERT INTO labor_rates (user_id, role, hourly_rate_cents, effective_from, created_by_id, created_at)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [input.userId ?? null, input.role ?? null, input.hourlyRateCents, input.effectiveFrom, actor.id, this.clock.now()],
        );
        // Rates price every hour logged from their day on: a change to what the city's work costs.
        await this.audit.record(manager, {
          action: 'labor_rate.created',
          targetId: row!.id,
          detail: {
            userId: input.userId ?? null,
            role: input.role ?? null,
            hourlyRateCents: input.hourlyRateCents,
            effectiveFrom: input.effectiveFrom,
          },
        });
        return row!.id;
      } catch (error) {
        if (uniqueViolation(error)?.startsWith('labor_rates_')) {
          throw new AppError('conflict', 'A rate for them already takes effect on that day', [
            {
              field: 'effectiveFrom',
              messages: ['another rate takes effect on this day; delete it first if it is in the future'],
            },
          ]);
        }
        throw error;
      }
    });
    const { items } = await this.list(input.userId ? { userId: input.userId } : { role: input.role! });
    return items.find((r) => r.id === id)!;
  }

  /** Only a rate not yet in force: costs may already be stored at any other. */
  async remove(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [row]: { effective_from: string; user_id: string | null; role: string | null; hourly_rate_cents: number }[] =
        await manager.query(
          `SELECT to_char(effective_from, 'YYYY-MM-DD') AS effective_from, user_id, role, hourly_rate_cents
             FROM labor_rates WHERE id = $1 FOR UPDATE`,
          [id],
        );
      if (!row) throw notFound('Rate');
      if (row.effective_from <= (await cityToday(manager, this.clock.now()))) {
        throw new AppError('conflict', 'This rate is or was in force and costs may be stored at it; add a new rate instead');
      }
      await manager.query(`DELETE FROM labor_rates WHERE id = $1`, [id]);
      await this.audit.record(manager, {
        action: 'labor_rate.deleted',
        targetId: id,
        detail: {
          userId: row.user_id,
          role: row.role,
          hourlyRateCents: row.hourly_rate_cents,
          effectiveFrom: row.effective_from,
        },
      });
    });
  }
}

function target(r: RateRow): string {
  return r.user_id ?? `role:${r.role}`;
}
