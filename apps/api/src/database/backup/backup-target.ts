import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../../config/app-config.js';
import { runningEmbeddedPostgres, startEmbeddedPostgres } from '../embedded-postgres.js';
import { BackupError } from './database-backup.js';

export interface BackupTarget {
  url: string;
  /** Where the database is, for the report (no password). */
  description: string;
  close(): Promise<void>;
}

/**
 * The app's database as the CLI reaches it: DATABASE_URL; else the embedded server that a running
 * CivicDesk holds (a backup may read it while the app runs); else the embedded server started for
 * the command and stopped after it. A restore refuses a running CivicDesk: it must not swap the
 * data under the app.
 */
export async function openBackupTarget(
  config: AppConfig,
  purpose: 'backup' | 'restore',
  log: (message: string) => void,
): Promise<BackupTarget> {
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    return { url: config.databaseUrl, description: `DATABASE_URL (${url.host}${url.pathname})`, close: () => Promise.resolve() };
  }
  const clusterDir = join(config.dataDir, 'postgres');
  const running = await runningEmbeddedPostgres(clusterDir);
  if (running) {
    if (purpose === 'restore') {
      throw new BackupError(
        `CivicDesk is running on the embedded database in ${clusterDir} (postgres pid ${running.pid}): stop it, then restore`,
      );
    }
    return {
      url: running.url,
      description: `the embedded database of the running CivicDesk (${clusterDir})`,
      close: () => Promise.resolve(),
    };
  }
  if (purpose === 'backup' && !existsSync(join(clusterDir, 'PG_VERSION'))) {
    throw new BackupError(
      `there is no embedded database in ${clusterDir} to back up (DATA_DIR=${config.dataDir}; or set DATABASE_URL)`,
    );
  }
  log(`starting the embedded PostgreSQL in ${clusterDir}…`);
  const embedded = await startEmbeddedPostgres({ dataDir: clusterDir, persistent: true });
  return { url: embedded.url, description: `the embedded database (${clusterDir})`, close: () => embedded.stop() };
}
