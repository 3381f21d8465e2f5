import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { countRecordedStatements, QueryRecorder, readRecordedStatements } from './query-recorder.js';

describe(QueryRecorder.name, () => {
  it('gives back each statement with parameters the driver accepts again: dates as the same instant, buffers rebuilt', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'civicdesk-recorder-')), 'statements.jsonl');
    const recorder = new QueryRecorder(file);
    recorder.logQuery('START TRANSACTION');
    const mark = countRecordedStatements(file);
    const at = new Date('2026-03-02T14:00:00.000Z');
    recorder.logQuery('SELECT $1::timestamptz, $2::bytea, $3::uuid[]', [at, Buffer.from([0, 255, 7]), ['a', 'b']]);
    recorder.logQuery('COMMIT', []);

    expect(countRecordedStatements(file)).toBe(3);
    const replay = readRecordedStatements(file, mark);
    expect(replay.map((s) => s.query)).toEqual(['SELECT $1::timestamptz, $2::bytea, $3::uuid[]', 'COMMIT']);
    const [when, bytes, list] = replay[0]!.parameters;
    expect(new Date(when as string).getTime()).toBe(at.getTime());
    expect(Buffer.isBuffer(bytes) && [...bytes]).toEqual([0, 255, 7]);
    expect(list).toEqual(['a', 'b']);
    expect(readRecordedStatements(file)[0]).toEqual({ query: 'START TRANSACTION', parameters: [] });
  });
});
