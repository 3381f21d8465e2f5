import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Ticket } from '../tickets/ticket.entity.js';
import { User } from '../users/user.entity.js';

/**
 * Minutes a technician spent on a ticket on a day. The rate in force that day and the cost are
 * stored with the entry, so a later rate change never rewrites history.
 */
@Entity({ name: 'ticket_work_logs' })
@Index('ticket_work_logs_ticket_idx', ['ticketId'])
@Index('ticket_work_logs_user_date_idx', ['userId', 'workDate'])
// Spend reports by work date (an INCLUDE index, built by a migration).
@Index('ticket_work_logs_work_date_idx', { synchronize: false })
@Check('ticket_work_logs_minutes_check', `minutes BETWEEN 1 AND 1440`)
@Check('ticket_work_logs_rate_cents_check', `rate_cents > 0`)
@Check('ticket_work_logs_cost_cents_check', `cost_cents >= 0`)
export class TicketWorkLog {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => Ticket, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'ticket_work_logs_ticket_id_fkey' })
  ticket?: Relation<Ticket>;

  /** The technician whose time it is. */
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'ticket_work_logs_user_id_fkey' })
  user?: Relation<User>;

  @Column({ name: 'work_date', type: 'date' })
  workDate: string;

  @Column({ type: 'integer' })
  minutes: number;

  @Column({ type: 'text', default: '' })
  note: string;

  /** The hourly rate in force on work_date when the entry was written or re-dated. */
  @Column({ name: 'rate_cents', type: 'integer' })
  rateCents: number;

  @Column({ name: 'cost_cents', type: 'integer' })
  costCents: number;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'ticket_work_logs_created_by_id_fkey' })
  createdBy?: Relation<User>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
