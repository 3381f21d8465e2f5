import 'reflect-metadata';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/app-config.js';
import { openBackupTarget } from '../database/backup/backup-target.js';
import { BackupError, restoreDatabase } from '../database/backup/database-backup.js';
import { ClientToolsError } from '../database/backup/pg-client-tools.js';
import { fail } from './cli-database.js';
import { count, formatBytes } from './cli-format.js';

const USAGE = `Restores a backup made by npm run backup into CivicDesk's database (DATABASE_URL, or the
embedded one in DATA_DIR). Stop CivicDesk first.

  npm run restore -- --file path/to/civicdesk.dump [--force]

--file    the backup to restore
--force   replace a database that holds data (every CivicDesk table is dropped first);
          without it, restore only fills an empty database. --clean means the same.

The restore is one transaction: if anything fails (a damaged file, an error, an interruption),
nothing is changed.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      force: { type: 'boolean', default: false },
      clean: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (!values.file?.trim()) fail(`--file: the backup to restore is required\n\n${USAGE}`);

  const config = loadConfig();
  const target = await openBackupTarget(config, 'restore', (m) => process.stdout.write(`${m}\n`));
  try {
    process.stdout.write(`restoring ${resolve(values.file)} into ${target.description}…\n`);
    const result = await restoreDatabase(target.url, resolve(values.file), { force: values.force || values.clean });
    process.stdout.write(
      `restored ${count(result.tables, 'table')} (${formatBytes(result.bytes)} backup, PostgreSQL ${result.serverVersion}, ` +
        `pg_restore ${result.toolsVersion})${result.replaced ? ', replacing what the database held,' : ''} ` +
        `in ${result.seconds.toFixed(1)} s. Start CivicDesk: it applies any newer migrations.\n`,
    );
  } finally {
    await target.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof BackupError || error instanceof ClientToolsError) fail(`restore: ${error.message}`);
  fail(`restore failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
});
