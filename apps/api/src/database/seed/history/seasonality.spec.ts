import { describe, expect, it } from '@jest/globals';
import { Random } from './random.js';
import { budgetSeason, civilDay, dayFactor, openingMinute, stormDays, type CivilDay } from './seasonality.js';

const calm = { holidays: new Set<string>(), storms: new Map<string, number>(), fiscalYearStartMonth: 7 };
// The week of Monday 2026-03-09.
const week = Array.from({ length: 7 }, (_, i) => civilDay(2026, 3, 9 + i));
const factor = (code: string, schedule: 'office' | 'around_the_clock' | 'library', day: CivilDay, context = calm) =>
  dayFactor(code, schedule, day, context);

describe('seasonality of the demo city', () => {
  it('files most on Mondays and Tuesdays and hardly any on office weekends, though police work every day', () => {
    const office = week.map((d) => factor('FIN', 'office', d));
    expect(office[0]).toBeGreaterThan(office[1]!);
    expect(office[1]).toBeGreaterThan(office[2]!);
    expect(office[4]).toBeLessThan(office[2]!);
    expect(office[5]! + office[6]!).toBeLessThan(0.15);
    const police = week.map((d) => factor('PD', 'around_the_clock', d));
    expect(police[5]).toBeGreaterThan(0.5);
    expect(police[0]).toBeGreaterThan(police[5]!);
  });

  it('closes the office on holidays but not the police', () => {
    const holiday = { ...calm, holidays: new Set([week[0]!.date]) };
    expect(factor('FIN', 'office', week[0]!, holiday)).toBeLessThan(0.1 * factor('FIN', 'office', week[0]!));
    expect(factor('PD', 'around_the_clock', week[0]!, holiday)).toBeGreaterThan(0.5 * factor('PD', 'around_the_clock', week[0]!));
  });

  it('has a budget season before the fiscal year starts, and summers for parks', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((m) => budgetSeason(m, 7))).toEqual([4, 5, 6]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((m) => budgetSeason(m, 1))).toEqual([10, 11, 12]);
    const wednesday = (month: number) => civilDay(2026, month, 1 + ((3 - civilDay(2026, month, 1).weekday + 7) % 7));
    const ratio = (code: string, month: number) =>
      factor(code, 'office', wednesday(month)) / factor('PW', 'office', wednesday(month));
    expect(ratio('FIN', 5)).toBeGreaterThan(1.3);
    expect(ratio('FIN', 10)).toBeCloseTo(1);
    expect(ratio('PARKS', 7)).toBeGreaterThan(1.4);
    expect(ratio('PARKS', 1)).toBeCloseTo(1);
  });

  it('brings three to five summer storms a year that hit the crews in the field, the same ones for the same seed', () => {
    const storms = stormDays(Random.seeded(311), 2024, 2026);
    expect(stormDays(Random.seeded(311), 2024, 2026)).toEqual(storms);
    for (const [date, strength] of storms) {
      expect(Number(date.slice(5, 7))).toBeGreaterThanOrEqual(6);
      expect(Number(date.slice(5, 7))).toBeLessThanOrEqual(9); // a two-day storm from 31 August ends in September
      expect(strength).toBeGreaterThan(1);
    }
    const starts = [...storms].filter(([, s]) => s >= 2.5);
    expect(starts.length).toBeGreaterThanOrEqual(9);
    expect(starts.length).toBeLessThanOrEqual(15);
    const [date] = starts[0]!;
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const context = { ...calm, storms };
    expect(factor('PW', 'office', civilDay(y, m, d), context)).toBeGreaterThan(2 * factor('PW', 'office', civilDay(y, m, d)));
    expect(factor('FIN', 'office', civilDay(y, m, d), context)).toBe(factor('FIN', 'office', civilDay(y, m, d)));
  });

  it('files office tickets in business hours with a morning peak, police tickets around the clock', () => {
    const r = Random.seeded(5);
    const office = Array.from({ length: 5_000 }, () => openingMinute(r, 'office'));
    expect(Math.min(...office)).toBeGreaterThanOrEqual(7 * 60);
    expect(Math.max(...office)).toBeLessThan(18 * 60);
    const hour = (h: number) => office.filter((m) => Math.floor(m / 60) === h).length;
    expect(hour(9)).toBeGreaterThan(hour(12));
    expect(hour(9)).toBeGreaterThan(hour(16));
    const police = Array.from({ length: 5_000 }, () => openingMinute(r, 'around_the_clock'));
    const night = police.filter((m) => m < 6 * 60 || m >= 20 * 60).length / police.length;
    expect(night).toBeGreaterThan(0.08);
    expect(night).toBeLessThan(0.2);
    const library = Array.from({ length: 2_000 }, () => openingMinute(r, 'library'));
    expect(Math.max(...library)).toBeGreaterThanOrEqual(19 * 60);
  });
});
