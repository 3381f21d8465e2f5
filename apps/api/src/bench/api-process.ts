import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../database/embedded-postgres.js';

/** dist/main.js, next to this file's folder in the build. */
const MAIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'main.js');

export interface ApiProcess {
  url: string;
  pid: number;
  /** When the process answered /api/ready. */
  readyAt: Date;
  stop(): Promise<void>;
}

export interface ApiProcessOptions {
  databaseUrl: string;
  /** Where the process's stdout and stderr go (its JSON logs). */
  logFile: string;
  schedulerEnabled: boolean;
  /** One secret for the recording and the measured instance: sessions recorded stay valid for the replay. */
  sessionSecret?: string;
  /** Set for the recording instance: every SQL statement is appended here. */
  queryLog?: string;
  /** Another entry point instead of dist/main.js (the bare Fastify ceiling, which answers /api/ready too). */
  script?: string;
}

/** The Dockerfile's NODE_OPTIONS: the heap limit production instances run with. */
export const PRODUCTION_NODE_OPTIONS = '--max-old-space-size=256';

/**
 * Starts CivicDesk as production runs it: `node dist/main.js`, NODE_ENV=production, its own
 * session secret, the scheduler on (or off for the recording instance), logs to a file. Resolves
 * once /api/ready answers 200.
 */
export async function startApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = openSync(options.logFile, 'a');
  const child = spawn(process.execPath, ['--enable-source-maps', options.script ?? MAIN], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      NODE_OPTIONS: PRODUCTION_NODE_OPTIONS,
      DATABASE_URL: options.databaseUrl,
      SESSION_SECRET: options.sessionSecret ?? randomBytes(48).toString('base64url'),
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_URL: url,
      SCHEDULER_ENABLED: String(options.schedulerEnabled),
      ...(options.queryLog ? { BENCH_QUERY_LOG: options.queryLog } : {}),
    },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await waitUntilReady(url, child, exited, options.logFile);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    pid: child.pid!,
    readyAt: new Date(),
    stop: () => stopChild(child, exited),
  };
}

async function waitUntilReady(url: string, child: ChildProcess, exited: Promise<number | null>, logFile: string): Promise<void> {
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  // Start-up applies pending migrations first: on a million tickets a new index takes minutes.
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (gone !== undefined) {
      throw new Error(`the API exited (code ${gone}) before it was ready; see ${logFile}:\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(`${url}/api/ready`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`the API was not ready within 15 minutes; see ${logFile}`);
}

/** SIGTERM (the app drains and closes its pool), SIGKILL after 20 s. */
async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
}

/**
 * Samples a process's resident memory (VmRSS) every `everyMs` while running, and reads its
 * high-water mark (VmHWM) at the end: peak MB of the sampled stretch and of the process's life.
 */
export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  private peakKb = 0;

  constructor(private readonly pid: number) {}

  start(everyMs = 200): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  stop(): { peakMb: number; highWaterMb: number | null } {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    const hwm = readStatus(this.pid, 'VmHWM');
    return { peakMb: Math.round(this.peakKb / 1024), highWaterMb: hwm === null ? null : Math.round(hwm / 1024) };
  }

  private sample(): void {
    const kb = readStatus(this.pid, 'VmRSS');
    if (kb !== null && kb > this.peakKb) this.peakKb = kb;
  }
}

function readStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}
