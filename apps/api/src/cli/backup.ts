import 'reflect-metadata';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SystemClock } from '../common/time/clock.js';
import { loadConfig } from '../config/app-config.js';
import { openBackupTarget } from '../database/backup/backup-target.js';
import { backupDatabase, BackupError } from '../database/backup/database-backup.js';
import { ClientToolsError } from '../database/backup/pg-client-tools.js';
import { fail } from './cli-database.js';
import { count, formatBytes } from './cli-format.js';

const USAGE = `Backs up CivicDesk's database (DATABASE_URL, or the embedded one in DATA_DIR) with pg_dump,
as a custom-format archive. CivicDesk may keep running: pg_dump reads one consistent snapshot.

  npm run backup -- [--file path/to/civicdesk.dump]

--file   where to write it (never over an existing file); by default
         <DATA_DIR>/backups/civicdesk-<date and time, UTC>.dump

Restore it with npm run restore -- --file <backup>.`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { file: { type: 'string' }, help: { type: 'boolean', default: false } } });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (values.file !== undefined && !values.file.trim()) fail(`--file: a path is required\n\n${USAGE}`);

  const config = loadConfig();
  // 2026-03-02T14-05-09Z: sorts by time and is a valid file name everywhere.
  const stamp = new SystemClock()
    .now()
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  const file = values.file ? resolve(values.file) : join(config.dataDir, 'backups', `civicdesk-${stamp}.dump`);
  const target = await openBackupTarget(config, 'backup', (m) => process.stdout.write(`${m}\n`));
  try {
    process.stdout.write(`backing up ${target.description}…\n`);
    const result = await backupDatabase(target.url, file);
    process.stdout.write(
      `backed up ${count(result.tables, 'table')} (PostgreSQL ${result.serverVersion}, pg_dump ${result.toolsVersion}) ` +
        `to ${result.file}: ${formatBytes(result.bytes)} in ${result.seconds.toFixed(1)} s\n`,
    );
  } finally {
    await target.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof BackupError || error instanceof ClientToolsError) fail(`backup: ${error.message}`);
  fail(`backup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
});
