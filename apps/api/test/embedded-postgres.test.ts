import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';

describe(startEmbeddedPostgres.name, () => {
  const parent = mkdtempSync(join(tmpdir(), 'civicdesk-embedded-'));
  chmodSync(parent, 0o755);
  const dataDir = join(parent, 'postgres');
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  const query = async (url: string, sql: string): Promise<unknown[]> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };

  it('initialises a real PostgreSQL once, keeps its data across restarts, and stops cleanly', async () => {
    const first = await startEmbeddedPostgres({ dataDir, persistent: true });
    await query(first.url, `CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')`);
    expect(await query(first.url, `SELECT current_setting('listen_addresses') AS listen`)).toEqual([{ listen: '127.0.0.1' }]);
    await first.stop();
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
    if (userInfo().uid === 0) expect(statSync(dataDir).uid).not.toBe(0); // run as an unprivileged user

    const second = await startEmbeddedPostgres({ dataDir, persistent: true });
    try {
      expect(await query(second.url, `SELECT value FROM kept`)).toEqual([{ value: 'still here' }]);
    } finally {
      await second.stop();
    }
  });

  it('explains plainly when the data folder cannot be reached by the unprivileged user', async () => {
    if (userInfo().uid !== 0) return; // only root hands the cluster to another user; CI runs as root
    const closed = mkdtempSync(join(tmpdir(), 'civicdesk-closed-')); // mode 0700
    try {
      await expect(startEmbeddedPostgres({ dataDir: join(closed, 'postgres'), persistent: false })).rejects.toThrow(
        /cannot enter .*civicdesk-closed-.*DATABASE_URL/s,
      );
    } finally {
      rmSync(closed, { recursive: true, force: true });
    }
  });
});
