import { describe, expect, it } from '@jest/globals';
import {
  incidentRate,
  MONTH_MS,
  planOf,
  pressure,
  PREVENTION,
  preventionMaturity,
  proactiveRamp,
  programmeStart,
} from './story.js';

const NOW = new Date('2026-11-20T15:00:00Z');
const monthsAgo = (m: number) => new Date(NOW.getTime() - m * MONTH_MS);

describe('the demo city story', () => {
  it('has no preventive programme and no prevention in year one', () => {
    for (const code of Object.keys(PREVENTION)) {
      for (const m of [35, 30, 25]) {
        expect(proactiveRamp(code, monthsAgo(m), NOW)).toBe(0);
        expect(incidentRate(code, monthsAgo(m), NOW)).toBe(1);
        expect(pressure(code, monthsAgo(m), NOW)).toBe(1);
      }
    }
  });

  it('starts the programmes one department after another from year two, Parks & Recreation last', () => {
    const starts = Object.keys(PREVENTION)
      .map((code) => [code, programmeStart(code, NOW).getTime()] as const)
      .sort((a, b) => a[1] - b[1]);
    expect(starts[0]![0]).toBe('IT');
    expect(starts[starts.length - 1]![0]).toBe('PARKS');
    expect(new Set(starts.map(([, t]) => t)).size).toBe(starts.length);
    expect(starts[0]![1]).toBe(monthsAgo(24).getTime());
    expect(starts.every(([, t]) => t >= monthsAgo(24).getTime() && t < monthsAgo(10).getTime())).toBe(true);
  });

  it('phases a programme in over six months, and its incidents fall two months later, fully after a year', () => {
    const start = programmeStart('FIN', NOW).getTime();
    const at = (months: number) => new Date(start + months * MONTH_MS);
    expect(proactiveRamp('FIN', at(3), NOW)).toBeCloseTo(0.5);
    expect(proactiveRamp('FIN', at(6), NOW)).toBe(1);
    expect(incidentRate('FIN', at(1.9), NOW)).toBe(1);
    expect(incidentRate('FIN', at(7), NOW)).toBeCloseTo(1 - planOf('FIN').effect / 2);
    expect(incidentRate('FIN', at(12), NOW)).toBeCloseTo(1 - planOf('FIN').effect);
    expect(preventionMaturity('FIN', at(20), NOW)).toBe(1);
    const rates = Array.from({ length: 24 }, (_, m) => incidentRate('FIN', at(m), NOW));
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
  });

  it('leaves the desk less pressed in year three than in year one, in every department', () => {
    for (const code of Object.keys(PREVENTION)) {
      expect(pressure(code, monthsAgo(1), NOW)).toBeLessThan(pressure(code, monthsAgo(30), NOW));
      expect(incidentRate(code, monthsAgo(1), NOW)).toBeLessThan(1);
    }
  });
});
