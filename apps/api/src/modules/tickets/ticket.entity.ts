import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Asset } from '../assets/asset.entity.js';
import { Category } from '../categories/category.entity.js';
import { Department } from '../departments/department.entity.js';
import { Queue } from '../queues/queue.entity.js';
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
@Index('tickets_open_queue_due_idx', { synchronize: false })
@Index('tickets_open_assignee_due_idx', { synchronize: false })
// Resolved tickets by resolution time, for auto-close (partial index built by a migration).
@Index('tickets_resolved_idx', { synchronize: false })
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

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'reopen_count', type: 'integer', default: 0 })
  reopenCount: number;

  /** The next due time; filled by the SLA engine. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  /** Raised by every update; updates say which version they read (WHERE version = :v). */
  @Column({ type: 'integer', default: 1 })
  version: number;
}
