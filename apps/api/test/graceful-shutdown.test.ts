import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DEMO_PASSWORD } from '../src/database/seed/demo-city.js';
import { TEST_SECRET } from './support/test-app.js';
import { createTestDatabase } from './support/test-database.js';

/** `node --import ts-source-register.mjs src/main.ts`: the real entry point, signal handlers and all. */
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const REGISTER = fileURLToPath(new URL('./support/ts-source-register.mjs', import.meta.url));
const GRACE_SECONDS = 30;
/**
 * Sign-ins by different people from different addresses (behind the proxy), so no throttle
 * applies. Each holds a pooled connection while it waits, as each waiting job tick holds two:
 * five of them and six jobs stay within the pool of 20.
 */
const SIGN_INS = ['admin', 'manager', 'tech', 'tech2', 'officer'].map((name, i) => ({
  email: `${name}@civicdesk.test`,
  address: `198.51.100.${i + 1}`,
}));
const LOGINS = SIGN_INS.length;

/** The process's output as it arrives; waits on what it prints, never on the clock. */
class Output {
  text = '';
  private readonly waiters = new Set<() => void>();

  constructor(child: ChildProcess) {
    const add = (chunk: Buffer): void => {
      this.text += chunk.toString();
      for (const wake of this.waiters) wake();
    };
    child.stdout!.on('data', add);
    child.stderr!.on('data', add);
    child.once('exit', () => {
      for (const wake of this.waiters) wake();
    });
  }

  until(pattern: RegExp, child: ChildProcess): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const match = pattern.exec(this.text);
        if (match) {
          this.waiters.delete(check);
          resolve(match);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          this.waiters.delete(check);
          reject(new Error(`exited before printing ${pattern}:\n${this.text}`));
        }
      };
      this.waiters.add(check);
      check();
    });
  }
}

/** A wait that fails with what the process printed, instead of hanging until the test's timeout. */
function within<T>(what: string, output: Output, promise: Promise<T>, ms = 60_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no ${what} within ${ms / 1000} s; the process printed:\n${output.text}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Re-reads a condition from PostgreSQL until it holds (a state to reach, not a time to wait). */
async function until(client: pg.Client, sql: string, holds: (value: number) => boolean): Promise<number> {
  for (;;) {
    const value = (await client.query<{ value: number }>(sql)).rows[0]!.value;
    if (holds(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Answer {
  status: number;
  body: string;
  /** Whether the answer came after SIGTERM had been sent. */
  afterSignal: boolean;
}

describe('SIGTERM', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await db.drop();
  });

  it('refuses new connections, finishes accepted requests and job runs, closes the pool and exits 0', async () => {
    const observer = new pg.Client({ connectionString: db.url });
    const blocker = new pg.Client({ connectionString: db.url });
    await observer.connect();
    await blocker.connect();
    try {
      // Every job's tick reads job_runs first and every sign-in writes a session: holding both
      // tables catches ticks and requests half-way, in transactions, when SIGTERM arrives.
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE job_runs, sessions IN ACCESS EXCLUSIVE MODE');

      child = spawn(process.execPath, ['--enable-source-maps', '--import', REGISTER, MAIN], {
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: 'development',
          DATABASE_URL: db.url,
          SESSION_SECRET: TEST_SECRET,
          PORT: '0',
          HOST: '127.0.0.1',
          DEMO_HISTORY_YEARS: '0',
          LOG_LEVEL: 'info',
          TRUST_PROXY: 'true',
          SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const running = child;
      const exited = once(running, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
      const output = new Output(running);
      const [, url] = await within('start', output, output.until(/is running at (http:\/\/\S+)/, running), 120_000);
      const { port } = new URL(url!);

      // Connections the server has accepted: each answers a request first, then is kept alive.
      const agent = new http.Agent({ keepAlive: true, maxSockets: LOGINS });
      const request = (
        method: string,
        path: string,
        body?: unknown,
        address?: string,
      ): { sent: Promise<void>; answer: Promise<Answer> } => {
        let sent!: () => void;
        const written = new Promise<void>((resolve) => (sent = resolve));
        const answer = new Promise<Answer>((resolve, reject) => {
          const payload = body === undefined ? undefined : JSON.stringify(body);
          const req = http.request(
            `${url}${path}`,
            {
              method,
              agent,
              headers: {
                ...(payload ? { 'content-type': 'application/json', 'x-civicdesk': '1' } : {}),
                ...(address ? { 'x-forwarded-for': address } : {}),
              },
            },
            (res) => {
              let text = '';
              res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
              res.on('end', () => resolve({ status: res.statusCode!, body: text, afterSignal: signalled }));
              res.on('error', reject);
            },
          );
          req.on('error', reject);
          req.on('finish', sent);
          req.end(payload);
        });
        return { sent: written, answer };
      };
      let signalled = false;
      const warmUp = await Promise.all(Array.from({ length: LOGINS }, () => request('GET', '/api/health').answer));
      expect(warmUp.map((a) => a.status)).toEqual(Array(LOGINS).fill(200));

      const logins = SIGN_INS.map(({ email, address }) =>
        request('POST', '/api/auth/login', { email, password: DEMO_PASSWORD }, address),
      );
      await Promise.all(logins.map((l) => l.sent));
      // Each sign-in is inside its transaction, waiting for the sessions table; the catch-up
      // tick of every job is running, waiting for job_runs.
      const waitingOn = (table: string): string =>
        `SELECT count(*)::int AS value FROM pg_locks WHERE NOT granted AND relation = '${table}'::regclass`;
      await within(
        'sign-ins waiting',
        output,
        until(observer, waitingOn('sessions'), (n) => n === LOGINS),
      );
      const ticksInProgress = await within(
        'job ticks waiting',
        output,
        until(observer, waitingOn('job_runs'), (n) => n > 0),
      );

      running.kill('SIGTERM');
      signalled = true;
      const signalledAt = performance.now();
      await within('drain', output, output.until(/no longer accepting connections/, running));

      // A new connection is refused at once.
      const refused = await new Promise<string>((resolve) => {
        const socket = net.connect(Number(port), '127.0.0.1');
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      });
      expect(refused).toBe('ECONNREFUSED');

      // The process waits for what is in progress: nothing is answered or recorded yet.
      await within('wait for job runs', output, output.until(/waiting for job runs in progress/, running));
      expect(running.exitCode).toBeNull();
      await blocker.query('COMMIT');

      const answers = await within('answers', output, Promise.all(logins.map((l) => l.answer)));
      const [code, signal] = await within('exit', output, exited);
      const seconds = (performance.now() - signalledAt) / 1000;
      agent.destroy();

      // Every accepted request got its whole answer, after the signal: the sign-ins happened.
      expect(answers.map((a) => [a.status, a.afterSignal])).toEqual(Array(LOGINS).fill([200, true]));
      expect(answers.map((a) => (JSON.parse(a.body) as { user: { email: string } }).user.email)).toEqual(
        SIGN_INS.map((s) => s.email),
      );
      const sessions = (await observer.query<{ n: number }>(`SELECT count(*)::int AS n FROM sessions`)).rows[0]!.n;
      expect(sessions).toBe(LOGINS);

      // Each job tick in progress ran to its end (recorded as finished and succeeded), and no
      // tick started after the signal: one run per job, the catch-up one.
      const { rows: runs } = await observer.query<{ job: string; finished: boolean; succeeded: boolean }>(
        `SELECT job, finished_at IS NOT NULL AS finished, succeeded FROM job_runs ORDER BY job`,
      );
      expect(runs.length).toBeGreaterThanOrEqual(ticksInProgress);
      expect(new Set(runs.map((r) => r.job)).size).toBe(runs.length);
      expect(runs.filter((r) => !r.finished || !r.succeeded)).toEqual([]);

      // A clean exit, well inside the grace period, with nothing left to force.
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(seconds).toBeLessThan(GRACE_SECONDS);
      expect(output.text).not.toMatch(/grace period over|still in progress|exiting/);
      expect(output.text).toMatch(/CivicDesk: stopped/);
      // The pool is closed: no session of the stopped process is left on the server.
      const left = (
        await observer.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'civicdesk'`,
        )
      ).rows[0]!.n;
      expect(left).toBe(0);
    } finally {
      await blocker.end();
      await observer.end();
    }
  }, 180_000);
});
