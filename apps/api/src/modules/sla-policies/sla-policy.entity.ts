import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { SlaPolicyVersion } from './sla-policy-version.entity.js';

/** An SLA policy: its place in the matching order (first match wins) and the version in force. */
@Entity({ name: 'sla_policies' })
@Unique('sla_policies_position_key', ['position'], { deferrable: 'INITIALLY DEFERRED' })
export class SlaPolicy {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'current_version_id', type: 'uuid', nullable: true })
  currentVersionId: string | null;

  @ManyToOne(() => SlaPolicyVersion, { nullable: true, onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'current_version_id', foreignKeyConstraintName: 'sla_policies_current_version_id_fkey' })
  currentVersion?: Relation<SlaPolicyVersion>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
