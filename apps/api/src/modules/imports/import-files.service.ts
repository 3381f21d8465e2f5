import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { notFound, validationFailed, type AppError } from '../../common/errors/app-error.js';
import { limitedBody } from '../../common/http/body-stream.js';
import type { Actor } from '../../common/security/actor.js';
import { Clock } from '../../common/time/clock.js';
import { AuditLog } from '../audit/audit-log.service.js';
import { ColumnSampler, type ImportFileColumn } from './domain/import-file-summary.js';
import { IMPORT_CHUNK_BYTES, ImportFileSyntaxError, readImportFile } from './import-file-reader.js';
import type { ImportFileDto } from './dto/import-file.dto.js';

/** The largest file a history import takes (a ServiceNow incident log of ~150,000 events is 46 MB). */
export const IMPORT_FILE_LIMIT = 100 * 1024 * 1024;
const MAX_COLUMNS = 500;

interface FileRow {
  id: string;
  name: string;
  size_bytes: string;
  row_count: number;
  columns: ImportFileColumn[];
  created_at: Date;
}

/**
 * Uploaded CSV files for history imports. The body is stored as it arrives, a chunk per row in
 * one transaction (a broken upload leaves nothing), then read back once for its header, row
 * count and each column's values.
 */
@Injectable()
export class ImportFilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async upload(actor: Actor, name: string, body: unknown): Promise<ImportFileDto> {
    if (!isStream(body)) {
      throw validationFailed([
        { field: 'body', messages: ['send the CSV file itself as the body, with Content-Type: text/csv'] },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const [file]: { id: string }[] = await manager.query(
        `INSERT INTO import_files (name, size_bytes, row_count, uploaded_by_id, created_at) VALUES ($1, 0, 0, $2, $3) RETURNING id`,
        [name, actor.id, this.clock.now()],
      );
      const id = file!.id;
      const size = await storeChunks(manager, id, limitedBody(body, IMPORT_FILE_LIMIT));
      if (size === 0) throw fileProblem('the file is empty');
      const { rowCount, columns } = await summarise(manager, id);
      const [[row]]: [FileRow[], number] = await manager.query(
        `UPDATE import_files SET size_bytes = $2, row_count = $3, columns = $4 WHERE id = $1
         RETURNING id, name, size_bytes, row_count, columns, created_at`,
        [id, size, rowCount, JSON.stringify(columns)],
      );
      await this.audit.record(manager, {
        action: 'import.file_uploaded',
        targetId: id,
        detail: { name, sizeBytes: size, rows: rowCount, columns: columns.length },
      });
      return toFileDto(row!);
    });
  }

  async require(id: string): Promise<ImportFileDto> {
    const file = await this.get(id);
    if (!file) throw notFound('Import file');
    return file;
  }

  async get(id: string): Promise<ImportFileDto | null> {
    const [row]: FileRow[] = await this.dataSource.query(
      `SELECT id, name, size_bytes, row_count, columns, created_at FROM import_files WHERE id = $1`,
      [id],
    );
    return row ? toFileDto(row) : null;
  }
}

async function storeChunks(manager: EntityManager, fileId: string, body: AsyncIterable<Buffer>): Promise<number> {
  let seq = 0;
  let size = 0;
  let pending: Buffer[] = [];
  let pendingSize = 0;
  const flush = async () => {
    if (pendingSize === 0) return;
    await manager.query(`INSERT INTO import_file_chunks (file_id, seq, data) VALUES ($1, $2, $3)`, [
      fileId,
      seq++,
      Buffer.concat(pending, pendingSize),
    ]);
    pending = [];
    pendingSize = 0;
  };
  for await (const piece of body) {
    pending.push(piece);
    pendingSize += piece.length;
    size += piece.length;
    if (pendingSize >= IMPORT_CHUNK_BYTES) await flush();
  }
  await flush();
  return size;
}

/** One pass over the stored file: the header must name each column once; the values are sampled. */
async function summarise(manager: EntityManager, fileId: string): Promise<{ rowCount: number; columns: ImportFileColumn[] }> {
  let sampler: ColumnSampler | null = null;
  let rowCount = 0;
  try {
    for await (const { line, cells } of readImportFile(manager, fileId)) {
      // PostgreSQL text and jsonb cannot hold NUL: such a file is not CSV text, and would fail at the first write.
      if (cells.some((c) => c.includes('\u0000'))) throw fileProblem(`line ${line}: a NUL character; the file is not CSV text`);
      if (sampler) {
        sampler.add(cells);
        rowCount++;
        continue;
      }
      const header = cells.map((c) => c.trim());
      const blank = header.findIndex((c) => c === '');
      if (blank >= 0) throw fileProblem(`line ${line}: column ${blank + 1} of the header has no name`);
      const twice = header.find((c, i) => header.indexOf(c) !== i);
      if (twice !== undefined) throw fileProblem(`line ${line}: the header names the column "${twice}" twice`);
      if (header.length > MAX_COLUMNS) throw fileProblem(`the header has more than ${MAX_COLUMNS} columns`);
      sampler = new ColumnSampler(header);
    }
  } catch (error) {
    if (error instanceof ImportFileSyntaxError) throw fileProblem(`line ${error.line}: not valid CSV (${error.message})`);
    throw error;
  }
  if (!sampler) throw fileProblem('the file has no header row');
  return { rowCount, columns: sampler.columns() };
}

function fileProblem(message: string): AppError {
  return validationFailed([{ field: 'file', messages: [message] }]);
}

function isStream(body: unknown): body is AsyncIterable<Buffer> {
  return typeof body === 'object' && body !== null && Symbol.asyncIterator in body;
}

function toFileDto(row: FileRow): ImportFileDto {
  return {
    id: row.id,
    name: row.name,
    sizeBytes: Number(row.size_bytes),
    rowCount: row.row_count,
    columns: row.columns,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
