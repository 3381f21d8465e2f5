import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/config/data-source.js';
import { runMigrationsOnce } from '../src/database/database.js';
import { MIGRATIONS } from '../src/database/migrations/index.js';
import { createTestDatabase } from './support/test-database.js';

describe('migrations', () => {
  let db: { url: string; drop(): Promise<void> };
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
    ds = createDataSource(db.url, { poolSize: 2 });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const tables = async (): Promise<string[]> =>
    (await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).map(
      (r: { tablename: string }) => r.tablename,
    );

  it('applies every migration to an empty database, reverts each, and applies them again', async () => {
    expect(await tables()).toEqual([]);
    expect(await ds.showMigrations()).toBe(true);
    const applied = await ds.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await tables()).toEqual(expect.arrayContaining(['departments', 'users', 'sessions', 'login_attempts', 'migrations']));
    expect(await ds.showMigrations()).toBe(false);

    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual(['migrations']);

    await ds.runMigrations({ transaction: 'each' });
    expect(await ds.showMigrations()).toBe(false);
  });

  it('applies migrations once when several instances start together', async () => {
    const other = await createTestDatabase({ empty: true });
    const instances = [1, 2, 3].map(() => createDataSource(other.url, { poolSize: 2 }));
    try {
      await Promise.all(instances.map((i) => i.initialize()));
      const applied = await Promise.all(instances.map((i) => runMigrationsOnce(i)));
      expect(applied.flat()).toEqual(MIGRATIONS.map((m) => m.name));
    } finally {
      await Promise.all(instances.map((i) => i.destroy()));
      await other.drop();
    }
  });

  it('leaves nothing for the entities to change: the migrations and the entities agree', async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('enforces case-insensitive unique e-mail addresses in the schema itself', async () => {
    await ds.query(`INSERT INTO users (email, name, role, password_hash) VALUES ('a@city.test', 'A', 'requester', 'x')`);
    await expect(
      ds.query(`INSERT INTO users (email, name, role, password_hash) VALUES ('a@city.test', 'B', 'requester', 'x')`),
    ).rejects.toThrow(/users_email_key/);
    // Upper-case never reaches the table: the service lower-cases, the schema insists.
    await expect(
      ds.query(`INSERT INTO users (email, name, role, password_hash) VALUES ('B@city.test', 'B', 'requester', 'x')`),
    ).rejects.toThrow(/users_email_check/);
  });
});
