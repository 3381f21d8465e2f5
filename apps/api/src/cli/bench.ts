/**
 * The benchmark of issue 7:
 *
 *   npm run bench -- [--scale 1000000] [--duration 5] [--connections 1,50] [--rebuild] [--skip-jobs] [--only IDS]
 *
 * Builds or reuses the dataset (see bench-data.ts), runs the API in production mode against it,
 * measures every scenario against the same SQL alone and the HTTP ceiling, the escalation sweep,
 * maintenance generation and the web bundle; prints the table, writes bench-results/ and
 * BENCHMARKS.md. On DATABASE_URL's server, or the embedded PostgreSQL in <DATA_DIR>/bench-postgres.
 */
import 'reflect-metadata';
import { parseBenchArgs, UsageError } from '../bench/bench-args.js';
import { runBench } from '../bench/bench-harness.js';
import { openBenchServer } from '../bench/bench-server.js';
import { ConfigError, loadConfig } from '../config/app-config.js';

const USAGE =
  'usage: npm run bench -- [--scale N] [--duration SECONDS] [--connections 1,50] [--database NAME] [--rebuild] [--skip-jobs] [--only IDS]';
const say = (message: string): void => void process.stdout.write(`${message}\n`);

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const server = await openBenchServer(config, say);
  try {
    await runBench(args, server, say);
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
