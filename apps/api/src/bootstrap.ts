import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from './app.factory.js';
import { SystemClock, type Clock } from './common/time/clock.js';
import { loadConfig, type AppConfig } from './config/app-config.js';
import { alignBuiltIns } from './database/built-ins.js';
import { openDatabase, type OpenDatabase } from './database/database.js';
import { DEMO_USERS, isFreshDatabase, loadDemoCity } from './database/seed/demo-city.js';

export interface RunningCivicDesk {
  config: AppConfig;
  app: NestFastifyApplication;
  database: OpenDatabase;
  url: string;
  /** True when this start loaded the demo city into a fresh database. */
  seeded: boolean;
  /** Demo sign-ins exist in this database. */
  hasDemoUsers: boolean;
  /**
   * Stops accepting connections at once, lets requests and job runs in progress finish (for the
   * grace period at most, then closes the connections left), closes the pool, then stops the
   * embedded PostgreSQL.
   */
  stop(): Promise<void>;
}

/**
 * Start-up in order: validated config (throws ConfigError naming each bad variable before
 * anything else happens), the database (embedded or DATABASE_URL), migrations, demo data on a
 * fresh database, then HTTP.
 */
export async function startCivicDesk(
  env: NodeJS.ProcessEnv,
  options: { clock?: Clock; log?: (message: string) => void; webDist?: string } = {},
): Promise<RunningCivicDesk> {
  const config = loadConfig(env);
  const log = options.log ?? (() => undefined);
  const clock = options.clock ?? new SystemClock();
  log(config.databaseUrl ? 'connecting to DATABASE_URL…' : `starting the embedded PostgreSQL in ${config.dataDir}…`);
  const database = await openDatabase(config, config.logLevel === 'debug' || config.logLevel === 'trace' ? log : () => undefined);
  try {
    if (database.applied.length) log(`applied migrations ${database.applied.join(', ')}`);
    await alignBuiltIns(database.dataSource, config);
    let seeded = false;
    if (config.demoData && (await isFreshDatabase(database.dataSource))) {
      const { years, scale } = config.demoHistory;
      log(`loading the demo city with ${years} year${years === 1 ? '' : 's'} of history…`);
      const started = performance.now();
      const city = await loadDemoCity(database.dataSource, clock, { historyYears: years, historyScale: scale });
      log(
        `demo city loaded in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
          `(${city.historyTickets} tickets of history in ${city.historySeconds.toFixed(1)} s)`,
      );
      seeded = true;
    }
    const [{ demo }] = await database.dataSource.query(`SELECT EXISTS (SELECT 1 FROM users WHERE email = $1) AS demo`, [
      DEMO_USERS[0]!.email,
    ]);
    const app = await createApp({
      config,
      dataSource: database.dataSource,
      clock,
      ...(options.webDist ? { webDist: options.webDist } : {}),
    });
    await app.listen({ port: config.port, host: config.host });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    let stopped: Promise<void> | undefined;
    return {
      config,
      app,
      database,
      url: config.port === 0 ? `http://127.0.0.1:${port}` : config.appUrl,
      seeded,
      hasDemoUsers: config.demoData && demo === true,
      stop() {
        stopped ??= (async () => {
          const server = app.getHttpServer();
          // Nest closes the listener only after its shutdown hooks (job runs may take a while):
          // new connections are refused from now on, while accepted ones are served to the end.
          server.close();
          const grace = config.shutdownGraceMs;
          log(`no longer accepting connections; finishing requests and job runs in progress (up to ${grace / 1000} s)…`);
          const deadline = setTimeout(() => {
            log('grace period over: closing the connections still open');
            server.closeAllConnections();
          }, grace);
          deadline.unref();
          try {
            await app.close();
          } finally {
            clearTimeout(deadline);
            await database.close();
          }
          log('stopped');
        })();
        return stopped;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
