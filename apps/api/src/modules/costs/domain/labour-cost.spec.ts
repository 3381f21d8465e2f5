import { describe, expect, it } from '@jest/globals';
import { labourCostCents, rateInForce, ratePeriod, type DatedRate } from './labour-cost.js';

describe(rateInForce.name, () => {
  const rates: DatedRate[] = [
    { userId: null, hourlyRateCents: 5000, effectiveFrom: '2020-01-01' },
    { userId: null, hourlyRateCents: 5500, effectiveFrom: '2025-01-01' },
    { userId: 'u1', hourlyRateCents: 6000, effectiveFrom: '2023-07-01' },
    { userId: 'u1', hourlyRateCents: 6500, effectiveFrom: '2025-07-01' },
  ];

  it("takes the technician's latest own rate started on or before the day", () => {
    expect(rateInForce(rates, '2025-06-30')).toBe(6000);
    expect(rateInForce(rates, '2025-07-01')).toBe(6500);
    expect(rateInForce(rates, '2030-01-01')).toBe(6500);
  });

  it("falls back to the role default's latest rate before the technician's first own rate", () => {
    expect(rateInForce(rates, '2023-06-30')).toBe(5000);
    expect(
      rateInForce(
        rates.filter((r) => r.userId === null),
        '2025-03-01',
      ),
    ).toBe(5500);
  });

  it('prefers an own rate even when the role default changed later', () => {
    expect(rateInForce(rates, '2025-02-01')).toBe(6000);
  });

  it('answers null when no rate had started', () => {
    expect(rateInForce(rates, '2019-12-31')).toBeNull();
    expect(rateInForce([], '2025-01-01')).toBeNull();
  });
});

describe(labourCostCents.name, () => {
  it('costs minutes at the hourly rate in whole cents', () => {
    expect(labourCostCents(60, 6000)).toBe(6000);
    expect(labourCostCents(90, 6000)).toBe(9000);
    expect(labourCostCents(1, 6000)).toBe(100);
    expect(labourCostCents(7, 5555)).toBe(648); // 648.08
    expect(labourCostCents(1, 30)).toBe(1); // half a cent rounds up
    expect(labourCostCents(1440, 1_000_000)).toBe(24_000_000);
  });
});

describe(ratePeriod.name, () => {
  const dates = ['2024-01-01', '2025-07-01', '2026-07-01'];

  it('marks the latest rate started by today current, later ones future and earlier ones past', () => {
    expect(dates.map((d) => ratePeriod(d, dates, '2026-03-02'))).toEqual(['past', 'current', 'future']);
    expect(dates.map((d) => ratePeriod(d, dates, '2026-07-01'))).toEqual(['past', 'past', 'current']);
    expect(dates.map((d) => ratePeriod(d, dates, '2023-12-31'))).toEqual(['future', 'future', 'future']);
  });
});
