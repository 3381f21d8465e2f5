import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startCivicDesk } from '../src/bootstrap.js';
import { FixedClock } from '../src/common/time/clock.js';
import { loadConfig } from '../src/config/app-config.js';
import { openBackupTarget } from '../src/database/backup/backup-target.js';
import { backupDatabase, BackupError, restoreDatabase } from '../src/database/backup/database-backup.js';
import { DEMO_PASSWORD } from '../src/database/seed/demo-city.js';
import { ApiClient, TEST_SECRET } from './support/test-app.js';
import { createTestDatabase } from './support/test-database.js';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

/** Everything a restore must bring back, table by table, read straight from the catalogs. */
interface DatabaseSnapshot {
  tables: Record<string, { rows: number; hash: string }>;
  sequences: Record<string, string | null>;
  columns: string[];
  indexes: string[];
  constraints: string[];
  triggers: string[];
  migrations: string[];
}

async function snapshot(url: string): Promise<DatabaseSnapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tableNames } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const tables: DatabaseSnapshot['tables'] = {};
    for (const { name } of tableNames) {
      const table = client.escapeIdentifier(name);
      // Ordered by the row's text, so the hash does not depend on physical order or on a key.
      const {
        rows: [content],
      } = await client.query<{ rows: number; hash: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS hash FROM ${table} t`,
      );
      tables[name] = content!;
    }
    const { rows: sequences } = await client.query<{ name: string; value: string | null }>(
      `SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
    );
    const lines = async (sql: string): Promise<string[]> => (await client.query<{ line: string }>(sql)).rows.map((r) => r.line);
    return {
      tables,
      sequences: Object.fromEntries(sequences.map((s) => [s.name, s.value])),
      columns: await lines(
        `SELECT concat_ws(' ', table_name, column_name, data_type, is_nullable, column_default) AS line
           FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
      ),
      indexes: await lines(`SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`),
      // CHECK expressions and trigger conditions are kept as PostgreSQL re-prints them, which a
      // restore may parenthesise differently (nested ORs flattened): those compare by name and kind.
      constraints: await lines(
        `SELECT concat_ws(' ', conrelid::regclass, conname, contype, CASE WHEN contype <> 'c' THEN pg_get_constraintdef(c.oid) END) AS line
           FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' ORDER BY 1`,
      ),
      triggers: await lines(
        `SELECT concat_ws(' ', tgrelid::regclass, tgname, tgtype, tgfoid::regprocedure, tgenabled, CASE WHEN tgqual IS NOT NULL THEN 'when …' END) AS line
           FROM pg_trigger t WHERE NOT tgisinternal ORDER BY 1`,
      ),
      migrations: await lines(`SELECT name AS line FROM migrations ORDER BY id`),
    };
  } finally {
    await client.end();
  }
}

async function tableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

/** The enum types in the public schema with their labels. */
async function publicTypes(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ line: string }>(
      `SELECT t.typname || ' {' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) || '}' AS line
         FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
        WHERE n.nspname = 'public' GROUP BY t.typname ORDER BY 1`,
    );
    return rows.map((r) => r.line);
  } finally {
    await client.end();
  }
}

async function execute(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('backup and restore', () => {
  const databases: TestDatabase[] = [];
  let source: TestDatabase;
  let folder: string;
  let backupFile: string;
  let original: DatabaseSnapshot;

  const newDatabase = async (options: { empty?: boolean } = {}): Promise<TestDatabase> => {
    const database = await createTestDatabase(options);
    databases.push(database);
    return database;
  };

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'civicdesk-backup-test-'));
    source = await newDatabase({ empty: true });
    // The city as `npm start` makes it (migrations, demo city with a year of history through the
    // live rules: tickets with events, comments, work logs, expenses, SLA columns, maintenance),
    // plus what people leave behind: settings, sessions, sign-in attempts, a reply.
    const civicDesk = await startCivicDesk(
      {
        NODE_ENV: 'development',
        DATABASE_URL: source.url,
        SESSION_SECRET: TEST_SECRET,
        PORT: '0',
        HOST: '127.0.0.1',
        SCHEDULER_ENABLED: 'false',
        LOG_LEVEL: 'silent',
        DEMO_HISTORY_YEARS: '1',
        DEMO_HISTORY_SCALE: '0.05',
      },
      { webDist: '/nonexistent', clock: new FixedClock('2026-03-04T19:00:00Z') },
    );
    try {
      const tech = new ApiClient(civicDesk.url);
      await tech.login('tech@civicdesk.test', DEMO_PASSWORD);
      const admin = new ApiClient(civicDesk.url);
      await admin.login('admin@civicdesk.test', DEMO_PASSWORD);
      expect((await admin.patch('/api/settings', { fiscalYearStartMonth: 7, autoCloseResolvedAfterDays: 10 })).status).toBe(200);
      const officer = new ApiClient(civicDesk.url);
      await officer.login('officer@civicdesk.test', DEMO_PASSWORD);
      const failed = await new ApiClient(civicDesk.url).post('/api/auth/login', {
        email: 'tech@civicdesk.test',
        password: 'not the password at all',
      });
      expect(failed.status).toBe(401);
      const mine = await officer.get('/api/tickets?requesterId=me&limit=1');
      const reply = await officer.post(`/api/tickets/${mine.body.items[0].id}/comments`, {
        body: 'Still broken after the restart — and "quotes", a tab\there, ünïcode.',
      });
      expect(reply.status).toBe(201);
    } finally {
      await civicDesk.stop();
    }
    original = await snapshot(source.url);
    backupFile = join(folder, 'civicdesk.dump');
    await backupDatabase(source.url, backupFile);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(databases.map((d) => d.drop()));
    await rm(folder, { recursive: true, force: true });
  });

  it('brings back every table, row for row, with sequences, schema and the migrations table', async () => {
    // The data is what the test means it to be: a city with history and people's traces.
    const required = [
      'tickets',
      'ticket_events',
      'ticket_comments',
      'ticket_work_logs',
      'sla_policy_versions',
      'settings',
      'sessions',
      'login_attempts',
      'users',
      'migrations',
    ];
    expect(required.filter((table) => !(original.tables[table]?.rows ?? 0))).toEqual([]);
    expect(Object.keys(original.tables).length).toBeGreaterThan(20);
    expect(original.migrations.length).toBeGreaterThan(5);

    const target = await newDatabase({ empty: true });
    const result = await restoreDatabase(target.url, backupFile, { force: false });
    expect(result).toMatchObject({ tables: Object.keys(original.tables).length, replaced: false });

    const restored = await snapshot(target.url);
    expect(Object.keys(restored.tables)).toEqual(Object.keys(original.tables));
    for (const [table, content] of Object.entries(original.tables)) {
      expect({ table, ...restored.tables[table] }).toEqual({ table, ...content });
    }
    expect(restored.sequences).toEqual(original.sequences);
    expect(restored.migrations).toEqual(original.migrations);
    expect(restored.columns).toEqual(original.columns);
    expect(restored.indexes).toEqual(original.indexes);
    expect(restored.constraints).toEqual(original.constraints);
    expect(restored.triggers).toEqual(original.triggers);
  }, 120_000);

  it('refuses to restore over a database that holds data, and with force replaces all of it', async () => {
    const target = await newDatabase();
    await execute(target.url, `CREATE TABLE left_behind (id int); INSERT INTO left_behind VALUES (1)`);
    const before = await snapshot(target.url);

    await expect(restoreDatabase(target.url, backupFile, { force: false })).rejects.toThrow(/not empty \(\d+ tables\)/);
    expect(await snapshot(target.url)).toEqual(before);

    const result = await restoreDatabase(target.url, backupFile, { force: true });
    expect(result.replaced).toBe(true);
    const restored = await snapshot(target.url);
    // The table the backup does not have is gone too: the database is the backup's, exactly.
    expect(restored.tables).toEqual(original.tables);
    expect(restored.sequences).toEqual(original.sequences);
  }, 120_000);

  it('fails cleanly on a truncated or damaged backup and leaves the database as it was', async () => {
    const archive = await readFile(backupFile);
    // Cut in the table data, after the table of contents: pg_restore has begun writing rows.
    const truncated = join(folder, 'truncated.dump');
    await writeFile(truncated, archive.subarray(0, Math.floor(archive.length * 0.6)));
    const damaged = join(folder, 'damaged.dump');
    const flipped = Buffer.from(archive);
    for (let i = Math.floor(flipped.length * 0.5); i < Math.floor(flipped.length * 0.5) + 4096; i++)
      flipped[i] = flipped[i]! ^ 0xa5;
    await writeFile(damaged, flipped);
    const notABackup = join(folder, 'notes.txt');
    await writeFile(notABackup, 'PGDUMP? no: a shopping list\n');

    const empty = await newDatabase({ empty: true });
    const full = await newDatabase();
    const fullBefore = await snapshot(full.url);

    for (const file of [truncated, damaged]) {
      const failure = restoreDatabase(empty.url, file, { force: false });
      await expect(failure).rejects.toThrow(BackupError);
      await expect(failure).rejects.toThrow(/rolled back/);
      expect(await tableCount(empty.url)).toBe(0);

      await expect(restoreDatabase(full.url, file, { force: true })).rejects.toThrow(BackupError);
      expect(await snapshot(full.url)).toEqual(fullBefore);
    }
    // A statement that fails half-way through (a type of the same name already there): what ran
    // before it (other types) is rolled back too, and what was there stays as it was.
    await execute(empty.url, `CREATE TYPE work_class AS ENUM ('not', 'the', 'same')`);
    await expect(restoreDatabase(empty.url, backupFile, { force: false })).rejects.toThrow(/rolled back[\s\S]*work_class/);
    expect(await tableCount(empty.url)).toBe(0);
    expect(await publicTypes(empty.url)).toEqual(['work_class {not,the,same}']);
    await execute(empty.url, `DROP TYPE work_class`);

    await expect(restoreDatabase(empty.url, notABackup, { force: false })).rejects.toThrow(/not a CivicDesk backup/);
    await expect(restoreDatabase(empty.url, join(folder, 'missing.dump'), { force: false })).rejects.toThrow(/cannot read/);
    expect(await tableCount(empty.url)).toBe(0);
  }, 120_000);

  it('writes backups for their owner only, never over an existing one, and no partial file behind a failure', async () => {
    expect((await stat(backupFile)).mode & 0o777).toBe(0o600);
    await expect(backupDatabase(source.url, backupFile)).rejects.toThrow(/already exists/);
    const unreachable = new URL(source.url);
    unreachable.pathname = '/civicdesk_no_such_database';
    const file = join(folder, 'never.dump');
    await expect(backupDatabase(unreachable.toString(), file)).rejects.toThrow(/cannot connect/);
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
    await expect(readFile(`${file}.partial`)).rejects.toThrow(/ENOENT/);
  });
});

describe('the embedded database, as npm run backup and npm run restore reach it', () => {
  let dataDir: string;

  beforeAll(async () => {
    // Open to the unprivileged user the embedded server runs as (mkdtemp makes it 0700).
    dataDir = await mkdtemp(join(tmpdir(), 'civicdesk-embedded-backup-'));
    await chmod(dataDir, 0o755);
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('backs up while CivicDesk runs, refuses to restore under it, and restores after it stopped', async () => {
    const env = {
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      SESSION_SECRET: TEST_SECRET,
      PORT: '0',
      HOST: '127.0.0.1',
      SCHEDULER_ENABLED: 'false',
      LOG_LEVEL: 'silent',
      DEMO_HISTORY_YEARS: '0',
    };
    const config = loadConfig(env);
    const noLog = (): void => undefined;
    const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
    const file = join(dataDir, 'backups', 'while-running.dump');

    const civicDesk = await startCivicDesk(env, { webDist: '/nonexistent', clock: new FixedClock('2026-03-04T19:00:00Z') });
    let atBackup: DatabaseSnapshot;
    try {
      const appUrl = civicDesk.database.embedded!.url;
      const running = await openBackupTarget(config, 'backup', noLog);
      expect(running.description).toMatch(/running CivicDesk/);
      const result = await backupDatabase(running.url, file);
      await running.close();
      expect(result.tables).toBeGreaterThan(20);
      atBackup = await snapshot(appUrl);
      await execute(appUrl, `UPDATE users SET name = 'Renamed after the backup' WHERE email = 'tech@civicdesk.test'`);

      await expect(openBackupTarget(config, 'restore', noLog)).rejects.toThrow(/CivicDesk is running on the embedded database/);
      await expect(restoreDatabase(appUrl, file, { force: true })).rejects.toThrow(/CivicDesk is connected to this database/);
    } finally {
      await civicDesk.stop();
    }
    // Stopping CivicDesk stopped the PostgreSQL it had started.
    expect(existsSync(pidFile)).toBe(false);

    // As npm run restore -- --force: the command starts the embedded server, restores, stops it.
    const target = await openBackupTarget(config, 'restore', noLog);
    try {
      expect((await snapshot(target.url)).tables).not.toEqual(atBackup.tables);
      expect((await restoreDatabase(target.url, file, { force: true })).replaced).toBe(true);
      const restored = await snapshot(target.url);
      expect(restored.tables).toEqual(atBackup.tables);
      expect(restored.sequences).toEqual(atBackup.sequences);
    } finally {
      await target.close();
    }
    expect(existsSync(pidFile)).toBe(false);
  }, 240_000);
});
