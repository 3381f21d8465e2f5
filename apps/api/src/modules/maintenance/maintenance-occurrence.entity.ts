import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Asset } from '../assets/asset.entity.js';
import { Ticket } from '../tickets/ticket.entity.js';
import { MaintenancePlan } from './maintenance-plan.entity.js';

/** A generated occurrence: the UNIQUE (plan, due, asset) key makes generation exactly-once. */
@Entity({ name: 'maintenance_occurrences' })
// UNIQUE … NULLS NOT DISTINCT (one ticket per occurrence when there is no asset), built by the migration.
@Index('maintenance_occurrences_key', { synchronize: false })
@Index('maintenance_occurrences_ticket_key', ['ticketId'], { unique: true })
@Index('maintenance_occurrences_plan_asset_idx', ['planId', 'assetId', 'dueAt'])
export class MaintenanceOccurrence {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
  @ManyToOne(() => MaintenancePlan, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'maintenance_occurrences_plan_id_fkey' })
  plan?: Relation<MaintenancePlan>;

  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;

  @Column({ name: 'asset_id', type: 'uuid', nullable: true }) assetId: string | null;
  @ManyToOne(() => Asset, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'asset_id', foreignKeyConstraintName: 'maintenance_occurrences_asset_id_fkey' })
  asset?: Relation<Asset>;

  @Column({ name: 'ticket_id', type: 'uuid' }) ticketId: string;
  @ManyToOne(() => Ticket, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'maintenance_occurrences_ticket_id_fkey' })
  ticket?: Relation<Ticket>;

  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
