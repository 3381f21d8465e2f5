import autocannon from 'autocannon';
import pg from 'pg';
import { summarise, type LatencyStats } from './latency-stats.js';
import type { RecordedStatement } from './query-recorder.js';

/** One HTTP request of a scenario; a scenario cycles through several (different tickets, say). */
export interface HttpRequestSpec {
  method: 'GET' | 'POST';
  path: string;
  /** A JSON body; a function makes a fresh one per request (distinct titles). */
  body?: object | ((n: number) => object);
}

export interface HttpLoadResult {
  stats: LatencyStats;
  statusCodes: Record<string, number>;
  errors: number;
}

/** Responses wanted for a p95 (the 19th of 20); a slow scenario runs longer to get them. */
export const MIN_SAMPLES = 20;
/** …but no longer than this: a report taking many seconds at 50 clients gets fewer samples instead. */
export const SLOW_CAP_SECONDS = 90;

/**
 * Runs autocannon against `baseUrl` with `connections` concurrent clients for `seconds`, cycling
 * through `requests` on every connection; when that finishes fewer than MIN_SAMPLES responses
 * (slow reports: requests still in flight at the end are not counted), it runs once more for
 * SLOW_CAP_SECONDS and keeps that run. Latencies come from each successful
 * response (autocannon's own histogram has no p95), so the API and the raw SQL are summarised the
 * same way.
 */
export async function runHttpLoad(
  baseUrl: string,
  headers: Record<string, string>,
  requests: readonly HttpRequestSpec[],
  connections: number,
  seconds: number,
): Promise<HttpLoadResult> {
  const latencies: number[] = [];
  let counter = 0;
  const options: autocannon.Options = {
    url: baseUrl,
    connections,
    duration: seconds,
    // Reports over years of data may take seconds under load; a timeout would hide them.
    timeout: 120,
    headers,
    requests: requests.map((r) => ({
      method: r.method,
      path: r.path,
      ...(r.body === undefined
        ? {}
        : typeof r.body === 'function'
          ? {
              setupRequest: (request: autocannon.Request) => ({
                ...request,
                body: JSON.stringify((r.body as (n: number) => object)(++counter)),
              }),
            }
          : { body: JSON.stringify(r.body) }),
    })),
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance: NodeJS.EventEmitter = autocannon(options, (error: unknown, done: autocannon.Result) =>
      error ? reject(error instanceof Error ? error : new Error(`autocannon failed: ${JSON.stringify(error)}`)) : resolve(done),
    );
    // The instance passes (client, statusCode, bytes, responseTime); its typings leave out the client.
    // Latencies are of answers that succeeded: a fast 503 must not make a slow route look quick.
    instance.on('response', (...args: unknown[]) => {
      const status = args[1] as number;
      if (status >= 200 && status < 300) latencies.push(args[3] as number);
    });
  });
  if (latencies.length < MIN_SAMPLES && seconds < SLOW_CAP_SECONDS) {
    return runHttpLoad(baseUrl, headers, requests, connections, SLOW_CAP_SECONDS);
  }
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, Number(stat?.count ?? 0)]),
  );
  return { stats: summarise(latencies, result.duration), statusCodes, errors: result.errors + result.timeouts };
}

/**
 * The raw side: each request's recorded statements, replayed in order on one connection of a
 * `pg` pool of the API's size, by `connections` workers at once for `seconds` (each finishes the
 * request it started), cycling through the requests. No framework, no HTTP, no JSON: the time the
 * database and the driver need for the same work.
 */
export async function runRawLoad(
  databaseUrl: string,
  requests: readonly RecordedStatement[][],
  connections: number,
  poolSize: number,
  seconds: number,
): Promise<LatencyStats> {
  // As many database connections as the API's pool has: its clients queue for them, so do these.
  const size = Math.min(connections, poolSize);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: size });
  const latencies: number[] = [];
  try {
    // Connections are opened before the clock starts, as the API's pool has them open.
    const opened = await Promise.all(Array.from({ length: size }, () => pool.connect()));
    opened.forEach((client) => client.release());
    const started = performance.now();
    const until = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: connections }, async (_, worker) => {
        // As the HTTP side: at least MIN_SAMPLES if they come within SLOW_CAP_SECONDS.
        const cap = started + SLOW_CAP_SECONDS * 1000;
        for (let i = worker; performance.now() < until || (latencies.length < MIN_SAMPLES && performance.now() < cap); i++) {
          const statements = requests[i % requests.length]!;
          const at = performance.now();
          const client = await pool.connect();
          try {
            for (const s of statements) await client.query(s.query, s.parameters);
          } finally {
            client.release();
          }
          latencies.push(performance.now() - at);
        }
      }),
    );
    return summarise(latencies, (performance.now() - started) / 1000);
  } finally {
    await pool.end();
  }
}
