import pg from 'pg';
import { SERVER_URL_VAR, TEMPLATE_VAR } from './test-env';

export default async function globalTeardown(): Promise<void> {
  if (globalThis.__civicdeskEmbedded) {
    await globalThis.__civicdeskEmbedded.stop(); // deletes the temporary cluster
    return;
  }
  // On an external server, drop the template this run made.
  const url = new URL(process.env[SERVER_URL_VAR]!);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(process.env[TEMPLATE_VAR]!)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
