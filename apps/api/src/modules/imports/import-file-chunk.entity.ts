import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ImportFile } from './import-file.entity.js';

/** One piece of an uploaded file's bytes, in order of seq. */
@Entity({ name: 'import_file_chunks' })
export class ImportFileChunk {
  @PrimaryColumn({ name: 'file_id', type: 'uuid', primaryKeyConstraintName: 'import_file_chunks_pkey' })
  fileId: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'import_file_chunks_pkey' })
  seq: number;

  @ManyToOne(() => ImportFile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'import_file_chunks_file_id_fkey' })
  file?: Relation<ImportFile>;

  @Column({ type: 'bytea' })
  data: Buffer;
}
