import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { MIN_SAMPLES } from './load-runner.js';
import { failures, LIMITS, ratioBounded, rowMet, rowTarget, type ScenarioRun, type TargetCheck } from './targets.js';

/** Where and on what the figures were measured. */
export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  /** 1, 5 and 15 minute load averages when the run started and ended. */
  loadAtStart: number[];
  loadAtEnd: number[];
  node: string;
  postgres: string;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  scale: number;
  scaleLabel: string;
  durationSeconds: number;
  dataset: { name: string; reused: boolean; buildSeconds: number; builtAt: string; t0: string; counts: Record<string, number> };
  machine: MachineInfo;
  runs: ScenarioRun[];
  checks: TargetCheck[];
  statementsByPageSize: Record<number, number>;
  peakRssMb: number | null;
  highWaterRssMb: number | null;
  startupCatchUpSeconds: number | null;
  sweep: { seconds: number; tickets: number; fired: number; closed: number }[] | null;
  maintenance: Record<string, unknown> | null;
  web: { gzipKb: number; files: { path: string; bytes: number; gzipBytes: number }[] } | null;
  /** Things the run found that are not figures: failed responses, skipped sections. */
  notes: string[];
}

const fmt = (n: number | null | undefined, digits = 1): string =>
  n === null || n === undefined || Number.isNaN(n) ? '—' : n.toFixed(digits);
const yesNo = (met: boolean | null): string => (met === null ? '' : met ? 'yes' : 'NO');
const topClients = (runs: readonly ScenarioRun[]): number => Math.max(...runs.map((r) => r.connections));

/** The scenario table as rows of cells (scenario, clients, p50, p95, p99, req/s, raw p95, API÷raw, target, met?). */
export function tableRows(runs: readonly ScenarioRun[]): string[][] {
  const top = topClients(runs);
  return runs.map((run) => {
    const target = rowTarget(run, top);
    const ratioText =
      run.ratio === null ? '—' : `${run.ratio.toFixed(2)}${ratioBounded(run.scenario) ? ` (≤ ${LIMITS.apiOverRaw})` : ''}`;
    const failed = failures(run);
    const few = run.api.requests < MIN_SAMPLES ? ` (${run.api.requests} responses)` : '';
    return [
      run.title + few + (failed ? ` ⚠ ${failed} failed` : ''),
      String(run.connections),
      fmt(run.api.p50),
      fmt(run.api.p95),
      fmt(run.api.p99),
      fmt(run.api.perSecond, 0),
      run.raw ? fmt(run.raw.p95) : '—',
      ratioText,
      target?.target ?? '',
      yesNo(rowMet(run, top)),
    ];
  });
}

/**
 * Where each scenario's CPU goes at the highest client count, and what that allows: the machine's
 * cores divided by the CPU one request takes is the most it can serve, and with N clients always
 * waiting, N ÷ that rate is the least mean latency (Little's law). Measured, not modelled: a
 * latency target below the floor cannot be met on this machine by the API's design alone.
 */
export function cpuRows(runs: readonly ScenarioRun[]): string[][] {
  const top = topClients(runs);
  return runs
    .filter((run) => run.connections === top && run.cpu)
    .map((run) => {
      const cpu = run.cpu!;
      const floor = cpu.ceilingPerSecond ? (top * 1000) / cpu.ceilingPerSecond : null;
      return [
        run.title,
        fmt(cpu.apiMs, 2),
        fmt(cpu.postgresMs, 2),
        fmt(cpu.loadGeneratorMs, 2),
        fmt(cpu.ceilingPerSecond, 0),
        fmt(run.api.perSecond, 0),
        fmt(floor, 0),
        fmt(run.api.mean, 0),
      ];
    });
}

const CPU_HEADER = (top: number, cores: number) => [
  `CPU per request at ${top} clients`,
  'API ms',
  'PostgreSQL ms',
  'load generator ms',
  `${cores}-core ceiling req/s`,
  'measured req/s',
  'least mean latency ms',
  'measured mean ms',
];

const HEADER = [
  'scenario',
  'clients',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'req/s',
  'raw SQL p95 ms',
  'API ÷ raw (p95)',
  'target',
  'met?',
];

/** A plain-text table for the terminal. */
export function textTable(header: readonly string[], rows: readonly string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function markdownTable(header: readonly string[], rows: readonly string[][]): string {
  const esc = (c: string) => c.replaceAll('|', '\\|');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

export function printResults(results: BenchResults, say: (line: string) => void): void {
  say('');
  say(textTable(HEADER, tableRows(results.runs)));
  const cpu = cpuRows(results.runs);
  if (cpu.length) {
    say('');
    say(textTable(CPU_HEADER(topClients(results.runs), results.machine.cores), cpu));
  }
  say('');
  say(
    textTable(
      ['check', 'measured', 'target', 'met?'],
      results.checks.map((c) => [c.name, c.measured, c.target, yesNo(c.met)]),
    ),
  );
  if (results.peakRssMb !== null)
    say(
      `\npeak API RSS under load: ${results.peakRssMb} MB (high-water mark over its life ${fmt(results.highWaterRssMb, 0)} MB)`,
    );
  if (results.maintenance) say(`maintenance generation: ${maintenanceText(results.maintenance)}`);
  for (const note of results.notes) say(`note: ${note}`);
}

/** The Markdown section of one scale: the tables, the dataset and the machine. */
export function markdownSection(r: BenchResults): string {
  const m = r.machine;
  const counts = r.dataset.counts;
  const lines = [
    `## ${r.scaleLabel} tickets (\`npm run bench -- --scale ${r.scale}\`)`,
    '',
    `Measured ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${r.durationSeconds} s per scenario and client count. ` +
      `Machine: ${m.cores} × ${m.cpuModel}, ${m.memoryGiB} GiB RAM, Node ${m.node}, ${m.postgres}. ` +
      `Load average at start ${m.loadAtStart.map((l) => l.toFixed(2)).join(' / ')}, at the end ${m.loadAtEnd
        .map((l) => l.toFixed(2))
        .join(' / ')} (1 / 5 / 15 min; the machine is shared, the load generator and PostgreSQL run on it too).`,
    '',
    `Dataset \`${r.dataset.name}\`: ${(counts.tickets ?? r.scale).toLocaleString('en-US')} tickets ` +
      `(${(counts.open ?? 0).toLocaleString('en-US')} open), ${(counts.events ?? 0).toLocaleString('en-US')} events, ` +
      `${(counts.comments ?? 0).toLocaleString('en-US')} comments, ${(counts.workLogs ?? 0).toLocaleString('en-US')} work logs, ` +
      `${(counts.users ?? 0).toLocaleString('en-US')} users; built in ${fmt(r.dataset.buildSeconds)} s` +
      `${r.dataset.reused ? ` (at ${r.dataset.builtAt.slice(0, 16).replace('T', ' ')} UTC, reused for this run)` : ''}.`,
    '',
    markdownTable(HEADER, tableRows(r.runs)),
    '',
    ...cpuSection(r),
    markdownTable(
      ['check', 'measured', 'target', 'met?'],
      r.checks.map((c) => [c.name, c.measured, c.target, yesNo(c.met)]),
    ),
    '',
  ];
  if (r.peakRssMb !== null) {
    lines.push(
      `Peak API RSS under load: ${r.peakRssMb} MB (high-water mark over the process's life ${fmt(r.highWaterRssMb, 0)} MB).`,
    );
  }
  if (r.startupCatchUpSeconds !== null) {
    lines.push(`The scheduler's catch-up at start-up took ${r.startupCatchUpSeconds} s and finished before the measurements.`);
  }
  if (r.maintenance) lines.push(`Maintenance generation (the maintenance issue's benchmark): ${maintenanceText(r.maintenance)}.`);
  for (const note of r.notes) lines.push(`- ${note}`);
  lines.push('');
  return lines.join('\n');
}

function cpuSection(r: BenchResults): string[] {
  const rows = cpuRows(r.runs);
  if (!rows.length) return [];
  return [
    `CPU per request (from /proc/<pid>/schedstat over each ${topClients(r.runs)}-client run: the API process, every PostgreSQL process, ` +
      `the load generator). The ceiling is ${r.machine.cores} cores ÷ that CPU; the least mean latency is the clients ÷ the ceiling (Little's law).`,
    '',
    markdownTable(CPU_HEADER(topClients(r.runs), r.machine.cores), rows),
    '',
  ];
}

/** bench-maintenance's figures in a sentence. */
function maintenanceText(m: Record<string, unknown>): string {
  const n = (key: string) => (typeof m[key] === 'number' ? m[key].toLocaleString('en-US') : '?');
  return (
    `${n('plans')} plans × ${n('days')} days caught up in one run: ${n('ticketsCreated')} tickets in ${n('generationSeconds')} s ` +
    `(${n('ticketsPerSecond')} tickets/s); a repeat run with nothing due ${n('repeatRunSeconds')} s`
  );
}

const BEGIN = (label: string) => `<!-- bench:${label}:begin -->`;
const END = (label: string) => `<!-- bench:${label}:end -->`;

/**
 * BENCHMARKS.md keeps one section per scale between markers: a run replaces its scale's section
 * and leaves the others (and any prose outside the markers) alone.
 */
export function updateBenchmarksMarkdown(existing: string, label: string, section: string): string {
  const block = `${BEGIN(label)}\n${section.trimEnd()}\n${END(label)}`;
  const start = existing.indexOf(BEGIN(label));
  const end = existing.indexOf(END(label));
  if (start !== -1 && end > start) return existing.slice(0, start) + block + existing.slice(end + END(label).length);
  return `${existing.trimEnd()}\n\n${block}\n`;
}

export function writeBenchmarksFile(file: string, label: string, section: string, preamble: string): void {
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : preamble;
  writeFileSync(file, updateBenchmarksMarkdown(existing, label, section));
}
