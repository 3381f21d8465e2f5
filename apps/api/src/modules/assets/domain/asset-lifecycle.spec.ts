import { describe, expect, it } from '@jest/globals';
import { addYears, assetLifecycle, wholeMonthsBetween } from './asset-lifecycle.js';

describe(assetLifecycle.name, () => {
  it('dates the replacement from the purchase date and the lifecycle, and counts whole months', () => {
    expect(assetLifecycle('2023-03-15', 4, '2026-03-02')).toEqual({
      replacementDue: '2027-03-15',
      ageMonths: 35,
      monthsToReplacement: 12,
      replacementOverdue: false,
    });
  });

  it('counts months to replacement as negative once the date has passed', () => {
    expect(assetLifecycle('2020-01-10', 5, '2026-03-02')).toEqual({
      replacementDue: '2025-01-10',
      ageMonths: 73,
      monthsToReplacement: -13,
      replacementOverdue: true,
    });
    expect(assetLifecycle('2021-03-02', 5, '2026-03-02')).toMatchObject({ monthsToReplacement: 0, replacementOverdue: true });
  });

  it('knows nothing without a purchase date, and gives no negative age before the purchase', () => {
    expect(assetLifecycle(null, 4, '2026-03-02')).toEqual({
      replacementDue: null,
      ageMonths: null,
      monthsToReplacement: null,
      replacementOverdue: null,
    });
    expect(assetLifecycle('2026-05-01', 3, '2026-03-02')).toMatchObject({ ageMonths: 0, replacementDue: '2029-05-01' });
  });
});

describe(addYears.name, () => {
  it('moves 29 February to 28 February in a common year and keeps it in a leap year', () => {
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2025-12-31', 1)).toBe('2026-12-31');
  });
});

describe(wholeMonthsBetween.name, () => {
  it('completes a month on the same day, or on the last day of a shorter month', () => {
    expect(wholeMonthsBetween('2026-01-15', '2026-02-14')).toBe(0);
    expect(wholeMonthsBetween('2026-01-15', '2026-02-15')).toBe(1);
    expect(wholeMonthsBetween('2026-01-31', '2026-02-28')).toBe(1);
    expect(wholeMonthsBetween('2026-02-28', '2026-01-31')).toBe(-1);
    expect(wholeMonthsBetween('2025-03-02', '2026-03-02')).toBe(12);
    expect(wholeMonthsBetween('2027-03-16', '2027-03-15')).toBe(0); // not -0: JSON and toBe agree
  });
});
