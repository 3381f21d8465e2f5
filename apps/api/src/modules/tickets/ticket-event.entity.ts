import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity.js';
import { Ticket } from './ticket.entity.js';

/**
 * The append-only audit trail: every change to a ticket, with its actor and time. A database
 * trigger refuses UPDATE, DELETE and TRUNCATE. `public` events are about facts the requester sees.
 */
@Entity({ name: 'ticket_events' })
@Index('ticket_events_ticket_idx', ['ticketId', 'id'])
export class TicketEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => Ticket, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'ticket_events_ticket_id_fkey' })
  ticket?: Relation<Ticket>;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'ticket_events_actor_id_fkey' })
  actor?: Relation<User>;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'boolean' })
  public: boolean;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
