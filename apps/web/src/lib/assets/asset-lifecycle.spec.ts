import { describe, expect, it } from '@jest/globals';
import { isReplacementOverdue, replacementDate, replacementWords } from './asset-lifecycle';

describe(replacementDate.name, () => {
  it('adds the lifecycle years to the purchase date', () => {
    expect(replacementDate('2023-07-01', 4)).toBe('2027-07-01');
  });

  it('moves 29 February to 28 February in a common year', () => {
    expect(replacementDate('2024-02-29', 3)).toBe('2027-02-28');
    expect(replacementDate('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('has no date without a purchase date', () => {
    expect(replacementDate(null, 4)).toBeNull();
  });
});

describe(isReplacementOverdue.name, () => {
  it('is overdue on the day itself and after', () => {
    expect(isReplacementOverdue('2026-03-02', '2026-03-01')).toBe(false);
    expect(isReplacementOverdue('2026-03-02', '2026-03-02')).toBe(true);
    expect(isReplacementOverdue(null, '2026-03-02')).toBe(false);
  });
});

describe(replacementWords.name, () => {
  const lifecycle = { replacementDue: '2027-07-01', ageMonths: 20 };
  it.each([
    [{ monthsToReplacement: 14, replacementOverdue: false }, '14 months to go'],
    [{ monthsToReplacement: 1, replacementOverdue: false }, '1 month to go'],
    [{ monthsToReplacement: 0, replacementOverdue: false }, 'Due within a month'],
    [{ monthsToReplacement: 0, replacementOverdue: true }, 'Due now'],
    [{ monthsToReplacement: -3, replacementOverdue: true }, 'Overdue by 3 months'],
    [{ monthsToReplacement: null, replacementOverdue: null }, null],
  ])('says %o as %p', (months, words) => {
    expect(replacementWords({ ...lifecycle, ...months })).toBe(words);
  });
});
