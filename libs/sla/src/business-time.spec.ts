import { describe, expect, it } from '@jest/globals';
import { addBusinessMinutes, businessMinutesBetween, isBusinessTime, nextBusinessInstant } from './business-time.js';
import { ALWAYS_OPEN, calendar24x7 } from './calendar.presets.js';
import { type Calendar } from './calendar.types.js';
import { SlaError } from './sla.errors.js';
import { at, officeHours, splitDay } from './testing/calendars.js';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const nyOffice = officeHours(NY);

describe(addBusinessMinutes.name, () => {
  it('counts inside one window', () => {
    // Monday 2026-03-02 09:00 EST + 90 → 10:30
    expect(addBusinessMinutes(at('2026-03-02T09:00:00-05:00'), 90, nyOffice)).toEqual(at('2026-03-02T10:30:00-05:00'));
  });

  it('is due at the end of a window, not at the next opening', () => {
    expect(addBusinessMinutes(at('2026-03-02T16:00:00-05:00'), 60, nyOffice)).toEqual(at('2026-03-02T17:00:00-05:00'));
    expect(addBusinessMinutes(at('2026-03-02T16:00:00-05:00'), 61, nyOffice)).toEqual(at('2026-03-03T08:01:00-05:00'));
  });

  it('starts a ticket filed outside hours at the next opening (Friday 18:00 → Monday 08:00)', () => {
    expect(addBusinessMinutes(at('2026-02-27T18:00:00-05:00'), 60, nyOffice)).toEqual(at('2026-03-02T09:00:00-05:00'));
    expect(nextBusinessInstant(at('2026-02-27T18:00:00-05:00'), nyOffice)).toEqual(at('2026-03-02T08:00:00-05:00'));
    expect(businessMinutesBetween(at('2026-02-27T18:00:00-05:00'), at('2026-03-02T08:00:00-05:00'), nyOffice)).toBe(0);
  });

  it('skips the lunch break of a split day (08–12, 13–17)', () => {
    const cal = splitDay(NY);
    expect(addBusinessMinutes(at('2026-03-02T11:30:00-05:00'), 60, cal)).toEqual(at('2026-03-02T13:30:00-05:00'));
    expect(addBusinessMinutes(at('2026-03-02T11:00:00-05:00'), 60, cal)).toEqual(at('2026-03-02T12:00:00-05:00'));
    expect(addBusinessMinutes(at('2026-03-02T12:15:00-05:00'), 15, cal)).toEqual(at('2026-03-02T13:15:00-05:00'));
    expect(businessMinutesBetween(at('2026-03-02T00:00:00-05:00'), at('2026-03-03T00:00:00-05:00'), cal)).toBe(480);
    expect(isBusinessTime(at('2026-03-02T12:30:00-05:00'), cal)).toBe(false);
  });

  it('closes a one-off holiday for the whole local day', () => {
    const cal = officeHours(NY, [{ date: '2026-03-04', name: 'Snow day' }]);
    // Tuesday 16:00 + 120: 60 on Tuesday, Wednesday closed, 60 on Thursday.
    expect(addBusinessMinutes(at('2026-03-03T16:00:00-05:00'), 120, cal)).toEqual(at('2026-03-05T09:00:00-05:00'));
    expect(isBusinessTime(at('2026-03-04T10:00:00-05:00'), cal)).toBe(false);
  });

  it('observes a Saturday holiday on the Friday before (July 4, 2026 → Friday July 3)', () => {
    const cal = officeHours(NY, [{ date: '2026-07-04', name: 'Independence Day', yearly: true, observed: true }]);
    expect(isBusinessTime(at('2026-07-03T10:00:00-04:00'), cal)).toBe(false);
    expect(addBusinessMinutes(at('2026-07-02T16:00:00-04:00'), 120, cal)).toEqual(at('2026-07-06T09:00:00-04:00'));
  });

  it('observes a Sunday holiday on the Monday after (July 4, 2027 → Monday July 5)', () => {
    const cal = officeHours(NY, [{ date: '2026-07-04', name: 'Independence Day', yearly: true, observed: true }]);
    expect(isBusinessTime(at('2027-07-05T10:00:00-04:00'), cal)).toBe(false);
    expect(addBusinessMinutes(at('2027-07-02T16:00:00-04:00'), 120, cal)).toEqual(at('2027-07-06T09:00:00-04:00'));
  });

  it('keeps a yearly holiday that is not observed on its own date', () => {
    const cal = officeHours(NY, [{ date: '2020-07-04', name: 'Independence Day', yearly: true }]);
    expect(isBusinessTime(at('2026-07-03T10:00:00-04:00'), cal)).toBe(true);
    expect(isBusinessTime(at('2028-07-04T10:00:00-04:00'), cal)).toBe(false); // a Tuesday
  });

  it('moves an observed New Year on a Saturday into the previous year (2022-01-01 → 2021-12-31)', () => {
    const cal = officeHours(NY, [{ date: '2000-01-01', name: "New Year's Day", yearly: true, observed: true }]);
    expect(isBusinessTime(at('2021-12-31T10:00:00-05:00'), cal)).toBe(false);
    expect(isBusinessTime(at('2021-12-30T10:00:00-05:00'), cal)).toBe(true);
  });

  describe('DST in America/New_York', () => {
    it('spring forward 2026-03-08: 120 minutes from 01:30 on 24×7 is due 04:30 local', () => {
      const due = addBusinessMinutes(at('2026-03-08T01:30:00-05:00'), 120, calendar24x7(NY));
      expect(due).toEqual(at('2026-03-08T04:30:00-04:00'));
      expect(businessMinutesBetween(at('2026-03-08T00:00:00-05:00'), at('2026-03-09T00:00:00-04:00'), calendar24x7(NY))).toBe(
        1380,
      );
    });

    it('fall back 2026-11-01: a 00:00–24:00 window holds 1500 minutes', () => {
      const cal: Calendar = { timeZone: NY, windows: [{ day: 0, start: '00:00', end: '24:00' }], holidays: [] };
      expect(businessMinutesBetween(at('2026-11-01T00:00:00-04:00'), at('2026-11-02T00:00:00-05:00'), cal)).toBe(1500);
      expect(addBusinessMinutes(at('2026-11-01T00:00:00-04:00'), 1500, cal)).toEqual(at('2026-11-02T00:00:00-05:00'));
    });

    it('an 08:00–17:00 window stays nine real hours on both DST days', () => {
      const sunday: Calendar = { timeZone: NY, windows: [{ day: 0, start: '08:00', end: '17:00' }], holidays: [] };
      expect(businessMinutesBetween(at('2026-03-08T00:00:00-05:00'), at('2026-03-09T00:00:00-04:00'), sunday)).toBe(540);
      expect(businessMinutesBetween(at('2026-11-01T00:00:00-04:00'), at('2026-11-02T00:00:00-05:00'), sunday)).toBe(540);
    });

    it('a window over the skipped hour is shorter, over the repeated hour longer', () => {
      const cal: Calendar = { timeZone: NY, windows: [{ day: 0, start: '01:00', end: '04:00' }], holidays: [] };
      expect(businessMinutesBetween(at('2026-03-08T00:00:00-05:00'), at('2026-03-09T00:00:00-04:00'), cal)).toBe(120);
      expect(businessMinutesBetween(at('2026-11-01T00:00:00-04:00'), at('2026-11-02T00:00:00-05:00'), cal)).toBe(240);
      expect(businessMinutesBetween(at('2026-03-15T00:00:00-04:00'), at('2026-03-16T00:00:00-04:00'), cal)).toBe(180);
    });

    it('a window inside the skipped hour does not exist that day; one inside the repeated hour happens twice', () => {
      const gap: Calendar = { timeZone: NY, windows: [{ day: 0, start: '02:00', end: '02:30' }], holidays: [] };
      expect(businessMinutesBetween(at('2026-03-08T00:00:00-05:00'), at('2026-03-09T00:00:00-04:00'), gap)).toBe(0);
      expect(nextBusinessInstant(at('2026-03-08T00:00:00-05:00'), gap)).toEqual(at('2026-03-15T02:00:00-04:00'));
      const repeated: Calendar = { timeZone: NY, windows: [{ day: 0, start: '01:00', end: '01:30' }], holidays: [] };
      expect(businessMinutesBetween(at('2026-11-01T00:00:00-04:00'), at('2026-11-02T00:00:00-05:00'), repeated)).toBe(60);
      expect(isBusinessTime(at('2026-11-01T01:15:00-04:00'), repeated)).toBe(true);
      expect(isBusinessTime(at('2026-11-01T01:45:00-04:00'), repeated)).toBe(false);
      expect(isBusinessTime(at('2026-11-01T01:15:00-05:00'), repeated)).toBe(true);
      // 30 minutes in the first 01:00–01:30 (EDT), then the second one (EST).
      expect(addBusinessMinutes(at('2026-11-01T01:00:00-04:00'), 45, repeated)).toEqual(at('2026-11-01T01:15:00-05:00'));
    });

    it('an office week across spring forward still counts 45 hours', () => {
      expect(businessMinutesBetween(at('2026-03-06T00:00:00-05:00'), at('2026-03-13T00:00:00-05:00'), nyOffice)).toBe(2700);
      expect(addBusinessMinutes(at('2026-03-06T16:00:00-05:00'), 120, nyOffice)).toEqual(at('2026-03-09T09:00:00-04:00'));
    });
  });

  describe('DST in Europe/Berlin', () => {
    it('spring forward 2026-03-29: 120 minutes from 01:30 on 24×7 is due 04:30 local', () => {
      expect(addBusinessMinutes(at('2026-03-29T01:30:00+01:00'), 120, calendar24x7(BERLIN))).toEqual(
        at('2026-03-29T04:30:00+02:00'),
      );
      expect(businessMinutesBetween(at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'), calendar24x7(BERLIN))).toBe(
        1380,
      );
    });

    it('fall back 2026-10-25: a 00:00–24:00 window holds 1500 minutes', () => {
      const cal: Calendar = { timeZone: BERLIN, windows: [{ day: 0, start: '00:00', end: '24:00' }], holidays: [] };
      expect(businessMinutesBetween(at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'), cal)).toBe(1500);
      expect(addBusinessMinutes(at('2026-10-25T01:30:00+02:00'), 120, calendar24x7(BERLIN))).toEqual(
        at('2026-10-25T02:30:00+01:00'),
      );
    });

    it('office hours on the Monday after a change follow local time', () => {
      const cal = officeHours(BERLIN);
      expect(addBusinessMinutes(at('2026-03-27T16:00:00+01:00'), 120, cal)).toEqual(at('2026-03-30T09:00:00+02:00'));
      expect(addBusinessMinutes(at('2026-10-23T16:00:00+02:00'), 120, cal)).toEqual(at('2026-10-26T09:00:00+01:00'));
    });
  });

  it('treats 24×7 as plain arithmetic', () => {
    expect(addBusinessMinutes(at('2026-05-01T10:00:00Z'), 10_000, ALWAYS_OPEN)).toEqual(at('2026-05-08T08:40:00Z'));
    expect(addBusinessMinutes(at('2026-01-01T00:00:00Z'), 525_600, calendar24x7(NY))).toEqual(at('2027-01-01T00:00:00Z'));
  });

  it('reaches 200,000 business minutes (about 19 months) exactly as a minute-by-minute count does', () => {
    const cal = officeHours(NY, [
      { date: '2026-01-01', name: "New Year's Day", yearly: true, observed: true },
      { date: '2026-07-04', name: 'Independence Day', yearly: true, observed: true },
      { date: '2026-12-25', name: 'Christmas Day', yearly: true, observed: true },
      { date: '2026-11-26', name: 'Thanksgiving', observed: false },
    ]);
    const start = at('2026-01-05T10:17:00-05:00');
    const due = addBusinessMinutes(start, 200_000, cal);
    expect(businessMinutesBetween(start, due, cal)).toBe(200_000);

    let counted = 0;
    let t = start.getTime();
    while (counted < 200_000) {
      if (isBusinessTime(new Date(t), cal)) counted++;
      t += 60_000;
    }
    expect(due).toEqual(new Date(t));
  });

  it('truncates instants to the minute', () => {
    expect(addBusinessMinutes(at('2026-03-02T09:00:45-05:00'), 10, nyOffice)).toEqual(at('2026-03-02T09:10:00-05:00'));
    expect(businessMinutesBetween(at('2026-03-02T09:00:59-05:00'), at('2026-03-02T09:02:01-05:00'), nyOffice)).toBe(2);
  });

  it('returns the start unchanged for 0 minutes and refuses negative or fractional minutes', () => {
    const start = at('2026-03-07T10:00:30-05:00');
    expect(addBusinessMinutes(start, 0, nyOffice)).toEqual(start);
    expect(() => addBusinessMinutes(start, -1, nyOffice)).toThrow(SlaError);
    expect(() => addBusinessMinutes(start, 1.5, nyOffice)).toThrow(/non-negative integer/);
    expect(() => addBusinessMinutes(new Date('nope'), 1, nyOffice)).toThrow(/valid Date/);
  });

  it('throws a clear error instead of looping on a calendar with no business time', () => {
    const none: Calendar = { timeZone: NY, windows: [], holidays: [] };
    expect(() => addBusinessMinutes(at('2026-03-02T09:00:00Z'), 1, none)).toThrow(
      expect.objectContaining({ code: 'no_business_time' }),
    );
    expect(() => nextBusinessInstant(at('2026-03-02T09:00:00Z'), none)).toThrow(/no business time/);
    expect(businessMinutesBetween(at('2026-03-02T09:00:00Z'), at('2027-03-02T09:00:00Z'), none)).toBe(0);
    expect(isBusinessTime(at('2026-03-02T09:00:00Z'), none)).toBe(false);
  });

  it('refuses an invalid calendar with the list of problems', () => {
    const bad: Calendar = { timeZone: 'Mars/Olympus_Mons', windows: [{ day: 1, start: '09:00', end: '08:00' }], holidays: [] };
    expect(() => isBusinessTime(at('2026-03-02T09:00:00Z'), bad)).toThrow(
      expect.objectContaining({ code: 'invalid_calendar', problems: expect.arrayContaining([expect.stringContaining('Mars')]) }),
    );
  });
});

describe(businessMinutesBetween.name, () => {
  it('is 0 when b ≤ a', () => {
    expect(businessMinutesBetween(at('2026-03-02T10:00:00-05:00'), at('2026-03-02T09:00:00-05:00'), nyOffice)).toBe(0);
    expect(businessMinutesBetween(at('2026-03-02T10:00:00-05:00'), at('2026-03-02T10:00:00-05:00'), nyOffice)).toBe(0);
  });

  it('counts whole weeks minus holidays over a year', () => {
    const cal = officeHours(NY, [{ date: '2026-12-25', name: 'Christmas Day' }]);
    // 2026 has 261 weekdays; Christmas is a Friday.
    expect(businessMinutesBetween(at('2026-01-01T00:00:00-05:00'), at('2027-01-01T00:00:00-05:00'), cal)).toBe(260 * 540);
  });
});

describe(nextBusinessInstant.name, () => {
  it('returns the instant itself inside business time, the window start outside', () => {
    const inside = at('2026-03-02T09:00:30-05:00');
    expect(nextBusinessInstant(inside, nyOffice)).toEqual(inside);
    expect(nextBusinessInstant(at('2026-03-02T17:00:00-05:00'), nyOffice)).toEqual(at('2026-03-03T08:00:00-05:00'));
    expect(nextBusinessInstant(at('2026-03-02T07:59:59-05:00'), nyOffice)).toEqual(at('2026-03-02T08:00:00-05:00'));
  });
});

describe(isBusinessTime.name, () => {
  it('includes the window start and excludes its end', () => {
    expect(isBusinessTime(at('2026-03-02T08:00:00-05:00'), nyOffice)).toBe(true);
    expect(isBusinessTime(at('2026-03-02T16:59:59-05:00'), nyOffice)).toBe(true);
    expect(isBusinessTime(at('2026-03-02T17:00:00-05:00'), nyOffice)).toBe(false);
    expect(isBusinessTime(at('2026-03-07T10:00:00-05:00'), nyOffice)).toBe(false);
  });
});
