import { join } from 'node:path';
import pg from 'pg';
import type { AppConfig } from '../config/app-config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../database/embedded-postgres.js';

/** The PostgreSQL server the benchmark databases live on. */
export interface BenchServer {
  /** The URL of database `name` on this server. */
  urlOf(name: string): string;
  /** Set when the bench started its own embedded server. */
  embedded: EmbeddedDatabase | undefined;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL's server, or the embedded PostgreSQL started the way `npm start` starts it, but
 * in its own cluster folder (`<DATA_DIR>/bench-postgres`): benchmark data is large, and keeping it
 * apart means it never collides with a running `npm start` nor goes when the demo data is reset.
 */
export async function openBenchServer(config: AppConfig, log: (message: string) => void): Promise<BenchServer> {
  if (config.databaseUrl) {
    const base = new URL(config.databaseUrl);
    return {
      urlOf: (name) => withDatabase(base, name),
      embedded: undefined,
      stop: () => Promise.resolve(),
    };
  }
  const dataDir = join(config.dataDir, 'bench-postgres');
  log(`starting the benchmark PostgreSQL in ${dataDir}…`);
  const embedded = await startEmbeddedPostgres({ dataDir, persistent: true });
  const base = new URL(embedded.url);
  // A cluster of our own: room for the write bursts of a million-ticket build between checkpoints.
  await withClient(withDatabase(base, 'postgres'), async (client) => {
    await client.query(`ALTER SYSTEM SET max_wal_size = '8GB'`);
    await client.query(`ALTER SYSTEM SET checkpoint_timeout = '30min'`);
    await client.query(`SELECT pg_reload_conf()`);
  });
  return { urlOf: (name) => withDatabase(base, name), embedded, stop: () => embedded.stop() };
}

function withDatabase(base: URL, name: string): string {
  const url = new URL(base.href);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.href;
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Whether database `name` exists on the server. */
export async function databaseExists(server: BenchServer, name: string): Promise<boolean> {
  return withClient(server.urlOf('postgres'), async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return (rowCount ?? 0) > 0;
  });
}

/** Drops (closing its sessions) and creates database `name`. */
export async function recreateDatabase(server: BenchServer, name: string): Promise<void> {
  await withClient(server.urlOf('postgres'), async (client) => {
    const ident = client.escapeIdentifier(name);
    await client.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${ident}`);
  });
}
