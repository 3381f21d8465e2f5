import { describe, expect, it } from '@jest/globals';
import { tableRows, textTable, updateBenchmarksMarkdown } from './bench-report.js';
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
