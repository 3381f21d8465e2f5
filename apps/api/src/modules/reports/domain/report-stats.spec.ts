import { describe, expect, it } from '@jest/globals';
import { ratio, roundTo, seriesStats } from './report-stats.js';

describe(ratio.name, () => {
  it('divides, and has no ratio of nothing', () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(0, 5)).toBe(0);
    expect(ratio(0, 0)).toBeNull();
  });
});

describe(roundTo.name, () => {
  it('rounds half away from zero and keeps null', () => {
    expect(roundTo(2.25, 1)).toBe(2.3);
    expect(roundTo(-2.25, 1)).toBe(-2.3);
    expect(roundTo(1.005, 2)).toBe(1); // 1.005 is 1.00499999… in binary
    expect(roundTo(42, 1)).toBe(42);
    expect(roundTo(null, 1)).toBeNull();
  });
});

describe(seriesStats.name, () => {
  it('gives the mean, the population standard deviation and their ratio', () => {
    expect(seriesStats([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ count: 8, mean: 5, stdDev: 2, coefficientOfVariation: 0.4 });
  });

  it('has no variation for an even series, and no ratio when nothing was spent', () => {
    expect(seriesStats([300, 300, 300])).toEqual({ count: 3, mean: 300, stdDev: 0, coefficientOfVariation: 0 });
    expect(seriesStats([0, 0])).toEqual({ count: 2, mean: 0, stdDev: 0, coefficientOfVariation: null });
    expect(seriesStats([])).toEqual({ count: 0, mean: null, stdDev: null, coefficientOfVariation: null });
  });
});
