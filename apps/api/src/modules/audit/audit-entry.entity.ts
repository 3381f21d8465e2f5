import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity.js';

/**
 * One security-relevant action: who (null when nobody was signed in), what, on which record, from
 * where. Append-only: a database trigger refuses UPDATE, DELETE and TRUNCATE, so history cannot be
 * rewritten by the app or by a stray statement.
 */
@Entity({ name: 'audit_log' })
@Index('audit_log_occurred_idx', ['occurredAt', 'id'])
@Index('audit_log_actor_idx', ['actorId', 'occurredAt', 'id'])
@Index('audit_log_action_idx', ['action', 'occurredAt', 'id'])
@Index('audit_log_target_idx', ['targetType', 'targetId', 'occurredAt', 'id'])
@Check('audit_log_action_check', `action ~ '^[a-z_]+[.][a-z_]+$'`)
@Check('audit_log_detail_check', `jsonb_typeof(detail) = 'object'`)
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  /** From the injected clock, like every other time the app stores. */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'audit_log_actor_id_fkey' })
  actor?: Relation<User>;

  /** An AuditAction code. */
  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'target_type', type: 'text', nullable: true })
  targetType: string | null;

  /** Text, not uuid: a report is named, not numbered. No foreign key, so a deleted record keeps its history. */
  @Column({ name: 'target_id', type: 'text', nullable: true })
  targetId: string | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent: string | null;

  /** The request id the logs carry too, to find the request's log lines. */
  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail: Record<string, unknown>;
}
