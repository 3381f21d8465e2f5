import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../common/config.tokens.js';
import { validationFailed } from '../../common/errors/app-error.js';
import { decodeCursor, encodeCursor, invalidCursor } from '../../common/http/cursor.js';
import { writeCsv, type CsvColumn } from '../../common/http/csv.js';
import { Clock } from '../../common/time/clock.js';
import type { AuditAction, AuditTargetType } from './domain/audit-action.js';
import type { AuditEntryDto, AuditListDto, ListAuditQueryDto } from './dto/audit-entry.dto.js';

interface AuditRow {
  id: string;
  occurred_at: Date;
  /** occurred_at to the microsecond, for the cursor: a Date would round it to the millisecond. */
  cursor_at: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
  action: AuditAction;
  target_type: AuditTargetType | null;
  target_id: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  detail: Record<string, unknown>;
}

const DEFAULT_PAGE = 50;
/** occurred_at in a cursor: UTC to the microsecond, as the list writes it. */
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
/** A CSV download is built in memory; beyond this many entries the caller narrows the range. */
export const MAX_CSV_ENTRIES = 50_000;

const CSV_COLUMNS: readonly CsvColumn<AuditEntryDto>[] = [
  { header: 'occurred_at', value: (e) => e.occurredAt },
  { header: 'actor_email', value: (e) => e.actor?.email ?? null },
  { header: 'actor_name', value: (e) => e.actor?.name ?? null },
  { header: 'actor_id', value: (e) => e.actor?.id ?? null },
  { header: 'action', value: (e) => e.action },
  { header: 'target_type', value: (e) => e.targetType },
  { header: 'target_id', value: (e) => e.targetId },
  { header: 'ip', value: (e) => e.ip },
  { header: 'user_agent', value: (e) => e.userAgent },
  { header: 'request_id', value: (e) => e.requestId },
  { header: 'detail', value: (e) => JSON.stringify(e.detail) },
];

/** Reads the audit log for admins: newest first, keyset-paginated, filtered only by allowlisted fields. */
@Injectable()
export class AuditQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async list(query: ListAuditQueryDto): Promise<AuditListDto> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const rows = await this.select(query, limit + 1, query.cursor);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toDto),
      nextCursor: rows.length > limit && last ? encodeCursor([last.cursor_at, last.id]) : null,
    };
  }

  /** Every entry matching the filters, as one CSV file (the shared writer neutralises formulas). */
  async csv(query: ListAuditQueryDto): Promise<{ filename: string; body: string }> {
    const rows = await this.select(query, MAX_CSV_ENTRIES + 1);
    if (rows.length > MAX_CSV_ENTRIES) {
      throw validationFailed([
        {
          field: 'from',
          messages: [`More than ${MAX_CSV_ENTRIES.toLocaleString('en-US')} entries match; narrow the dates or the filters`],
        },
      ]);
    }
    const today = DateTime.fromJSDate(this.clock.now(), { zone: this.config.cityTimeZone }).toISODate();
    const span = `${query.from ?? 'start'}-to-${query.to ?? today}`;
    return { filename: `audit-log-${span}.csv`, body: writeCsv(CSV_COLUMNS, rows.map(toDto)) };
  }

  private async select(query: ListAuditQueryDto, limit: number, cursor?: string): Promise<AuditRow[]> {
    if (query.targetId !== undefined && query.targetType === undefined) {
      throw validationFailed([{ field: 'targetId', messages: ['targetId needs targetType'] }]);
    }
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
      throw validationFailed([{ field: 'from', messages: [`from (${query.from}) must be on or before to (${query.to})`] }]);
    }
    // Conditions are fixed SQL text; every value is a parameter.
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.action !== undefined) where.push(`a.action = ${param(query.action)}`);
    if (query.actorId !== undefined) where.push(`a.actor_id = ${param(query.actorId)}`);
    if (query.targetType !== undefined) where.push(`a.target_type = ${param(query.targetType)}`);
    if (query.targetId !== undefined) where.push(`a.target_id = ${param(query.targetId)}`);
    if (query.from !== undefined || query.to !== undefined) {
      // Days of the city's calendar: midnight to midnight where the city is, across DST changes.
      const zone = param(this.config.cityTimeZone);
      if (query.from !== undefined) {
        where.push(`a.occurred_at >= (CAST(${param(query.from)} AS date)::timestamp AT TIME ZONE ${zone})`);
      }
      if (query.to !== undefined) {
        where.push(`a.occurred_at < ((CAST(${param(query.to)} AS date) + 1)::timestamp AT TIME ZONE ${zone})`);
      }
    }
    if (cursor !== undefined) {
      const [at, id] = decodeCursor(cursor, ['string', 'string']) as [string, string];
      // Only the shapes this list gives out, so a forged cursor is a 400, never a cast error.
      if (!/^\d{1,18}$/.test(id) || !CURSOR_TIME.test(at) || !(Date.parse(at) >= 0)) throw invalidCursor();
      where.push(`(a.occurred_at, a.id) < (CAST(${param(at)} AS timestamptz), CAST(${param(id)} AS bigint))`);
    }
    return this.dataSource.query(
      `SELECT a.id::text AS id, a.occurred_at,
              to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at,
              a.actor_id, u.name AS actor_name, u.email AS actor_email,
              a.action, a.target_type, a.target_id, a.ip, a.user_agent, a.request_id, a.detail
         FROM audit_log a
         LEFT JOIN users u ON u.id = a.actor_id
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.occurred_at DESC, a.id DESC
        LIMIT ${param(limit)}`,
      params,
    );
  }
}

function toDto(row: AuditRow): AuditEntryDto {
  return {
    id: row.id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    actor: row.actor_id !== null ? { id: row.actor_id, name: row.actor_name ?? '', email: row.actor_email ?? '' } : null,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    ip: row.ip,
    userAgent: row.user_agent,
    requestId: row.request_id,
    detail: row.detail,
  };
}
