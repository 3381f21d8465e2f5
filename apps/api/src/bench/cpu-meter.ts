import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type pg from 'pg';

/**
 * CPU time each part of a measured scenario used, per request: the API process, PostgreSQL (the
 * postmaster and every process it forked: backends, WAL writer, autovacuum) and the load
 * generator (this process). From Linux's /proc/<pid>/schedstat, nanoseconds on the CPU, user and
 * system together. With the three on one machine, their sum per request is what the machine's
 * cores divide: the throughput no design of the API alone can pass.
 */
export interface CpuPerRequest {
  apiMs: number;
  /** Null when PostgreSQL does not run on this machine (DATABASE_URL names another host). */
  postgresMs: number | null;
  loadGeneratorMs: number;
  /** Requests per second the machine's cores would serve at this CPU cost, were nothing else running. */
  ceilingPerSecond: number | null;
}

interface Reading {
  api: number;
  /** Per process: a backend that ends between two readings takes its time with it, not the others'. */
  postgres: Map<number, number> | null;
  load: number;
}

export class CpuMeter {
  private constructor(
    private readonly apiPid: number,
    private readonly postmasterPid: number | null,
  ) {}

  /**
   * PostgreSQL's processes are found from a backend of `pool`: its parent is the postmaster.
   * A server elsewhere has no such process here, and its share is left out (null).
   */
  static async open(pool: pg.Pool, apiPid: number): Promise<CpuMeter> {
    const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const parent = parentOf(rows[0]!.pid);
    return new CpuMeter(apiPid, parent !== null && commandOf(parent) === 'postgres' ? parent : null);
  }

  read(): Reading {
    let postgres: Map<number, number> | null = null;
    if (this.postmasterPid !== null) {
      postgres = new Map();
      for (const pid of [this.postmasterPid, ...childrenOf(this.postmasterPid)]) {
        const ms = onCpuMs(pid);
        if (ms !== null) postgres.set(pid, ms);
      }
    }
    const own = process.cpuUsage();
    return { api: onCpuMs(this.apiPid) ?? 0, postgres, load: (own.user + own.system) / 1000 };
  }

  /** What happened between two readings, per request. */
  static perRequest(before: Reading, after: Reading, requests: number, cores = cpus().length): CpuPerRequest | null {
    if (requests <= 0) return null;
    const per = (a: number, b: number) => (b - a) / requests;
    const apiMs = per(before.api, after.api);
    let postgresMs: number | null = null;
    if (before.postgres && after.postgres) {
      let used = 0;
      for (const [pid, ms] of after.postgres) used += ms - (before.postgres.get(pid) ?? 0);
      postgresMs = used / requests;
    }
    const loadGeneratorMs = per(before.load, after.load);
    const total = apiMs + (postgresMs ?? 0) + loadGeneratorMs;
    return {
      apiMs: round(apiMs),
      postgresMs: postgresMs === null ? null : round(postgresMs),
      loadGeneratorMs: round(loadGeneratorMs),
      ceilingPerSecond: postgresMs === null || total <= 0 ? null : Math.round((cores * 1000) / total),
    };
  }
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** Nanoseconds on the CPU (schedstat's first field), in ms; null once the process is gone. */
function onCpuMs(pid: number): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

/** `/proc/<pid>/stat`'s fields after the command, whose name may hold spaces and parentheses. */
function statFields(pid: number): { command: string; rest: string[] } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    return { command: stat.slice(stat.indexOf('(') + 1, close), rest: stat.slice(close + 2).split(' ') };
  } catch {
    return null;
  }
}

function parentOf(pid: number): number | null {
  const fields = statFields(pid);
  return fields ? Number(fields.rest[1]) : null;
}

function commandOf(pid: number): string | null {
  return statFields(pid)?.command ?? null;
}

function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (/^\d+$/.test(entry) && parentOf(Number(entry)) === parent) children.push(Number(entry));
  }
  return children;
}
