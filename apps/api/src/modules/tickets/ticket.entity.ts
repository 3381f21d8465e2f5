import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Asset } from '../assets/asset.entity.js';
import { Calendar } from '../calendars/calendar.entity.js';
import { Category } from '../categories/category.entity.js';
import { Department } from '../departments/department.entity.js';
import { MaintenancePlan } from '../maintenance/maintenance-plan.entity.js';
import { Queue } from '../queues/queue.entity.js';
import { SlaPolicyVersion } from '../sla-policies/sla-policy-version.entity.js';
import { User } from '../users/user.entity.js';
import {
  IMPACTS,
  PRIORITIES,
  TICKET_KINDS,
  TICKET_SOURCES,
  TICKET_STATUSES,
  URGENCIES,
  WORK_CLASSES,
  type Impact,
  type Priority,
  type TicketKind,
  type TicketSource,
  type TicketStatus,
  type Urgency,
  type WorkClass,
} from './domain/ticket-vocabulary.js';

/**
 * One unit of work. Lists read raw rows with explicit columns; this entity is for inserts and for
 * keeping the schema declared (the relations exist for their foreign keys and are never loaded).
 */
@Entity({ name: 'tickets' })
@Index('tickets_number_key', ['number'], { unique: true })
@Index('tickets_requester_created_idx', ['requesterId', 'createdAt', 'id'])
@Index('tickets_created_idx', ['createdAt', 'id'])
@Index('tickets_updated_idx', ['updatedAt', 'id'])
@Index('tickets_department_idx', ['departmentId', 'createdAt'])
@Index('tickets_category_idx', ['categoryId'])
@Index('tickets_asset_idx', ['assetId'])
// Expression indexes the migration builds (open tickets by queue or assignee, next due first).
@Index('tickets_open_queue_idx', { synchronize: false })
@Index('tickets_open_assignee_due_idx', { synchronize: false })
// Resolved tickets by resolution time, for auto-close (partial index built by a migration).
@Index('tickets_resolved_idx', { synchronize: false })
@Index('tickets_sla_policy_version_idx', ['slaPolicyVersionId'])
// Partial indexes for the escalation sweep and for re-timing open tickets on a changed calendar.
@Index('tickets_next_escalation_idx', { synchronize: false })
@Index('tickets_open_sla_calendar_idx', { synchronize: false })
@Index('tickets_maintenance_due_idx', { synchronize: false })
// Done tickets by when they were done, for the volume report (partial expression index built by a migration).
@Index('tickets_done_idx', { synchronize: false })
// Ticket facts by id for the spend reports' joins (an INCLUDE index built by a migration).
@Index('tickets_report_dims_idx', { synchronize: false })
@Index('tickets_external_id_key', ['externalId'], { unique: true, where: 'external_id IS NOT NULL' })
@Check('tickets_title_check', `btrim(title) <> '' AND length(title) <= 200`)
export class Ticket {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** "INC-000123", from the kind's PostgreSQL sequence. */
  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'enum', enum: TICKET_KINDS, enumName: 'ticket_kind' })
  kind: TicketKind;

  @Column({ name: 'work_class', type: 'enum', enum: WORK_CLASSES, enumName: 'work_class' })
  workClass: WorkClass;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'enum', enum: TICKET_STATUSES, enumName: 'ticket_status', default: 'new' })
  status: TicketStatus;

  @Column({ type: 'enum', enum: IMPACTS, enumName: 'ticket_impact' })
  impact: Impact;

  @Column({ type: 'enum', enum: URGENCIES, enumName: 'ticket_urgency' })
  urgency: Urgency;

  @Column({ type: 'enum', enum: PRIORITIES, enumName: 'ticket_priority' })
  priority: Priority;

  /** Set when staff overrode the matrix's priority: why. */
  @Column({ name: 'priority_override_reason', type: 'text', nullable: true })
  priorityOverrideReason: string | null;

  @Column({ name: 'requester_id', type: 'uuid' })
  requesterId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requester_id', foreignKeyConstraintName: 'tickets_requester_id_fkey' })
  requester?: Relation<User>;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId: string;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'tickets_department_id_fkey' })
  department?: Relation<Department>;

  @Column({ name: 'queue_id', type: 'uuid' })
  queueId: string;

  @ManyToOne(() => Queue, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'queue_id', foreignKeyConstraintName: 'tickets_queue_id_fkey' })
  queue?: Relation<Queue>;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'tickets_assignee_id_fkey' })
  assignee?: Relation<User>;

  @Column({ name: 'category_id', type: 'uuid', nullable: true })
  categoryId: string | null;

  @ManyToOne(() => Category, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'tickets_category_id_fkey' })
  category?: Relation<Category>;

  @Column({ name: 'asset_id', type: 'uuid', nullable: true })
  assetId: string | null;

  @ManyToOne(() => Asset, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'asset_id', foreignKeyConstraintName: 'tickets_asset_id_fkey' })
  asset?: Relation<Asset>;

  @Column({ type: 'enum', enum: TICKET_SOURCES, enumName: 'ticket_source' })
  source: TicketSource;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'tickets_created_by_id_fkey' })
  createdBy?: Relation<User>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'first_response_at', type: 'timestamptz', nullable: true })
  firstResponseAt: Date | null;

  /** The latest resolution; a reopen clears it, the next resolution sets it again. */
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  /** The first resolution (wall clock), kept through reopens: reports' first-resolution times. */
  @Column({ name: 'first_resolved_at', type: 'timestamptz', nullable: true })
  firstResolvedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'reopen_count', type: 'integer', default: 0 })
  reopenCount: number;

  // ── The SLA clock's stored results (see TicketSlaService): reports and queues read these. ──

  /** The SLA policy version the ticket matched; null when no policy applies. */
  @Column({ name: 'sla_policy_version_id', type: 'uuid', nullable: true })
  slaPolicyVersionId: string | null;

  @ManyToOne(() => SlaPolicyVersion, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'sla_policy_version_id', foreignKeyConstraintName: 'tickets_sla_policy_version_id_fkey' })
  slaPolicyVersion?: Relation<SlaPolicyVersion>;

  /** The business-hours calendar the clock runs on (the policy's, else the department's). */
  @Column({ name: 'sla_calendar_id', type: 'uuid', nullable: true })
  slaCalendarId: string | null;

  @ManyToOne(() => Calendar, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'sla_calendar_id', foreignKeyConstraintName: 'tickets_sla_calendar_id_fkey' })
  slaCalendar?: Relation<Calendar>;

  /** The next due time of a running target (may be past when breached); null when none runs. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ name: 'first_response_due_at', type: 'timestamptz', nullable: true })
  firstResponseDueAt: Date | null;

  /** Null while paused: there is no due time then, only the remaining minutes. */
  @Column({ name: 'resolution_due_at', type: 'timestamptz', nullable: true })
  resolutionDueAt: Date | null;

  @Column({ name: 'next_response_due_at', type: 'timestamptz', nullable: true })
  nextResponseDueAt: Date | null;

  /** Achieved business minutes to the first response (null until it happens). */
  @Column({ name: 'first_response_minutes', type: 'integer', nullable: true })
  firstResponseMinutes: number | null;

  /** Achieved business minutes to the (final) resolution, paused time excluded. */
  @Column({ name: 'resolution_minutes', type: 'integer', nullable: true })
  resolutionMinutes: number | null;

  /** Business minutes to the first resolution, before any reopen. */
  @Column({ name: 'first_resolution_minutes', type: 'integer', nullable: true })
  firstResolutionMinutes: number | null;

  @Column({ name: 'sla_paused_minutes', type: 'integer', default: 0 })
  slaPausedMinutes: number;

  /** The resolution clock is paused (a pause status). */
  @Column({ name: 'sla_paused', type: 'boolean', default: false })
  slaPaused: boolean;

  /** Null while undecided; true once past due; false when met on time. */
  @Column({ name: 'first_response_breached', type: 'boolean', nullable: true })
  firstResponseBreached: boolean | null;

  @Column({ name: 'resolution_breached', type: 'boolean', nullable: true })
  resolutionBreached: boolean | null;

  /** Whether any next-response cycle went past due. */
  @Column({ name: 'next_response_breached', type: 'boolean', default: false })
  nextResponseBreached: boolean;

  /** When the first target went past due. */
  @Column({ name: 'sla_breached_at', type: 'timestamptz', nullable: true })
  slaBreachedAt: Date | null;

  /** When 75 % of the running target due first is reached: the ticket is at risk from then. */
  @Column({ name: 'sla_at_risk_at', type: 'timestamptz', nullable: true })
  slaAtRiskAt: Date | null;

  /** The earliest escalation level not yet fired, of an open ticket (the sweep's partial index). */
  @Column({ name: 'next_escalation_at', type: 'timestamptz', nullable: true })
  nextEscalationAt: Date | null;

  /** The maintenance plan that generated this ticket. */
  @Column({ name: 'maintenance_plan_id', type: 'uuid', nullable: true })
  maintenancePlanId: string | null;

  @ManyToOne(() => MaintenancePlan, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'maintenance_plan_id', foreignKeyConstraintName: 'tickets_maintenance_plan_id_fkey' })
  maintenancePlan?: Relation<MaintenancePlan>;

  /** A maintenance ticket's due date: it is on time when resolved by then. */
  @Column({ name: 'maintenance_due_at', type: 'timestamptz', nullable: true })
  maintenanceDueAt: Date | null;

  /** The ticket's id in the helpdesk it was imported from (imports match on it). */
  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId: string | null;

  /** Raised by every update; updates say which version they read (WHERE version = :v). */
  @Column({ type: 'integer', default: 1 })
  version: number;

  // ── Cost totals, written with every work log and expense change (see cost-writes.ts): reports read these. ──

  @Column({ name: 'labour_minutes', type: 'integer', default: 0 })
  labourMinutes: number;

  /** Sum of the work logs' stored costs (integer cents; bigint arrives as text). */
  @Column({ name: 'labour_cost_cents', type: 'bigint', default: 0 })
  labourCostCents: string;

  @Column({ name: 'expense_cents', type: 'bigint', default: 0 })
  expenseCents: string;
}
