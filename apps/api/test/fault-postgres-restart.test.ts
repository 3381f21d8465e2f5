import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/config/data-source.js';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../src/database/embedded-postgres.js';
import { Random } from '../src/database/seed/history/random.js';
import { ApiProcess } from './support/api-process.js';
import { FailoverBalancer } from './support/failover-balancer.js';
import { configureWaterSla, createFaultCity, signInAll, type FaultCity } from './support/fault-city.js';
import { halfWritten, missingAcknowledged, numberProblems, slaColumnMismatches } from './support/fault-checks.js';
import { withServerLogs } from './support/server-logs.js';
import { TEST_SECRET, type ApiResponse } from './support/test-app.js';
import { TicketLoad, type LoadPerson } from './support/ticket-load.js';
import { waitFor } from './support/wait-for.js';

const MINUTE = 60_000;
const T0 = Date.parse('2026-03-02T14:00:00Z'); // Monday 09:00 in New York
const at = (minutes: number): Date => new Date(T0 + minutes * MINUTE);
/** The moment PostgreSQL goes down is drawn from this seed (CIVICDESK_FAULT_SEED replays another run). */
const SEED = Number(process.env.CIVICDESK_FAULT_SEED ?? 20_260_302);
const TICKETS = 30;
const CLIENTS_AT_ONCE = 10;
/** Room for a Node process starting on a busy 2-core machine (see scale-out.test.ts). */
const BOOT_MS = 180_000;
/**
 * Longest a request may take to fail while the database is away: the pool's connection timeout
 * (5 s, data-source.ts) and room for a busy machine. Anything longer is a hang.
 */
const FAIL_WITHIN_MS = 15_000;

interface Timed {
  status: number;
  body: unknown;
  ms: number;
}

/**
 * CivicDesk on a PostgreSQL cluster of this test's own (an embedded one, on a fixed port, so it
 * can be stopped and started without disturbing the other tests' server). Under a load of
 * creates, comments and changes, PostgreSQL is stopped (fast shutdown: sessions terminated,
 * transactions rolled back) at a seeded moment with requests in flight, and started again.
 * While it is down every request fails fast and cleanly (503 with the `service_unavailable`
 * code, never a 500 or a hang), readiness says so while liveness stays up, and a job tick fails
 * without taking the process down; once it is back the app reconnects by itself, without a
 * restart, and nothing it acknowledged is lost or half-written.
 */
describe(`Fault: PostgreSQL restarted under load (seed ${SEED})`, () => {
  const rng = Random.seeded(SEED);
  let folder: string;
  let dataDir: string;
  let port: number;
  let postgres: EmbeddedDatabase | undefined;
  let db: DataSource;
  let api: ApiProcess | undefined;
  let balancer: FailoverBalancer;
  let city: FaultCity;
  let manager: LoadPerson;
  let technicians: LoadPerson[];
  let requesters: LoadPerson[];

  const startPostgres = async (): Promise<EmbeddedDatabase> =>
    (postgres = await startEmbeddedPostgres({ dataDir, persistent: true, port }));
  /** A request straight to the instance, timed. */
  const timed = async (send: () => Promise<ApiResponse>): Promise<Timed> => {
    const started = performance.now();
    const res = await send();
    return { status: res.status, body: res.body, ms: performance.now() - started };
  };

  beforeAll(
    () =>
      withServerLogs(
        () => [api],
        async () => {
          // os.tmpdir() is open to the unprivileged postgres user; mkdtemp makes the folder 0700.
          folder = await mkdtemp(join(tmpdir(), 'civicdesk-fault-pg-'));
          await chmod(folder, 0o755);
          dataDir = join(folder, 'pg');
          port = await freePort();
          await startPostgres();

          // The app migrates the empty database as it starts, as in production.
          const started = await ApiProcess.start('api', {
            env: {
              NODE_ENV: 'production',
              DATABASE_URL: postgres!.url,
              SESSION_SECRET: TEST_SECRET,
              APP_URL: 'https://helpdesk.city.test',
              TRUST_PROXY: 'true',
              SCHEDULER_ENABLED: 'true',
              LOG_LEVEL: 'warn',
            },
            now: at(0).toISOString(),
            timeoutMs: BOOT_MS,
          });
          api = started.process;
          balancer = new FailoverBalancer([started.url]);

          db = createDataSource(postgres!.url, { poolSize: 2 });
          await db.initialize();
          city = await createFaultCity(db);
          const everyone = await signInAll([city.admin, city.manager, ...city.technicians, ...city.requesters], () =>
            balancer.client(),
          );
          const admin = everyone[0]!;
          manager = everyone[1]!;
          technicians = everyone.slice(2, 2 + city.technicians.length);
          requesters = everyone.slice(2 + city.technicians.length);
          await configureWaterSla(admin.client, city.waterDept);
        },
      ),
    BOOT_MS + 60_000,
  );

  afterAll(async () => {
    await api?.stop();
    if (db?.isInitialized) await db.destroy();
    await postgres?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  }, 60_000);

  it(
    'answers 503 while it is down, reconnects by itself when it is back, and loses nothing acknowledged',
    () =>
      withServerLogs(
        () => [api],
        async () => {
          // About 190 requests in all; PostgreSQL goes down after a seeded number of answers.
          const stopAfter = rng.int(40, 110);
          let answers = 0;
          let outage: { afterAnswers: number; inFlight: number } | undefined;
          let stopping: Promise<void> | undefined;
          let backUp = false;
          let resume!: () => void;
          const resumed = new Promise<void>((resolve) => (resume = resolve));
          const slow: string[] = [];
          balancer.onResponse = (_instance, status, ms) => {
            answers += 1;
            if (ms > FAIL_WITHIN_MS) slow.push(`${status} after ${Math.round(ms)} ms`);
            const waiting = balancer.inFlight[0]! - 1;
            if (outage || answers < stopAfter || waiting === 0) return;
            outage = { afterAnswers: answers, inFlight: waiting };
            stopping = postgres!.stop();
          };
          const load = new TicketLoad(
            { requesters, technicians, queueId: city.fieldQueue },
            async ({ request, error, response }) => {
              // While the database is away a request may fail, but only cleanly; the client then waits
              // until the service is back, as one honouring the 503 would.
              if (outage && !backUp && response?.status === 503) return resumed;
              throw new Error(
                `${request}: ${response ? `${response.status} ${JSON.stringify(response.body)}` : String(error)}` +
                  (backUp ? ' (after PostgreSQL was back)' : ''),
                { cause: error },
              );
            },
          );
          const loading = load.run(TICKETS, CLIENTS_AT_ONCE);
          // A failure of the load ends the test at once, not after the outage's waits.
          const loadEnded = loading.then(
            () => Promise.reject(new Error('the load ended before PostgreSQL was stopped')),
            (error: unknown) => Promise.reject(error instanceof Error ? error : new Error(String(error))),
          );
          loadEnded.catch(() => resume());

          await Promise.race([waitFor('PostgreSQL to be stopped mid-load', () => stopping !== undefined, 120_000), loadEnded]);
          await stopping;
          expect(outage!.inFlight).toBeGreaterThan(0);

          // ── While PostgreSQL is down. ──
          const health = await timed(() => manager.client.get('/api/health'));
          expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
          const ready = await timed(() => manager.client.get('/api/ready'));
          expect(ready).toMatchObject({ status: 503, body: { ready: false, database: false } });
          const list = await timed(() => manager.client.get('/api/tickets'));
          const create = await timed(() =>
            requesters[0]!.client.post('/api/tickets', {
              title: 'Filed while the database is away',
              impact: 'one_person',
              urgency: 'can_wait',
            }),
          );
          for (const res of [list, create]) {
            expect(res).toMatchObject({
              status: 503,
              body: { statusCode: 503, code: 'service_unavailable', message: 'The database is unavailable; try again shortly' },
            });
          }
          expect([ready, list, create].filter((r) => r.ms > FAIL_WITHIN_MS)).toEqual([]);
          // A job's tick fails (and says why), the process stays up.
          await expect(api!.tick('sla-escalations')).rejects.toThrow(/ECONNREFUSED|connect/);
          expect((await manager.client.get('/api/health')).status).toBe(200);
          // The load's clients met the outage too.
          await waitFor('a client of the load to be answered 503', () => load.unacknowledged.length > 0);

          // ── PostgreSQL comes back; the app finds it by itself. ──
          await startPostgres();
          const outageEnded = performance.now();
          await waitFor(
            '/api/ready to answer 200 again',
            async () => (await manager.client.get('/api/ready')).status === 200,
            60_000,
          );
          const reconnectedMs = performance.now() - outageEnded;
          const ackedBeforeBack = load.tickets.length + load.comments.length + load.changes.length;
          backUp = true;
          resume();
          await loading;
          balancer.onResponse = undefined;
          expect(reconnectedMs).toBeLessThan(FAIL_WITHIN_MS);
          expect(slow).toEqual([]);

          // Every failure the load met was a clean 503 of the outage.
          expect(load.unacknowledged.filter((u) => u.response?.status !== 503)).toEqual([]);
          expect(
            load.unacknowledged.filter(
              (u) => (u.response?.body as { code?: unknown } | undefined)?.code !== 'service_unavailable',
            ),
          ).toEqual([]);
          // And the load went on after it, through the same process and pool.
          expect(load.tickets.length + load.comments.length + load.changes.length).toBeGreaterThan(ackedBeforeBack);
          expect(load.createsSent).toBe(TICKETS);

          // ── Nothing acknowledged lost, nothing half-written. ──
          expect(await missingAcknowledged(db, load)).toEqual([]);
          expect(await numberProblems(db, load)).toEqual([]);
          expect(await halfWritten(db, { emails: false })).toEqual([]);
          expect(await slaColumnMismatches(db, manager.client)).toEqual([]);

          // ── Jobs work again: the next tick runs. ──
          await api!.setClock(at(1));
          const tick = await api!.tick('sla-escalations');
          expect(tick).toEqual({ ran: true, stats: { tickets: 0, fired: 0 } });
        },
      ),
    300_000,
  );
});
