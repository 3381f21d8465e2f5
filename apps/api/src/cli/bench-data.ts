/**
 * Builds (or reuses) a benchmark database of a given scale:
 *
 *   npm run bench:data -w @civicdesk/api -- [--scale 1000000] [--database civicdesk_bench_1000000] [--rebuild] [--verify 400]
 *
 * On DATABASE_URL's server, or on the embedded PostgreSQL in <DATA_DIR>/bench-postgres. Prints
 * the time of every step; a complete dataset of the same scale is reused unless --rebuild.
 */
import 'reflect-metadata';
import { openBenchServer } from '../bench/bench-server.js';
import { parseDataArgs, UsageError } from '../bench/bench-args.js';
import { buildDataset } from '../bench/dataset.builder.js';
import { BENCH_PASSWORD, BENCH_USERS } from '../bench/dataset-shape.js';
import { ConfigError, loadConfig } from '../config/app-config.js';

const USAGE = 'usage: npm run bench:data -w @civicdesk/api -- [--scale N] [--database NAME] [--rebuild] [--verify N]';
const say = (message: string): void => void process.stdout.write(`${message}\n`);

async function main(): Promise<void> {
  const args = parseDataArgs(process.argv.slice(2));
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const server = await openBenchServer(config, say);
  try {
    const info = await buildDataset(server, { ...args, log: say });
    say(`\n${info.databaseName}: ${JSON.stringify(info.counts)}`);
    say(`data as of ${info.t0}; sign in as ${BENCH_USERS.technician} or ${BENCH_USERS.manager} with "${BENCH_PASSWORD}"`);
    if (server.embedded) say(`(embedded server: stopped again; the data stays in the bench cluster)`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exit(64);
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
