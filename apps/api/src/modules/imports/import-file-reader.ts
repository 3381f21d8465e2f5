import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
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

const CSV_PARSE = createRequire(import.meta.url).resolve('csv-parse');

/**
 * The CSV parser's thread. Parsing a 46 MB export is seconds of CPU: in a worker thread it never
 * holds up the requests this instance serves. It takes chunks (LF line ends) and answers each with
 * the records completed so far, flat as [line, cells, line, cells, …], or the parse error; null
 * ends the file. Plain JavaScript, as a worker's source must be; csv-parse does the reading.
 */
const PARSER_THREAD = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { parse } = require(workerData.csvParse);
// Line ends are LF by then; naming the delimiter also spares csv-parse a check per byte for an unknown one.
const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, record_delimiter: '\n' });
let records = [];
let failure = null;
parser.on('readable', () => {
  for (let r = parser.read(); r !== null; r = parser.read()) {
    // csv-parse gives the line a record ends on; a quoted value may span lines.
    let inner = 0;
    for (const value of r.record) if (value.includes('\n')) inner += value.split('\n').length - 1;
    records.push(r.info.lines - inner, r.record);
  }
});
parser.on('error', (error) => {
  failure = { message: error.message, line: typeof error.lines === 'number' ? error.lines : 1 };
});
const answer = () => {
  parentPort.postMessage(failure ? { failure } : { records });
  records = [];
};
parentPort.on('message', (chunk) => {
  if (failure) return answer();
  if (chunk === null) {
    parser.on('end', answer);
    parser.on('error', answer);
    parser.end();
    return;
  }
  parser.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  setImmediate(answer);
});
`;

type ParsedPiece = { records: (number | string[])[] } | { failure: { message: string; line: number } };

/** One parser thread, asked one chunk at a time (the next chunk goes when the last is answered). */
class ParserThread {
  private readonly worker = new Worker(PARSER_THREAD, { eval: true, workerData: { csvParse: CSV_PARSE } });
  private pending: { resolve: (piece: ParsedPiece) => void; reject: (error: unknown) => void } | null = null;

  constructor() {
    this.worker.on('message', (piece: ParsedPiece) => this.settle((p) => p.resolve(piece)));
    this.worker.on('error', (error) => this.settle((p) => p.reject(error)));
    this.worker.on('exit', (code) => this.settle((p) => p.reject(new Error(`the CSV parser stopped (exit code ${code})`))));
  }

  parse(chunk: Buffer | null): Promise<ParsedPiece> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(chunk);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private settle(act: (pending: { resolve: (piece: ParsedPiece) => void; reject: (error: unknown) => void }) => void): void {
    const pending = this.pending;
    this.pending = null;
    if (pending) act(pending);
  }
}

/**
 * Streams a stored file's records (the header first) with the line each starts on, reading one
 * chunk from PostgreSQL at a time, so a large file never sits in memory whole.
 */
export async function* readImportFile(db: DataSource | EntityManager, fileId: string): AsyncGenerator<ImportRecord> {
  const thread = new ParserThread();
  try {
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
    const pieces = async function* (): AsyncGenerator<ParsedPiece> {
      for await (const chunk of unixLineEnds(chunks())) yield await thread.parse(chunk);
      yield await thread.parse(null);
    };
    for await (const piece of pieces()) {
      if ('failure' in piece) throw new ImportFileSyntaxError(piece.failure.line, piece.failure.message);
      const { records } = piece;
      for (let i = 0; i < records.length; i += 2) yield { line: records[i] as number, cells: records[i + 1] as string[] };
    }
  } finally {
    await thread.close();
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
