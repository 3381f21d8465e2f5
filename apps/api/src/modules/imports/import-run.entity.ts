import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity.js';
import { IMPORT_RUN_STATUSES, type ImportRunStatus } from './domain/import-run-status.js';
import type { TicketImportOptions } from './domain/ticket-import-options.js';
import { ImportFile } from './import-file.entity.js';

/**
 * One history import (or its dry run): what to do (the file and the mapping), who claimed it,
 * and how far it got. Counters are committed with each batch, so they always describe what is
 * in the database.
 */
@Entity({ name: 'import_runs' })
@Index('import_runs_created_idx', ['createdAt', 'id'])
// Partial index the migration builds: runs waiting for a worker or being worked.
@Index('import_runs_pending_idx', { synchronize: false })
export class ImportRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'file_id', type: 'uuid', nullable: true })
  fileId: string | null;

  @ManyToOne(() => ImportFile, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'import_runs_file_id_fkey' })
  file?: Relation<ImportFile>;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Column({ name: 'dry_run', type: 'boolean' })
  dryRun: boolean;

  @Column({ type: 'jsonb' })
  options: TicketImportOptions;

  @Column({ type: 'enum', enum: IMPORT_RUN_STATUSES, enumName: 'import_run_status', default: 'queued' })
  status: ImportRunStatus;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'import_runs_created_by_id_fkey' })
  createdBy?: Relation<User>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  /** The instance working the run. */
  @Column({ name: 'claimed_by', type: 'text', nullable: true })
  claimedBy: string | null;

  /** Fencing token of the current claim: a batch commits only while its worker still holds it. */
  @Column({ name: 'claim_token', type: 'uuid', nullable: true })
  claimToken: string | null;

  /** Renewed with every batch; a running run whose heartbeat is old is taken over. */
  @Column({ name: 'heartbeat_at', type: 'timestamptz', nullable: true })
  heartbeatAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'rows_read', type: 'integer', default: 0 })
  rowsRead: number;

  @Column({ name: 'rows_superseded', type: 'integer', default: 0 })
  rowsSuperseded: number;

  @Column({ name: 'rows_skipped', type: 'integer', default: 0 })
  rowsSkipped: number;

  @Column({ name: 'tickets_found', type: 'integer', default: 0 })
  ticketsFound: number;

  @Column({ name: 'tickets_done', type: 'integer', default: 0 })
  ticketsDone: number;

  @Column({ name: 'tickets_created', type: 'integer', default: 0 })
  ticketsCreated: number;

  @Column({ name: 'tickets_updated', type: 'integer', default: 0 })
  ticketsUpdated: number;

  @Column({ name: 'tickets_unchanged', type: 'integer', default: 0 })
  ticketsUnchanged: number;

  @Column({ name: 'error_count', type: 'integer', default: 0 })
  errorCount: number;

  /** The last line of the file whose ticket is committed: a resumed run goes on after it. */
  @Column({ name: 'last_line', type: 'integer', default: 0 })
  lastLine: number;

  @Column({ type: 'text', nullable: true })
  failure: string | null;
}
