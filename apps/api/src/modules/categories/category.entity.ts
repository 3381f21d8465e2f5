import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Queue } from '../queues/queue.entity.js';
import { TICKET_KINDS, type TicketKind } from '../tickets/domain/ticket-vocabulary.js';

/** Key of the built-in "Security / phishing" category that "Report phishing" files into. */
export const PHISHING_CATEGORY_KEY = 'security_phishing';

@Entity({ name: 'categories' })
@Index('categories_default_queue_id_idx', ['defaultQueueId'])
@Index('categories_system_key_key', ['systemKey'], { unique: true })
@Check('categories_name_check', `btrim(name) <> ''`)
export class Category {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'default_queue_id', type: 'uuid' })
  defaultQueueId: string;

  @ManyToOne(() => Queue, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'default_queue_id', foreignKeyConstraintName: 'categories_default_queue_id_fkey' })
  defaultQueue?: Relation<Queue>;

  @Column({ name: 'default_kind', type: 'enum', enum: TICKET_KINDS, enumName: 'ticket_kind', nullable: true })
  defaultKind: TicketKind | null;

  @Column({ name: 'system_key', type: 'text', nullable: true })
  systemKey: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
