import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Ticket } from '../tickets/ticket.entity.js';
import { ImportRun } from './import-run.entity.js';

/**
 * The ticket an external id became, with a fingerprint of what the import wrote: a row that
 * imports the same facts again is left alone, so importing a file twice changes nothing.
 */
@Entity({ name: 'imported_tickets' })
@Index('imported_tickets_ticket_id_key', ['ticketId'], { unique: true })
@Index('imported_tickets_run_idx', ['runId'])
export class ImportedTicket {
  @PrimaryColumn({ name: 'external_id', type: 'text' })
  externalId: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'imported_tickets_ticket_id_fkey' })
  ticket?: Relation<Ticket>;

  @Column({ type: 'text' })
  fingerprint: string;

  /** The labour the import logged, so a changed figure replaces that work log instead of adding one. */
  @Column({ name: 'labour_minutes', type: 'integer', default: 0 })
  labourMinutes: number;

  @Column({ name: 'labour_cost_cents', type: 'bigint', nullable: true })
  labourCostCents: string | null;

  @Column({ name: 'run_id', type: 'uuid', nullable: true })
  runId: string | null;

  @ManyToOne(() => ImportRun, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'imported_tickets_run_id_fkey' })
  run?: Relation<ImportRun>;

  @Column({ type: 'integer' })
  line: number;

  @Column({ name: 'imported_at', type: 'timestamptz' })
  importedAt: Date;
}
