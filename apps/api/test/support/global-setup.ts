import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Jest loads global setup through its CommonJS loader, which does not map ".js" to ".ts": this
// import names the file without an extension, and the module imports nothing else of ours.
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/database/embedded-postgres';
import { SERVER_URL_VAR, TEMPLATE_VAR } from './test-env';

declare global {
  var __civicdeskEmbedded: EmbeddedDatabase | undefined;
}

/**
 * Once per test run: a real PostgreSQL, DATABASE_URL's server or an embedded one in a temporary
 * folder. The first test file to need it migrates a template database (see test-database.ts);
 * every test file clones that template.
 */
export default async function globalSetup(): Promise<void> {
  let server = process.env.DATABASE_URL;
  if (!server) {
    // os.tmpdir() is open to the unprivileged postgres user, unlike a home folder.
    const dir = await mkdtemp(join(tmpdir(), 'civicdesk-test-'));
    await chmod(dir, 0o755); // mkdtemp makes it 0700; the cluster folder inside is the postgres user's alone
    const embedded = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), persistent: false });
    globalThis.__civicdeskEmbedded = embedded;
    server = embedded.url;
  }
  process.env[SERVER_URL_VAR] = server;
  process.env[TEMPLATE_VAR] = `civicdesk_tpl_${process.pid}`;
}
