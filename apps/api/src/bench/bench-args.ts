import { parseArgs } from 'node:util';
import { benchDatabaseName, checkDatabaseName, DEFAULT_SCALE, MAX_SCALE, MIN_SCALE } from './dataset-shape.js';

/** Why the command line cannot be used; the CLI prints it with the usage and exits 64 (EX_USAGE). */
export class UsageError extends Error {}

export interface DataArgs {
  scale: number;
  databaseName: string;
  rebuild: boolean;
  verifySample: number;
}

export interface BenchArgs extends DataArgs {
  /** Seconds each load scenario runs per concurrency. */
  duration: number;
  /** Concurrent clients, e.g. [1, 50]. */
  connections: number[];
  /** Skip the escalation sweep and maintenance sections (quick HTTP-only runs). */
  skipJobs: boolean;
  /**
   * Only these scenarios (ids, or id prefixes such as `report-`), for checking one change: such a
   * partial run skips the jobs and the ceiling and writes its JSON result, not BENCHMARKS.md.
   */
  only: string[] | null;
}

const positiveInt = (name: string, raw: string, min: number, max: number): number => {
  const value = /^\d+(_\d{3})*$/.test(raw) ? Number(raw.replaceAll('_', '')) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
};

const DATA_OPTIONS = {
  scale: { type: 'string', default: String(DEFAULT_SCALE) },
  database: { type: 'string' },
  rebuild: { type: 'boolean', default: false },
  verify: { type: 'string', default: '400' },
} as const;

function dataArgs(values: { scale: string; database?: string | undefined; rebuild: boolean; verify: string }): DataArgs {
  const scale = positiveInt('scale', values.scale, MIN_SCALE, MAX_SCALE);
  let databaseName: string;
  try {
    databaseName = values.database === undefined ? benchDatabaseName(scale) : checkDatabaseName(values.database);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return { scale, databaseName, rebuild: values.rebuild, verifySample: positiveInt('verify', values.verify, 1, 100_000) };
}

type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

function parse(argv: readonly string[], options: Options): Record<string, string | boolean | undefined> {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values as Record<
      string,
      string | boolean | undefined
    >;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** `bench:data` flags: --scale N, --database NAME, --rebuild, --verify N. */
export function parseDataArgs(argv: readonly string[]): DataArgs {
  return dataArgs(parse(argv, DATA_OPTIONS) as unknown as Parameters<typeof dataArgs>[0]);
}

/** `bench` flags: the data flags, plus --duration S, --connections 1,50, --skip-jobs and --only IDS. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const values = parse(argv, {
    ...DATA_OPTIONS,
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '1,50' },
    'skip-jobs': { type: 'boolean', default: false },
    only: { type: 'string' },
  }) as unknown as Parameters<typeof dataArgs>[0] & {
    duration: string;
    connections: string;
    'skip-jobs': boolean;
    only?: string;
  };
  const only =
    values.only
      ?.split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '') ?? null;
  if (only?.length === 0) throw new UsageError('--only needs at least one scenario id');
  const connections = values.connections.split(',').map((c) => positiveInt('connections', c.trim(), 1, 1000));
  return {
    ...dataArgs(values),
    duration: positiveInt('duration', values.duration, 1, 3600),
    connections: [...new Set(connections)].sort((a, b) => a - b),
    skipJobs: values['skip-jobs'] || only !== null,
    only,
  };
}
