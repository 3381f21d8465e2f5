import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity.js';

/** Keys of the built-in queues that rules refer to (routing fallback, phishing reports). */
export const QUEUE_SYSTEM_KEYS = ['service_desk', 'security'] as const;
export type QueueSystemKey = (typeof QUEUE_SYSTEM_KEYS)[number];

/** A team's work list. A restricted queue's tickets are visible to its members only. */
@Entity({ name: 'queues' })
@Index('queues_system_key_key', ['systemKey'], { unique: true })
@Check('queues_name_check', `btrim(name) <> ''`)
export class Queue {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'boolean', default: false })
  restricted: boolean;

  @Column({ name: 'lead_id', type: 'uuid', nullable: true })
  leadId: string | null;

  /** Declared for the foreign key only; never loaded. */
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'lead_id', foreignKeyConstraintName: 'queues_lead_id_fkey' })
  lead?: Relation<User>;

  @Column({ name: 'system_key', type: 'text', nullable: true })
  systemKey: QueueSystemKey | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
