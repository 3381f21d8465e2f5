import { describe, expect, it } from '@jest/globals';
import { periodLabel, periodStartOf, reportPeriods } from './report-period.js';

describe(periodStartOf.name, () => {
  it.each([
    ['week', '2026-01-31', 7, '2026-01-26'], // a Saturday belongs to the week from Monday
    ['week', '2026-01-26', 7, '2026-01-26'], // a Monday starts its week
    ['week', '2026-02-01', 7, '2026-01-26'], // a Sunday ends it
    ['week', '2026-01-01', 7, '2025-12-29'], // weeks cross years
    ['month', '2026-01-31', 7, '2026-01-01'],
    ['quarter', '2026-03-31', 7, '2026-01-01'],
    ['quarter', '2026-04-01', 7, '2026-04-01'],
    ['quarter', '2026-12-31', 7, '2026-10-01'],
    ['fiscal_year', '2026-06-30', 7, '2025-07-01'], // the last day of FY2026
    ['fiscal_year', '2026-07-01', 7, '2026-07-01'], // the first day of FY2027
    ['fiscal_year', '2026-09-30', 10, '2025-10-01'], // a federal-style October start
    ['fiscal_year', '2026-10-01', 10, '2026-10-01'],
    ['fiscal_year', '2026-12-31', 1, '2026-01-01'], // a calendar fiscal year
  ] as const)('puts %s of %s (fiscal start %i) in the period from %s', (interval, date, fiscal, start) => {
    expect(periodStartOf(date, interval, fiscal)).toBe(start);
  });
});

describe(periodLabel.name, () => {
  it.each([
    ['week', '2025-12-29', 7, '2026-W01'], // ISO: the week holding the year's first Thursday
    ['week', '2026-12-28', 7, '2026-W53'], // 2026 has 53 ISO weeks
    ['week', '2027-01-04', 7, '2027-W01'],
    ['week', '2024-12-30', 7, '2025-W01'],
    ['month', '2026-02-01', 7, '2026-02'],
    ['quarter', '2026-10-01', 7, '2026-Q4'],
    ['fiscal_year', '2025-07-01', 7, 'FY2026'], // named by the year it ends in
    ['fiscal_year', '2025-10-01', 10, 'FY2026'],
    ['fiscal_year', '2026-01-01', 1, 'FY2026'],
  ] as const)('labels the %s starting %s (fiscal start %i) %s', (interval, start, fiscal, label) => {
    expect(periodLabel(start, interval, fiscal)).toBe(label);
  });
});

describe(reportPeriods.name, () => {
  it('covers the range with consecutive periods, the first and last reaching outside it', () => {
    expect(reportPeriods('2026-01-15', '2026-03-02', 'month', 7)).toEqual([
      { period: '2026-01', periodStart: '2026-01-01', nextStart: '2026-02-01' },
      { period: '2026-02', periodStart: '2026-02-01', nextStart: '2026-03-01' },
      { period: '2026-03', periodStart: '2026-03-01', nextStart: '2026-04-01' },
    ]);
  });

  it('gives fiscal years across a July boundary and quarters and weeks without gaps', () => {
    expect(reportPeriods('2025-06-30', '2026-07-01', 'fiscal_year', 7).map((p) => p.period)).toEqual([
      'FY2025',
      'FY2026',
      'FY2027',
    ]);
    const quarters = reportPeriods('2025-11-20', '2026-08-01', 'quarter', 7);
    expect(quarters.map((p) => p.period)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    const weeks = reportPeriods('2026-01-01', '2026-03-31', 'week', 7);
    expect(weeks).toHaveLength(14);
    weeks.slice(1).forEach((week, i) => expect(week.periodStart).toBe(weeks[i]!.nextStart));
  });

  it('gives one period for a one-day range', () => {
    expect(reportPeriods('2026-02-28', '2026-02-28', 'week', 7)).toEqual([
      { period: '2026-W09', periodStart: '2026-02-23', nextStart: '2026-03-02' },
    ]);
  });
});
