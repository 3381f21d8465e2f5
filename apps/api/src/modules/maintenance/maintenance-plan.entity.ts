import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Category } from '../categories/category.entity.js';
import { Department } from '../departments/department.entity.js';
import { Queue } from '../queues/queue.entity.js';
import { User } from '../users/user.entity.js';
import { FAN_OUTS, MAINTENANCE_MODES, type FanOut, type MaintenanceMode } from './domain/maintenance-vocabulary.js';

/** Preventive work on a schedule; the generation job turns each due occurrence into a maintenance ticket. */
@Entity({ name: 'maintenance_plans' })
@Index('maintenance_plans_name_key', { synchronize: false })
@Index('maintenance_plans_next_run_idx', { synchronize: false })
@Check('maintenance_plans_name_check', `btrim(name) <> '' AND length(name) <= 120`)
@Check('maintenance_plans_title_check', `btrim(title_template) <> ''`)
@Check('maintenance_plans_estimate_check', `estimated_minutes BETWEEN 1 AND 100000`)
@Check('maintenance_plans_lead_check', `lead_days BETWEEN 0 AND 366`)
@Check('maintenance_plans_interval_check', `interval_days BETWEEN 1 AND 3660`)
@Check('maintenance_plans_ends_check', `ends_on IS NULL OR ends_on >= starts_on`)
export class MaintenancePlan {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  /** Placeholders: {{asset}}, {{asset_tag}}, {{due_date}}, {{plan}}. */
  @Column({ name: 'title_template', type: 'text' }) titleTemplate: string;
  /** The same placeholders; a checklist as "- [ ] step" lines. */
  @Column({ name: 'description_template', type: 'text', default: '' }) descriptionTemplate: string;

  @Column({ name: 'category_id', type: 'uuid', nullable: true }) categoryId: string | null;
  @ManyToOne(() => Category, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'maintenance_plans_category_id_fkey' })
  category?: Relation<Category>;

  @Column({ name: 'queue_id', type: 'uuid' }) queueId: string;
  @ManyToOne(() => Queue, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'queue_id', foreignKeyConstraintName: 'maintenance_plans_queue_id_fkey' })
  queue?: Relation<Queue>;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId: string | null;
  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'maintenance_plans_assignee_id_fkey' })
  assignee?: Relation<User>;

  @Column({ name: 'department_id', type: 'uuid' }) departmentId: string;
  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'maintenance_plans_department_id_fkey' })
  department?: Relation<Department>;

  @Column({ name: 'estimated_minutes', type: 'integer', nullable: true }) estimatedMinutes: number | null;
  /** RFC 5545 RRULE without DTSTART/UNTIL (see startsOn, endsOn). */
  @Column({ type: 'text' }) rule: string;
  @Column({ name: 'starts_on', type: 'date' }) startsOn: string;
  @Column({ name: 'due_time', type: 'text', default: '08:00' }) dueTime: string;
  @Column({ name: 'ends_on', type: 'date', nullable: true }) endsOn: string | null;
  @Column({ name: 'time_zone', type: 'text' }) timeZone: string;
  @Column({ name: 'lead_days', type: 'integer', default: 0 }) leadDays: number;
  @Column({ type: 'enum', enum: MAINTENANCE_MODES, enumName: 'maintenance_mode', default: 'fixed' }) mode: MaintenanceMode;
  @Column({ name: 'interval_days', type: 'integer', nullable: true }) intervalDays: number | null;
  @Column({ name: 'fan_out', type: 'enum', enum: FAN_OUTS, enumName: 'maintenance_fan_out', default: 'none' }) fanOut: FanOut;
  @Column({ name: 'asset_ids', type: 'uuid', array: true, default: () => "'{}'" }) assetIds: string[];
  @Column({ name: 'asset_type', type: 'text', nullable: true }) assetType: string | null;

  @Column({ name: 'asset_department_id', type: 'uuid', nullable: true }) assetDepartmentId: string | null;
  @ManyToOne(() => Department, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'asset_department_id', foreignKeyConstraintName: 'maintenance_plans_asset_department_id_fkey' })
  assetDepartment?: Relation<Department>;

  @Column({ type: 'boolean', default: true }) active: boolean;
  /** Occurrences due before this are never generated (set at creation and when the schedule changes). */
  @Column({ name: 'generate_from', type: 'timestamptz' }) generateFrom: Date;
  /** When generation should look at the plan next (its next creation time; sooner after a change). */
  @Column({ name: 'next_run_at', type: 'timestamptz' }) nextRunAt: Date;
  @Column({ type: 'integer', default: 1 }) version: number;

  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'maintenance_plans_created_by_fkey' })
  creator?: Relation<User>;

  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
