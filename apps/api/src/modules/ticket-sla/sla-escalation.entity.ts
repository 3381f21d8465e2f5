import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { SlaTargetName } from '@civicdesk/sla';
import type { EscalationAction } from '../sla-policies/domain/sla-policy-vocabulary.js';
import { SlaPolicyVersion } from '../sla-policies/sla-policy-version.entity.js';
import { Ticket } from '../tickets/ticket.entity.js';

/**
 * An escalation level that fired. The UNIQUE key (ticket, target, next-response cycle, level)
 * makes each level fire once, however many instances race or a run is repeated.
 */
@Entity({ name: 'sla_escalations' })
@Index('sla_escalations_ticket_level_key', ['ticketId', 'target', 'cycle', 'level'], { unique: true })
@Index('sla_escalations_policy_version_idx', ['policyVersionId'])
@Check('sla_escalations_target_check', `target IN ('first_response', 'resolution', 'next_response')`)
export class SlaEscalation {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => Ticket, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'sla_escalations_ticket_id_fkey' })
  ticket?: Relation<Ticket>;

  @Column({ type: 'text' })
  target: SlaTargetName;

  /** The next-response cycle (0 for first response and resolution). */
  @Column({ type: 'integer', default: 0 })
  cycle: number;

  @Column({ type: 'integer' })
  level: number;

  @Column({ type: 'integer' })
  percent: number;

  @Column({ name: 'policy_version_id', type: 'uuid' })
  policyVersionId: string;

  @ManyToOne(() => SlaPolicyVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'policy_version_id', foreignKeyConstraintName: 'sla_escalations_policy_version_id_fkey' })
  policyVersion?: Relation<SlaPolicyVersion>;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  actions: EscalationAction[];

  /** When the level was due (it fires at or after this, e.g. after downtime). */
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'fired_at', type: 'timestamptz' })
  firedAt: Date;
}
