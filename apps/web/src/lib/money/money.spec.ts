import { describe, expect, it } from '@jest/globals';
import { centsToDollarsText, dollarsToCents, formatCents, formatCompactDollars, formatDollars, formatHourlyRate } from './money';

describe(formatCents.name, () => {
  it.each([
    [0, '$0.00'],
    [5, '$0.05'],
    [129950, '$1,299.50'],
    [100_000_000_001, '$1,000,000,000.01'],
    [-4599, '-$45.99'],
  ])('writes %i cents as %s', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });

  it('writes an hourly rate', () => {
    expect(formatHourlyRate(8500)).toBe('$85.00/h');
  });
});

describe(dollarsToCents.name, () => {
  it.each([
    ['45.99', 4599],
    [45.99, 4599],
    // 0.29 × 100 is 28.999999999999996 in floating point; the digits say 29.
    [0.29, 29],
    [1.005, null],
    ['1,234.5', 123450],
    ['$12', 1200],
    ['12.', 1200],
    ['', null],
    ['-3', null],
    ['abc', null],
  ])('reads %p as %p cents', (typed, cents) => {
    expect(dollarsToCents(typed)).toBe(cents);
  });

  it('round-trips the text a form edits', () => {
    expect(dollarsToCents(centsToDollarsText(129905))).toBe(129905);
    expect(centsToDollarsText(7)).toBe('0.07');
  });
});

describe(formatDollars.name, () => {
  it.each([
    [0, '$0'],
    [129949, '$1,299'],
    [129950, '$1,300'],
    [-4599, '-$46'],
  ])('writes %i cents in whole dollars as %s', (cents, text) => {
    expect(formatDollars(cents)).toBe(text);
  });
});

describe(formatCompactDollars.name, () => {
  it.each([
    [0, '$0'],
    [95000, '$950'],
    [1_250_000, '$12.5K'],
    [123_456_789, '$1.2M'],
  ])('writes %i cents on an axis as %s', (cents, text) => {
    expect(formatCompactDollars(cents)).toBe(text);
  });
});
