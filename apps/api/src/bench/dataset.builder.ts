import pg from 'pg';
import { PasswordHasher } from '../common/security/password-hasher.js';
import { createDataSource } from '../config/data-source.js';
import { runMigrationsOnce } from '../database/database.js';
import { databaseExists, recreateDatabase, withClient, type BenchServer } from './bench-server.js';
import { CHECK_OFFICE_WINDOWS, CREATE_BUSINESS_TABLES, INDEX_BUSINESS_TABLES } from './business-minutes.sql.js';
import { scheduleMaintenancePlans, storeOpenClocks, verifyStoredClocks } from './dataset-app-rules.js';
import { writeLookups } from './dataset-lookups.js';
import { writeReferenceData } from './dataset-reference.js';
import { BENCH_PASSWORD, DATASET_VERSION, datasetShape, type DatasetShape } from './dataset-shape.js';
import { DESCRIPTIONS, historyStatements, loadStatements, TITLES, VENDORS, type BuildStatement } from './ticket-history.sql.js';

/** What a built (or reused) dataset is, as recorded in its marker row. */
export interface DatasetInfo {
  databaseName: string;
  databaseUrl: string;
  scale: number;
  version: number;
  /** "Now" of the data: open tickets' clocks were stored as of this instant. */
  t0: string;
  builtAt: string;
  buildSeconds: number;
  /** Seconds per build step, in order. */
  steps: { name: string; seconds: number }[];
  counts: Record<string, number>;
  reused: boolean;
}

export interface BuildOptions {
  scale: number;
  databaseName: string;
  rebuild: boolean;
  /** Tickets whose SQL-written clocks are replayed with the app's clock as a check. */
  verifySample: number;
  log: (message: string) => void;
}

/** Big tables whose indexes and foreign keys are dropped during the load and built again after it. */
const LOADED_TABLES = [
  'tickets',
  'ticket_events',
  'ticket_comments',
  'ticket_work_logs',
  'ticket_expenses',
  'maintenance_occurrences',
];

const SESSION_SETTINGS = '-c work_mem=256MB -c maintenance_work_mem=1GB -c synchronous_commit=off -c jit=off';

/**
 * Builds the benchmark database for a scale, or reuses it when a complete dataset of the same
 * scale and generator version is there. The time of each step is logged and recorded.
 */
export async function buildDataset(server: BenchServer, options: BuildOptions): Promise<DatasetInfo> {
  const { databaseName, log } = options;
  const databaseUrl = server.urlOf(databaseName);
  if (!options.rebuild && (await databaseExists(server, databaseName))) {
    const found = await readMarker(databaseUrl);
    if (found && found.version === DATASET_VERSION && found.scale === options.scale) {
      log(
        `reusing ${databaseName}: ${found.scale.toLocaleString('en-US')} tickets built ${found.builtAt} (--rebuild to make it again)`,
      );
      return { ...found, databaseName, databaseUrl, reused: true };
    }
    log(`${databaseName} holds no complete dataset of this scale and version; building it again`);
  }

  const shape = datasetShape(options.scale);
  const steps: { name: string; seconds: number }[] = [];
  const started = performance.now();
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const at = performance.now();
    const result = await work();
    const seconds = (performance.now() - at) / 1000;
    steps.push({ name, seconds: round(seconds) });
    log(`  ${name.padEnd(58, '.')} ${seconds.toFixed(1).padStart(7)} s`);
    return result;
  };

  log(`building ${databaseName}: ${shape.tickets.toLocaleString('en-US')} tickets over ${shape.years} years`);
  await step('create the database', () => recreateDatabase(server, databaseName));
  const dataSource = createDataSource(databaseUrl, { poolSize: 2, applicationName: 'civicdesk-bench-data' });
  await dataSource.initialize();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, options: SESSION_SETTINGS });
  try {
    await step('migrations', () => runMigrationsOnce(dataSource));
    const t0 = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const [office]: { tz: string }[] = await dataSource.query(
      `SELECT time_zone AS tz FROM calendars WHERE system_key = 'city_office_hours'`,
    );
    const tz = office!.tz;
    const passwordHash = await new PasswordHasher().hash(BENCH_PASSWORD);

    await withPoolClient(pool, async (db) => {
      await db.query('CREATE SCHEMA bench');
      await step('people, queues, policies, rates, devices', () => writeReferenceData(db, shape, t0, passwordHash));
      await step('lookups and maintenance plans', () => writeLookups(db, shape, t0, tz));
      await step('business-minute tables', async () => {
        const { rows } = await db.query<{ windows: string; days: string; lengths: string }>(CHECK_OFFICE_WINDOWS);
        if (rows[0]!.windows !== rows[0]!.days || rows[0]!.lengths !== '1') {
          throw new Error('the generator needs one office window per working day, all of the same length');
        }
        await db.query(CREATE_BUSINESS_TABLES);
        for (const sql of INDEX_BUSINESS_TABLES) await db.query(sql);
        const lengths = await db.query(`SELECT DISTINCT len FROM bench.days WHERE len > 0`);
        if (lengths.rowCount !== 1) throw new Error('office days of different lengths (a window across a DST change?)');
        await db.query(
          `UPDATE bench.params p SET
             t0_rank_247 = (floor(extract(epoch FROM p.t0) / 60)::bigint - p.base_min)::int,
             t0_rank_office = (SELECT d.cum_before + CASE WHEN d.len = 0 THEN 0
                                      ELSE least(greatest(floor(extract(epoch FROM (p.t0 - d.open_at)) / 60)::int, 0), d.len) END
                                 FROM bench.days d WHERE d.day = (p.t0 AT TIME ZONE p.tz)::date)`,
        );
      });
    });

    const constraints = await withPoolClient(pool, (db) => dropLoadIndexes(db));
    const statements = historyStatements({
      requestTickets: shape.requestTickets,
      openShare: shape.openShare,
      assetsPerDepartment: shape.assetsPerDepartment,
    });
    for (const s of statements) {
      const params = s.name.includes('incidents and requests') ? [TITLES.incident, TITLES.service_request, DESCRIPTIONS] : [];
      await step(s.name, () => runStatement(pool, s, params, shape.tickets));
    }
    await withPoolClient(pool, async (db) => {
      const { rows: gaps } = await db.query<{ logs: number; priced: number }>(
        `SELECT (SELECT count(*) FROM bench.ev WHERE type = 'work_logged')::int AS logs, (SELECT count(*) FROM bench.cost)::int AS priced`,
      );
      if (gaps[0]!.logs !== gaps[0]!.priced) throw new Error(`${gaps[0]!.logs - gaps[0]!.priced} work logs found no hourly rate`);
    });
    for (const s of loadStatements()) {
      await step(`load ${s.name}`, () => runStatement(pool, s, s.name === 'expenses' ? [VENDORS] : [], shape.tickets));
    }
    await step('indexes and foreign keys', () => restoreLoadIndexes(pool, constraints));
    // Vacuumed as a long-lived database would be: statistics, and visibility maps for index-only scans.
    await step('VACUUM ANALYZE', () => vacuum(pool));
    const open = await step('open tickets: clocks stored by the app', () => storeOpenClocks(dataSource, t0));
    await step('maintenance plans: next runs by the app', () => scheduleMaintenancePlans(dataSource, t0));
    const verified = await step('check stored clocks against the app', () =>
      verifyStoredClocks(dataSource, t0, options.verifySample),
    );
    log(`  ${verified} resolved, closed and canceled tickets' clocks match the app's; ${open.tickets} open tickets clocked`);

    const counts = await withPoolClient(pool, (db) => countRows(db));
    await withPoolClient(pool, async (db) => {
      await db.query(
        `DROP TABLE bench.t1, bench.t2, bench.t3, bench.t4a, bench.t4, bench.numbered, bench.ev, bench.cost, bench.totals,
                    bench.days, bench.open_day, bench.policy_match`,
      );
    });
    const info: DatasetInfo = {
      databaseName,
      databaseUrl,
      scale: shape.scale,
      version: DATASET_VERSION,
      t0: t0.toISOString(),
      builtAt: new Date().toISOString(),
      buildSeconds: round((performance.now() - started) / 1000),
      steps,
      counts: { ...counts, openTickets: open.tickets, passedEscalations: open.passedLevels, verifiedClocks: verified },
      reused: false,
    };
    await writeMarker(pool, info, shape);
    log(`built ${databaseName} in ${info.buildSeconds.toFixed(1)} s`);
    return info;
  } finally {
    await pool.end();
    await dataSource.destroy();
  }
}

/** Tickets per range of a chunked step. */
const CHUNK = 100_000;

/** Runs a build step: as one statement, split in two halves running at once, or in ranges (see BuildStatement). */
async function runStatement(pool: pg.Pool, statement: BuildStatement, params: unknown[], tickets: number): Promise<void> {
  const part = (condition: (column: string) => string) =>
    statement.sql.replace(/\{\{part(?::([^}]+))?\}\}/g, (_, column: string | undefined) =>
      condition(column ?? statement.split ?? ''),
    );
  for (const sql of statement.before ?? []) await pool.query(sql);
  if (!statement.split) {
    await pool.query(statement.table ? `CREATE UNLOGGED TABLE ${statement.table} AS ${statement.sql}` : statement.sql, params);
  } else {
    if (statement.table) {
      await pool.query(`CREATE UNLOGGED TABLE ${statement.table} AS ${part(() => 'false')} WITH NO DATA`, params);
    }
    const insert = statement.table ? `INSERT INTO ${statement.table} ` : '';
    const parts: ((column: string) => string)[] = statement.chunked
      ? Array.from(
          { length: Math.ceil(tickets / CHUNK) },
          (_, k) => (column: string) => `(${column} BETWEEN ${k * CHUNK + 1} AND ${(k + 1) * CHUNK})`,
        )
      : [0, 1].map((k) => (column: string) => `(${column} % 2 = ${k})`);
    await Promise.all(
      [0, 1].map(async () => {
        for (let next = parts.shift(); next !== undefined; next = parts.shift())
          await pool.query(`${insert}${part(next)}`, params);
      }),
    );
  }
  // The next statements join on this table: the planner needs its size and value spread.
  if (statement.table) await pool.query(`ANALYZE ${statement.table}`);
}

async function withPoolClient<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

interface SavedConstraints {
  /** PRIMARY KEY and UNIQUE constraints: ALTER TABLE … ADD CONSTRAINT …, first. */
  keys: string[];
  /** Plain indexes. */
  indexes: string[];
  /** Foreign keys (to and from the loaded tables), last. */
  foreignKeys: string[];
}

/**
 * Drops the loaded tables' indexes and keys (and the foreign keys pointing at them), keeping their
 * exact definitions to build them again: a bulk load followed by one index build is several times
 * faster than maintaining a dozen indexes row by row.
 */
async function dropLoadIndexes(db: pg.PoolClient): Promise<SavedConstraints> {
  const { rows: cons } = await db.query<{ tbl: string; name: string; def: string; contype: string }>(
    `SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS def, c.contype
       FROM pg_constraint c
      WHERE c.contype IN ('p', 'u', 'f')
        AND (c.conrelid = ANY ($1::regclass[]) OR (c.contype = 'f' AND c.confrelid = ANY ($1::regclass[])))`,
    [LOADED_TABLES],
  );
  const { rows: idx } = await db.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
      WHERE i.indrelid = ANY ($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u'))`,
    [LOADED_TABLES],
  );
  const add = (c: { tbl: string; name: string; def: string }) => `ALTER TABLE ${c.tbl} ADD CONSTRAINT ${c.name} ${c.def}`;
  const saved: SavedConstraints = {
    keys: cons.filter((c) => c.contype !== 'f').map(add),
    indexes: idx.map((i) => i.def),
    foreignKeys: cons.filter((c) => c.contype === 'f').map(add),
  };
  for (const c of cons.filter((x) => x.contype === 'f')) await db.query(`ALTER TABLE ${c.tbl} DROP CONSTRAINT ${c.name}`);
  for (const c of cons.filter((x) => x.contype !== 'f')) await db.query(`ALTER TABLE ${c.tbl} DROP CONSTRAINT ${c.name}`);
  for (const i of idx) await db.query(`DROP INDEX ${i.name}`);
  return saved;
}

/** Builds the keys, then the indexes, then the foreign keys again, two statements at a time (one per core). */
async function restoreLoadIndexes(pool: pg.Pool, saved: SavedConstraints): Promise<void> {
  for (const group of [saved.keys, saved.indexes, saved.foreignKeys]) {
    const queue = [...group];
    await Promise.all(
      [0, 1].map(() =>
        withPoolClient(pool, async (db) => {
          for (let sql = queue.shift(); sql !== undefined; sql = queue.shift()) await db.query(sql);
        }),
      ),
    );
  }
}

/** VACUUM ANALYZE of the loaded tables and the rest, two tables at a time. */
async function vacuum(pool: pg.Pool): Promise<void> {
  const queue = [
    ...LOADED_TABLES,
    'users',
    'assets',
    'sla_escalations',
    'maintenance_plans',
    'queues',
    'queue_members',
    'departments',
  ];
  await Promise.all(
    [0, 1].map(() =>
      withPoolClient(pool, async (db) => {
        for (let table = queue.shift(); table !== undefined; table = queue.shift()) await db.query(`VACUUM (ANALYZE) ${table}`);
      }),
    ),
  );
}

async function countRows(db: pg.PoolClient): Promise<Record<string, number>> {
  const { rows } = await db.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM tickets)::int AS tickets,
            (SELECT count(*) FROM tickets WHERE status IN ('new', 'assigned', 'in_progress', 'waiting_on_requester', 'waiting_on_vendor'))::int AS open,
            (SELECT count(*) FROM ticket_events)::int AS events,
            (SELECT count(*) FROM ticket_comments)::int AS comments,
            (SELECT count(*) FROM ticket_work_logs)::int AS "workLogs",
            (SELECT count(*) FROM ticket_expenses)::int AS expenses,
            (SELECT count(*) FROM users)::int AS users,
            (SELECT count(*) FROM departments)::int AS departments,
            (SELECT count(*) FROM queues)::int AS queues,
            (SELECT count(*) FROM assets)::int AS assets,
            (SELECT count(*) FROM maintenance_plans)::int AS "maintenancePlans"`,
  );
  return rows[0]!;
}

const MARKER_TABLE = `CREATE TABLE IF NOT EXISTS bench.dataset (
  version integer NOT NULL, scale integer NOT NULL, t0 timestamptz NOT NULL, built_at timestamptz NOT NULL,
  build_seconds numeric NOT NULL, steps jsonb NOT NULL, counts jsonb NOT NULL, shape jsonb NOT NULL)`;

async function writeMarker(pool: pg.Pool, info: DatasetInfo, shape: DatasetShape): Promise<void> {
  await withPoolClient(pool, async (db) => {
    await db.query(MARKER_TABLE);
    await db.query(
      `INSERT INTO bench.dataset (version, scale, t0, built_at, build_seconds, steps, counts, shape)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        info.version,
        info.scale,
        info.t0,
        info.builtAt,
        info.buildSeconds,
        JSON.stringify(info.steps),
        JSON.stringify(info.counts),
        JSON.stringify(shape),
      ],
    );
  });
}

/** The marker of a complete dataset, or null (no marker: the build did not finish). */
export async function readMarker(
  databaseUrl: string,
): Promise<Omit<DatasetInfo, 'databaseName' | 'databaseUrl' | 'reused'> | null> {
  return withClient(databaseUrl, async (client) => {
    const { rows: exists } = await client.query(`SELECT to_regclass('bench.dataset') IS NOT NULL AS found`);
    if (!exists[0]?.found) return null;
    const { rows } = await client.query(
      `SELECT version, scale, t0, built_at, build_seconds, steps, counts FROM bench.dataset ORDER BY built_at DESC LIMIT 1`,
    );
    const row = rows[0];
    if (!row) return null;
    return {
      version: row.version,
      scale: row.scale,
      t0: new Date(row.t0).toISOString(),
      builtAt: new Date(row.built_at).toISOString(),
      buildSeconds: Number(row.build_seconds),
      steps: row.steps,
      counts: row.counts,
    };
  });
}

const round = (n: number): number => Math.round(n * 100) / 100;
