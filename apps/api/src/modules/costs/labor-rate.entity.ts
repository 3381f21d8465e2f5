import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { Role } from '../users/domain/role.js';
import { User } from '../users/user.entity.js';

/**
 * Hourly rates with the day they take effect: a technician's own (user_id) or a role's default
 * (role). Rows are never edited: a new rate is a new row, so the history stays readable.
 */
@Entity({ name: 'labor_rates' })
@Index('labor_rates_user_from_key', ['userId', 'effectiveFrom'], { unique: true })
@Index('labor_rates_role_from_key', ['role', 'effectiveFrom'], { unique: true })
@Check('labor_rates_target_check', `(user_id IS NULL) <> (role IS NULL)`)
@Check('labor_rates_role_check', `role <> 'requester'`)
@Check('labor_rates_hourly_rate_cents_check', `hourly_rate_cents > 0`)
export class LaborRate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'labor_rates_user_id_fkey' })
  user?: Relation<User>;

  /** Set for a role default; null for a technician's own rate. */
  @Column({ type: 'enum', enum: ['requester', 'technician', 'manager', 'admin'], enumName: 'user_role', nullable: true })
  role: Role | null;

  @Column({ name: 'hourly_rate_cents', type: 'integer' })
  hourlyRateCents: number;

  /** Calendar date 'YYYY-MM-DD': the rate applies to work on this day and after. */
  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'labor_rates_created_by_id_fkey' })
  createdBy?: Relation<User>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
