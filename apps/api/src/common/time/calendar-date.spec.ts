import { describe, expect, it } from '@jest/globals';
import { isCalendarDate } from './calendar-date.js';

describe(isCalendarDate.name, () => {
  it('accepts real calendar dates, leap days included', () => {
    for (const value of ['2026-01-31', '2024-02-29', '2000-02-29', '1999-12-31', '2026-04-30']) {
      expect(isCalendarDate(value)).toBe(true);
    }
  });

  it('refuses impossible days, other formats and non-strings', () => {
    for (const value of [
      '2025-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-1-5',
      '2026-01-05T00:00:00Z',
      '05/01/2026',
      '',
      20260105,
      null,
    ]) {
      expect(isCalendarDate(value)).toBe(false);
    }
  });
});
