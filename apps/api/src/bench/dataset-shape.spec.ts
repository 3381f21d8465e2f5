import { describe, expect, it } from '@jest/globals';
import { benchDatabaseName, checkDatabaseName, datasetShape, occurrencesOfPlan, scaleLabel } from './dataset-shape.js';

describe('datasetShape', () => {
  it('makes the issue’s city at a million tickets', () => {
    const shape = datasetShape(1_000_000);
    expect(shape).toMatchObject({ departments: 50, requesters: 5_000, technicians: 200, queues: 20, years: 5, openShare: 0.02 });
    expect(shape.maintenanceTickets + shape.requestTickets).toBe(1_000_000);
  });

  it('spreads the maintenance tickets over weekly plans of at most five years of weeks, none lost', () => {
    for (const scale of [1_000, 20_000, 1_000_000, 1_234_567]) {
      const shape = datasetShape(scale);
      const perPlan = Array.from({ length: shape.maintenancePlans }, (_, k) => occurrencesOfPlan(shape, k));
      expect(perPlan.reduce((a, b) => a + b, 0)).toBe(shape.maintenanceTickets);
      expect(Math.max(...perPlan)).toBeLessThanOrEqual(5 * 52);
      expect(Math.max(...perPlan) - Math.min(...perPlan)).toBeLessThanOrEqual(1);
    }
  });

  it('refuses scales it cannot make', () => {
    expect(() => datasetShape(999)).toThrow(/scale must be an integer from 1000/);
    expect(() => datasetShape(1.5e3 + 0.5)).toThrow(RangeError);
    expect(() => datasetShape(30_000_000)).toThrow(RangeError);
  });
});

describe('benchDatabaseName', () => {
  it('names one database per scale', () => {
    expect(benchDatabaseName(20_000)).toBe('civicdesk_bench_20000');
  });

  it('accepts plain identifiers and refuses the app’s own databases', () => {
    expect(checkDatabaseName('bench_small')).toBe('bench_small');
    expect(() => checkDatabaseName('Bench')).toThrow(/lower-case/);
    expect(() => checkDatabaseName('x; DROP TABLE users')).toThrow(/lower-case/);
    expect(() => checkDatabaseName('civicdesk')).toThrow(/not a benchmark database/);
    expect(() => checkDatabaseName('template1')).toThrow(/not a benchmark database/);
  });
});

describe('scaleLabel', () => {
  it('says scales as people do', () => {
    expect(scaleLabel(1_000_000)).toBe('1M');
    expect(scaleLabel(20_000)).toBe('20k');
    expect(scaleLabel(1_500)).toBe('1500');
  });
});
