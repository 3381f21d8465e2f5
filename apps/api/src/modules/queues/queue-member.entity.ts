import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity.js';
import { Queue } from './queue.entity.js';

@Entity({ name: 'queue_members' })
@Index('queue_members_user_id_idx', ['userId'])
export class QueueMember {
  @PrimaryColumn({ name: 'queue_id', type: 'uuid', primaryKeyConstraintName: 'queue_members_pkey' })
  queueId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'queue_members_pkey' })
  userId: string;

  @ManyToOne(() => Queue, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'queue_id', foreignKeyConstraintName: 'queue_members_queue_id_fkey' })
  queue?: Relation<Queue>;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'queue_members_user_id_fkey' })
  user?: Relation<User>;
}
