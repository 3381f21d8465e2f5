import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { DataSource, EntityManager } from 'typeorm';
import type { ImportRecord } from './domain/ticket-import-row.js';

/** Bytes per stored chunk of an uploaded file: one row each, read back one at a time. */
export const IMPORT_CHUNK_BYTES = 1024 * 1024;

/** A file that is not CSV: the line where reading stopped and why. */
export class ImportFileSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Streams a stored file's records (the header first) with the line each starts on, reading one
 * chunk from PostgreSQL at a time, so a large file never sits in memory whole.
 */
export async function* readImportFile(db: DataSource | EntityManager, fileId: string): AsyncGenerator<ImportRecord> {
  const chunks = async function* (): AsyncGenerator<Buffer> {
    for (let seq = 0; ; seq++) {
      const rows: { data: Buffer }[] = await db.query(`SELECT data FROM import_file_chunks WHERE file_id = $1 AND seq = $2`, [
        fileId,
        seq,
      ]);
      if (rows.length === 0) return;
      yield rows[0]!.data;
    }
  };
  const source = Readable.from(unixLineEnds(chunks()));
  // Line ends are LF by then; naming the delimiter also spares csv-parse a check per byte for an unknown one.
  const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, record_delimiter: '\n' });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // csv-parse gives the line a record ends on; a quoted value may span lines.
      let inner = 0;
      for (const value of record) if (value.includes('\n')) inner += value.split('\n').length - 1;
      yield { line: info.lines - inner, cells: record };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      throw new ImportFileSyntaxError(typeof error.lines === 'number' ? error.lines : 1, error.message);
    }
    throw error;
  } finally {
    source.destroy();
    parser.destroy();
  }
}

const CR = 0x0d;
const LF = 0x0a;

/**
 * CRLF and lone CR become LF, across chunk boundaries: csv-parse counts a CRLF inside a quoted
 * value as two lines, which would shift the line number of every later row.
 */
export async function* unixLineEnds(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let pendingCr = false;
  for await (const chunk of chunks) {
    if (!pendingCr && chunk.indexOf(CR) === -1) {
      yield chunk;
      continue;
    }
    const out = Buffer.allocUnsafe(chunk.length + 1);
    let n = 0;
    for (const byte of chunk) {
      if (pendingCr) {
        pendingCr = false;
        out[n++] = LF;
        if (byte === LF) continue;
      }
      if (byte === CR) pendingCr = true;
      else out[n++] = byte;
    }
    yield out.subarray(0, n);
  }
  if (pendingCr) yield Buffer.from([LF]);
}
