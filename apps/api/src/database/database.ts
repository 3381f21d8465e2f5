import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { createDataSource } from '../config/data-source.js';
import { QueryRecorder } from '../bench/query-recorder.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';

export interface OpenDatabase {
  dataSource: DataSource;
  /** Set when the app started its own embedded PostgreSQL. */
  embedded: EmbeddedDatabase | undefined;
  /** Migrations applied by this start (empty when the schema was current). */
  applied: string[];
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL in the data folder when it is
 * unset, then applies pending migrations before anything else runs.
 */
export async function openDatabase(config: AppConfig, log: (message: string) => void): Promise<OpenDatabase> {
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: join(config.dataDir, 'postgres'),
        persistent: true,
        log: (m) => log(`[postgres] ${m}`),
      });
  const dataSource = createDataSource(config.databaseUrl ?? embedded!.url, {
    replicaUrls: config.databaseReplicaUrls,
    ...(config.benchQueryLog ? { queryLogger: new QueryRecorder(config.benchQueryLog) } : {}),
  });
  try {
    await dataSource.initialize();
    await assertServerVersion(dataSource);
    const applied = await runMigrationsOnce(dataSource);
    return {
      dataSource,
      embedded,
      applied,
      async close() {
        if (dataSource.isInitialized) await dataSource.destroy();
        await embedded?.stop();
      },
    };
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }
}

/** Any fixed number: the key of the advisory lock that serialises migrations across instances. */
const MIGRATION_LOCK_KEY = 7_324_001;

/**
 * Applies pending migrations while holding a session-level advisory lock, so instances starting
 * together wait for one another and the later ones find nothing left to apply.
 */
export async function runMigrationsOnce(dataSource: DataSource): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}

async function assertServerVersion(dataSource: DataSource): Promise<void> {
  const [{ server_version_num }] = await dataSource.query(
    `SELECT current_setting('server_version_num')::int AS server_version_num`,
  );
  if (server_version_num < 150000) {
    throw new Error(`CivicDesk needs PostgreSQL 15 or newer; this server is ${server_version_num}`);
  }
}
