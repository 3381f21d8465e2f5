import 'reflect-metadata';
import { startCivicDesk } from './bootstrap.js';
import { ConfigError } from './config/app-config.js';
import { DEMO_PASSWORD, DEMO_USERS } from './database/seed/demo-city.js';

const say = (message: string): void => void process.stdout.write(`${message}\n`);

async function main(): Promise<void> {
  const civicDesk = await startCivicDesk(process.env, { log: (m) => say(`CivicDesk: ${m}`) });
  const stop = async (signal: string): Promise<void> => {
    say(`CivicDesk: ${signal} received, stopping…`);
    // A job run or a pool that never lets go must not keep the process: past the grace period
    // (and a margin for closing the pool and PostgreSQL) it exits anyway, and PostgreSQL rolls
    // back any transaction left open.
    const grace = civicDesk.config.shutdownGraceMs;
    setTimeout(() => {
      say(`CivicDesk: not stopped ${grace / 1000 + 10} s after ${signal}; exiting`);
      process.exit(1);
    }, grace + 10_000).unref();
    try {
      await civicDesk.stop();
    } catch (error) {
      process.stderr.write(
        `CivicDesk: stopping failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    }
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  say(`\nCivicDesk is running at ${civicDesk.url}`);
  say(`API documentation: ${civicDesk.url}/api/docs`);
  if (civicDesk.hasDemoUsers) {
    say(`${civicDesk.seeded ? 'Demo city loaded. ' : ''}Demo sign-ins, all with the password "${DEMO_PASSWORD}":`);
    for (const u of DEMO_USERS) say(`  ${u.role.padEnd(10)} ${u.email}`);
  }
  say('Press Ctrl+C to stop.');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`CivicDesk refuses to start. ${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  process.stderr.write(`CivicDesk failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
