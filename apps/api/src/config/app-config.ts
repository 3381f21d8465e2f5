import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  isURL,
  IsUrl,
  Max,
  Min,
  validateSync,
  type ValidationError,
} from 'class-validator';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The repository root: src/config and dist/config sit at the same depth. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return value; // left as a string so @IsBoolean names the variable
};
const toInt = ({ value }: { value: unknown }): unknown =>
  value === '' ? undefined : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
const toNumber = ({ value }: { value: unknown }): unknown =>
  value === '' ? undefined : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);

const POSTGRES_URL = { protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true };

/** The environment as the app accepts it. Every variable is checked here and nowhere else. */
class EnvSchema {
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  HOST?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl(POSTGRES_URL)
  DATABASE_URL?: string;

  /** Comma-separated read replicas of DATABASE_URL; each is checked in loadConfig. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  DATABASE_REPLICA_URLS?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  APP_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(NODE_ENVS)
  NODE_ENV?: NodeEnv;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  SESSION_SECRET?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  CITY_TIME_ZONE?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false, require_protocol: true })
  SMTP_URL?: string;

  @Transform(toBoolean)
  @IsOptional()
  @IsBoolean()
  SCHEDULER_ENABLED?: boolean;

  @Transform(toBoolean)
  @IsOptional()
  @IsBoolean()
  DEMO_DATA?: boolean;

  /** Years of ticket history the demo city is loaded with (0: none). */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20)
  DEMO_HISTORY_YEARS?: number;

  /** The demo history's ticket volume, relative to the demo city's (0.1 for quick test runs, 4 for a big city). */
  @Transform(toNumber)
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(50)
  DEMO_HISTORY_SCALE?: number;

  @Transform(toBoolean)
  @IsOptional()
  @IsBoolean()
  TRUST_PROXY?: boolean;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(LOG_LEVELS)
  LOG_LEVEL?: LogLevel;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  /** How long SIGTERM waits for requests and job runs in progress before closing what is left. */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  SHUTDOWN_GRACE_SECONDS?: number;

  /** Benchmark harness only: a file to append every SQL statement and its parameters to. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  BENCH_QUERY_LOG?: string;
}

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  /** Read replicas of the primary; the reports read from them. Empty: everything on the primary. */
  readonly databaseReplicaUrls: readonly string[];
  readonly appUrl: string;
  readonly nodeEnv: NodeEnv;
  readonly sessionSecret: string;
  readonly cityTimeZone: string;
  readonly smtpUrl: string | undefined;
  readonly schedulerEnabled: boolean;
  readonly demoData: boolean;
  /** The demo city's history: how many years, at what ticket volume (1 = the demo city's). */
  readonly demoHistory: { readonly years: number; readonly scale: number };
  readonly trustProxy: boolean;
  readonly logLevel: LogLevel;
  /** Git-ignored folder for the embedded PostgreSQL and the generated development secret. */
  readonly dataDir: string;
  /** SIGTERM lets requests and job runs in progress finish for this long, then closes what is left. */
  readonly shutdownGraceMs: number;
  /** Cookies get the Secure flag (and the __Host- prefix) when the app is served over https. */
  readonly secureCookies: boolean;
  /** Set by the benchmark harness only: every SQL statement is appended to this file (off by default). */
  readonly benchQueryLog: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const MIN_SECRET_BYTES = 32;

/**
 * Reads and validates the environment once. Throws a ConfigError that names every bad variable;
 * the app refuses to start on it.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = plainToInstance(EnvSchema, pickKnown(env));
  const problems = validateSync(raw, { forbidUnknownValues: false }).flatMap(describe);

  const nodeEnv = raw.NODE_ENV ?? 'development';
  const timeZone = raw.CITY_TIME_ZONE ?? 'America/New_York';
  if (!isValidTimeZone(timeZone)) problems.push(`CITY_TIME_ZONE: "${timeZone}" is not an IANA time zone`);
  const replicaUrls = splitList(raw.DATABASE_REPLICA_URLS);
  // Positions, not values, in the messages: the URLs carry passwords.
  replicaUrls.forEach((url, i) => {
    if (!isURL(url, POSTGRES_URL)) problems.push(`DATABASE_REPLICA_URLS: entry ${i + 1} is not a postgres:// URL`);
  });
  if (replicaUrls.length > 0 && !raw.DATABASE_URL)
    problems.push('DATABASE_REPLICA_URLS: needs DATABASE_URL (the embedded PostgreSQL has no replicas)');
  if (nodeEnv === 'production') {
    if (!raw.SESSION_SECRET) problems.push('SESSION_SECRET: required when NODE_ENV=production');
    else if (Buffer.byteLength(raw.SESSION_SECRET, 'utf8') < MIN_SECRET_BYTES)
      problems.push(`SESSION_SECRET: must be at least ${MIN_SECRET_BYTES} bytes`);
    if (raw.DEMO_DATA === true) problems.push('DEMO_DATA: demo data is never loaded when NODE_ENV=production');
  } else if (raw.SESSION_SECRET && Buffer.byteLength(raw.SESSION_SECRET, 'utf8') < MIN_SECRET_BYTES) {
    problems.push(`SESSION_SECRET: must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  if (raw.BENCH_QUERY_LOG !== undefined && !isAbsolute(raw.BENCH_QUERY_LOG))
    problems.push('BENCH_QUERY_LOG: must be an absolute file path');
  if (problems.length > 0) throw new ConfigError(problems);

  const port = raw.PORT ?? 3000;
  const appUrl = (raw.APP_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const dataDir = raw.DATA_DIR ? (isAbsolute(raw.DATA_DIR) ? raw.DATA_DIR : resolve(raw.DATA_DIR)) : join(PROJECT_ROOT, '.data');
  return {
    port,
    host: raw.HOST ?? '0.0.0.0',
    databaseUrl: raw.DATABASE_URL,
    databaseReplicaUrls: replicaUrls,
    appUrl,
    nodeEnv,
    sessionSecret: raw.SESSION_SECRET ?? developmentSecret(dataDir),
    cityTimeZone: timeZone,
    smtpUrl: raw.SMTP_URL,
    schedulerEnabled: raw.SCHEDULER_ENABLED ?? true,
    demoData: raw.DEMO_DATA ?? nodeEnv !== 'production',
    demoHistory: { years: raw.DEMO_HISTORY_YEARS ?? 3, scale: raw.DEMO_HISTORY_SCALE ?? 1 },
    trustProxy: raw.TRUST_PROXY ?? false,
    logLevel: raw.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info'),
    dataDir,
    shutdownGraceMs: (raw.SHUTDOWN_GRACE_SECONDS ?? 8) * 1000,
    secureCookies: appUrl.startsWith('https://'),
    benchQueryLog: raw.BENCH_QUERY_LOG,
  };
}

const ENV_KEYS: (keyof EnvSchema)[] = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'DATABASE_REPLICA_URLS',
  'APP_URL',
  'NODE_ENV',
  'SESSION_SECRET',
  'CITY_TIME_ZONE',
  'SMTP_URL',
  'SCHEDULER_ENABLED',
  'DEMO_DATA',
  'DEMO_HISTORY_YEARS',
  'DEMO_HISTORY_SCALE',
  'TRUST_PROXY',
  'LOG_LEVEL',
  'DATA_DIR',
  'SHUTDOWN_GRACE_SECONDS',
  'BENCH_QUERY_LOG',
];

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function pickKnown(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(ENV_KEYS.map((k) => [k, env[k]]));
}

/** One line per variable: "PORT: must be an integer number; must not be less than 0". */
function describe(error: ValidationError): string[] {
  const messages = Object.values(error.constraints ?? {}).map((m) => m.replace(new RegExp(`^${error.property}\\s*`), ''));
  return messages.length ? [`${error.property}: ${messages.join('; ')}`] : [];
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Outside production a missing secret is generated once and kept in the data folder. */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
