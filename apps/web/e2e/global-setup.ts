import { SERVER_KEY, type ApiTestingModule, type GlobalWithServer } from './e2e-server';

const API_TESTING_MODULE = '@civicdesk/api/testing';

/**
 * The scheduled jobs run, as they do under `npm start`: the SLA escalation sweep's catch-up run
 * fires the demo tickets' overdue levels about a second after start (sla.e2e.ts waits for them).
 */
const WITH_SCHEDULER = { SCHEDULER_ENABLED: 'true' };

/**
 * Starts CivicDesk for the browser tests and hands its URL to them in E2E_BASE_URL.
 * With E2E_BASE_URL already set, the tests run against that server instead.
 */
// Jest needs a default export here.
export default async function globalSetup(): Promise<void> {
  if (process.env.E2E_BASE_URL) return;
  // A native import() (see jest.e2e.config.js): the API is ES modules, built by `npm run build`
  // before test:e2e. The specifier is a constant so this type-checks before the API exports it.
  const { startE2eServer } = (await import(API_TESTING_MODULE)) as ApiTestingModule;
  const server = await startE2eServer({ env: WITH_SCHEDULER });
  (globalThis as GlobalWithServer)[SERVER_KEY] = server;
  process.env.E2E_BASE_URL = server.url;
}
