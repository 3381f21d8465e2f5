import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { startCivicDesk } from '../bootstrap.js';
import { ConfigError, loadConfig } from './app-config.js';

const dataDir = (): string => mkdtempSync(join(tmpdir(), 'civicdesk-config-'));
const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe(loadConfig.name, () => {
  it('has the documented defaults', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config).toMatchObject({
      port: 3000,
      nodeEnv: 'development',
      appUrl: 'http://localhost:3000',
      cityTimeZone: 'America/New_York',
      schedulerEnabled: true,
      demoData: true,
      demoHistory: { years: 3, scale: 1 },
      shutdownGraceMs: 8000,
      secureCookies: false,
      databaseUrl: undefined,
      smtpUrl: undefined,
    });
  });

  it('generates the development session secret once and keeps it in the data folder', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).sessionSecret;
    expect(Buffer.byteLength(first)).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(first);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8').trim()).toBe(first);
    expect(statSync(join(dir, 'session-secret')).mode & 0o777).toBe(0o600);
  });

  it('refuses production without a SESSION_SECRET, or with one shorter than 32 bytes', () => {
    expect(problemsOf({ NODE_ENV: 'production', DATA_DIR: dataDir() })).toEqual([
      'SESSION_SECRET: required when NODE_ENV=production',
    ]);
    expect(problemsOf({ NODE_ENV: 'production', SESSION_SECRET: 'short-secret' })).toEqual([
      'SESSION_SECRET: must be at least 32 bytes',
    ]);
    expect(problemsOf({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32) })).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32) }).demoData).toBe(false);
  });

  it('names every bad variable', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      APP_URL: 'not a url',
      NODE_ENV: 'staging',
      CITY_TIME_ZONE: 'Mars/Olympus_Mons',
      SMTP_URL: 'http://mail',
      SCHEDULER_ENABLED: 'maybe',
      DATA_DIR: dataDir(),
    });
    const named = problems.map((p) => p.split(':')[0]).sort();
    expect(named).toEqual(['APP_URL', 'CITY_TIME_ZONE', 'DATABASE_URL', 'NODE_ENV', 'PORT', 'SCHEDULER_ENABLED', 'SMTP_URL']);
  });

  it('never loads demo data in production', () => {
    expect(problemsOf({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40), DEMO_DATA: 'true' })).toEqual([
      'DEMO_DATA: demo data is never loaded when NODE_ENV=production',
    ]);
  });

  it('sizes the demo history, refusing sizes it cannot load', () => {
    expect(loadConfig({ DEMO_HISTORY_YEARS: '1', DEMO_HISTORY_SCALE: '0.25', DATA_DIR: dataDir() }).demoHistory).toEqual({
      years: 1,
      scale: 0.25,
    });
    const problems = problemsOf({ DEMO_HISTORY_YEARS: '-1', DEMO_HISTORY_SCALE: 'lots', DATA_DIR: dataDir() });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['DEMO_HISTORY_SCALE', 'DEMO_HISTORY_YEARS']);
    expect(problemsOf({ DEMO_HISTORY_SCALE: '0', DATA_DIR: dataDir() })).toEqual([
      'DEMO_HISTORY_SCALE: must not be less than 0.01',
    ]);
  });

  it('bounds the SIGTERM grace period', () => {
    expect(loadConfig({ SHUTDOWN_GRACE_SECONDS: '25', DATA_DIR: dataDir() }).shutdownGraceMs).toBe(25_000);
    expect(problemsOf({ SHUTDOWN_GRACE_SECONDS: '0', DATA_DIR: dataDir() })).toEqual([
      'SHUTDOWN_GRACE_SECONDS: must not be less than 1',
    ]);
    expect(problemsOf({ SHUTDOWN_GRACE_SECONDS: 'soon', DATA_DIR: dataDir() }).map((p) => p.split(':')[0])).toEqual([
      'SHUTDOWN_GRACE_SECONDS',
    ]);
  });

  it('reads DATABASE_REPLICA_URLS as a list of replicas of DATABASE_URL, naming bad entries by position only', () => {
    const primary = 'postgres://civicdesk:pw@db:5432/civicdesk';
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: primary }).databaseReplicaUrls).toEqual([]);
    expect(
      loadConfig({
        DATA_DIR: dataDir(),
        DATABASE_URL: primary,
        DATABASE_REPLICA_URLS: ' postgres://r:pw@replica-1:5432/civicdesk , postgresql://r:pw@replica-2/civicdesk,',
      }).databaseReplicaUrls,
    ).toEqual(['postgres://r:pw@replica-1:5432/civicdesk', 'postgresql://r:pw@replica-2/civicdesk']);
    const problems = problemsOf({
      DATA_DIR: dataDir(),
      DATABASE_URL: primary,
      DATABASE_REPLICA_URLS: 'postgres://r:pw@replica-1/civicdesk,mysql://r:secret-pw@x/db',
    });
    expect(problems).toEqual(['DATABASE_REPLICA_URLS: entry 2 is not a postgres:// URL']);
    expect(problemsOf({ DATA_DIR: dataDir(), DATABASE_REPLICA_URLS: 'postgres://r:pw@replica-1/civicdesk' })).toEqual([
      'DATABASE_REPLICA_URLS: needs DATABASE_URL (the embedded PostgreSQL has no replicas)',
    ]);
  });

  it('records SQL for the benchmark harness only when BENCH_QUERY_LOG names an absolute file', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).benchQueryLog).toBeUndefined();
    expect(loadConfig({ DATA_DIR: dataDir(), BENCH_QUERY_LOG: '/tmp/bench/statements.jsonl' }).benchQueryLog).toBe(
      '/tmp/bench/statements.jsonl',
    );
    expect(problemsOf({ DATA_DIR: dataDir(), BENCH_QUERY_LOG: 'statements.jsonl' })).toEqual([
      'BENCH_QUERY_LOG: must be an absolute file path',
    ]);
  });

  it('sets Secure cookies when APP_URL is https', () => {
    expect(loadConfig({ APP_URL: 'https://helpdesk.city.gov/', DATA_DIR: dataDir() })).toMatchObject({
      appUrl: 'https://helpdesk.city.gov',
      secureCookies: true,
    });
  });

  it('makes the app refuse to start in production without a strong SESSION_SECRET, before touching a database', async () => {
    const start = startCivicDesk({ NODE_ENV: 'production', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(start).rejects.toThrow(/SESSION_SECRET: required when NODE_ENV=production/);
  });
});
