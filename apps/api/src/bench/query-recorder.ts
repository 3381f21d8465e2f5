import { appendFileSync, readFileSync } from 'node:fs';
import type { Logger } from 'typeorm';

/**
 * Benchmark-only: appends every SQL statement the app sends, with its parameters, to a file as
 * one JSON line each (BENCH_QUERY_LOG). The benchmark harness runs a recording instance without
 * the scheduler, makes one request at a time and replays exactly the statements each request
 * issued straight through `pg`, to compare the app with its SQL alone. The write is synchronous
 * so a statement is on file before its result comes back: when the response arrives, the file
 * holds everything the request did.
 */
export class QueryRecorder implements Logger {
  constructor(private readonly file: string) {}

  logQuery(query: string, parameters?: unknown[]): void {
    appendFileSync(this.file, `${JSON.stringify({ query, parameters: parameters ?? [] })}\n`);
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** A recorded statement, parameters as `pg` takes them again. */
export interface RecordedStatement {
  query: string;
  parameters: unknown[];
}

/**
 * The statements recorded from line `from` (0-based) on. Parameters come back as the driver sent
 * them: dates were written as ISO strings (the same instant), buffers are rebuilt.
 */
export function readRecordedStatements(file: string, from = 0): RecordedStatement[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(from)
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line, reviveBuffer) as RecordedStatement);
}

/** How many statements the file holds (a mark before a request). */
export function countRecordedStatements(file: string): number {
  const text = readFileSync(file, 'utf8');
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

function reviveBuffer(_key: string, value: unknown): unknown {
  if (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'Buffer' &&
    Array.isArray((value as { data?: unknown }).data)
  ) {
    return Buffer.from((value as { data: number[] }).data);
  }
  return value;
}
