import { DataSource, type DataSourceOptions, type Logger } from 'typeorm';
import { ENTITIES } from '../database/entities.js';
import { MIGRATIONS } from '../database/migrations/index.js';

/**
 * The one data source definition, used by the app, the tests and the migration CLI.
 * Schema changes happen only through migrations: synchronize stays off everywhere.
 */
export interface DataSourceOverrides {
  poolSize: number;
  applicationName: string;
  /** Receives every SQL statement (tests count statements per request with it). */
  queryLogger: Logger;
}

export function dataSourceOptions(url: string, overrides: Partial<DataSourceOverrides> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: overrides.queryLogger ? ['query'] : false,
    ...(overrides.queryLogger ? { logger: overrides.queryLogger } : {}),
    applicationName: overrides.applicationName ?? 'civicdesk',
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
