import { describe, expect, it } from '@jest/globals';
import { addMonths, byDueDay, monthRange, monthWeeks, parseMonth, weekColumns } from './calendar-month';

const MARCH_2026 = { year: 2026, month: 3 };
const SUNDAY = 7;
const MONDAY = 1;
const keysOf = (week: { key: string }[] | undefined) => week?.map((day) => day.key.slice(5));

describe(monthWeeks.name, () => {
  it('lays March 2026 out in Sunday-first weeks (the 1st is a Sunday)', () => {
    const weeks = monthWeeks(MARCH_2026, SUNDAY);
    expect(weeks).toHaveLength(5);
    expect(keysOf(weeks[0])).toEqual(['03-01', '03-02', '03-03', '03-04', '03-05', '03-06', '03-07']);
    expect(keysOf(weeks[4])).toEqual(['03-29', '03-30', '03-31', '04-01', '04-02', '04-03', '04-04']);
    expect(weeks[4]?.map((day) => day.inMonth)).toEqual([true, true, true, false, false, false, false]);
  });

  it('lays the same month out in Monday-first weeks, starting in February', () => {
    const weeks = monthWeeks(MARCH_2026, MONDAY);
    expect(weeks).toHaveLength(6);
    expect(keysOf(weeks[0])).toEqual(['02-23', '02-24', '02-25', '02-26', '02-27', '02-28', '03-01']);
    expect(keysOf(weeks[5])?.[1]).toBe('03-31');
  });

  it('orders the columns from the locale’s first day', () => {
    expect(weekColumns(SUNDAY)).toEqual([6, 0, 1, 2, 3, 4, 5]);
    expect(weekColumns(MONDAY)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe(byDueDay.name, () => {
  it('puts each item on its local due day, earliest first', () => {
    const at = (day: number, hour: number) => ({ dueAt: new Date(2026, 2, day, hour).toISOString(), name: `${day}@${hour}` });
    const days = byDueDay([at(12, 15), at(3, 9), at(12, 8), at(31, 23)]);
    expect([...days].map(([key, items]) => [key, items.map((item) => item.name)])).toEqual([
      ['2026-03-03', ['3@9']],
      ['2026-03-12', ['12@8', '12@15']],
      ['2026-03-31', ['31@23']],
    ]);
  });
});

describe(monthRange.name, () => {
  it('bounds the month by local midnights, across the year end', () => {
    expect(monthRange({ year: 2026, month: 12 })).toEqual({
      from: new Date(2026, 11, 1).toISOString(),
      to: new Date(2027, 0, 1).toISOString(),
    });
    expect(addMonths({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
  });
});

describe(parseMonth.name, () => {
  it('reads YYYY-MM and nothing else', () => {
    expect(parseMonth('2026-03')).toEqual(MARCH_2026);
    expect(parseMonth('2026-13')).toBeNull();
    expect(parseMonth('March')).toBeNull();
    expect(parseMonth(null)).toBeNull();
  });
});
