import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Where the global setup tells the test files which server and template to use. */
export const SERVER_URL_VAR = 'CIVICDESK_TEST_SERVER_URL';
export const TEMPLATE_VAR = 'CIVICDESK_TEST_TEMPLATE';

type EmbeddedModule = typeof import('../../src/database/embedded-postgres.js');

declare global {
  var __civicdeskTeardown: (() => Promise<void>) | undefined;
}

/**
 * Once per test run: a real PostgreSQL, DATABASE_URL's server or an embedded one in a temporary
 * folder. The first test file to need it migrates a template database (test-database.ts); every
 * test file clones that template.
 */
export default async function globalSetup(): Promise<void> {
  const template = `civicdesk_tpl_${process.pid}`;
  let server = process.env.DATABASE_URL;
  if (server) {
    globalThis.__civicdeskTeardown = () => dropDatabase(server!, template);
  } else {
    // Jest loads this file through its CommonJS loader, which cannot follow the ".js" specifiers of
    // ES modules written in TypeScript; a computed specifier loads the one module needed here.
    const modulePath = '../../src/database/embedded-postgres';
    const { startEmbeddedPostgres } = (await import(modulePath)) as EmbeddedModule;
    // os.tmpdir() is open to the unprivileged postgres user; mkdtemp makes the folder 0700.
    const dir = await mkdtemp(join(tmpdir(), 'civicdesk-test-'));
    await chmod(dir, 0o755);
    const embedded = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), persistent: false });
    server = embedded.url;
    globalThis.__civicdeskTeardown = () => embedded.stop(); // deletes the temporary cluster
  }
  process.env[SERVER_URL_VAR] = server;
  process.env[TEMPLATE_VAR] = template;
}

async function dropDatabase(server: string, name: string): Promise<void> {
  const url = new URL(server);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
