import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource, Logger, QueryRunner, ReplicationMode } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { FixedClock } from '../../src/common/time/clock.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { createDataSource } from '../../src/config/data-source.js';
import { createTestDatabase } from './test-database.js';

export const TEST_SECRET = 'test-session-secret-that-is-long-enough-0123456789';

/** Counts the SQL statements the app sends (for "statements per request do not grow with page size"). */
export class StatementCounter implements Logger {
  count = 0;
  statements: string[] = [];
  /** The query runner's replication mode of each statement ('slave': a replica, when any is set). */
  modes: (ReplicationMode | undefined)[] = [];
  logQuery(query: string, _parameters?: unknown, queryRunner?: QueryRunner): void {
    this.count += 1;
    this.statements.push(query);
    this.modes.push(queryRunner?.getReplicationMode());
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
  reset(): void {
    this.count = 0;
    this.statements = [];
    this.modes = [];
  }
}

export interface TestApp {
  baseUrl: string;
  databaseUrl: string;
  statements: StatementCounter;
  app: NestFastifyApplication;
  dataSource: DataSource;
  clock: FixedClock;
  config: AppConfig;
  /** A browser-like client with its own cookie jar. */
  client(): ApiClient;
  close(): Promise<void>;
}

/**
 * The real app over real HTTP on a free port, on its own database cloned from the migrated
 * template. Time is a FixedClock the test moves.
 */
export async function startTestApp(
  options: {
    env?: Record<string, string>;
    now?: string;
    webDist?: string;
    /** Another test app's database: several instances of CivicDesk on one PostgreSQL. */
    sharedDatabaseUrl?: string;
  } = {},
): Promise<TestApp> {
  const database = options.sharedDatabaseUrl
    ? { url: options.sharedDatabaseUrl, drop: () => Promise.resolve() }
    : await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    SESSION_SECRET: TEST_SECRET,
    DATABASE_URL: database.url,
    SCHEDULER_ENABLED: 'false',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const clock = new FixedClock(options.now ?? '2026-03-02T14:00:00Z');
  const statements = new StatementCounter();
  const dataSource = createDataSource(database.url, {
    poolSize: 5,
    queryLogger: statements,
    replicaUrls: config.databaseReplicaUrls,
  });
  await dataSource.initialize();
  const app = await createApp({ config, dataSource, clock, webDist: options.webDist ?? '/nonexistent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    baseUrl,
    databaseUrl: database.url,
    statements,
    app,
    dataSource,
    clock,
    config,
    client: () => new ApiClient(baseUrl),
    async close() {
      await app.close();
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.drop();
    },
  };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  get<T = any>(path: string, init: { headers?: Record<string, string> } = {}): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path, undefined, init);
  }

  post<T = any>(
    path: string,
    body?: unknown,
    init: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, body, init);
  }

  patch<T = any>(path: string, body?: unknown, init: { csrf?: boolean } = {}): Promise<ApiResponse<T>> {
    return this.request<T>('PATCH', path, body, init);
  }

  delete<T = any>(path: string, init: { csrf?: boolean } = {}): Promise<ApiResponse<T>> {
    return this.request<T>('DELETE', path, undefined, init);
  }

  async login(email: string, password: string): Promise<ApiResponse> {
    const res = await this.post('/api/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async request<T>(
    method: string,
    path: string,
    body: unknown,
    init: { csrf?: boolean; headers?: Record<string, string>; rawBody?: string } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...init.headers };
    if (method !== 'GET' && init.csrf !== false) headers['x-civicdesk'] = '1';
    if (body !== undefined || init.rawBody !== undefined) headers['content-type'] ??= 'application/json';
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: init.rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index);
      const value = pair!.slice(index + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(setCookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let parsed: unknown = text;
    if (response.headers.get('content-type')?.includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
}
