import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDataSource } from '../../src/config/data-source.js';
import { SERVER_URL_VAR, TEMPLATE_VAR } from './global-setup.js';

export function serverUrl(): string {
  const url = process.env[SERVER_URL_VAR];
  if (!url) throw new Error(`${SERVER_URL_VAR} is not set: run the API tests through jest (global setup)`);
  return url;
}

/** The URL of another database on the same server. */
export function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withServer<T>(fn: (client: pg.Client) => Promise<T>, base = serverUrl()): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(base, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let templateReady: Promise<string> | undefined;

/**
 * The migrated template of this test run, made once by whichever test file asks first: an
 * advisory lock on the server serialises the workers, and the template is created under a
 * temporary name and renamed when complete, so no worker ever clones a half-migrated one.
 */
function migratedTemplate(): Promise<string> {
  templateReady ??= (async () => {
    const template = process.env[TEMPLATE_VAR];
    if (!template) throw new Error(`${TEMPLATE_VAR} is not set: run the API tests through jest (global setup)`);
    await withServer(async (c) => {
      await c.query(`SELECT pg_advisory_lock(hashtext($1))`, [template]);
      try {
        const { rowCount } = await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [template]);
        if (rowCount) return;
        const building = `${template}_building`;
        await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(building)} WITH (FORCE)`);
        await c.query(`CREATE DATABASE ${c.escapeIdentifier(building)} TEMPLATE template0`);
        const dataSource = createDataSource(databaseUrl(serverUrl(), building), { poolSize: 1 });
        await dataSource.initialize();
        try {
          await dataSource.runMigrations({ transaction: 'each' });
        } finally {
          await dataSource.destroy();
        }
        await c.query(`ALTER DATABASE ${c.escapeIdentifier(building)} RENAME TO ${c.escapeIdentifier(template)}`);
      } finally {
        await c.query(`SELECT pg_advisory_unlock(hashtext($1))`, [template]);
      }
    });
    return template;
  })();
  return templateReady;
}

/** A fresh database for one test file: a clone of the migrated template, or an empty one. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `civicdesk_t_${randomBytes(6).toString('hex')}`;
  const from = options.empty ? 'template0' : await migratedTemplate();
  await withServer(async (c) => {
    await c.query(`CREATE DATABASE ${c.escapeIdentifier(name)} TEMPLATE ${c.escapeIdentifier(from)}`);
  });
  return {
    url: databaseUrl(serverUrl(), name),
    drop: () => withServer(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`))),
  };
}
