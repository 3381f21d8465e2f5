import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Queue } from '../queues/queue.entity.js';
import { User } from '../users/user.entity.js';

/** A subscribable iCalendar feed of maintenance work: a queue's, or (no queue) its owner's own. */
@Entity({ name: 'calendar_feeds' })
@Index('calendar_feeds_token_hash_key', ['tokenHash'], { unique: true })
@Index('calendar_feeds_owner_idx', ['ownerId'])
export class CalendarFeed {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** HMAC of the unguessable token in the feed's URL; the token itself is never stored. */
  @Column({ name: 'token_hash', type: 'text' }) tokenHash: string;

  @Column({ name: 'owner_id', type: 'uuid' }) ownerId: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'calendar_feeds_owner_id_fkey' })
  owner?: Relation<User>;

  @Column({ name: 'queue_id', type: 'uuid', nullable: true }) queueId: string | null;
  @ManyToOne(() => Queue, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'queue_id', foreignKeyConstraintName: 'calendar_feeds_queue_id_fkey' })
  queue?: Relation<Queue>;

  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
