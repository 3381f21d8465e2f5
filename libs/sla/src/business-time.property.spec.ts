import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addBusinessMinutes, businessMinutesBetween, isBusinessTime, nextBusinessInstant } from './business-time.js';
import { type Calendar, type Holiday, type Weekday, type WeeklyWindow } from './calendar.types.js';
import { validateCalendar } from './calendar.validation.js';

const ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Europe/Berlin',
  'Europe/London',
  'Australia/Sydney',
  'UTC',
];
const MINUTE = 60_000;
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Per day: an even number of distinct cut points in 0..1440, paired into non-overlapping windows. */
const dayWindows = (day: Weekday): fc.Arbitrary<WeeklyWindow[]> =>
  fc
    .uniqueArray(
      fc.oneof(
        fc.integer({ min: 0, max: 96 }).map((q) => q * 15),
        fc.integer({ min: 0, max: 1440 }),
      ),
      {
        maxLength: 6,
      },
    )
    .map((cuts) => {
      const sorted = [...cuts].sort((a, b) => a - b);
      const windows: WeeklyWindow[] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) windows.push({ day, start: hhmm(sorted[i]!), end: hhmm(sorted[i + 1]!) });
      return windows;
    });

const holiday: fc.Arbitrary<Holiday> = fc.record({
  date: fc
    .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2031-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  name: fc.constant('Holiday'),
  yearly: fc.boolean(),
  observed: fc.boolean(),
});

const calendarArb: fc.Arbitrary<Calendar> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    days: fc.tuple(...([0, 1, 2, 3, 4, 5, 6] as const).map((d) => dayWindows(d))),
    holidays: fc.array(holiday, { maxLength: 6 }),
  })
  .map(({ timeZone, days, holidays }) => ({ timeZone, windows: days.flat(), holidays }))
  // Keep calendars with business time (a calendar without any is refused, tested elsewhere).
  .filter((c) => c.windows.length > 0);

/** Instants 2025..2030 with seconds, biased towards the DST weekends of the zones above. */
const instant = fc.oneof(
  fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
  fc
    .tuple(
      fc.constantFrom(
        '2026-03-08T00:00:00Z',
        '2026-03-29T00:00:00Z',
        '2026-10-25T00:00:00Z',
        '2026-11-01T00:00:00Z',
        '2026-04-05T00:00:00Z',
        '2026-10-04T00:00:00Z',
      ),
      fc.integer({ min: -2 * 1440, max: 2 * 1440 }),
    )
    .map(([day, minutes]) => new Date(Date.parse(day) + minutes * MINUTE)),
);

const minutesArb = fc.oneof(
  fc.integer({ min: 0, max: 600 }),
  fc.integer({ min: 0, max: 20_000 }),
  fc.integer({ min: 0, max: 300_000 }),
);

/**
 * An independent oracle: the local wall-clock time of an instant straight from Intl, checked
 * against the windows and the holidays (with their observed shifts) of that local date.
 */
function oracleIsBusiness(t: Date, cal: Calendar): boolean {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: cal.timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(t);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const [y, mo, d] = [get('year'), get('month'), get('day')];
  const minuteOfDay = get('hour') * 60 + get('minute');
  const localDay = Date.UTC(y, mo - 1, d);
  const weekday = new Date(localDay).getUTCDay();
  const closed = cal.holidays.some((h) => {
    const [hy, hm, hd] = h.date.split('-').map(Number) as [number, number, number];
    const years = h.yearly ? [y - 1, y, y + 1] : [hy];
    return years.some((year) => {
      let day = Date.UTC(year, hm - 1, hd);
      if (new Date(day).getUTCMonth() !== hm - 1) return false; // 29 February in a common year
      const wd = new Date(day).getUTCDay();
      if (h.observed && wd === 6) day -= 86_400_000;
      if (h.observed && wd === 0) day += 86_400_000;
      return day === localDay;
    });
  });
  if (closed) return false;
  return cal.windows.some((w) => {
    const [sh, sm] = w.start.split(':').map(Number) as [number, number];
    const [eh, em] = w.end.split(':').map(Number) as [number, number];
    return w.day === weekday && minuteOfDay >= sh * 60 + sm && minuteOfDay < eh * 60 + em;
  });
}

describe('business-time properties', () => {
  it('generates valid calendars', () => {
    fc.assert(fc.property(calendarArb, (cal) => validateCalendar(cal).length === 0));
  });

  it('isBusinessTime agrees with a wall-clock oracle read from Intl', () => {
    fc.assert(
      fc.property(calendarArb, fc.array(instant, { minLength: 1, maxLength: 20 }), (cal, instants) => {
        for (const t of instants) expect(isBusinessTime(t, cal)).toBe(oracleIsBusiness(t, cal));
      }),
      { numRuns: 300 },
    );
  });

  it('businessMinutesBetween counts the business minutes one by one (ranges up to 3 days)', () => {
    fc.assert(
      fc.property(calendarArb, instant, fc.integer({ min: 0, max: 3 * 1440 }), (cal, a, span) => {
        const b = new Date(a.getTime() + span * MINUTE);
        let count = 0;
        for (let t = Math.floor(a.getTime() / MINUTE) * MINUTE; t < Math.floor(b.getTime() / MINUTE) * MINUTE; t += MINUTE) {
          if (isBusinessTime(new Date(t), cal)) count++;
        }
        expect(businessMinutesBetween(a, b, cal)).toBe(count);
      }),
      { numRuns: 150 },
    );
  });

  it('businessMinutesBetween(s, addBusinessMinutes(s, m)) === m', () => {
    fc.assert(
      fc.property(calendarArb, instant, minutesArb, (cal, s, m) => {
        expect(businessMinutesBetween(s, addBusinessMinutes(s, m, cal), cal)).toBe(m);
      }),
      { numRuns: 400 },
    );
  });

  it('addBusinessMinutes is monotonic in minutes', () => {
    fc.assert(
      fc.property(calendarArb, instant, minutesArb, minutesArb, (cal, s, m1, m2) => {
        const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(addBusinessMinutes(s, lo, cal).getTime()).toBeLessThanOrEqual(addBusinessMinutes(s, hi, cal).getTime());
        if (lo < hi) expect(addBusinessMinutes(s, lo, cal).getTime()).toBeLessThan(addBusinessMinutes(s, hi, cal).getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('for m > 0 the due time ends a counted business minute: inside business time or exactly at a window end', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instant,
        minutesArb.filter((m) => m > 0),
        (cal, s, m) => {
          const due = addBusinessMinutes(s, m, cal);
          expect(due.getTime() % MINUTE).toBe(0);
          // The minute just before the due time was business time, so the due time is either inside
          // the same window or exactly its end instant (17:00 for a window ending at 17:00).
          expect(isBusinessTime(new Date(due.getTime() - MINUTE), cal)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('businessMinutesBetween is additive: (a,b) + (b,c) = (a,c)', () => {
    fc.assert(
      fc.property(calendarArb, instant, instant, instant, (cal, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        expect(businessMinutesBetween(a, b, cal) + businessMinutesBetween(b, c, cal)).toBe(businessMinutesBetween(a, c, cal));
      }),
      { numRuns: 300 },
    );
  });

  it('nextBusinessInstant is business time with no business minute before it', () => {
    fc.assert(
      fc.property(calendarArb, instant, (cal, t) => {
        const next = nextBusinessInstant(t, cal);
        expect(next.getTime()).toBeGreaterThanOrEqual(t.getTime());
        expect(isBusinessTime(next, cal)).toBe(true);
        expect(businessMinutesBetween(t, next, cal)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
