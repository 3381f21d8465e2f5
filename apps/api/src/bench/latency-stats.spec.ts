import { describe, expect, it } from '@jest/globals';
import { overhead, percentile, summarise } from './latency-stats.js';

describe('percentile', () => {
  it('takes the nearest rank: the smallest value with p % of the values at or below it', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i + 1); // 1 … 100
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7, 9, 20], 50)).toBe(9);
    expect(percentile([7, 9, 20], 95)).toBe(20);
    expect(percentile([4], 1)).toBe(4);
  });

  it('has no value for no samples, and refuses a percentile outside (0, 100]', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('summarise', () => {
  it('sorts the samples itself and reports throughput over the run’s wall-clock time', () => {
    const stats = summarise([30, 10, 20, 40], 2);
    expect(stats).toEqual({ requests: 4, p50: 20, p95: 40, p99: 40, max: 40, mean: 25, perSecond: 2 });
  });

  it('keeps the tail: one slow request in twenty is the p95', () => {
    const samples = [...Array.from({ length: 19 }, () => 5), 500];
    expect(summarise(samples, 1)).toMatchObject({ p50: 5, p95: 5, p99: 500, max: 500 });
    expect(summarise([...samples, 500], 1).p95).toBe(500);
  });
});

describe('overhead', () => {
  it('is the API’s p95 over the raw SQL’s, to two decimals', () => {
    const api = summarise([12, 12, 12], 1);
    const raw = summarise([8, 8, 8], 1);
    expect(overhead(api, raw)).toBe(1.5);
  });
});
