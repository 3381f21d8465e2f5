import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity.js';
import type { ImportFileColumn } from './domain/import-file-summary.js';

/**
 * A CSV file uploaded for a history import. Its bytes are in import_file_chunks, so any API
 * instance can read it back a chunk at a time; the header and a sample of each column's values
 * are kept here for the mapping form.
 */
@Entity({ name: 'import_files' })
@Index('import_files_created_idx', ['createdAt'])
@Check('import_files_size_bytes_check', `size_bytes >= 0`)
@Check('import_files_row_count_check', `row_count >= 0`)
export class ImportFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'size_bytes', type: 'bigint' })
  sizeBytes: string;

  /** Data rows (records after the header). */
  @Column({ name: 'row_count', type: 'integer' })
  rowCount: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  columns: ImportFileColumn[];

  @Column({ name: 'uploaded_by_id', type: 'uuid' })
  uploadedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by_id', foreignKeyConstraintName: 'import_files_uploaded_by_id_fkey' })
  uploadedBy?: Relation<User>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
