import type { CpuPerRequest } from './cpu-meter.js';
import type { LatencyStats } from './latency-stats.js';

/**
 * Issue 7's targets and the check of measured figures against them. Pure: the harness measures,
 * this decides what was met.
 */

/** One load scenario at one concurrency: the API's figures and, for reads, the same SQL's alone. */
export interface ScenarioRun {
  scenario: string;
  title: string;
  connections: number;
  api: LatencyStats;
  /** Responses by status code; anything but 2xx is a finding. */
  statusCodes: Record<string, number>;
  /** Connection errors and timeouts. */
  errors: number;
  raw: LatencyStats | null;
  /** API p95 ÷ raw SQL p95. */
  ratio: number | null;
  /** CPU per request of the API, PostgreSQL and the load generator (absent for the HTTP ceiling). */
  cpu?: CpuPerRequest | null;
}

export interface TargetCheck {
  name: string;
  measured: string;
  target: string;
  met: boolean;
}

/** Scenario ids the targets refer to. */
export const SCENARIO = {
  queuePage: 'queue-page-1',
  deepPage: 'queue-page-deep',
  badge: 'queue-badges',
  detail: 'ticket-detail',
  events: 'ticket-events',
  create: 'create-ticket',
  comment: 'add-comment',
  ceiling: 'bare-fastify',
} as const;

export const REPORT_PREFIX = 'report-';

export const LIMITS = {
  queueP95: 50,
  deepOverPage1: 1.2,
  badgeP95: 50,
  detailP95: 30,
  createPerSecond: 300,
  reportP95: 300,
  apiOverRaw: 1.5,
  rssMb: 300,
  sweepSeconds: 10,
  /** The sweep's time with the full history over its time with a tenth of it. */
  sweepGrowth: 1.25,
  webKb: 250,
} as const;

/** The latency or throughput target of a scenario row, as text and as a check; null where none applies. */
export function rowTarget(run: ScenarioRun, maxConnections: number): { target: string; met: boolean } | null {
  const p95 = (limit: number) => ({ target: `p95 ≤ ${limit} ms`, met: run.api.p95 <= limit });
  switch (run.scenario) {
    case SCENARIO.queuePage:
    case SCENARIO.deepPage:
      return p95(LIMITS.queueP95);
    case SCENARIO.badge:
      return p95(LIMITS.badgeP95);
    case SCENARIO.detail:
    case SCENARIO.events:
      return p95(LIMITS.detailP95);
    case SCENARIO.create:
      // A rate only the full load can show.
      return run.connections === maxConnections
        ? { target: `≥ ${LIMITS.createPerSecond}/s`, met: run.api.perSecond >= LIMITS.createPerSecond }
        : null;
    default:
      return run.scenario.startsWith(REPORT_PREFIX) ? p95(LIMITS.reportP95) : null;
  }
}

/** Scenarios whose API ÷ raw SQL ratio the issue bounds. */
export function ratioBounded(scenario: string): boolean {
  return (
    scenario === SCENARIO.queuePage ||
    scenario === SCENARIO.deepPage ||
    scenario === SCENARIO.detail ||
    scenario.startsWith(REPORT_PREFIX)
  );
}

/** A row is met when its target and (where bounded) its API ÷ raw ratio are, and it answered only 2xx. */
export function rowMet(run: ScenarioRun, maxConnections: number): boolean | null {
  const target = rowTarget(run, maxConnections);
  const ratioOk = !ratioBounded(run.scenario) || run.ratio === null || run.ratio <= LIMITS.apiOverRaw;
  if (!target && !ratioBounded(run.scenario)) return null;
  return (target?.met ?? true) && ratioOk && failures(run) === 0;
}

/** Responses that were not 2xx, plus connection errors. */
export function failures(run: ScenarioRun): number {
  const bad = Object.entries(run.statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0);
  return bad + run.errors;
}

export interface OtherFigures {
  /** SQL statements of one queue page request by page size. */
  statementsByPageSize: Record<number, number>;
  peakRssMb: number | null;
  sweep: { seconds: number; tickets: number; closed: number }[] | null;
  webInitialKb: number | null;
}

/** The checks that are not one scenario row: deep page vs page 1, statements, memory, sweep, web. */
export function otherChecks(runs: readonly ScenarioRun[], figures: OtherFigures): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const top = Math.max(...runs.map((r) => r.connections));
  const at = (scenario: string) => runs.find((r) => r.scenario === scenario && r.connections === top);
  const page1 = at(SCENARIO.queuePage);
  const deep = at(SCENARIO.deepPage);
  if (page1 && deep) {
    const ratio = Math.round((deep.api.p95 / page1.api.p95) * 100) / 100;
    checks.push({
      name: `deep queue page vs page 1 (p95 @${top})`,
      measured: `${ratio}×`,
      target: `≤ ${LIMITS.deepOverPage1}×`,
      met: ratio <= LIMITS.deepOverPage1,
    });
  }
  const sizes = Object.entries(figures.statementsByPageSize);
  if (sizes.length > 1) {
    const counts = new Set(sizes.map(([, n]) => n));
    checks.push({
      name: 'SQL statements per queue page request',
      measured: sizes.map(([size, n]) => `${n} at ${size} rows`).join(', '),
      target: 'the same at every page size',
      met: counts.size === 1,
    });
  }
  if (figures.peakRssMb !== null) {
    checks.push({
      name: 'peak API memory under load (RSS)',
      measured: `${figures.peakRssMb} MB`,
      target: `≤ ${LIMITS.rssMb} MB`,
      met: figures.peakRssMb <= LIMITS.rssMb,
    });
  }
  if (figures.sweep && figures.sweep.length > 0) {
    const slowest = Math.max(...figures.sweep.map((s) => s.seconds));
    checks.push({
      name: `escalation sweep over ${figures.sweep[0]!.tickets.toLocaleString('en-US')} due tickets`,
      measured: figures.sweep.map((s) => `${s.seconds} s with ${s.closed.toLocaleString('en-US')} closed`).join(', '),
      target: `≤ ${LIMITS.sweepSeconds} s`,
      met: slowest <= LIMITS.sweepSeconds,
    });
    if (figures.sweep.length > 1) {
      const byHistory = [...figures.sweep].sort((a, b) => a.closed - b.closed);
      const growth = Math.round((byHistory[byHistory.length - 1]!.seconds / Math.max(0.01, byHistory[0]!.seconds)) * 100) / 100;
      checks.push({
        name: 'escalation sweep with all history vs a tenth of it',
        measured: `${growth}×`,
        target: `≤ ${LIMITS.sweepGrowth}× (the same)`,
        met: growth <= LIMITS.sweepGrowth,
      });
    }
  }
  if (figures.webInitialKb !== null) {
    checks.push({
      name: 'web app initial JavaScript (gzip)',
      measured: `${figures.webInitialKb} kB`,
      target: `≤ ${LIMITS.webKb} kB`,
      met: figures.webInitialKb <= LIMITS.webKb,
    });
  }
  for (const run of runs) {
    const failed = failures(run);
    if (failed > 0) {
      checks.push({
        name: `${run.title} @${run.connections}: every response 2xx`,
        measured: `${failed} failed (${Object.entries(run.statusCodes)
          .map(([code, n]) => `${code}: ${n}`)
          .join(', ')}${run.errors ? `, ${run.errors} connection errors` : ''})`,
        target: 'none',
        met: false,
      });
    }
  }
  return checks;
}
