import { describe, expect, it } from '@jest/globals';
import { formatMonths, formatWorkMinutes } from './durations';

describe(formatWorkMinutes.name, () => {
  it.each([
    [0, '0 min'],
    [45, '45 min'],
    [75, '1 h 15 min'],
    [27 * 60 + 5, '27 h 5 min'],
  ])('writes %i minutes of work as %s', (minutes, text) => {
    expect(formatWorkMinutes(minutes)).toBe(text);
  });
});

describe(formatMonths.name, () => {
  it.each([
    [0, 'under a month'],
    [1, '1 month'],
    [11, '11 months'],
    [12, '1 year'],
    [38, '3 years 2 months'],
  ])('writes %i months as %s', (months, text) => {
    expect(formatMonths(months)).toBe(text);
  });
});
