import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ImportRun } from './import-run.entity.js';

/** A value an import could not read: where it is in the file, what it was and why. */
@Entity({ name: 'import_run_errors' })
@Index('import_run_errors_run_line_idx', ['runId', 'line', 'id'])
export class ImportRunError {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'run_id', type: 'uuid' })
  runId: string;

  @ManyToOne(() => ImportRun, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'import_run_errors_run_id_fkey' })
  run?: Relation<ImportRun>;

  @Column({ type: 'integer' })
  line: number;

  /** The file's column; null when the problem is the whole row. */
  @Column({ name: 'column_name', type: 'text', nullable: true })
  columnName: string | null;

  @Column({ type: 'text', nullable: true })
  value: string | null;

  @Column({ type: 'text' })
  reason: string;
}
