import { describe, expect, it } from '@jest/globals';
import { ALWAYS_OPEN, calendar24x7 } from './calendar.presets.js';
import { type Calendar } from './calendar.types.js';
import { validateCalendar } from './calendar.validation.js';
import { officeHours, splitDay } from './testing/calendars.js';

describe(validateCalendar.name, () => {
  it('accepts office hours, split days with touching windows, 24×7 and holidays', () => {
    expect(
      validateCalendar(
        officeHours('America/Chicago', [{ date: '2026-07-04', name: 'Independence Day', yearly: true, observed: true }]),
      ),
    ).toEqual([]);
    expect(validateCalendar(splitDay('Europe/Berlin'))).toEqual([]);
    expect(
      validateCalendar({
        timeZone: 'UTC',
        windows: [
          { day: 1, start: '08:00', end: '12:00' },
          { day: 1, start: '12:00', end: '24:00' },
        ],
        holidays: [],
      }),
    ).toEqual([]);
    expect(validateCalendar(ALWAYS_OPEN)).toEqual([]);
    expect(validateCalendar(calendar24x7('Australia/Sydney'))).toEqual([]);
  });

  it('reports a time zone that is not IANA', () => {
    for (const timeZone of ['Mars/Olympus_Mons', '', '+05:00', 'EST-5-ish']) {
      expect(validateCalendar({ ...officeHours('UTC'), timeZone })).toEqual([expect.stringContaining('not an IANA time zone')]);
    }
  });

  it('reports bad times, end before start and overlapping windows', () => {
    const cal: Calendar = {
      timeZone: 'America/New_York',
      windows: [
        { day: 1, start: '8:00', end: '12:00' },
        { day: 2, start: '13:00', end: '12:00' },
        { day: 3, start: '24:00', end: '24:00' },
        { day: 4, start: '08:00', end: '24:01' },
        { day: 5, start: '08:00', end: '12:00' },
        { day: 5, start: '11:30', end: '13:00' },
        { day: 7 as 0, start: '08:00', end: '09:00' },
      ],
      holidays: [],
    };
    expect(validateCalendar(cal)).toEqual([
      'windows[0]: start "8:00" must be HH:MM from 00:00 to 23:59',
      'windows[1]: end 12:00 must be after start 13:00',
      'windows[2]: start "24:00" must be HH:MM from 00:00 to 23:59',
      'windows[3]: end "24:01" must be HH:MM from 00:01 to 24:00',
      'windows[6]: day 7 must be an integer 0 (Sunday) .. 6 (Saturday)',
      'windows[4] and windows[5] overlap on Friday (08:00–12:00 and 11:30–13:00)',
    ]);
  });

  it('reports bad holidays', () => {
    const cal: Calendar = {
      ...officeHours('UTC'),
      holidays: [
        { date: '2026-02-30', name: 'No such day' },
        { date: '2026-7-4', name: 'Short' },
        { date: '2026-12-25', name: ' ' },
      ],
    };
    expect(validateCalendar(cal)).toEqual([
      'holidays[0]: date "2026-02-30" must be an existing YYYY-MM-DD date',
      'holidays[1]: date "2026-7-4" must be an existing YYYY-MM-DD date',
      'holidays[2]: name must not be empty',
    ]);
  });

  it('reports a calendar without business hours', () => {
    expect(validateCalendar({ timeZone: 'UTC', windows: [], holidays: [] })).toEqual([
      'the calendar has no business hours: add at least one weekly window',
    ]);
  });
});

describe(calendar24x7.name, () => {
  it('opens every day 00:00–24:00 without holidays, frozen', () => {
    const cal = calendar24x7('America/New_York');
    expect(cal.windows).toHaveLength(7);
    expect(cal.windows.every((w) => w.start === '00:00' && w.end === '24:00')).toBe(true);
    expect(cal.holidays).toEqual([]);
    expect(Object.isFrozen(ALWAYS_OPEN)).toBe(true);
    expect(ALWAYS_OPEN.timeZone).toBe('UTC');
  });
});
