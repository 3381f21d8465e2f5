import { describe, expect, it } from '@jest/globals';
import { resolveRange } from './report-range.js';

describe(resolveRange.name, () => {
  it('defaults to the 12 calendar months ending with the month of to (today by default)', () => {
    expect(resolveRange({}, '2026-03-02', 7, 'trailing_year')).toEqual({ range: { from: '2025-04-01', to: '2026-03-02' } });
    expect(resolveRange({ to: '2025-12-31' }, '2026-03-02', 7, 'trailing_year')).toEqual({
      range: { from: '2025-01-01', to: '2025-12-31' },
    });
    expect(resolveRange({ from: '2026-01-10' }, '2026-03-02', 7, 'trailing_year')).toEqual({
      range: { from: '2026-01-10', to: '2026-03-02' },
    });
  });

  it('forecasts from the current fiscal year through the fourth after it', () => {
    expect(resolveRange({}, '2026-03-02', 7, 'forecast')).toEqual({ range: { from: '2025-07-01', to: '2030-06-30' } });
    expect(resolveRange({}, '2026-07-01', 7, 'forecast')).toEqual({ range: { from: '2026-07-01', to: '2031-06-30' } });
    expect(resolveRange({ from: '2026-01-01' }, '2026-03-02', 1, 'forecast')).toEqual({
      range: { from: '2026-01-01', to: '2030-12-31' },
    });
  });

  it('refuses from after to, naming from', () => {
    expect(resolveRange({ from: '2026-02-01', to: '2026-01-31' }, '2026-03-02', 7, 'trailing_year').errors).toEqual([
      { field: 'from', messages: ['from (2026-02-01) must be on or before to (2026-01-31)'] },
    ]);
  });

  it('takes a range of just under 10 years and refuses 10 years, naming to', () => {
    expect(resolveRange({ from: '2016-01-01', to: '2025-12-31' }, '2026-03-02', 7, 'trailing_year').range).toBeDefined();
    expect(resolveRange({ from: '2016-01-01', to: '2026-01-01' }, '2026-03-02', 7, 'trailing_year').errors).toEqual([
      { field: 'to', messages: ['to must be less than 10 years after from'] },
    ]);
  });
});
