import type { AppConfig } from '../config/app-config.js';
import { openDatabase, type OpenDatabase } from '../database/database.js';

/** Command-line tools use the same database start-up as the app: DATABASE_URL, or the embedded server. */
export function openCliDatabase(config: AppConfig): Promise<OpenDatabase> {
  return openDatabase(config, () => undefined);
}

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
