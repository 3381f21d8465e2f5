import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { SystemClock } from '../common/time/clock.js';
import { loadConfig } from '../config/app-config.js';
import { alignBuiltIns } from '../database/built-ins.js';
import { DEMO_SEED, isFreshDatabase, loadDemoCity } from '../database/seed/demo-city.js';
import { fail, openCliDatabase } from './cli-database.js';

const USAGE = `Loads the demo city with a history of your choosing into an empty database: DATABASE_URL,
or the embedded PostgreSQL in DATA_DIR (.data by default).

  npm run seed -- [--years 3] [--scale 1] [--seed ${DEMO_SEED}]

--years   years of ticket history (0–20)
--scale   ticket volume relative to the demo city's (1 is about 7,000 tickets a year; 0.01–50)
--seed    another seed gives another, equally plausible, city

The database must be empty: stop CivicDesk and delete .data/ to reload the embedded one.`;

/** A number option within bounds, or the default. */
function numberOption(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
  integer: boolean,
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    fail(`--${name}: must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got "${raw}"\n\n${USAGE}`);
  }
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      years: { type: 'string' },
      scale: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const years = numberOption('years', values.years, 3, 0, 20, true);
  const scale = numberOption('scale', values.scale, 1, 0.01, 50, false);
  const seed = numberOption('seed', values.seed, DEMO_SEED, 0, 2 ** 31 - 1, true);

  const config = loadConfig();
  if (config.nodeEnv === 'production') fail('demo data is never loaded when NODE_ENV=production');
  process.stdout.write(
    config.databaseUrl ? 'connecting to DATABASE_URL…\n' : `starting the embedded PostgreSQL in ${config.dataDir}…\n`,
  );
  const database = await openCliDatabase(config);
  try {
    if (!(await isFreshDatabase(database.dataSource))) {
      throw new SeedRefused(
        'the database already has users: seed loads the demo city into an empty database only (delete .data/ to start over)',
      );
    }
    await alignBuiltIns(database.dataSource, config);
    process.stdout.write(`loading the demo city with ${years} year${years === 1 ? '' : 's'} of history at scale ${scale}…\n`);
    const started = performance.now();
    const city = await loadDemoCity(database.dataSource, new SystemClock(), { historyYears: years, historyScale: scale, seed });
    const seconds = (performance.now() - started) / 1000;
    const [{ tickets }] = await database.dataSource.query(`SELECT count(*)::int AS tickets FROM tickets`);
    process.stdout.write(
      `loaded the demo city (${tickets} tickets) in ${seconds.toFixed(1)} s; its history, ${city.historyTickets} tickets, ` +
        `in ${city.historySeconds.toFixed(1)} s: ${Math.round(city.historyTickets / Math.max(city.historySeconds, 0.001))} tickets a second\n`,
    );
  } finally {
    await database.close();
  }
}

/** A refusal to print as it is, after the database is closed. */
class SeedRefused extends Error {}

main().catch((error: unknown) => {
  if (error instanceof SeedRefused) fail(error.message);
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
