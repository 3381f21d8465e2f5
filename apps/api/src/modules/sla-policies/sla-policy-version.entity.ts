import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Calendar } from '../calendars/calendar.entity.js';
import {
  PRIORITIES,
  TICKET_KINDS,
  TICKET_STATUSES,
  type Priority,
  type TicketKind,
  type TicketStatus,
} from '../tickets/domain/ticket-vocabulary.js';
import { User } from '../users/user.entity.js';
import type { PolicyEscalation } from './domain/sla-policy-vocabulary.js';
import { SlaPolicy } from './sla-policy.entity.js';

/**
 * One immutable version of an SLA policy. Editing a policy inserts a new row; tickets keep the
 * version they matched. Empty condition lists match any value.
 */
@Entity({ name: 'sla_policy_versions' })
@Index('sla_policy_versions_policy_version_key', ['policyId', 'version'], { unique: true })
@Index('sla_policy_versions_calendar_id_idx', ['calendarId'])
@Check('sla_policy_versions_version_check', `version >= 1`)
@Check('sla_policy_versions_name_check', `btrim(name) <> ''`)
@Check(
  'sla_policy_versions_minutes_check',
  `(first_response_minutes IS NULL OR first_response_minutes BETWEEN 1 AND 10000000) AND
   (resolution_minutes IS NULL OR resolution_minutes BETWEEN 1 AND 10000000) AND
   (next_response_minutes IS NULL OR next_response_minutes BETWEEN 1 AND 10000000)`,
)
@Check('sla_policy_versions_target_check', `first_response_minutes IS NOT NULL OR resolution_minutes IS NOT NULL`)
@Check('sla_policy_versions_escalations_check', `jsonb_typeof(escalations) = 'array'`)
export class SlaPolicyVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'policy_id', type: 'uuid' })
  policyId: string;

  @ManyToOne(() => SlaPolicy, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'policy_id', foreignKeyConstraintName: 'sla_policy_versions_policy_id_fkey' })
  policy?: Relation<SlaPolicy>;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'enum', enum: TICKET_KINDS, enumName: 'ticket_kind', array: true, default: () => "'{}'" })
  kinds: TicketKind[];

  @Column({ type: 'enum', enum: PRIORITIES, enumName: 'ticket_priority', array: true, default: () => "'{}'" })
  priorities: Priority[];

  @Column({ name: 'department_ids', type: 'uuid', array: true, default: () => "'{}'" })
  departmentIds: string[];

  @Column({ name: 'category_ids', type: 'uuid', array: true, default: () => "'{}'" })
  categoryIds: string[];

  @Column({ name: 'first_response_minutes', type: 'integer', nullable: true })
  firstResponseMinutes: number | null;

  @Column({ name: 'resolution_minutes', type: 'integer', nullable: true })
  resolutionMinutes: number | null;

  @Column({ name: 'next_response_minutes', type: 'integer', nullable: true })
  nextResponseMinutes: number | null;

  @Column({
    name: 'pause_statuses',
    type: 'enum',
    enum: TICKET_STATUSES,
    enumName: 'ticket_status',
    array: true,
    default: () => "'{waiting_on_requester,waiting_on_vendor}'",
  })
  pauseStatuses: TicketStatus[];

  /** NULL: the calendar of the ticket's department. */
  @Column({ name: 'calendar_id', type: 'uuid', nullable: true })
  calendarId: string | null;

  @ManyToOne(() => Calendar, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'calendar_id', foreignKeyConstraintName: 'sla_policy_versions_calendar_id_fkey' })
  calendar?: Relation<Calendar>;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  escalations: PolicyEscalation[];

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'sla_policy_versions_created_by_fkey' })
  creator?: Relation<User>;
}
