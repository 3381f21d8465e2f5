import { describe, expect, it } from '@jest/globals';
import { reportPeriods } from './report-period.js';
import { gridRows } from './report-rows.js';

const periods = reportPeriods('2026-01-01', '2026-02-28', 'month', 7);
const count = (f: { n: number } | undefined) => ({ n: f?.n ?? 0 });

describe(gridRows.name, () => {
  it('fills every period and every value of a vocabulary group, in the vocabulary order', () => {
    const rows = gridRows(periods, 'priority', [{ periodStart: '2026-02-01', groupKey: 'P3', groupName: 'P3', n: 4 }], count);
    expect(rows.map((r) => [r.period, r.groupKey, r.n])).toEqual([
      ['2026-01', 'P1', 0],
      ['2026-01', 'P2', 0],
      ['2026-01', 'P3', 0],
      ['2026-01', 'P4', 0],
      ['2026-02', 'P1', 0],
      ['2026-02', 'P2', 0],
      ['2026-02', 'P3', 4],
      ['2026-02', 'P4', 0],
    ]);
  });

  it('lists the groups that occur by name, the group without a value last as "(none)"', () => {
    const rows = gridRows(
      periods,
      'category',
      [
        { periodStart: '2026-01-01', groupKey: null, groupName: null, n: 1 },
        { periodStart: '2026-01-01', groupKey: 'id-b', groupName: 'Network', n: 2 },
        { periodStart: '2026-02-01', groupKey: 'id-a', groupName: 'Hardware', n: 3 },
      ],
      count,
    );
    expect(rows.map((r) => [r.period, r.groupName, r.n])).toEqual([
      ['2026-01', 'Hardware', 0],
      ['2026-01', 'Network', 2],
      ['2026-01', '(none)', 1],
      ['2026-02', 'Hardware', 3],
      ['2026-02', 'Network', 0],
      ['2026-02', '(none)', 0],
    ]);
  });

  it('gives one row per period when not split', () => {
    const rows = gridRows(periods, null, [{ periodStart: '2026-01-01', groupKey: null, groupName: null, n: 7 }], count);
    expect(rows).toEqual([
      { period: '2026-01', periodStart: '2026-01-01', groupKey: null, groupName: null, n: 7 },
      { period: '2026-02', periodStart: '2026-02-01', groupKey: null, groupName: null, n: 0 },
    ]);
  });
});
