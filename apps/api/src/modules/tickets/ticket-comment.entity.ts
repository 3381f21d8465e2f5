import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity.js';
import { Ticket } from './ticket.entity.js';

/** A reply (public: the requester sees it) or an internal note (staff only). */
@Entity({ name: 'ticket_comments' })
@Index('ticket_comments_ticket_idx', ['ticketId', 'createdAt'])
@Check('ticket_comments_body_check', `btrim(body) <> ''`)
export class TicketComment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => Ticket, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'ticket_comments_ticket_id_fkey' })
  ticket?: Relation<Ticket>;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'ticket_comments_author_id_fkey' })
  author?: Relation<User>;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'boolean' })
  internal: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
