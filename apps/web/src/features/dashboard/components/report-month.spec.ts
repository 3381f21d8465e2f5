import { describe, expect, it } from '@jest/globals';
import { lastWholeMonth, monthDays, monthTitle, readReportMonth, shiftMonth, trendDays } from './report-month';

describe('report month', () => {
  it.each([
    ['2026-03', '2026-03'],
    ['2026-13', null],
    ['2026-3', null],
    ['', null],
    [null, null],
  ])('reads %p as %p', (text, month) => {
    expect(readReportMonth(text)).toBe(month);
  });

  it('shifts across year ends', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2026-03', -11)).toBe('2025-04');
  });

  it('takes the last whole month before today', () => {
    expect(lastWholeMonth('2026-01-01')).toBe('2025-12');
    expect(lastWholeMonth('2026-03-31')).toBe('2026-02');
  });

  it('spans the month, leap days included, and the twelve months ending with it', () => {
    expect(monthDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthDays('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(trendDays('2026-03')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
  });

  it('names the month', () => {
    expect(monthTitle('2026-03')).toBe('March 2026');
  });
});
