import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { chmod, mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import pg from 'pg';
import { findClientTools, type PgClientTools } from './pg-client-tools.js';

/** A refusal or failure to tell the person as it is (no stack trace). */
export class BackupError extends Error {}

export interface BackupResult {
  file: string;
  bytes: number;
  tables: number;
  seconds: number;
  serverVersion: string;
  toolsVersion: string;
}

export interface RestoreResult {
  file: string;
  bytes: number;
  tables: number;
  seconds: number;
  /** The database held tables that the restore replaced (--force). */
  replaced: boolean;
  serverVersion: string;
  toolsVersion: string;
}

/** What the app's own connections call themselves in pg_stat_activity (see config/data-source.ts). */
const APP_SESSION_NAMES = ['civicdesk', 'civicdesk-replica'];
const TOOL_SESSION_NAME = 'civicdesk-backup';

/**
 * Writes a custom-format (`pg_dump -Fc`) archive of the database at `url` to `file`. pg_dump
 * reads one consistent snapshot, so the app may keep running. The archive is written under a
 * temporary name and renamed when complete: a failed backup never leaves a file that looks whole.
 */
export async function backupDatabase(url: string, file: string): Promise<BackupResult> {
  const started = performance.now();
  if (existsSync(file)) throw new BackupError(`--file: ${file} already exists; a backup never overwrites one`);
  const server = await inspectServer(url);
  const tools = await findClientTools(server.major);
  // A backup holds password hashes and personal data: readable by its owner only.
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial`;
  try {
    // Made before pg_dump opens it (it keeps an existing file's mode), so it is never readable by others.
    await writeFile(partial, '', { mode: 0o600 });
    await chmod(partial, 0o600);
    const dump = await runTool(
      tools.pgDump,
      ['--format=custom', `--file=${partial}`, '--no-password', '--lock-wait-timeout=60s', `--dbname=${withoutPassword(url)}`],
      url,
    );
    if (dump.code !== 0) throw new BackupError(`pg_dump failed: ${dump.stderr.trim() || `exit code ${dump.code}`}`);
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
  return {
    file,
    bytes: (await stat(file)).size,
    tables: server.tables,
    seconds: (performance.now() - started) / 1000,
    serverVersion: server.version,
    toolsVersion: tools.version,
  };
}

/**
 * Restores a custom-format archive into the database at `url`, all or nothing.
 *
 * One psql session runs one transaction: `BEGIN`, with `force` the dropping of the `public`
 * schema (every CivicDesk table, also ones the archive does not have), the archive's SQL as
 * pg_restore writes it, and `COMMIT` only once pg_restore has read the whole archive without an
 * error and psql has run every statement (ON_ERROR_STOP). A truncated or corrupt file, an error
 * in the SQL, a full disk or a killed process end the session before COMMIT, and PostgreSQL rolls
 * the transaction back: the database is as it was. (pg_restore's own --single-transaction could
 * not take the drop into its transaction; a fresh database and a rename would need CREATEDB.)
 * Objects are created owned by the restoring user (--no-owner, --no-privileges), so a backup of
 * the embedded database restores into an external one and back (same or newer major version).
 */
export async function restoreDatabase(url: string, file: string, options: { force: boolean }): Promise<RestoreResult> {
  const started = performance.now();
  const bytes = await archiveSize(file);
  const server = await inspectServer(url);
  if (server.appSessions > 0) {
    throw new BackupError(
      `CivicDesk is connected to this database (${server.appSessions} session${server.appSessions === 1 ? '' : 's'}): ` +
        `stop every instance before restoring`,
    );
  }
  const tools = await findClientTools(server.major);
  const contents = await listArchive(tools, file);
  if (server.tables > 0 && !options.force) {
    throw new BackupError(
      `the database is not empty (${server.tables} tables): restore refuses to overwrite it. ` +
        `Pass --force to replace everything in it with the backup (in one transaction)`,
    );
  }

  const replace = server.tables > 0;
  const psql = spawnTool(
    tools.psql,
    ['--no-psqlrc', '--quiet', '--no-password', '--set=ON_ERROR_STOP=1', `--dbname=${withoutPassword(url)}`],
    url,
  );
  const restore = spawnTool(tools.pgRestore, ['--file=-', '--no-owner', '--no-privileges', '--exit-on-error', file], url);
  restore.child.stdin.end();
  // psql stops reading when a statement fails; pg_restore then fails on the closed pipe.
  psql.child.stdin.on('error', () => undefined);
  psql.child.stdin.write(
    replace
      ? 'BEGIN;\nDROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n' +
          // PostgreSQL 15's defaults for the public schema.
          'ALTER SCHEMA public OWNER TO pg_database_owner;\nGRANT USAGE ON SCHEMA public TO PUBLIC;\n'
      : 'BEGIN;\n',
  );
  restore.child.stdout.pipe(psql.child.stdin, { end: false });
  // A failed statement ends psql; pg_restore would then wait forever on a pipe no one reads.
  void psql.exited.then(() => {
    if (restore.child.exitCode === null && restore.child.signalCode === null) restore.child.kill('SIGTERM');
  });
  const restored = await restore.exited;
  // Without COMMIT, the end of psql's input ends the session and PostgreSQL rolls back.
  psql.child.stdin.end(restored.code === 0 ? 'COMMIT;\n' : undefined);
  const applied = await psql.exited;
  if (restored.code !== 0 || applied.code !== 0) {
    const reason = [restored.stderr, applied.stderr]
      .map((s) => s.trim())
      .filter(Boolean)
      .join('\n');
    throw new BackupError(`restore failed and was rolled back; the database is unchanged.\n${reason}`);
  }
  return {
    file,
    bytes,
    tables: contents.tables,
    seconds: (performance.now() - started) / 1000,
    replaced: replace,
    serverVersion: server.version,
    toolsVersion: tools.version,
  };
}

interface ServerFacts {
  version: string;
  major: number;
  /** Tables in the database's own schemas. */
  tables: number;
  /** Connections of a running CivicDesk to this database. */
  appSessions: number;
}

async function inspectServer(url: string): Promise<ServerFacts> {
  const client = new pg.Client({ connectionString: url, application_name: TOOL_SESSION_NAME, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`cannot connect to the database: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const {
      rows: [facts],
    } = await client.query<{ version: string; version_num: number; tables: number; app_sessions: number }>(
      `SELECT current_setting('server_version') AS version,
              current_setting('server_version_num')::int AS version_num,
              (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%') AS tables,
              (SELECT count(*)::int FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = ANY($1)) AS app_sessions`,
      [APP_SESSION_NAMES],
    );
    return {
      version: facts!.version.split(' ')[0]!,
      major: Math.floor(facts!.version_num / 10000),
      tables: facts!.tables,
      appSessions: facts!.app_sessions,
    };
  } finally {
    await client.end();
  }
}

/** Size of a readable custom-format archive ("PGDMP" header), or a refusal naming the problem. */
async function archiveSize(file: string): Promise<number> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    throw new BackupError(`--file: cannot read ${file}`);
  }
  try {
    const header = Buffer.alloc(5);
    await handle.read(header, 0, 5, 0);
    if (header.toString('latin1') !== 'PGDMP') {
      throw new BackupError(`--file: ${file} is not a CivicDesk backup (a pg_dump custom-format archive)`);
    }
    return (await handle.stat()).size;
  } finally {
    await handle.close();
  }
}

/**
 * The archive's table of contents: a file whose header or contents list is damaged fails here,
 * before the database is touched. Large objects are refused: pg_restore wraps them in a
 * transaction of their own, which would commit the restore half-way (CivicDesk makes none).
 */
async function listArchive(tools: PgClientTools, file: string): Promise<{ tables: number }> {
  const listed = await runTool(tools.pgRestore, ['--list', file]);
  if (listed.code !== 0) throw new BackupError(`--file: ${file} cannot be read: ${listed.stderr.trim()}`);
  const entries = listed.stdout.split('\n').filter((line) => /^\d+;/.test(line));
  if (entries.some((line) => /\s(BLOBS?|LARGE OBJECTS?)\s/.test(line))) {
    throw new BackupError(`--file: ${file} holds large objects, which CivicDesk backups never do: it is not a CivicDesk backup`);
  }
  return { tables: entries.filter((line) => /^\d+; \d+ \d+ TABLE (?!DATA )\S+ /.test(line)).length };
}

/** The URL for a tool's --dbname: without the password, which goes in PGPASSWORD instead. */
function withoutPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
}

/**
 * The tool's environment: this process's (PATH, locale, PGSSL* settings the operator chose) plus
 * the password from the URL, so it appears neither on a command line nor in a log.
 */
function toolEnv(url: string | undefined): NodeJS.ProcessEnv {
  const password = url ? decodeURIComponent(new URL(url).password) : '';
  return { ...process.env, PGAPPNAME: TOOL_SESSION_NAME, ...(password ? { PGPASSWORD: password } : {}) };
}

function spawnTool(command: string, args: string[], url?: string) {
  const child = spawn(command, args, { env: toolEnv(url), stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    // Enough to explain a failure; a long run of warnings is cut.
    if (stderr.length < 20_000) stderr += chunk;
  });
  const exited = (async () => {
    const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
    return { code: code ?? (signal ? 128 : 1), stderr: signal ? `${stderr}\n${command} ended by ${signal}` : stderr };
  })();
  // A tool that cannot start rejects `exited`; whoever awaits it sees that, later or not at all.
  exited.catch(() => undefined);
  return { child, exited };
}

async function runTool(command: string, args: string[], url?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const { child, exited } = spawnTool(command, args, url);
  child.stdin.end();
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const { code, stderr } = await exited;
  return { code, stdout, stderr };
}
