import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/time/clock.js';
import { AuditContext, type AuditRequestContext } from './audit-context.js';
import { targetTypeOf, type AuditAction } from './domain/audit-action.js';
import { auditDetailProblem, type AuditDetail } from './domain/audit-detail.js';

export interface AuditRecord {
  action: AuditAction;
  /** The record acted on; its type follows from the action. */
  targetId?: string | null;
  /** A few facts for a reader: never a password, hash or token (refused). */
  detail?: AuditDetail;
  /** Who acted, where the session does not say: the user signing in or out. */
  actorId?: string | null;
}

/**
 * Writes the audit log. The actor, address and browser come from the request being served (see
 * AuditContext), so features only say what happened.
 */
@Injectable()
export class AuditLog {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly context: AuditContext,
  ) {}

  /**
   * In the transaction of the action it records, so a rolled-back change leaves no row and a
   * committed one always has its row.
   */
  async record(manager: EntityManager, record: AuditRecord, context?: AuditRequestContext): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`Audit ${record.action}: record() runs inside the action's transaction; use recordAlone() otherwise`);
    }
    await this.insert(manager, record, context);
  }

  /** For what changes nothing else: a failed sign-in, an export. */
  async recordAlone(record: AuditRecord, context?: AuditRequestContext): Promise<void> {
    await this.insert(this.dataSource.manager, record, context);
  }

  private async insert(manager: EntityManager, record: AuditRecord, given?: AuditRequestContext): Promise<void> {
    const detail = record.detail ?? {};
    const problem = auditDetailProblem(detail);
    if (problem) throw new Error(`Audit ${record.action}: ${problem}`);
    const context = given ?? this.context.current();
    const targetType = targetTypeOf(record.action);
    await manager.query(
      `INSERT INTO audit_log (occurred_at, actor_id, action, target_type, target_id, ip, user_agent, request_id, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        this.clock.now(),
        record.actorId !== undefined ? record.actorId : context.actorId,
        record.action,
        targetType,
        targetType === null ? null : (record.targetId ?? null),
        context.ip,
        context.userAgent,
        context.requestId,
        JSON.stringify(detail),
      ],
    );
  }
}

/** An audit writer outside Nest (demo data, the CLI): the app itself is the actor. */
export function systemAuditLog(dataSource: DataSource, clock: Clock): AuditLog {
  return new AuditLog(dataSource, clock, new AuditContext());
}
