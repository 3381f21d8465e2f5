import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { PROJECT_ROOT } from '../config/app-config.js';
import { RssSampler, startApiProcess, type ApiProcess } from './api-process.js';
import { UsageError, type BenchArgs } from './bench-args.js';
import { markdownSection, printResults, writeBenchmarksFile, type BenchResults, type MachineInfo } from './bench-report.js';
import type { BenchServer } from './bench-server.js';
import { CpuMeter } from './cpu-meter.js';
import { buildDataset, type DatasetInfo } from './dataset.builder.js';
import { keepChangeableRows, resetDataset } from './dataset-reset.js';
import { benchDatabaseName, BENCH_PASSWORD, BENCH_USERS, datasetShape, MIN_SCALE, scaleLabel } from './dataset-shape.js';
import { benchEscalationSweep, type SweepResult } from './escalation-sweep.bench.js';
import { overhead } from './latency-stats.js';
import { runHttpLoad, runRawLoad, type HttpRequestSpec } from './load-runner.js';
import { countRecordedStatements, readRecordedStatements, type RecordedStatement } from './query-recorder.js';
import { benchScenarios, queuePath, type BenchRole, type Scenario, type ScenarioContext } from './scenarios.js';
import { otherChecks, SCENARIO, type ScenarioRun } from './targets.js';
import { measureInitialJs } from './web-bundle.js';

const run = promisify(execFile);
const DIST = dirname(dirname(fileURLToPath(import.meta.url)));
const RESULTS_DIR = join(PROJECT_ROOT, 'bench-results');
const BENCHMARKS_MD = join(PROJECT_ROOT, 'BENCHMARKS.md');
/** How deep the deep queue page is: the 20th page of 50. */
const DEEP_PAGE = 20;
/** The API's connection pool (dataSourceOptions' default): the raw replay queues for as many connections. */
const API_POOL_SIZE = 20;
/** Tickets the escalation sweep finds due. */
const SWEEP_TICKETS = 10_000;

type Sessions = Record<BenchRole, Record<string, string>>;

/**
 * `npm run bench`: the dataset, the API in production mode, the load at each client count with
 * the same SQL alone beside it, the HTTP ceiling, the escalation sweep, maintenance generation and
 * the web bundle; then the table, the JSON result and BENCHMARKS.md.
 */
export async function runBench(args: BenchArgs, server: BenchServer, say: (line: string) => void): Promise<BenchResults> {
  const startedAt = new Date();
  const loadAtStart = loadavg();
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  mkdirSync(RESULTS_DIR, { recursive: true });
  const notes: string[] = [];

  const dataset = await buildDataset(server, { ...args, log: say });
  const pool = new pg.Pool({ connectionString: dataset.databaseUrl, max: 2 });
  const machine = await machineInfo(pool, loadAtStart);
  try {
    await prepare(pool, dataset, say);
    const sessionSecret = randomBytes(48).toString('base64url');

    // 1. The recording instance: one request at a time, every statement on file.
    say('\nrecording the SQL of each read (an instance with BENCH_QUERY_LOG, scheduler off)…');
    const queryLog = join(RESULTS_DIR, `${stamp}-statements.jsonl`);
    writeFileSync(queryLog, '');
    const recorder = await startApiProcess({
      databaseUrl: dataset.databaseUrl,
      logFile: join(RESULTS_DIR, `${stamp}-recording-api.log`),
      schedulerEnabled: false,
      queryLog,
      sessionSecret,
    });
    let context: ScenarioContext;
    let recorded: Map<string, RecordedStatement[][]>;
    let statementsByPageSize: Record<number, number>;
    try {
      const sessions = await signIn(recorder.url);
      context = await scenarioContext(recorder.url, sessions, pool, dataset);
      if (context.deepPage < DEEP_PAGE)
        notes.push(`the technician's queue has ${context.deepPage} pages of 50 at this scale; the deep page is the last one`);
      const scenarios = selectedScenarios(args, context);
      recorded = new Map();
      for (const scenario of scenarios.filter((s) => s.read)) {
        recorded.set(scenario.id, await recordRequests(recorder.url, sessions[scenario.role], scenario.requests, queryLog));
      }
      statementsByPageSize = {};
      for (const size of [10, 50]) {
        const [statements] = await recordRequests(
          recorder.url,
          sessions.technician,
          [{ method: 'GET', path: queuePath(size) }],
          queryLog,
        );
        statementsByPageSize[size] = statements!.length;
      }
    } finally {
      await recorder.stop();
    }

    // 2. The measured instance: production settings, scheduler on.
    say('starting the API in production mode (scheduler on)…');
    const api = await startApiProcess({
      databaseUrl: dataset.databaseUrl,
      logFile: join(RESULTS_DIR, `${stamp}-api.log`),
      schedulerEnabled: true,
      sessionSecret,
    });
    const runs: ScenarioRun[] = [];
    let rss: { peakMb: number; highWaterMb: number | null } | null = null;
    let catchUp: number | null = null;
    try {
      catchUp = await waitForStartupJobs(pool, api);
      say(`the scheduler's start-up catch-up took ${catchUp} s`);
      const sessions = await signIn(api.url);
      const meter = await CpuMeter.open(pool, api.pid);
      const sampler = new RssSampler(api.pid);
      sampler.start();
      for (const scenario of selectedScenarios(args, context)) {
        await warmUp(api.url, sessions[scenario.role], scenario.requests);
        for (const connections of args.connections) {
          const measured = await measure(
            api,
            meter,
            dataset,
            scenario,
            sessions,
            connections,
            args.duration,
            recorded.get(scenario.id),
          );
          runs.push(measured);
          say(describeRun(measured));
        }
      }
      rss = sampler.stop();
    } finally {
      await api.stop();
    }
    if (args.only) notes.push(`a partial run (--only ${args.only.join(',')}): BENCHMARKS.md left as it was`);
    else runs.push(...(await measureCeiling(args, stamp, say)));

    const reset = await withClient(pool, (db) => resetDataset(db, dataset.t0));
    say(
      `dataset reset: ${reset.tickets} tickets, ${reset.comments} comments and ${reset.events} events of this run removed, ${reset.restored} tickets restored`,
    );

    let sweep: SweepResult[] | null = null;
    let maintenance: Record<string, unknown> | null = null;
    if (args.skipJobs) {
      notes.push('escalation sweep and maintenance generation skipped (--skip-jobs)');
    } else {
      sweep = await measureSweep(server, args, dataset, pool, say);
      maintenance = await measureMaintenance(args.scale, say);
    }
    const web = measureInitialJs(join(PROJECT_ROOT, 'apps/web/dist'));
    if (!web) notes.push('the web app is not built (apps/web/dist): npm run build -w @civicdesk/web first');

    const checks = otherChecks(runs, {
      statementsByPageSize,
      peakRssMb: rss?.peakMb ?? null,
      sweep: sweep?.map((s) => ({ seconds: s.seconds, tickets: s.tickets, closed: s.closed })) ?? null,
      webInitialKb: web?.gzipKb ?? null,
    });
    const results: BenchResults = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      scale: args.scale,
      scaleLabel: scaleLabel(args.scale),
      durationSeconds: args.duration,
      dataset: {
        name: dataset.databaseName,
        reused: dataset.reused,
        buildSeconds: dataset.buildSeconds,
        builtAt: dataset.builtAt,
        t0: dataset.t0,
        counts: dataset.counts,
      },
      machine: { ...machine, loadAtEnd: loadavg().map(round2) },
      runs,
      checks,
      statementsByPageSize,
      peakRssMb: rss?.peakMb ?? null,
      highWaterRssMb: rss?.highWaterMb ?? null,
      startupCatchUpSeconds: catchUp,
      sweep,
      maintenance,
      web,
      notes,
    };
    printResults(results, say);
    const json = join(RESULTS_DIR, `${stamp}-${args.scale}.json`);
    writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
    if (args.only) {
      say(`\nresults: ${json}`);
    } else {
      writeBenchmarksFile(BENCHMARKS_MD, results.scaleLabel, markdownSection(results), PREAMBLE);
      say(`\nresults: ${json}\nBENCHMARKS.md: the ${results.scaleLabel} section updated`);
    }
    return results;
  } finally {
    await pool.end();
  }
}

/** The run's scenarios: all of them, or those `--only` names (by id or id prefix). */
function selectedScenarios(args: BenchArgs, context: ScenarioContext): Scenario[] {
  const all = benchScenarios(context);
  if (!args.only) return all;
  const chosen = all.filter((s) => args.only!.some((id) => s.id === id || (id.endsWith('-') && s.id.startsWith(id))));
  if (chosen.length === 0) throw new UsageError(`--only matches no scenario; the ids are ${all.map((s) => s.id).join(', ')}`);
  return chosen;
}

const PREAMBLE = `# Benchmarks

\`npm run bench\` (issue 7) measures CivicDesk against the physical limits of its own stack and
prints which of the issue's targets are met. \`npm run bench -- --scale 20000\` is a quick run;
the default is a million tickets. Each scale's section below is replaced by its next run (prose
outside the sections stays); every run also writes \`bench-results/<time>-<scale>.json\` (git-ignored).

## How it measures

- **Data.** A dedicated database per scale (\`civicdesk_bench_<scale>\`), built by
  \`npm run bench:data\` with set-based SQL: five years of tickets (2 % open, 8 % preventive
  maintenance from weekly plans), their audit trail, comments, work logs priced at the rate of
  the day, expenses and stored SLA clocks, 50 departments, 5,000 employees, 200 technicians, 20
  queues. Closed tickets' clocks are computed in SQL over business-minute tables of the city's
  calendar and a sample is replayed against the app's own clock at every build; open tickets'
  clocks are stored by the app's TicketSlaService, plans' next runs by its recurrence rules.
  A complete dataset is reused; each run puts back what it changed.
- **API.** \`node dist/main.js\` with \`NODE_ENV=production\` and the scheduler on, signed in as a
  technician, a manager and an employee; autocannon at 1 and 50 clients per scenario. The
  scheduler's start-up catch-up finishes before anything is measured.
- **Raw SQL.** For every read, the statements the API ran for that request are recorded once
  (a second instance with \`BENCH_QUERY_LOG\`, scheduler off, one request at a time) and replayed
  with the same parameters through a \`pg\` pool of the API's size (20) at the same client count.
  API ÷ raw is the p95 ratio: what HTTP, Nest, validation, TypeORM and JSON add. Statements run
  one after another on one connection, as the API mostly issues them.
- **Ceiling.** A bare Fastify route on the same machine.
- **CPU per request.** Over each run, the CPU time of the API process, of every PostgreSQL process
  and of the load generator (Linux's /proc/<pid>/schedstat), divided by the requests. The
  machine's cores divided by their sum is the most requests a second it can serve, and the
  clients divided by that rate the least mean latency (Little's law).
- **Jobs.** The escalation sweep over 10,000 due tickets, in the dataset and in one a tenth of its
  size (the dataset's own open tickets set aside), and the maintenance issue's generation benchmark.
- **Web.** The built app's entry module and the modules it preloads, gzip -9.

Latencies are milliseconds measured by the client, percentiles nearest-rank over every
response. The load generator, the API and PostgreSQL share the machine's cores; the load
average beside each table says how busy the machine was besides. \`--only queue-page-1,report-\`
measures only the scenarios named (ids or id prefixes) and leaves this file alone.
`;

async function prepare(pool: pg.Pool, dataset: DatasetInfo, say: (line: string) => void): Promise<void> {
  await withClient(pool, async (db) => {
    await keepChangeableRows(db);
    const reset = await resetDataset(db, dataset.t0);
    if (reset.tickets || reset.events || reset.comments) {
      say(`removed what an earlier, interrupted run left: ${reset.tickets} tickets, ${reset.events} events`);
    }
  });
}

async function machineInfo(pool: pg.Pool, loadAtStart: number[]): Promise<Omit<MachineInfo, 'loadAtEnd'>> {
  const { rows } = await pool.query<{ version: string }>(`SELECT current_setting('server_version') AS version`);
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAtStart: loadAtStart.map(round2),
    node: process.version,
    postgres: `PostgreSQL ${rows[0]!.version}`,
  };
}

async function signIn(url: string): Promise<Sessions> {
  const as = async (email: string) => {
    const response = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-civicdesk': '1' },
      body: JSON.stringify({ email, password: BENCH_PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`signing in as ${email} answered ${response.status}: ${await response.text()}`);
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return { cookie, 'x-civicdesk': '1', 'content-type': 'application/json' };
  };
  return {
    technician: await as(BENCH_USERS.technician),
    manager: await as(BENCH_USERS.manager),
    requester: await as(BENCH_USERS.requester),
  };
}

async function call(url: string, headers: Record<string, string>, request: HttpRequestSpec, n = 0): Promise<unknown> {
  const body = typeof request.body === 'function' ? request.body(n) : request.body;
  const response = await fetch(`${url}${request.path}`, {
    method: request.method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status >= 300)
    throw new Error(`${request.method} ${request.path} answered ${response.status}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
}

async function scenarioContext(url: string, sessions: Sessions, pool: pg.Pool, dataset: DatasetInfo): Promise<ScenarioContext> {
  const first = (await call(url, sessions.technician, { method: 'GET', path: queuePath(50) })) as {
    items: { id: string }[];
    nextCursor: string | null;
  };
  let cursor = first.nextCursor;
  let page = 1;
  let deepCursor: string | null = null;
  while (cursor && page < DEEP_PAGE) {
    deepCursor = cursor;
    page++;
    const next = (await call(url, sessions.technician, { method: 'GET', path: queuePath(50, cursor) })) as {
      nextCursor: string | null;
    };
    cursor = next.nextCursor;
  }
  const categories = await pool.query<{ id: string }>(
    `SELECT id FROM categories WHERE active AND system_key IS NULL ORDER BY name`,
  );
  const t0 = new Date(dataset.t0);
  const to = t0.toLocaleDateString('en-CA', { timeZone: 'America/New_York' });
  const from = new Date(Date.UTC(Number(to.slice(0, 4)) - 3, Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10)) + 1))
    .toISOString()
    .slice(0, 10);
  return {
    deepCursor,
    deepPage: page,
    ticketIds: first.items.map((t) => t.id),
    categoryIds: categories.rows.map((c) => c.id),
    reportFrom: from,
    reportTo: to,
  };
}

/** Makes each request once on the recording instance and returns the statements it ran. */
async function recordRequests(
  url: string,
  headers: Record<string, string>,
  requests: readonly HttpRequestSpec[],
  queryLog: string,
): Promise<RecordedStatement[][]> {
  const out: RecordedStatement[][] = [];
  for (const request of requests) {
    // Reads only, asked twice: the second is recorded, as the measured instance meets the load
    // after its warm-up (the response-times report's first call fills its cache).
    await call(url, headers, request);
    const mark = countRecordedStatements(queryLog);
    await call(url, headers, request);
    out.push(readRecordedStatements(queryLog, mark));
  }
  return out;
}

/** The scheduler runs every job once right after start-up: measure after that catch-up, not during it. */
async function waitForStartupJobs(pool: pg.Pool, api: ApiProcess): Promise<number> {
  const started = Date.now();
  for (;;) {
    const { rows } = await pool.query<{ running: number; done: number }>(
      `SELECT count(*) FILTER (WHERE finished_at IS NULL)::int AS running, count(*) FILTER (WHERE finished_at IS NOT NULL)::int AS done
         FROM job_runs WHERE started_at >= $1`,
      [new Date(api.readyAt.getTime() - 60_000)],
    );
    if (rows[0]!.running === 0 && rows[0]!.done > 0) return Math.round((Date.now() - started) / 100) / 10;
    if (Date.now() - started > 15 * 60_000) throw new Error('the scheduler was still catching up after 15 minutes');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function warmUp(url: string, headers: Record<string, string>, requests: readonly HttpRequestSpec[]): Promise<void> {
  // Numbered far from the measured requests' own numbers, so titles stay distinct.
  for (const [i, request] of requests.slice(0, 5).entries()) await call(url, headers, request, 1_000_000_000 + i);
}

async function measure(
  api: ApiProcess,
  meter: CpuMeter,
  dataset: DatasetInfo,
  scenario: Scenario,
  sessions: Sessions,
  connections: number,
  seconds: number,
  recorded: RecordedStatement[][] | undefined,
): Promise<ScenarioRun> {
  const before = meter.read();
  const load = await runHttpLoad(api.url, sessions[scenario.role], scenario.requests, connections, seconds);
  const cpu = CpuMeter.perRequest(before, meter.read(), load.stats.requests);
  const raw = recorded ? await runRawLoad(dataset.databaseUrl, recorded, connections, API_POOL_SIZE, seconds) : null;
  return {
    scenario: scenario.id,
    title: scenario.title,
    connections,
    api: load.stats,
    statusCodes: load.statusCodes,
    errors: load.errors,
    raw,
    ratio: raw ? overhead(load.stats, raw) : null,
    cpu,
  };
}

async function measureCeiling(args: BenchArgs, stamp: string, say: (line: string) => void): Promise<ScenarioRun[]> {
  const bare = await startApiProcess({
    databaseUrl: 'postgres://unused@127.0.0.1/unused',
    logFile: join(RESULTS_DIR, `${stamp}-bare-fastify.log`),
    schedulerEnabled: false,
    script: join(DIST, 'bench', 'bare-fastify.server.js'),
  });
  const runs: ScenarioRun[] = [];
  try {
    for (const connections of args.connections) {
      const load = await runHttpLoad(bare.url, {}, [{ method: 'GET', path: '/api/ping' }], connections, args.duration);
      const measured: ScenarioRun = {
        scenario: SCENARIO.ceiling,
        title: 'Bare Fastify route (HTTP ceiling)',
        connections,
        api: load.stats,
        statusCodes: load.statusCodes,
        errors: load.errors,
        raw: null,
        ratio: null,
      };
      runs.push(measured);
      say(describeRun(measured));
    }
  } finally {
    await bare.stop();
  }
  return runs;
}

/** The sweep over 10,000 due tickets with a tenth of the history and with all of it. */
async function measureSweep(
  server: BenchServer,
  args: BenchArgs,
  dataset: DatasetInfo,
  pool: pg.Pool,
  say: (line: string) => void,
): Promise<SweepResult[]> {
  const tenth = Math.max(MIN_SCALE, Math.round(args.scale / 10));
  datasetShape(tenth);
  const small = await buildDataset(server, {
    scale: tenth,
    databaseName: benchDatabaseName(tenth),
    rebuild: false,
    verifySample: args.verifySample,
    log: say,
  });
  const results: SweepResult[] = [];
  for (const target of [small, dataset]) {
    const targetPool = target === dataset ? pool : new pg.Pool({ connectionString: target.databaseUrl, max: 1 });
    try {
      await withClient(targetPool, async (db) => {
        await keepChangeableRows(db);
        await resetDataset(db, target.t0);
      });
      say(`escalation sweep over ${SWEEP_TICKETS.toLocaleString('en-US')} due tickets in ${target.databaseName}…`);
      const result = await benchEscalationSweep(target.databaseUrl, target.t0, SWEEP_TICKETS);
      say(
        `  ${result.seconds} s, ${result.fired} levels fired on ${result.tickets} tickets, ${result.closed.toLocaleString('en-US')} closed tickets in the database`,
      );
      results.push(result);
      await withClient(targetPool, (db) => resetDataset(db, target.t0));
    } finally {
      if (targetPool !== pool) await targetPool.end();
    }
  }
  return results;
}

/** The maintenance issue's benchmark (its own throwaway database), plans scaled with the dataset. */
async function measureMaintenance(scale: number, say: (line: string) => void): Promise<Record<string, unknown> | null> {
  const plans = Math.max(100, Math.min(10_000, Math.round(scale / 100)));
  say(`maintenance generation: ${plans} plans × 90 days…`);
  await run(process.execPath, ['--enable-source-maps', join(DIST, 'cli', 'bench-maintenance.js'), '--plans', String(plans)], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(readFileSync(join(RESULTS_DIR, 'maintenance-generation.json'), 'utf8')) as Record<string, unknown>;
}

function describeRun(r: ScenarioRun): string {
  const raw = r.raw ? `, raw SQL p95 ${r.raw.p95} ms (×${r.ratio})` : '';
  const cpu = r.cpu
    ? `; CPU ms per request: API ${r.cpu.apiMs}, PostgreSQL ${r.cpu.postgresMs ?? '?'}, load ${r.cpu.loadGeneratorMs}`
    : '';
  return `  ${r.title.padEnd(44)} @${String(r.connections).padStart(3)}: p50 ${r.api.p50} ms, p95 ${r.api.p95} ms, ${r.api.perSecond}/s${raw}${cpu}`;
}

async function withClient<T>(pool: pg.Pool, work: (db: pg.PoolClient) => Promise<T>): Promise<T> {
  const db = await pool.connect();
  try {
    return await work(db);
  } finally {
    db.release();
  }
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
