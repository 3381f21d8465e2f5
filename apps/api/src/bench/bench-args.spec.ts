import { describe, expect, it } from '@jest/globals';
import { parseBenchArgs, parseDataArgs, UsageError } from './bench-args.js';

describe('parseDataArgs', () => {
  it('defaults to a million tickets in their own database', () => {
    expect(parseDataArgs([])).toEqual({
      scale: 1_000_000,
      databaseName: 'civicdesk_bench_1000000',
      rebuild: false,
      verifySample: 400,
    });
  });

  it('reads the scale (digit groups allowed), the database and --rebuild', () => {
    expect(parseDataArgs(['--scale', '20_000', '--database', 'bench_x', '--rebuild'])).toMatchObject({
      scale: 20_000,
      databaseName: 'bench_x',
      rebuild: true,
    });
  });

  it('names the flag that is wrong', () => {
    expect(() => parseDataArgs(['--scale', 'lots'])).toThrow(
      new UsageError('--scale must be a whole number from 1000 to 20000000, got "lots"'),
    );
    expect(() => parseDataArgs(['--scale', '10'])).toThrow(/--scale must be/);
    expect(() => parseDataArgs(['--database', 'Robert'])).toThrow(/--database must be lower-case/);
    expect(() => parseDataArgs(['--sclae', '10'])).toThrow(UsageError);
  });
});

describe('parseBenchArgs', () => {
  it('adds the load settings: 5 s per scenario at 1 and 50 clients', () => {
    expect(parseBenchArgs(['--scale', '20000'])).toMatchObject({
      scale: 20_000,
      duration: 5,
      connections: [1, 50],
      skipJobs: false,
      only: null,
    });
  });

  it('takes --only as a list of scenario ids, which also skips the jobs', () => {
    expect(parseBenchArgs(['--only', 'queue-page-1, report-'])).toMatchObject({
      only: ['queue-page-1', 'report-'],
      skipJobs: true,
    });
    expect(() => parseBenchArgs(['--only', ' , '])).toThrow(/--only needs/);
  });

  it('takes a list of client counts, sorted and without repeats', () => {
    expect(parseBenchArgs(['--connections', '50, 1,10,50', '--duration', '3']).connections).toEqual([1, 10, 50]);
  });

  it('refuses a zero duration or client count', () => {
    expect(() => parseBenchArgs(['--duration', '0'])).toThrow(/--duration must be/);
    expect(() => parseBenchArgs(['--connections', '1,0'])).toThrow(/--connections must be/);
  });
});
