import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../config/app-config.js';
import { createDataSource } from '../config/data-source.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { fail } from './cli-database.js';

const USAGE = `Database tasks on DATABASE_URL, or on the embedded PostgreSQL when it is unset.

  npm run db -w @civicdesk/api -- migrate         apply pending migrations
  npm run db -w @civicdesk/api -- revert          undo the last migration
  npm run db -w @civicdesk/api -- show            list migrations and whether each is applied
  npm run db -w @civicdesk/api -- generate Name   write the SQL that brings the schema to the entities
                                                  into src/database/migrations/<timestamp>-Name.ts`;

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  if (!command || !['migrate', 'revert', 'show', 'generate'].includes(command)) fail(USAGE);
  if (command === 'generate' && !/^[A-Z][A-Za-z0-9]+$/.test(name ?? ''))
    fail('generate needs a PascalCase name, e.g. AddTickets');

  const config = loadConfig();
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: join(config.dataDir, 'postgres'), persistent: true });
  const dataSource = createDataSource(config.databaseUrl ?? embedded!.url, { poolSize: 2 });
  await dataSource.initialize();
  try {
    switch (command) {
      case 'migrate': {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        process.stdout.write(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}\n` : 'nothing to apply\n');
        break;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        process.stdout.write('reverted the last migration\n');
        break;
      case 'show': {
        const done = new Set((await dataSource.query(`SELECT name FROM migrations`)).map((r: { name: string }) => r.name));
        for (const m of dataSource.migrations) process.stdout.write(`${done.has(m.name) ? '[x]' : '[ ]'} ${m.name}\n`);
        break;
      }
      case 'generate': {
        const sql = await dataSource.driver.createSchemaBuilder().log();
        if (sql.upQueries.length === 0) {
          process.stdout.write('the schema matches the entities: nothing to generate\n');
          break;
        }
        const timestamp = Date.now();
        const className = `${name}${timestamp}`;
        const lines = (queries: { query: string }[]): string =>
          queries.map((q) => `    await q.query(${JSON.stringify(q.query)});`).join('\n');
        const file = join(PROJECT_ROOT, 'apps/api/src/database/migrations', `${timestamp}-${name}.ts`);
        writeFileSync(
          file,
          `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\n` +
            `export class ${className} implements MigrationInterface {\n  name = '${className}';\n\n` +
            `  async up(q: QueryRunner): Promise<void> {\n${lines(sql.upQueries)}\n  }\n\n` +
            `  async down(q: QueryRunner): Promise<void> {\n${lines([...sql.downQueries].reverse())}\n  }\n}\n`,
        );
        process.stdout.write(`wrote ${file}\nRead it, then add ${className} to src/database/migrations/index.ts.\n`);
        break;
      }
    }
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
