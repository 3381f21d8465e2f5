import { DataSource, type DataSourceOptions, type Logger } from 'typeorm';
import { ENTITIES } from '../database/entities.js';
import { MIGRATIONS } from '../database/migrations/index.js';
import { preparingPg } from '../database/prepared-statements.js';

/**
 * The one data source definition, used by the app, the tests and the migration CLI.
 * Schema changes happen only through migrations: synchronize stays off everywhere.
 */
export interface DataSourceOverrides {
  poolSize: number;
  applicationName: string;
  /** Receives every SQL statement (tests count statements per request with it). */
  queryLogger: Logger;
  /**
   * Read replicas of `url`. They turn on TypeORM replication with the primary as the default for
   * everything; only code that asks for a 'slave' query runner (the reports) reads from a replica.
   */
  replicaUrls: readonly string[];
}

export function dataSourceOptions(url: string, overrides: Partial<DataSourceOverrides> = {}): DataSourceOptions {
  const applicationName = overrides.applicationName ?? 'civicdesk';
  const replicas = overrides.replicaUrls ?? [];
  return {
    type: 'postgres',
    // pg with clients that keep the statements marked `prepared()` prepared.
    driver: preparingPg,
    ...(replicas.length === 0
      ? { url, applicationName }
      : {
          // Names per pool (a top-level applicationName would override them), so pg_stat_activity
          // tells report sessions from the primary's.
          replication: {
            master: { url, applicationName },
            slaves: replicas.map((replica) => ({ url: replica, applicationName: `${applicationName}-replica` })),
            // TypeORM would otherwise send every SELECT of a query builder or repository to a
            // replica, and a write followed by a lagging read would miss its own write.
            defaultMode: 'master' as const,
          },
        }),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: overrides.queryLogger ? ['query'] : false,
    ...(overrides.queryLogger ? { logger: overrides.queryLogger } : {}),
    poolSize: overrides.poolSize ?? 20,
    extra: {
      // Fail fast instead of hanging when the database is away; the app answers 503 meanwhile.
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
    },
  };
}

export function createDataSource(url: string, overrides?: Parameters<typeof dataSourceOptions>[1]): DataSource {
  return new DataSource(dataSourceOptions(url, overrides));
}
