/**
 * What e2e/global-setup.ts expects from `@civicdesk/api/testing`:
 * `startE2eServer()` starts the real API on a free local port with a fresh database, the demo
 * city loaded and the built web app (apps/web/dist) served, and resolves once it answers.
 */
export interface E2eServer {
  /** Base URL, for example http://127.0.0.1:41234 */
  url: string;
  stop(): Promise<void>;
}

export interface ApiTestingModule {
  startE2eServer(options?: { timeoutMs?: number; env?: Record<string, string> }): Promise<E2eServer>;
}

/** Shared between global setup and global teardown, which Jest runs in the same context. */
export const SERVER_KEY = '__civicdeskE2eServer';

export type GlobalWithServer = typeof globalThis & { [SERVER_KEY]?: E2eServer };
