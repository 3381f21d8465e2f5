import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Asset } from '../assets/asset.entity.js';
import { Ticket } from '../tickets/ticket.entity.js';
import { User } from '../users/user.entity.js';
import { EXPENSE_TYPES, type ExpenseType } from './domain/cost-vocabulary.js';

/** Money spent on a ticket besides labour: parts, a vendor's call-out, a contract, a licence. */
@Entity({ name: 'ticket_expenses' })
@Index('ticket_expenses_ticket_idx', ['ticketId'])
@Index('ticket_expenses_asset_idx', ['assetId'])
// Spend reports by the day spent (an INCLUDE index, built by a migration).
@Index('ticket_expenses_spent_on_idx', { synchronize: false })
@Check('ticket_expenses_amount_cents_check', `amount_cents > 0`)
export class TicketExpense {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => Ticket, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'ticket_expenses_ticket_id_fkey' })
  ticket?: Relation<Ticket>;

  @Column({ type: 'enum', enum: EXPENSE_TYPES, enumName: 'expense_type' })
  type: ExpenseType;

  @Column({ name: 'amount_cents', type: 'bigint' })
  amountCents: string;

  @Column({ type: 'text', nullable: true })
  vendor: string | null;

  @Column({ name: 'spent_on', type: 'date' })
  spentOn: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** The device the money went into, when it is not (only) the ticket's asset. */
  @Column({ name: 'asset_id', type: 'uuid', nullable: true })
  assetId: string | null;

  @ManyToOne(() => Asset, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'asset_id', foreignKeyConstraintName: 'ticket_expenses_asset_id_fkey' })
  asset?: Relation<Asset>;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'ticket_expenses_created_by_id_fkey' })
  createdBy?: Relation<User>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
