import { describe, expect, it } from '@jest/globals';
import { cpuRows, tableRows, textTable, updateBenchmarksMarkdown } from './bench-report.js';
import { CpuMeter } from './cpu-meter.js';
import { summarise } from './latency-stats.js';
import { SCENARIO, type ScenarioRun } from './targets.js';

const run = (
  scenario: string,
  title: string,
  connections: number,
  ms: number,
  extra: Partial<ScenarioRun> = {},
): ScenarioRun => ({
  scenario,
  title,
  connections,
  api: summarise(
    Array.from({ length: 20 }, () => ms),
    10,
  ),
  statusCodes: { 200: 4 },
  errors: 0,
  raw: null,
  ratio: null,
  ...extra,
});

describe('CPU per request', () => {
  const reading = (api: number, postgres: [number, number][] | null, load: number) => ({
    api,
    postgres: postgres && new Map(postgres),
    load,
  });

  it('divides each part by the requests, counts a backend that started or ended only for its own time, and derives the ceiling', () => {
    // Backend 11 ran 300 ms, backend 12 started during the run (200 ms), backend 10 ended.
    const before = reading(
      1_000,
      [
        [1, 50],
        [10, 400],
        [11, 100],
      ],
      500,
    );
    const after = reading(
      1_700,
      [
        [1, 50],
        [11, 400],
        [12, 200],
      ],
      600,
    );
    expect(CpuMeter.perRequest(before, after, 100, 2)).toEqual({
      apiMs: 7,
      postgresMs: 5,
      loadGeneratorMs: 1,
      ceilingPerSecond: Math.round(2000 / 13),
    });
  });

  it('leaves PostgreSQL and the ceiling out when its server is not on this machine', () => {
    expect(CpuMeter.perRequest(reading(0, null, 0), reading(300, null, 10), 10, 2)).toEqual({
      apiMs: 30,
      postgresMs: null,
      loadGeneratorMs: 1,
      ceilingPerSecond: null,
    });
    expect(CpuMeter.perRequest(reading(0, null, 0), reading(300, null, 10), 0, 2)).toBeNull();
  });

  it('tabulates the highest client count: the ceiling and the least mean latency it allows', () => {
    const cpu = { apiMs: 7, postgresMs: 3, loadGeneratorMs: 0, ceilingPerSecond: 200 };
    const rows = cpuRows([
      run(SCENARIO.queuePage, 'Queue page 1', 1, 5, { cpu }),
      run(SCENARIO.queuePage, 'Queue page 1', 50, 250, { cpu }),
      run(SCENARIO.ceiling, 'Bare Fastify', 50, 1),
    ]);
    // 50 clients at most 200/s: each waits at least 50 / 200 s = 250 ms on average.
    expect(rows).toEqual([['Queue page 1', '7.00', '3.00', '0.00', '200', '2', '250', '250']]);
  });
});

describe('tableRows', () => {
  it('shows the figures, the ratio with its bound where the issue sets one, the target and whether it was met', () => {
    const rows = tableRows([
      run(SCENARIO.queuePage, 'Queue page 1', 50, 40, { raw: summarise([20, 20], 1), ratio: 2 }),
      run(SCENARIO.badge, 'Badges', 50, 10, { statusCodes: { 200: 3, 500: 1 } }),
      run(SCENARIO.ceiling, 'Bare Fastify', 50, 1),
    ]);
    expect(rows).toEqual([
      ['Queue page 1', '50', '40.0', '40.0', '40.0', '2', '20.0', '2.00 (≤ 1.5)', 'p95 ≤ 50 ms', 'NO'],
      ['Badges ⚠ 1 failed', '50', '10.0', '10.0', '10.0', '2', '—', '—', 'p95 ≤ 50 ms', 'NO'],
      ['Bare Fastify', '50', '1.0', '1.0', '1.0', '2', '—', '—', '', ''],
    ]);
  });
});

describe('tableRows of a slow scenario', () => {
  it('says how few responses a percentile was taken over', () => {
    const slow = { ...run('report-spend', 'Spend', 50, 9000), api: summarise([9000, 9100, 9200, 9300], 90) };
    expect(tableRows([slow])[0]![0]).toBe('Spend (4 responses)');
  });
});

describe('textTable', () => {
  it('aligns the first column left and the figures right', () => {
    expect(
      textTable(
        ['a', 'bb'],
        [
          ['x', '1'],
          ['yyy', '22'],
        ],
      ),
    ).toBe('a    bb\n───  ──\nx     1\nyyy  22');
  });
});

describe('updateBenchmarksMarkdown', () => {
  const preamble = '# Benchmarks\n\nHow they are made.\n';

  it('adds a scale’s section at the end the first time', () => {
    expect(updateBenchmarksMarkdown(preamble, '1M', '## 1M\nfirst')).toBe(
      '# Benchmarks\n\nHow they are made.\n\n<!-- bench:1M:begin -->\n## 1M\nfirst\n<!-- bench:1M:end -->\n',
    );
  });

  it('replaces only that scale’s section on the next run, keeping the others and the prose', () => {
    const both = updateBenchmarksMarkdown(updateBenchmarksMarkdown(preamble, '1M', '## 1M\nfirst'), '20k', '## 20k\nsmall');
    const again = updateBenchmarksMarkdown(both, '1M', '## 1M\nsecond\n');
    expect(again).toContain('## 1M\nsecond\n<!-- bench:1M:end -->');
    expect(again).not.toContain('first');
    expect(again).toContain('<!-- bench:20k:begin -->\n## 20k\nsmall\n<!-- bench:20k:end -->');
    expect(again.startsWith(preamble)).toBe(true);
  });
});
