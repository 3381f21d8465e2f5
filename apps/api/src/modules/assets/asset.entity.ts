import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Department } from '../departments/department.entity.js';
import { User } from '../users/user.entity.js';
import { ASSET_STATUSES, ASSET_TYPES, type AssetStatus, type AssetType } from './domain/asset-vocabulary.js';

@Entity({ name: 'assets' })
@Index('assets_department_id_idx', ['departmentId'])
@Index('assets_assigned_user_id_idx', ['assignedUserId'])
@Check('assets_tag_check', `btrim(tag) <> ''`)
@Check('assets_name_check', `btrim(name) <> ''`)
@Check('assets_cost_cents_check', `cost_cents >= 0`)
@Check('assets_lifecycle_years_check', `lifecycle_years BETWEEN 1 AND 50`)
export class Asset {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Inventory tag, unique case-insensitively. */
  @Column({ type: 'text' })
  tag: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'enum', enum: ASSET_TYPES, enumName: 'asset_type' })
  type: AssetType;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId: string;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'assets_department_id_fkey' })
  department?: Relation<Department>;

  @Column({ type: 'text', nullable: true })
  location: string | null;

  @Column({ type: 'text', nullable: true })
  serial: string | null;

  /** Calendar date, 'YYYY-MM-DD'. */
  @Column({ name: 'purchase_date', type: 'date', nullable: true })
  purchaseDate: string | null;

  @Column({ name: 'cost_cents', type: 'bigint', nullable: true })
  costCents: string | null;

  @Column({ name: 'warranty_end', type: 'date', nullable: true })
  warrantyEnd: string | null;

  @Column({ name: 'lifecycle_years', type: 'integer' })
  lifecycleYears: number;

  @Column({ type: 'enum', enum: ASSET_STATUSES, enumName: 'asset_status', default: 'in_service' })
  status: AssetStatus;

  @Column({ name: 'assigned_user_id', type: 'uuid', nullable: true })
  assignedUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'assigned_user_id', foreignKeyConstraintName: 'assets_assigned_user_id_fkey' })
  assignedUser?: Relation<User>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  /** When the asset was last retired; null while it is not retired. */
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;
}
