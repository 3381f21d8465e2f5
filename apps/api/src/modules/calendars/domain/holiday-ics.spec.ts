import { describe, expect, it } from '@jest/globals';
import { holidaysToIcs, parseHolidayIcs } from './holiday-ics.js';

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//City//Holidays//EN',
  'BEGIN:VEVENT',
  'UID:1@city',
  'DTSTAMP:20260101T000000Z',
  'DTSTART;VALUE=DATE:20260704',
  'DTEND;VALUE=DATE:20260705',
  'SUMMARY:Independence Day',
  'RRULE:FREQ=YEARLY',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2@city',
  'DTSTAMP:20260101T000000Z',
  'DTSTART;VALUE=DATE:20260217',
  'SUMMARY:Snow day closure',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe(parseHolidayIcs.name, () => {
  it('reads all-day events, yearly ones as yearly holidays', () => {
    expect(parseHolidayIcs(ICS)).toEqual([
      { date: '2026-07-04', name: 'Independence Day', yearly: true, observed: false },
      { date: '2026-02-17', name: 'Snow day closure', yearly: false, observed: false },
    ]);
  });

  it('refuses something that is not iCalendar', () => {
    expect(() => parseHolidayIcs('date,name\n2026-07-04,Fourth')).toThrow(/not an iCalendar file/);
  });

  it('round-trips through its own export', () => {
    const holidays = [
      { id: 'a', date: '2026-12-25', name: 'Christmas Day', yearly: true, observed: true },
      { id: 'b', date: '2026-11-27', name: 'Day after Thanksgiving', yearly: false, observed: false },
    ];
    const ics = holidaysToIcs('City office hours', holidays, new Date('2026-01-01T00:00:00Z'));
    expect(ics).toContain('DTSTART;VALUE=DATE:20261225');
    expect(ics).toContain('RRULE:FREQ=YEARLY');
    expect(parseHolidayIcs(ics).map(({ date, name, yearly }) => ({ date, name, yearly }))).toEqual(
      holidays.map(({ date, name, yearly }) => ({ date, name, yearly })),
    );
  });
});
